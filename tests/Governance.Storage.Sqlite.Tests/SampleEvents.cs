using Governance.Core.Desk;
using Governance.Core.Requests;
using Governance.Storage.Sqlite.CrashWriter;

namespace Governance.Storage.Sqlite.Tests;

/// <summary>Events as a desk writes them, from the crash writer's deterministic workload.</summary>
internal static class SampleEvents
{
    private static readonly Lazy<IReadOnlyList<IReadOnlyList<RequestEvent>>> LazyBatches = new(() => Batches(seed: 7, steps: 400));

    /// <summary>The desk's operations of 400 steps: every event type appears.</summary>
    public static IReadOnlyList<IReadOnlyList<RequestEvent>> DeskOperations => LazyBatches.Value;

    public static IReadOnlyList<RequestEvent> All => [.. DeskOperations.SelectMany(b => b)];

    /// <summary>The events of each desk operation, in order.</summary>
    public static IReadOnlyList<IReadOnlyList<RequestEvent>> Batches(int seed, int steps)
    {
        var sink = new RecordingSink();
        var workload = new DeskWorkload(seed, sink);
        while (workload.Steps < steps)
        {
            workload.Step();
        }

        return sink.Operations;
    }

    /// <summary>Equal events write equal JSON; records holding lists do not compare equal by value.</summary>
    public static string Json(RequestEvent e) => RequestEventJson.Serialize(e);

    private sealed class RecordingSink : IRequestEventSink
    {
        public List<IReadOnlyList<RequestEvent>> Operations { get; } = [];

        public void Append(IReadOnlyList<RequestEvent> events) => Operations.Add([.. events]);
    }
}
