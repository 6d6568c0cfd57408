using Governance.Core.Requests;

namespace Governance.Storage.Sqlite;

/// <summary>
/// An append expected a request's stream at one version and found it at another: someone else appended to that
/// request since the caller last looked. Nothing of the batch was written; read the stream again and decide.
/// </summary>
public sealed class StreamVersionConflictException : InvalidOperationException
{
    internal StreamVersionConflictException(string path, RequestId requestId, long expectedVersion, long actualVersion)
        : base($"Request {requestId} in {path}: expected its stream at version {Describe(expectedVersion)}, but it is at version {actualVersion}; nothing of the batch was written.")
    {
        Path = path;
        RequestId = requestId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The database file, as a full path.</summary>
    public string Path { get; }

    /// <summary>The request whose stream moved.</summary>
    public RequestId RequestId { get; }

    /// <summary>The version the append expected (<see cref="Sqlite.ExpectedVersion.NoStream"/> for a new stream).</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version the stream was at.</summary>
    public long ActualVersion { get; }

    private static string Describe(long version) => version == Sqlite.ExpectedVersion.NoStream ? "0 (no stream yet)" : version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
