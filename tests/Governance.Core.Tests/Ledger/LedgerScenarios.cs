using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Governance.Core.Catalogue;
using Governance.Core.Ledger;
using Governance.Core.Organization;
using Governance.Core.Requests;
using NodaTime;

namespace Governance.Core.Tests.Ledger;

/// <summary>A ledger item's life as a test drives it: how it started (opened or proposed) and the commands that follow.</summary>
internal sealed record LedgerScenario(LedgerScenarioSeed Seed, OpenLedgerItem? Opening, ProposeLedgerItem? Proposal, IReadOnlyList<LedgerCommand> Commands)
{
    public static DateTimeZone Zone => LedgerCast.Zone;

    public LedgerItem Start() => Opening is not null ? LedgerItem.Open(Opening, Zone) : LedgerItem.Propose(Proposal!, Zone);

    // FsCheck prints this when a property fails: one command a line, so a counterexample reads as a story.
    public override string ToString()
    {
        var text = new StringBuilder().Append((object?)Opening ?? Proposal);
        foreach (var command in Commands)
        {
            text.AppendLine().Append("  ").Append(command);
        }

        return text.ToString();
    }
}

internal sealed record LedgerScenarioSeed(bool Propose, ConcernClass Class, LedgerOrigin Origin, Instant StartAt, int[][] Steps);

/// <summary>
/// Generates <see cref="LedgerScenario"/>s. Each step is a few random numbers turned into a concrete command against a
/// shadow item replaying the steps so far: about 70% pick a trigger the current status permits, with well-formed
/// fields, so Completed and Dropped are reached often; the rest are any trigger, blank texts, past deadlines, repeated
/// links, unnamed agencies or times before the last event. A step is only numbers, so any sublist of steps is a
/// scenario too, which is how scenarios shrink.
/// </summary>
internal static class LedgerScenarios
{
    private static readonly LedgerTrigger[] AllTriggers = Enum.GetValues<LedgerTrigger>();

    private static readonly Dictionary<LedgerTrigger, int> Weights = new()
    {
        [LedgerTrigger.Accept] = 6,
        [LedgerTrigger.AddMeasure] = 3,
        [LedgerTrigger.NoteProgress] = 4,
        [LedgerTrigger.LinkRequest] = 3,
        [LedgerTrigger.AssignResponsible] = 2,
        [LedgerTrigger.MoveDeadline] = 2,
        [LedgerTrigger.Reply] = 3,
        [LedgerTrigger.Complete] = 2,
        [LedgerTrigger.Drop] = 1,
    };

    private static readonly Agency[] Agencies = [Agency.Unit(SampleDistrict.Units.Yujiawu), Agency.Unit(SampleDistrict.Units.Qutou), default];

    private static readonly StaffId[] Staff = [LedgerCast.Yan, LedgerCast.Meng, new(string.Empty)];

    private static readonly RequestId[] Requests = [new("12345-2023-000917"), new("qutou-0002"), new("户联网-3")];

    private static readonly string[] Texts =
    [
        "排查线路，更换损坏灯具", "协调乡城建办", "已答复：春节前完成", "路灯不亮 💡", "窗口\"说明\"\n第二行", "Zoë's 'quoted' note",
    ];

    private static readonly string[] BlankTexts = ["", " ", "\t\n", "\u3000"];

    /// <summary>Scenarios of 1–25 commands, starting in 2010–2026, shrinking by dropping steps.</summary>
    public static Arbitrary<LedgerScenario> Arbitrary => Arb.From(Seeds.Select(Build), s => Shrink(s.Seed).Select(Build));

    private static Gen<LedgerScenarioSeed> Seeds =>
        from propose in Gen.Elements(true, false)
        from cls in Gen.Elements(Enum.GetValues<ConcernClass>())
        from origin in Gen.Elements(Enum.GetValues<LedgerOrigin>())
        from start in Time.ServiceLevelGenerators.Receipts
        from count in Gen.Choose(1, 25)
        from steps in Gen.Choose(0, 999).ArrayOf(6).ArrayOf(count)
        select new LedgerScenarioSeed(propose, cls, origin, start, steps);

