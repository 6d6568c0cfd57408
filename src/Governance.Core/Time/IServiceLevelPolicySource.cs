using Governance.Core.Organization;
using NodaTime;

namespace Governance.Core.Time;

/// <summary>
/// Says which service levels apply to a request by where it is: one policy for a whole desk, or one per unit (a
/// subdistrict or community that works to its own brand, for example). A <see cref="ServiceLevelPolicy"/> is itself a
/// source that answers itself for every unit.
/// </summary>
/// <remarks>
/// The desk asks once per request, with the unit of the request's location and the instant it was received, both at
/// receipt and when rebuilding a desk from events (so a request restored after its unit changed brand keeps the levels
/// it was received under); the answer sets every deadline of that request from then on. Implementations must be safe
/// for concurrent callers and give the same answer for the same unit and instant.
/// </remarks>
public interface IServiceLevelPolicySource
{
    /// <summary>The service levels for a request located at <paramref name="unit"/> and received at <paramref name="receivedAt"/>.</summary>
    /// <param name="unit">The unit of the request's location; a unit of the desk's chart.</param>
    /// <param name="receivedAt">When the request was received.</param>
    ServiceLevelPolicy PolicyFor(Unit unit, Instant receivedAt);
}
