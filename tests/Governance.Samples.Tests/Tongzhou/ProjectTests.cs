using Governance.Samples.Tongzhou.Simulation;
using Governance.Samples.Tongzhou.Storage;

namespace Governance.Samples.Tests.Tongzhou;

public sealed class ProjectTests
{
    /// <summary>Long enough for the run's own ledger items to become micro-project proposals (1–4 days after each item).</summary>
    private static readonly SimulationSettings Week = Runs.Small with { Days = 8 };

    [Fact]
    public void The_year_s_projects_add_up_by_theme_street_level_unit_and_status()
    {
        var (outcome, _) = Runs.Memory(Week);
        var p = outcome.Report.Projects;

        Assert.Equal((2023, 100), (p.Year, p.Target));
        Assert.True(p.CarriedIn > 50, $"the library carries the year's earlier projects: {p.CarriedIn}");
        Assert.True(p.Completed > 50 && p.Completed <= p.CarriedIn + p.Proposed, $"completed {p.Completed}");
        Assert.Equal(p.Completed, p.ByTheme.Sum(t => t.Completed));
        Assert.Equal(p.Completed, p.ByStreetLevelUnit.Sum(u => u.Completed));
        Assert.Equal(p.CarriedIn + p.Proposed, p.ByTheme.Sum(t => t.Proposed));
        Assert.Equal(p.CarriedIn + p.Proposed, p.ByStreetLevelUnit.Sum(u => u.Proposed));
        Assert.Equal(p.CarriedIn + p.Proposed, p.Pipeline.Sum(s => s.Projects));
        Assert.Equal(p.Completed, p.Pipeline.Where(s => s.Status is "Completed" or "Evaluated").Sum(s => s.Projects));
        Assert.Equal(p.OnTrack, p.Completed >= p.ExpectedByNow);

        // Partly funded by the community foundation, never wholly.
        var foundation = p.FundedBy.Single(f => f.Source == "CommunityFoundation").Amount;
        var funded = p.FundedBy.Sum(f => f.Amount);
        Assert.InRange(foundation / funded, 0.3m, 0.6m);
        Assert.InRange(p.Spent / funded, 0.9m, 1.05m);
    }

    [Fact]
    public void The_run_s_ledger_items_become_projects_that_answer_them_and_their_hotspots()
    {
        var (outcome, _) = Runs.Memory(Week);
        var p = outcome.Report.Projects;

        Assert.InRange(p.Proposed, 1, outcome.Report.Ledger.Proposed);
        Assert.Equal(p.Proposed, p.AnsweringLedgerItems);
        Assert.Equal(p.Proposed, p.AnsweringHotspots);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(170)]
    public void A_run_stopped_and_resumed_reports_the_same_projects_as_one_that_never_stopped(int stopAfterHours)
    {
        var (straight, _) = Runs.Memory(Week);
        var store = new MemorySimulationStore();
        new TongzhouSimulation(Week, SimulationPolicy.Default).Run(store, stopAfterHours: stopAfterHours);
        var resumed = new TongzhouSimulation(Week, SimulationPolicy.Default).Run(store, resume: true);

        Assert.True(straight.Report.Projects.Proposed > 0);
        Assert.Equal(Runs.Json(straight), Runs.Json(resumed));
    }

    [Fact]
    public void Another_seed_gives_another_library()
    {
        var (first, _) = Runs.Memory();
        var (other, _) = Runs.Memory(Runs.Small with { Seed = 8 });

        Assert.NotEqual(first.Report.Projects.Spent, other.Report.Projects.Spent);
    }
}
