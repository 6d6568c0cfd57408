using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Governance.Core.Catalogue;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Tests.Requests;

/// <summary>
/// A request's life as a test drives it: what was submitted, who received it, a pool of agencies, and the commands
/// that follow — legal or not, by the right agency or not, in time order or not.
/// </summary>
internal sealed record RequestScenario(
    ScenarioSeed Seed, RequestSubmission Submission, Instant ReceivedAt, Agency Owner, Agency Handler, IReadOnlyList<Agency> Pool, IReadOnlyList<RequestCommand> Commands)
{
    public static ServiceLevelPolicy Policy => ServiceLevelPolicy.Default;

    public Request Receive() => Request.Receive(Submission, Owner, Handler, ReceivedAt, Policy);

    // FsCheck prints this when a property fails: one command a line, so a counterexample reads as a story.
    public override string ToString()
    {
        var text = new StringBuilder()
            .Append(Submission.Id).Append(' ').Append(Submission.CategoryClass).Append(" received ").Append(ReceivedAt)
            .Append(" owner=").Append(Owner).Append(" handler=").Append(Handler)
            .Append(" pool=[").AppendJoin(", ", Pool).Append(']');
        foreach (var command in Commands)
        {
            text.AppendLine().Append("  ").Append(command);
        }

        return text.ToString();
    }
}

/// <summary>
/// Generates <see cref="RequestScenario"/>s. Each step is drawn as a handful of random numbers, then turned into a
/// concrete command against a shadow request replaying the steps so far: 70% of the commands are ones the current
/// status permits, sent by an agency the rules allow, so that the interesting statuses (Closed, Rejected, Merged,
/// AwaitingResident, Reopened, a forwarded request accepted) are reached; the rest are refused for one reason or
/// another. Because a step is only numbers, any sublist of steps is a scenario too, which is how scenarios shrink.
/// </summary>
internal static class RequestScenarios
{
    private static readonly RequestTrigger[] AllTriggers = Enum.GetValues<RequestTrigger>();

    // How often each trigger is picked among those the status permits: rare endings, so that runs live long enough
    // to be forwarded, paused and reopened before they end.
    private static readonly Dictionary<RequestTrigger, int> Weights = new()
    {
        [RequestTrigger.Accept] = 5,
        [RequestTrigger.Forward] = 4,
        [RequestTrigger.Escalate] = 3,
        [RequestTrigger.Explain] = 3,
        [RequestTrigger.AwaitResident] = 4,
        [RequestTrigger.Resume] = 5,
        [RequestTrigger.Resolve] = 3,
        [RequestTrigger.CallBack] = 2,
        [RequestTrigger.Reopen] = 3,
        [RequestTrigger.Reject] = 1,
        [RequestTrigger.Merge] = 1,
        [RequestTrigger.DeadlinePassed] = 2,
        [RequestTrigger.Summon] = 2,
        [RequestTrigger.Report] = 2,
        [RequestTrigger.ReportMissed] = 1,
    };

    // Two departments, so that one can be pending while the other reports, and one that is never summoned.
    private static readonly DistrictDepartmentId[] Departments = [new("tz-zjw"), new("tz-cgw"), new("tz-never")];

    private static readonly string[] Reasons =
    [
        "不属于物业职责，转社区协调", "需区级部门施工", "已联系供热公司", "resident asked for a site visit",
        "窗口\"说明\"\n第二行", "路灯不亮 💡", "Zoë's 'quoted' reason",
    ];

    private static readonly string[] BlankTexts = ["", " ", "\t\n", "\u3000"];

    // Names and phones that exercise JSON escaping and masking: CJK, a surrogate pair, combining marks, quotes.
    private static readonly string[] Names = ["张三", "欧阳娜娜", "李", "𠀋𠀋", "Zoë Ødegaard", "O'Brien \"Jr\"", "王\u0301五", "阿依古丽·买买提"];

    private static readonly string[] Phones = ["13812341234", "+86 10 6555 1234", "010-12345678", "***1234", "123", "12345"];

    private static readonly string[] Categories = ["市政/道路/破损", "物业/电梯/故障", "供暖/不热", "环境/噪音", "other"];

