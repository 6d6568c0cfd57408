namespace Governance.Storage.Sqlite;

/// <summary>
/// A named marker saved in the same transaction as a batch of events, so that it and the events are stored together
/// or not at all: a simulation keeps how far it got (to resume exactly there), a projection the last position it
/// applied. Saving a checkpoint of the same name replaces the earlier one.
/// </summary>
/// <param name="Name">Whose checkpoint it is, for example <c>tongzhou-simulation</c>; not empty.</param>
/// <param name="Value">What the owner needs to carry on, in any text form (often JSON).</param>
public sealed record StoreCheckpoint(string Name, string Value)
{
    /// <summary>
    /// The log's last position when the checkpoint was saved: every event up to and including it was stored with or
    /// before the checkpoint. Set by the store when it reads a checkpoint; ignored when saving.
    /// </summary>
    public long Position { get; init; }
}
