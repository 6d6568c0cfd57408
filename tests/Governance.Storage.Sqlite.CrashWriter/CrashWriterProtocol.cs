namespace Governance.Storage.Sqlite.CrashWriter;

/// <summary>What the crash writer and its test agree on.</summary>
public static class CrashWriterProtocol
{
    /// <summary>The checkpoint the writer saves with each transaction: the <see cref="WorkloadPosition"/> the store holds.</summary>
    public const string CheckpointName = "crash-writer";

    /// <summary>The checkpoint for a workload at <paramref name="position"/>.</summary>
    public static StoreCheckpoint Checkpoint(WorkloadPosition position) => new(CheckpointName, position.ToString());

    /// <summary>The workload position a checkpoint says the store holds.</summary>
    public static WorkloadPosition PositionOf(StoreCheckpoint checkpoint) => WorkloadPosition.Parse(checkpoint.Value);
}