    private static readonly string[] Texts = ["小区门口人行道塌陷", "单元电梯坏了😡", "暖气不热\n已经三天", "", "noise at night, \"every\" night"];

    /// <summary>Scenarios of 1–25 commands after a receipt in 2010–2026, shrinking by dropping steps.</summary>
    public static Arbitrary<RequestScenario> Arbitrary => Arb.From(Seeds.Select(Build), s => Shrink(s.Seed).Select(Build));

    private static Gen<ScenarioSeed> Seeds =>
        from submission in Submissions
        from receivedAt in Time.ServiceLevelGenerators.Receipts
        from pool in Pools
        from owner in Gen.Choose(0, pool.Length - 1)
        from handler in Gen.Frequency((1, Gen.Constant(owner)), (2, Gen.Choose(0, pool.Length - 1)))
        from count in Gen.Choose(1, 25)
        from steps in Steps.ArrayOf(count)
        select new ScenarioSeed(submission, receivedAt, pool, owner, handler, steps);

    /// <summary>Drops one step at a time (keeping at least one), so a failure shrinks to the few commands that matter.</summary>
    private static IEnumerable<ScenarioSeed> Shrink(ScenarioSeed seed)
    {
        for (var i = 0; i < seed.Steps.Length && seed.Steps.Length > 1; i++)
        {
            yield return seed with { Steps = [.. seed.Steps.Take(i), .. seed.Steps.Skip(i + 1)] };
        }
    }

    private static Gen<StepSeed> Steps =>
        from bias in Gen.Choose(0, 99)
        from kind in Gen.Choose(0, 9999)
        from who in Gen.Choose(0, 999)
        from other in Gen.Choose(0, 999)
        from timeShape in Gen.Choose(0, 99)
        from amount in Gen.Choose(0, 999_999)
        from text in Gen.Choose(0, 99)
        from choice in Gen.Choose(0, 99)
        from days in Gen.Frequency((6, Gen.Choose(0, 14)), (1, Gen.Choose(-3, -1)))
        select new StepSeed(bias, kind, who, other, timeShape, amount, text, choice, days);

    private static Gen<RequestSubmission> Submissions =>
        from id in Gen.Elements("req-0001", "bj-2023-0301-001", "通州-北苑-17", "hlw-0001")
        from channel in Gen.Elements(Enum.GetValues<Channel>())
        from category in Gen.Elements(Categories)
        from categoryClass in Gen.Elements(Enum.GetValues<CategoryClass>())
        from unit in Gen.Elements("xinhuaxijie", "tongruijiayuan", "北苑-3号楼")
        from household in Gen.Elements<string?>(null, "h-101", "户-2-302")
        from contact in Contacts
        from text in Gen.Elements(Texts)
        from ticket in Gen.Elements<string?>(null, "12345-2023-000917")
        select new RequestSubmission(new RequestId(id), channel, new CategoryCode(category), categoryClass,
            new RequestLocation(new UnitId(unit), household is null ? null : new HouseholdId(household)), contact, text,
            channel == Channel.Hotline12345 ? ticket : null);

    private static Gen<ResidentContact> Contacts =>
        from name in Gen.Elements(Names)
        from phone in Gen.Elements(Phones)
        from shape in Gen.Choose(0, 3)
        select shape switch
        {
            0 => ResidentContact.None,
            1 => new ResidentContact(new PersonName(name)),
            2 => new ResidentContact(Phone: new PhoneNumber(phone)),
            _ => new ResidentContact(new PersonName(name), new PhoneNumber(phone)),
        };

    // 4–6 distinct agencies of every kind: the owner, the first handler and the ones it may be passed to are among them.
    private static Gen<Agency[]> Pools =>
        from size in Gen.Choose(4, 6)
        from kinds in Gen.Elements(Enum.GetValues<AgencyKind>()).ArrayOf(size)
        select kinds.Select((kind, i) => new Agency(kind, kind switch
        {
            AgencyKind.Unit => $"社区-{i}",
            AgencyKind.PropertyCompany => $"pc-{i}",
            AgencyKind.SubdistrictOffice => $"街道办-{i}",
            _ => $"dept-{i}",
        })).ToArray();

