using NodaTime;

namespace Governance.Core.Time;

/// <summary>
/// The three deadlines of one request, from <see cref="ServiceLevelPolicy.DeadlinesFor"/> and, after a pause,
/// <see cref="ServiceLevelPolicy.Resume"/>. Each deadline is the first instant at which the request is late: it is on
/// time when the thing is done strictly before the deadline.
/// </summary>
/// <param name="SameDay">
/// The first-contact rule (当天解决或说明原因): by this instant the request must be resolved or the resident told why
/// not and when. The start of the local day after the day the request counts as received on.
/// </param>
/// <param name="Warning">
/// When the handler is warned that the resolution deadline is near: after <see cref="ServiceLevelPolicy.WarningFraction"/>
/// of the time to it, measured on the limit's own clock. Never after <paramref name="Resolution"/>.
/// </param>
/// <param name="Resolution">
/// By this instant the request must be resolved (办结), per the <see cref="ResolutionLimit"/> of its category class.
/// It may be before <paramref name="SameDay"/> (an emergency's two hours usually are) or after it.
/// </param>
public readonly record struct RequestDeadlines(Instant SameDay, Instant Warning, Instant Resolution);
