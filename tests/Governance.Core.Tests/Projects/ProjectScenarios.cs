using FsCheck;
using FsCheck.Fluent;
using Governance.Core.Catalogue;
using Governance.Core.Insights;
using Governance.Core.Ledger;
using Governance.Core.Organization;
using Governance.Core.Projects;
using Governance.Core.Requests;
using NodaTime;

namespace Governance.Core.Tests.Projects;

/// <summary>A project's proposal and a random script of commands: mostly plausible, some refused by the lifecycle or a rule.</summary>
internal sealed record ProjectScenario(ProposeMicroProject Proposal, IReadOnlyList<MicroProjectCommand> Commands)
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    public MicroProject Start() => MicroProject.Propose(Proposal, Zone);

    public override string ToString() => $"{Proposal.Cost} then [{string.Join("; ", Commands)}]";
}

internal static class ProjectScenarios
{
    private static readonly Agency Community = Agency.Unit(SampleDistrict.Units.Xinhuaxijie);
    private static readonly Agency Office = Agency.SubdistrictOffice(new SubdistrictOfficeId("beiyuan-cgb"));
    private static readonly Instant Start = Instant.FromUtc(2023, 3, 1, 2, 0);
    private static readonly decimal[] Costs = [50_000m, 123_456.78m, 8_000.5m, 0.01m];
    private static readonly HotspotRef[] Hotspots =
    [
        new(HotspotKind.Recurring, SampleDistrict.Units.Xinhuaxijie, new CategoryCode("停车"), new LocalDate(2023, 1, 1), new LocalDate(2023, 1, 30)),
        new(HotspotKind.Seasonal, SampleDistrict.Units.Hounancang, new CategoryCode("供暖"), new LocalDate(2023, 11, 1), new LocalDate(2023, 11, 30)),
    ];

    public static Arbitrary<ProjectScenario> Arbitrary => Scenario.ToArbitrary();

    private static Gen<ProjectScenario> Scenario =>
        from cost in Gen.Elements(Costs)
        from theme in Gen.Elements(Enum.GetValues<ProjectTheme>())
        from count in Gen.Choose(0, 16)
        from steps in Gen.ListOf(Gen.Frequency((3, Gen.Constant(((int, Func<Agency, Instant, MicroProjectCommand>)?)null)), (2, Step(cost).Select(s => ((int, Func<Agency, Instant, MicroProjectCommand>)?)s))), count)
        from rejected in Gen.Frequency((1, Gen.Constant(true)), (6, Gen.Constant(false)))
        select Build(cost, theme, steps, rejected);

    /// <summary>A null step takes the next step of the happy path, so that scripts reach every status; the others are random.</summary>
    private static ProjectScenario Build(decimal cost, ProjectTheme theme, IEnumerable<(int Minutes, Func<Agency, Instant, MicroProjectCommand> Make)?> randomSteps, bool rejected)
    {
        Func<Agency, Instant, MicroProjectCommand>[] happy =
        [
            rejected ? (who, when) => new RejectMicroProject(who, when, "与已有项目重复") : (who, when) => new ApproveMicroProject(who, when, "同意立项"),
            (who, when) => new FundMicroProject(who, when, [new Funding(FundingSource.CommunityFoundation, cost)]),
            (who, when) => new StartMicroProject(who, when),
            (who, when) => new NoteProjectProgress(who, when, "完成铺装"),
            (who, when) => new CompleteMicroProject(who, when, "建成开放", cost),
            (who, when) => new EvaluateMicroProject(who, when, Satisfaction.Satisfied, "居民满意"),
        ];
        var next = 0;
        var steps = randomSteps.Select(s => s ?? (60 * 24, happy[Math.Min(next++, happy.Length - 1)]));
        var proposal = new ProposeMicroProject(new MicroProjectId("p-1"), Community, Start, "口袋公园", "把闲置空地改造成口袋公园", theme, SampleDistrict.Units.Xinhuaxijie, cost);
        var at = Start;
        var commands = new List<MicroProjectCommand>();
        foreach (var (minutes, make) in steps)
        {
            at += Duration.FromMinutes(minutes);
            commands.Add(make(minutes % 3 == 0 ? Office : Community, at));
        }

        return new ProjectScenario(proposal, commands);
    }