    public static RequestScenario Build(ScenarioSeed seed)
    {
        var owner = seed.Pool[seed.Owner];
        var handler = seed.Pool[seed.Handler];
        var shadow = Request.Receive(seed.Submission, owner, handler, seed.ReceivedAt, RequestScenario.Policy);
        var commands = new List<RequestCommand>(seed.Steps.Length);
        foreach (var step in seed.Steps)
        {
            var command = Command(shadow, seed.Pool, step);
            commands.Add(command);
            try
            {
                shadow.Execute(command);
            }
            catch (RequestCommandException)
            {
                // Refused commands are part of the scenario too.
            }
        }

        return new RequestScenario(seed, seed.Submission, seed.ReceivedAt, owner, handler, seed.Pool, commands);
    }

    private static RequestCommand Command(Request shadow, Agency[] pool, StepSeed step)
    {
        var trigger = Trigger(shadow.Status, step);
        var at = When(shadow, trigger, step);
        var by = By(shadow, pool, trigger, step);
        return trigger switch
        {
            RequestTrigger.Accept => new AcceptRequest(by, at),
            RequestTrigger.Forward => new ForwardRequest(by, at, To(shadow, pool, step), Text(step)),
            RequestTrigger.Escalate => new EscalateRequest(by, at, To(shadow, pool, step), Text(step)),
            RequestTrigger.Explain => new ExplainRequest(by, at, Text(step), at.InZone(RequestScenario.Policy.Calendar.Zone).Date.PlusDays(step.Days)),
            RequestTrigger.AwaitResident => new AwaitResident(by, at, Choose<PauseReason>(step), Text(step)),
            RequestTrigger.Resume => new ResumeRequest(by, at, Text(step)),
            RequestTrigger.Resolve => new ResolveRequest(by, at, Text(step)),
            RequestTrigger.CallBack => new CallBackResident(by, at, Choose<Satisfaction>(step), Text(step)),
            RequestTrigger.Reopen => new ReopenRequest(by, at, Text(step)),
            RequestTrigger.Reject => new RejectRequest(by, at, Choose<RejectionReason>(step), Text(step)),
            RequestTrigger.Merge => new MergeRequest(by, at, step.Other switch
            {
                < 800 => new RequestId("req-9999"),
                < 900 => shadow.Id,
                _ => default,
            }),
            RequestTrigger.Summon => new SummonDepartment(by, at, Department(step), Text(step)),
            RequestTrigger.Report => new ReportToWhistle(Department(step), WhenForSummons(shadow, step, at)),
            RequestTrigger.ReportMissed => new RecordReportMissed(WhenForSummons(shadow, step, at), Department(step)),
            _ => new RecordDeadlinePassed(at, Choose<DeadlineKind>(step)),
        };
    }

    private static DistrictDepartmentId Department(StepSeed step) => Departments[step.Other % 10 < 8 ? step.Other % 2 : 2];

    // Around a pending summons' report limit when there is one, so that on-time, late and missed reports all happen.
    private static Instant WhenForSummons(Request shadow, StepSeed step, Instant at) =>
        shadow.Summons.LastOrDefault(x => x.ReportedAt is null) is { Department.Value: not null } pending && step.TimeShape % 2 == 0
            ? Around(pending.ReportBy, step) is var around && around >= shadow.LastEventAt ? around : at
            : at;

    private static RequestTrigger Trigger(RequestStatus status, StepSeed step)
    {
        var permitted = RequestLifecycle.PermittedTriggers(status);
        var candidates = step.Bias < 70 && permitted.Count > 0 ? permitted : AllTriggers;
        var roll = step.Kind % candidates.Sum(t => Weights[t]);
        foreach (var trigger in candidates)
        {
            roll -= Weights[trigger];
            if (roll < 0)
            {
                return trigger;
            }
        }

        throw new InvalidOperationException("unreachable: the roll is below the total weight");
    }

