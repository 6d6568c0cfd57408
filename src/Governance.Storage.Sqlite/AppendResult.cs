namespace Governance.Storage.Sqlite;

/// <summary>Where a committed append put its events in the log.</summary>
/// <param name="FirstPosition">The first event's position; one past <paramref name="LastPosition"/> when nothing was appended.</param>
/// <param name="LastPosition">The last event's position: the log's last position once the append committed.</param>
public readonly record struct AppendResult(long FirstPosition, long LastPosition)
{
    /// <summary>How many events were appended.</summary>
    public long Count => LastPosition - FirstPosition + 1;
}
