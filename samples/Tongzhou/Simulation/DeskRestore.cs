using Governance.Core.Desk;
using Governance.Core.Requests;
using Governance.Core.Routing;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Samples.Tongzhou.Simulation;

/// <summary>Rebuilds a desk from stored events, for --resume.</summary>
internal static class DeskRestore
{
    public static RequestDesk Restore(Router router, ServiceLevelPolicy policy, IClock clock, IEnumerable<RequestEvent> events, IRequestEventSink sink) =>
        throw new SimulationException("Resuming needs RequestDesk.Restore, which this build of Governance.Core does not have yet.");
}
