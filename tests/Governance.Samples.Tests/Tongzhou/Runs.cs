using Governance.Core.Requests;
using Governance.Samples.Tongzhou.Reporting;
using Governance.Samples.Tongzhou.Simulation;
using Governance.Samples.Tongzhou.Storage;
using NodaTime;

namespace Governance.Samples.Tests.Tongzhou;

/// <summary>Small runs the tests share: three days at 300 requests a day take about a second.</summary>
internal static class Runs
{
    public static readonly SimulationSettings Small = new(Seed: 7, Days: 3, RequestsPerDay: 300, Start: new LocalDate(2023, 11, 14));

    public static (SimulationOutcome Outcome, MemorySimulationStore Store) Memory(SimulationSettings? settings = null, SimulationPolicy? policy = null)
    {
        var store = new MemorySimulationStore();
        var outcome = new TongzhouSimulation(settings ?? Small, policy ?? SimulationPolicy.Default).Run(store);
        return (outcome, store);
    }

    public static string Json(SimulationOutcome outcome) => ReportJson.Serialize(outcome.Report);

    public static string[] EventLog(ISimulationStore store) => [.. store.ReadAll().Select(RequestEventJson.Serialize)];
}
