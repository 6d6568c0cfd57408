using System.Globalization;
using Governance.Storage.Sqlite;
using Governance.Storage.Sqlite.CrashWriter;

// Appends a deterministic desk workload to a store, a few steps per transaction, each with a checkpoint saying where
// the workload is, until killed (or until max-steps). On start it carries on from the store's checkpoint, as a
// simulation's --resume does: the desk is rebuilt from the store's events (RequestDesk.Restore) and the workload goes
// on from the checkpoint's step.
// Usage: Governance.Storage.Sqlite.CrashWriter <db-path> <seed> [max-steps]
// Prints, one line each and flushed at once:
//   ready <last-position> <steps>    the store is open and the desk rebuilt
//   commit <steps>                   a transaction up to that step is about to commit
//   ack <last-position> <steps>      it committed: everything up to that position is durable
if (args.Length is < 2 or > 3)
{
    Console.Error.WriteLine("usage: Governance.Storage.Sqlite.CrashWriter <db-path> <seed> [max-steps]");
    return 2;
}

var seed = int.Parse(args[1], CultureInfo.InvariantCulture);
var maxSteps = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : int.MaxValue;
using var store = SqliteEventStore.Open(args[0]);
var batch = store.CreateBatchSink();
var workload = store.ReadCheckpoint(CrashWriterProtocol.CheckpointName) is { } checkpoint
    ? DeskWorkload.Resume(seed, CrashWriterProtocol.PositionOf(checkpoint), store.ReadAll().Select(e => e.Event), batch)
    : new DeskWorkload(seed, batch);
Console.WriteLine(FormattableString.Invariant($"ready {store.LastPosition} {workload.Steps}"));

var stepsPerCommit = new Random(Environment.ProcessId); // where commits fall does not matter: the checkpoint says
while (workload.Steps < maxSteps)
{
    for (var n = 1 + stepsPerCommit.Next(8); n > 0 && workload.Steps < maxSteps; n--)
    {
        workload.Step();
    }

    Console.WriteLine(FormattableString.Invariant($"commit {workload.Steps}"));
    var result = batch.Commit(CrashWriterProtocol.Checkpoint(workload.Position));
    Console.WriteLine(FormattableString.Invariant($"ack {result.LastPosition} {workload.Steps}"));
}

Console.WriteLine("done");
return 0;
