using System.Diagnostics;
using System.Globalization;
using Governance.Core.Desk;
using Governance.Core.Requests;
using Governance.Core.Time;
using Governance.Storage.Sqlite.CrashWriter;
using NodaTime.Testing;
using Xunit.Abstractions;

namespace Governance.Storage.Sqlite.Tests;

/// <summary>
/// A child process appends a desk's events in a loop and is killed (SIGKILL) at a random moment, many times over the
/// same file, each time going on from the store as a simulation's --resume does. After every kill: every acknowledged
/// event is there, nothing is half-written (the log ends exactly at a committed checkpoint and equals the deterministic
/// workload's events up to it), and the desk rebuilt from the store equals the desk at that point.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20230301;
    private const int RoundsPerFile = 12;
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Killed_at_random_moments_the_store_keeps_every_acknowledged_event_whole_and_restores_the_desk_there()
    {
        // Two files, each with its own writer and seed, side by side: the writer's start-up dominates a round, and the
        // machine has two cores.
        var clock = Stopwatch.StartNew();
        var lanes = new[] { Seed, Seed + 1 }.Select(seed => Task.Run(() => KillRepeatedly(_folder.File($"crash-{seed}.db"), seed, RoundsPerFile))).ToArray();
        foreach (var r in await Task.WhenAll(lanes))
        {
            output.WriteLine($"{RoundsPerFile} kills: {r.KilledInCommit} while a commit was in flight, {r.KilledBeforeReady} before the writer was ready; " +
                $"{r.Steps} steps, {r.Events} events, {r.Open} requests open");
            Assert.True(r.Steps > 0, "no kill came after a commit: the test tested nothing");
        }

        output.WriteLine($"{2 * RoundsPerFile} kills in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static LaneResult KillRepeatedly(string path, int seed, int rounds)
    {
        var moments = new Random(seed); // the kill moments are drawn, not the machine's timing: rounds differ run to run
        var reference = new ReferenceRun(seed);
        var stepsBefore = 0;
        var killedInCommit = 0;
        var killedBeforeReady = 0;
        for (var round = 0; round < rounds; round++)
        {
            using var writer = CrashWriterProcess.Start(path, seed);
            if (round % 5 == 4)
            {
                Thread.Sleep(moments.Next(400)); // any moment, opening and restoring included
            }
            else
            {
                // Somewhere after the k-th commit of this run: in the middle of writing, committing or working out steps.
                for (var k = moments.Next(1, 12); k > 0; k--)
                {
                    Assert.True(writer.WaitForLine("ack", StartLimit), $"{path} round {round}: the writer did not commit: {writer.ErrorOutput}");
                }

                Thread.Sleep(moments.Next(0, 40));
            }

            Assert.True(writer.Kill(), $"{path} round {round}: the writer ended by itself: {writer.ErrorOutput}");
            var log = WriterLog.Parse(writer.Lines);
            killedBeforeReady += log.Ready ? 0 : 1;
            killedInCommit += log.InFlight is null ? 0 : 1;

            using var store = SqliteEventStore.Open(path); // whatever the moment, the file opens
            var head = store.LastPosition;
            var checkpoint = store.ReadCheckpoint(CrashWriterProtocol.CheckpointName);
            var steps = checkpoint is null ? 0 : CrashWriterProtocol.PositionOf(checkpoint).Steps;

            // Nothing half-written: the log ends exactly where a committed checkpoint says.
            Assert.Equal(checkpoint?.Position ?? 0, head);

            // Every acknowledged event is there, and at most the one batch in flight when the kill came is beyond it.
            var acknowledgedSteps = log.Acknowledged?.Steps ?? stepsBefore;
            Assert.True(steps == acknowledgedSteps || steps == log.InFlight,
                $"{path} round {round}: the store holds {steps} steps; acknowledged {acknowledgedSteps}, in flight {log.InFlight?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
            reference.RunTo(steps);
            if (log.Acknowledged is { } ack)
            {
                Assert.Equal(reference.EventsAfterStep(ack.Steps), ack.Position);
                Assert.True(head >= ack.Position);
            }

            // What is there is exactly the workload's events up to that step, and where the workload was.
            Assert.Equal(reference.Events.Count, head);
            if (checkpoint is not null)
            {
                Assert.Equal(reference.Workload.Position, CrashWriterProtocol.PositionOf(checkpoint));
            }

            reference.VerifyNew(store);

            // The desk rebuilt from the store is the desk at that point.
            var restored = RequestDesk.Restore(DeskWorkload.Router, ServiceLevelPolicy.Default, new FakeClock(reference.Workload.Clock.GetCurrentInstant()),
                store.ReadAll().Select(e => e.Event));
            DeskAssert.Same(reference.Workload.Desk, restored);
            stepsBefore = steps;
        }

        using (var store = SqliteEventStore.Open(path))
        {
            Assert.Equal(reference.Events.Count, reference.VerifyAll(store));
        }

        return new LaneResult(killedInCommit, killedBeforeReady, stepsBefore, reference.Events.Count, reference.Workload.Desk.OpenCount);
    }

    [Fact]
    public void Left_to_finish_the_writer_stores_exactly_the_workload_s_events()
    {
        var path = _folder.File("whole.db");
        using (var writer = CrashWriterProcess.Start(path, Seed, maxSteps: 120))
        {
            Assert.Equal(0, writer.WaitForExit(StartLimit));
            Assert.Equal("done", writer.Lines[^1]);
        }

        // Resumed from the store for 60 more steps, it goes on exactly as an uninterrupted run.
        using (var writer = CrashWriterProcess.Start(path, Seed, maxSteps: 180))
        {
            Assert.Equal(0, writer.WaitForExit(StartLimit));
        }

        var reference = new ReferenceRun(Seed);
        reference.RunTo(180);
        using var store = SqliteEventStore.Open(path);
        Assert.Equal(reference.Events.Count, reference.VerifyAll(store));
        Assert.Equal(reference.Workload.Position, CrashWriterProtocol.PositionOf(store.ReadCheckpoint(CrashWriterProtocol.CheckpointName)!));
    }

    /// <summary>The uninterrupted workload in this process: what the store must hold.</summary>
    private sealed class ReferenceRun
    {
        private readonly InMemoryRequestEventSink _sink = new();
        private readonly List<long> _eventsAfterStep = [0];
        private readonly Dictionary<RequestId, long> _versions = [];
        private long _verified;

        public ReferenceRun(int seed) => Workload = new DeskWorkload(seed, _sink);

        public DeskWorkload Workload { get; }

        public IReadOnlyList<RequestEvent> Events => _sink.Events;

        public void RunTo(int steps)
        {
            Assert.True(steps >= Workload.Steps, $"the store went back from step {Workload.Steps} to {steps}");
            while (Workload.Steps < steps)
            {
                Workload.Step();
                _eventsAfterStep.Add(_sink.Count);
            }
        }

        public long EventsAfterStep(int step) => _eventsAfterStep[step];

        /// <summary>Checks the events stored since the last call against the workload's, positions and stream versions included.</summary>
        public void VerifyNew(SqliteEventStore store) => _verified = Verify(store.ReadAll(_verified), _verified, _versions);

        /// <summary>Checks every stored event against the workload's.</summary>
        /// <returns>How many there are.</returns>
        public long VerifyAll(SqliteEventStore store) => Verify(store.ReadAll(), 0, []);

        private long Verify(IEnumerable<StoredEvent> stored, long after, Dictionary<RequestId, long> versions)
        {
            var events = _sink.Events;
            var position = after;
            foreach (var e in stored)
            {
                Assert.Equal(++position, e.Position);
                Assert.True(position <= events.Count, $"the store holds an event at {position}, beyond the workload's {events.Count}");
                Assert.Equal(SampleEvents.Json(events[(int)position - 1]), SampleEvents.Json(e.Event));
                var version = versions[e.Event.RequestId] = versions.GetValueOrDefault(e.Event.RequestId) + 1;
                Assert.Equal(version, e.Version);
            }

            return position;
        }
    }

    private sealed record LaneResult(int KilledInCommit, int KilledBeforeReady, int Steps, int Events, int Open);

    /// <summary>What the writer said before it died.</summary>
    private sealed record WriterLog(bool Ready, (long Position, int Steps)? Acknowledged, int? InFlight)
    {
        public static WriterLog Parse(IReadOnlyList<string> lines)
        {
            var ready = false;
            (long, int)? acknowledged = null;
            int? inFlight = null;
            foreach (var line in lines)
            {
                var parts = line.Split(' ');
                switch (parts[0])
                {
                    case "ready":
                        ready = true;
                        break;
                    case "commit":
                        inFlight = int.Parse(parts[1], CultureInfo.InvariantCulture);
                        break;
                    case "ack":
                        acknowledged = (long.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
                        inFlight = null;
                        break;
                }
            }

            return new WriterLog(ready, acknowledged, inFlight);
        }
    }
}
