namespace Governance.Storage.Sqlite;

/// <summary>How a <see cref="SqliteEventStore"/> opens its file. The defaults suit a durable log.</summary>
public sealed record SqliteEventStoreOptions
{
    /// <summary>The defaults.</summary>
    public static readonly SqliteEventStoreOptions Default = new();

    /// <summary>
    /// When a committed batch is safe: <see cref="StoreDurability.Full"/> (the default) survives a power loss,
    /// <see cref="StoreDurability.ProcessCrash"/> only the process dying, and commits faster.
    /// </summary>
    public StoreDurability Durability { get; init; } = StoreDurability.Full;

    /// <summary>
    /// How long a write waits for another connection's write lock on the same file before giving up with an error;
    /// 30 seconds by default.
    /// </summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>What a committed batch survives.</summary>
public enum StoreDurability
{
    /// <summary>
    /// A power loss or an operating-system crash as well as the process dying: the log is synced to disk before a
    /// commit returns (SQLite <c>synchronous=FULL</c>).
    /// </summary>
    Full,

    /// <summary>
    /// The process dying (a kill, an unhandled exception) but not a power loss, which may take the last commits back;
    /// the log is synced only when SQLite checkpoints its write-ahead log (<c>synchronous=NORMAL</c> in WAL mode).
    /// The store is never corrupted either way.
    /// </summary>
    ProcessCrash,
}