    // Mostly forward (minutes, hours or days), sometimes at the same instant, sometimes backwards, and sometimes at
    // or around a deadline so that deadlines are recorded and resumes straddle them.
    private static Instant When(Request shadow, RequestTrigger trigger, StepSeed step)
    {
        var last = shadow.LastEventAt;
        var shape = trigger == RequestTrigger.DeadlinePassed && step.TimeShape < 60 ? 95 : step.TimeShape;
        return shape switch
        {
            < 55 => last + (step.Amount % 10) switch
            {
                < 5 => Duration.FromMinutes(1 + (step.Amount % 120)),
                < 8 => Duration.FromHours(1 + (step.Amount % 30)),
                _ => Duration.FromDays(1 + (step.Amount % 20)) + Duration.FromMinutes(step.Amount % 1440),
            },
            < 68 => last,
            < 78 => last - Duration.FromMinutes(1 + (step.Amount % 180)),
            _ => Around(DeadlineOf(shadow.Deadlines, (DeadlineKind)(step.Amount % 3)), step),
        };
    }

    private static Instant Around(Instant deadline, StepSeed step) => (step.Amount / 3 % 4) switch
    {
        0 => deadline,
        1 => deadline + Duration.FromNanoseconds(1),
        2 => deadline - Duration.FromNanoseconds(1),
        _ => deadline + Duration.FromMinutes(step.Amount % 600),
    };

    public static Instant DeadlineOf(RequestDeadlines deadlines, DeadlineKind kind) => kind switch
    {
        DeadlineKind.Warning => deadlines.Warning,
        DeadlineKind.SameDay => deadlines.SameDay,
        _ => deadlines.Resolution,
    };

    // 70%: an agency the rules allow for this trigger. 30%: the handler, the owner, another agency or none at all.
    private static Agency By(Request shadow, Agency[] pool, RequestTrigger trigger, StepSeed step)
    {
        if (step.Who < 700)
        {
            return trigger switch
            {
                RequestTrigger.Explain or RequestTrigger.Resolve or RequestTrigger.Reject or RequestTrigger.Merge =>
                    step.Who % 2 == 0 ? shadow.Handler : shadow.Owner,
                RequestTrigger.CallBack or RequestTrigger.Reopen => step.Who % 3 == 0 ? shadow.Owner : pool[step.Who % pool.Length],
                _ => shadow.Handler,
            };
        }

        return (step.Who % 4) switch
        {
            0 => shadow.Handler,
            1 => shadow.Owner,
            2 => pool[step.Who % pool.Length],
            _ => default,
        };
    }

    // 75%: an agency that may receive it (not the handler, not one that declined it); else one that may not.
    private static Agency To(Request shadow, Agency[] pool, StepSeed step)
    {
        var eligible = pool.Where(a => a != shadow.Handler && !shadow.DeclinedBy.Contains(a)).ToArray();
        if (step.Other < 750 && eligible.Length > 0)
        {
            return eligible[step.Other % eligible.Length];
        }

        return (step.Other % 4) switch
        {
            0 => shadow.Handler,
            1 when shadow.DeclinedBy.Count > 0 => shadow.DeclinedBy[step.Other % shadow.DeclinedBy.Count],
            2 => default,
            _ => pool[step.Other % pool.Length],
        };
    }

    private static string Text(StepSeed step) =>
        step.Text < 85 ? Reasons[step.Text % Reasons.Length] : BlankTexts[step.Text % BlankTexts.Length];

    // 95%: a defined value; else one no version of the enum defines.
    private static T Choose<T>(StepSeed step)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return step.Choice < 95 ? values[step.Choice % values.Length] : (T)Enum.ToObject(typeof(T), 40 + step.Choice);
    }
}

/// <summary>The random numbers a scenario is built from (see <see cref="RequestScenarios.Build"/>).</summary>
internal sealed record ScenarioSeed(RequestSubmission Submission, Instant ReceivedAt, Agency[] Pool, int Owner, int Handler, StepSeed[] Steps);

/// <summary>One step's random numbers; <see cref="RequestScenarios"/> turns them into a command.</summary>
internal readonly record struct StepSeed(int Bias, int Kind, int Who, int Other, int TimeShape, int Amount, int Text, int Choice, int Days);
