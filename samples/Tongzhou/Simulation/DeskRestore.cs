using Governance.Core;
using Governance.Core.Desk;
using Governance.Core.Requests;
using Governance.Core.Routing;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Samples.Tongzhou.Simulation;

/// <summary>Rebuilds a desk from stored events, for --resume.</summary>
internal static class DeskRestore
{
    public static RequestDesk Restore(Router router, IServiceLevelPolicySource policy, IClock clock, IEnumerable<RequestEvent> events, IRequestEventSink sink, string where)
    {
        try
        {
            return RequestDesk.Restore(router, policy, clock, events, sink);
        }
        catch (DataValidationException e)
        {
            throw new SimulationException($"{where}: the stored events do not rebuild a desk. {e.Message}");
        }
    }
}
