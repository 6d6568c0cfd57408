using Governance.Core.Organization;

namespace Governance.Core.Time;

/// <summary>
/// Says which service levels apply to a request by where it is: one policy for a whole desk, or one per unit (a
/// subdistrict or community that works to its own brand, for example). A <see cref="ServiceLevelPolicy"/> is itself a
/// source that answers itself for every unit.
/// </summary>
/// <remarks>
/// The desk asks once per request, at receipt (and when rebuilding a desk from events), with the unit of the request's
/// location; the answer sets every deadline of that request from then on. Implementations must be safe for concurrent
/// callers and answer the same unit the same way while a desk uses them.
/// </remarks>
public interface IServiceLevelPolicySource
{
    /// <summary>The service levels for a request located at <paramref name="unit"/>.</summary>
    /// <param name="unit">The unit of the request's location; a unit of the desk's chart.</param>
    ServiceLevelPolicy PolicyFor(Unit unit);
}
