using Governance.Core.Requests;
using Governance.Samples.Tongzhou.Simulation;
using Governance.Samples.Tongzhou.Storage;

namespace Governance.Samples.Tests.Tongzhou;

public sealed class DeterminismTests
{
    [Fact]
    public void The_same_seed_gives_the_same_report_and_the_same_events()
    {
        var (first, firstStore) = Runs.Memory();
        var (second, secondStore) = Runs.Memory();

        Assert.True(first.Finished);
        Assert.True(first.Report.District.Received > 500, $"a small run still receives requests: {first.Report.District.Received}");
        Assert.Equal(Runs.Json(first), Runs.Json(second));
        Assert.Equal(Runs.EventLog(firstStore), Runs.EventLog(secondStore));
    }

    [Fact]
    public void Another_seed_gives_another_run()
    {
        var (first, _) = Runs.Memory();
        var (other, _) = Runs.Memory(Runs.Small with { Seed = 8 });

        Assert.NotEqual(Runs.Json(first), Runs.Json(other));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(29)]
    [InlineData(48)]
    [InlineData(71)]
    public void A_run_stopped_after_any_hour_and_resumed_writes_the_events_and_report_of_a_run_that_never_stopped(int stopAfterHours)
    {
        var (straight, straightStore) = Runs.Memory();

        var store = new MemorySimulationStore();
        var stopped = new TongzhouSimulation(Runs.Small, SimulationPolicy.Default).Run(store, stopAfterHours: stopAfterHours);
        Assert.False(stopped.Finished);
        Assert.Equal(stopAfterHours, stopped.HoursDone);
        var resumed = new TongzhouSimulation(Runs.Small, SimulationPolicy.Default).Run(store, resume: true);

        Assert.True(resumed.Finished);
        Assert.Equal(Runs.EventLog(straightStore), Runs.EventLog(store));
        Assert.Equal(Runs.Json(straight), Runs.Json(resumed));
    }

    [Fact]
    public void A_run_stopped_twice_and_resumed_twice_still_matches()
    {
        var (straight, _) = Runs.Memory();
        var store = new MemorySimulationStore();
        new TongzhouSimulation(Runs.Small, SimulationPolicy.Default).Run(store, stopAfterHours: 17);
        new TongzhouSimulation(Runs.Small, SimulationPolicy.Default).Run(store, resume: true, stopAfterHours: 40);
        var resumed = new TongzhouSimulation(Runs.Small, SimulationPolicy.Default).Run(store, resume: true);

        Assert.Equal(Runs.Json(straight), Runs.Json(resumed));
    }

    [Fact]
    public void A_finished_run_can_be_extended_by_more_days_as_if_it_had_been_run_that_long()
    {
        var longer = Runs.Small with { Days = 4 };
        var (straight, _) = Runs.Memory(longer);
        var store = new MemorySimulationStore();
        new TongzhouSimulation(Runs.Small, SimulationPolicy.Default).Run(store);
        var extended = new TongzhouSimulation(longer, SimulationPolicy.Default).Run(store, resume: true);

        Assert.Equal(Runs.Json(straight), Runs.Json(extended));
    }

    [Fact]
    public void Every_request_script_is_a_pure_function_of_seed_day_and_index()
    {
        var (outcome, store) = Runs.Memory();
        var received = store.ReadAll().OfType<RequestReceived>().ToArray();

        // Ids say which script made them, and arrivals follow the day's count exactly.
        Assert.All(received, r => Assert.True(RequestScript.TryParseId(r.RequestId, out _, out _), r.RequestId.Value));
        var perDay = received.GroupBy(r => { RequestScript.TryParseId(r.RequestId, out var day, out _); return day; })
            .OrderBy(g => g.Key).Select(g => g.Count()).ToArray();
        Assert.Equal(Runs.Small.Days, perDay.Length);
        Assert.Equal(outcome.Report.District.Received, perDay.Sum());
    }
}