    private static Gen<(int, Func<Agency, Instant, MicroProjectCommand>)> Step(decimal cost) =>
        from minutes in Gen.Frequency((12, Gen.Choose(1, 60 * 24 * 20)), (1, Gen.Constant(-60)), (2, Gen.Constant(0)))
        from make in Gen.Frequency(
            (5, Gen.Elements<Func<Agency, Instant, MicroProjectCommand>>((who, when) => new ApproveMicroProject(who, when, "同意立项"), (who, when) => new ApproveMicroProject(who, when))),
            (1, Gen.Elements<Func<Agency, Instant, MicroProjectCommand>>((who, when) => new RejectMicroProject(who, when, "重复申报"), (who, when) => new RejectMicroProject(who, when, " "))),
            (5, Funding(cost).Select<IReadOnlyList<Funding>, Func<Agency, Instant, MicroProjectCommand>>(sources => (who, when) => new FundMicroProject(who, when, sources))),
            (5, Gen.Constant<Func<Agency, Instant, MicroProjectCommand>>((who, when) => new StartMicroProject(who, when))),
            (3, Gen.Elements<Func<Agency, Instant, MicroProjectCommand>>((who, when) => new NoteProjectProgress(who, when, "完成铺装"), (who, when) => new NoteProjectProgress(who, when, ""))),
            (5, Gen.Elements(cost, cost * 0.9m, -1m, 1.001m).Select<decimal, Func<Agency, Instant, MicroProjectCommand>>(actual => (who, when) => new CompleteMicroProject(who, when, "口袋公园建成开放", actual))),
            (4, Gen.Elements(Enum.GetValues<Satisfaction>()).Select<Satisfaction, Func<Agency, Instant, MicroProjectCommand>>(rating => (who, when) => new EvaluateMicroProject(who, when, rating, "居民认可"))),
            (1, Gen.Constant<Func<Agency, Instant, MicroProjectCommand>>((who, when) => new WithdrawMicroProject(who, when, "场地无法落实"))),
            (3, Gen.Elements("yjw-2023-001", "yjw-2023-002", "").Select<string, Func<Agency, Instant, MicroProjectCommand>>(id => (who, when) => new AnswerLedgerItem(who, when, new LedgerItemId(id)))),
            (2, Gen.Elements(Hotspots).Select<HotspotRef, Func<Agency, Instant, MicroProjectCommand>>(h => (who, when) => new AnswerHotspot(who, when, h))),
            (1, Gen.Constant<Func<Agency, Instant, MicroProjectCommand>>((_, when) => new StartMicroProject(default, when))))
        select (minutes, make);

    /// <summary>Mostly plans that add up (one source, or the foundation and the street level sharing it); some that do not.</summary>
    private static Gen<IReadOnlyList<Funding>> Funding(decimal cost) => Gen.Elements<IReadOnlyList<Funding>>(
        [new Funding(FundingSource.CommunityFoundation, cost)],
        [new Funding(FundingSource.CommunityFoundation, cost - decimal.Round(cost / 2, 2)), new Funding(FundingSource.StreetLevelBudget, decimal.Round(cost / 2, 2))],
        [new Funding(FundingSource.CommunityFoundation, cost + 1)],
        [new Funding(FundingSource.Residents, cost / 2), new Funding(FundingSource.Residents, cost / 2)],
        []);
}

/// <summary>Everything observable about a project, to compare a live project with a replayed one, or before and after a refusal.</summary>
internal static class ProjectSnapshot
{
    public static string Of(MicroProject p) => string.Join(" | ",
        p.Id, p.Status, p.Title, p.Theme, p.Place, p.Cost, p.ProposedAt, p.ApprovedAt, string.Join(",", p.Funding), p.FundedAt, p.StartedAt,
        string.Join(",", p.ProgressNotes), p.CompletedAt, p.Outcome, p.ActualCost, p.Rating, p.Reason, string.Join(",", p.LedgerItems),
        string.Join(",", p.Hotspots), p.History.Count, p.LastEventAt);
}
