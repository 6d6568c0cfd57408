using Governance.Core.Requests;

namespace Governance.Storage.Sqlite;

/// <summary>A request event as the store holds it: where it stands in the whole log and in its request's stream.</summary>
/// <param name="Position">Its place in the whole log: 1 for the first event ever appended, then one more per event, with no gaps.</param>
/// <param name="Version">Its place in its request's stream: 1 for the request's first event, then one more per event.</param>
/// <param name="Event">The event.</param>
public sealed record StoredEvent(long Position, long Version, RequestEvent Event);