    private static IEnumerable<LedgerScenarioSeed> Shrink(LedgerScenarioSeed seed)
    {
        for (var i = 0; i < seed.Steps.Length && seed.Steps.Length > 1; i++)
        {
            yield return seed with { Steps = [.. seed.Steps.Take(i), .. seed.Steps.Skip(i + 1)] };
        }
    }

    private static LedgerScenario Build(LedgerScenarioSeed seed)
    {
        var id = new LedgerItemId("yjw-2023-001");
        var location = new RequestLocation(SampleDistrict.Units.Qutou);
        var request = seed.Origin == LedgerOrigin.Request ? Requests[0] : (RequestId?)null;
        var startDate = seed.StartAt.InZone(LedgerCast.Zone).Date;
        OpenLedgerItem? opening = seed.Propose ? null : new OpenLedgerItem(id, Agencies[0], seed.StartAt, seed.Class, new CategoryCode("市政/路灯"),
            location, "主路路灯不亮", "村民反映主路路灯夜间不亮", Texts[0], LedgerCast.Yan, startDate.PlusDays(14), seed.Origin, "送年历时收集", request);
        ProposeLedgerItem? proposal = seed.Propose ? new ProposeLedgerItem(id, Agencies[0], seed.StartAt, seed.Class, new CategoryCode("市政/路灯"),
            location, "主路路灯不亮", "30天内12件路灯诉求", seed.Origin, "hotspot 市政/路灯 ×12", request) : null;
        var scenario = new LedgerScenario(seed, opening, proposal, []);
        var shadow = scenario.Start();
        var commands = new List<LedgerCommand>();
        var at = seed.StartAt;
        foreach (var step in seed.Steps)
        {
            var (bias, kind, who, timeShape, text, extra) = (step[0] % 100, step[1], step[2], step[3] % 100, step[4] % 100, step[5]);
            var permitted = LedgerLifecycle.PermittedTriggers(shadow.Status);
            var trigger = bias < 75 && permitted.Count > 0 ? Weighted(permitted, kind) : AllTriggers[kind % AllTriggers.Length];
            if (trigger == LedgerTrigger.Drop && bias >= 75 && kind % 4 != 0)
            {
                trigger = LedgerTrigger.Complete; // an off-table drop would end most lives early
            }

            var by = who < 950 ? Agencies[who % 2] : Agencies[2];
            at = timeShape switch
            {
                < 40 => at + Duration.FromMinutes(timeShape * 7),
                < 80 => at + Duration.FromDays(timeShape - 39),
                < 95 => at,
                _ => at - Duration.FromMinutes(timeShape),
            };
            var words = text < 90 ? Texts[text % Texts.Length] : BlankTexts[text % BlankTexts.Length];
            var today = at.InZone(LedgerCast.Zone).Date;
            var deadline = extra < 900 ? today.PlusDays(extra % 40) : today.PlusDays(-1 - (extra % 3));
            var staff = extra < 950 ? Staff[extra % 2] : Staff[2];
            LedgerCommand command = trigger switch
            {
                LedgerTrigger.Accept => new AcceptLedgerItem(by, at, words, staff, deadline),
                LedgerTrigger.AddMeasure => new AddMeasure(by, at, words),
                LedgerTrigger.NoteProgress => new NoteProgress(by, at, words),
                LedgerTrigger.LinkRequest => new LinkRequest(by, at, Requests[extra % Requests.Length]),
                LedgerTrigger.AssignResponsible => new AssignResponsible(by, at, staff, words),
                LedgerTrigger.MoveDeadline => new MoveDeadline(by, at, deadline, words),
                LedgerTrigger.Reply => new ReplyToResidents(by, at, words),
                LedgerTrigger.Complete => new CompleteLedgerItem(by, at, words),
                _ => new DropLedgerItem(by, at, words),
            };
            commands.Add(command);
            try
            {
                shadow.Execute(command);
            }
            catch (LedgerCommandException)
            {
                // refused: the shadow is unchanged, as the real item will be
            }
        }

        return scenario with { Commands = commands };
    }

    private static LedgerTrigger Weighted(IReadOnlyList<LedgerTrigger> permitted, int pick)
    {
        var total = permitted.Sum(t => Weights[t]);
        var n = pick % total;
        foreach (var trigger in permitted)
        {
            n -= Weights[trigger];
            if (n < 0)
            {
                return trigger;
            }
        }

        return permitted[^1];
    }
}
