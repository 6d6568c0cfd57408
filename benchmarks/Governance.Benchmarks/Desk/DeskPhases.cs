using System.Diagnostics;
using Governance.Core.Catalogue;
using Governance.Core.Desk;
using Governance.Core.Organization;
using Governance.Core.Routing;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Benchmarks.Desk;

/// <summary>
/// Where a day's partitioned run spends its time, phase by phase (a diagnostic for tuning, not a measurement to
/// report: DeskBenchmarks is that).
/// </summary>
internal static class DeskPhases
{
    public static void Report(int count, bool sequential = false)
    {
        var router = new Router(SampleDistrict.Chart, CategoryCatalogue.Default);
        var morning = Instant.FromUtc(2023, 3, 1, 1, 0);
        // DESK_PHASES_DISTINCT=1: one command object per command, as DeskCommandObjectsBenchmarks' baseline.
        var (submissions, accepts, resolves, callBacks) = DeskWorkload.Create(router, count, morning, seed: 12345,
            shareCommands: Environment.GetEnvironmentVariable("DESK_PHASES_DISTINCT") != "1");
        if (Environment.GetEnvironmentVariable("DESK_PHASES_GC_PROBE") == "1")
        {
            ProbeFullCollections(router, morning, submissions);
        }

        var rounds = int.TryParse(Environment.GetEnvironmentVariable("DESK_PHASES_ROUNDS"), out var r) ? r : 3;
        var best = new double[5]; // submit, accept, resolve, call back, whole day: the fastest of the rounds after the first (on a shared host the fastest is the least disturbed)
        Array.Fill(best, double.MaxValue);
        // DESK_PHASES_RUNNING=1: every round runs the day on the same desk (as DeskBenchmarks' running-desk row).
        var running = Environment.GetEnvironmentVariable("DESK_PHASES_RUNNING") == "1";
        RequestDesk? desk = null;
        // DESK_PHASES_GC=1: prints the last round's collections as a timeline beside its phases (see GcTimeline).
        using var timeline = Environment.GetEnvironmentVariable("DESK_PHASES_GC") == "1" ? new GcTimeline() : null;
        SettableClock? clock = null;
        for (var round = 0; round < rounds; round++)
        {
            if (!running || desk is null)
            {
                clock = new SettableClock(morning);
                desk = new RequestDesk(router, ServiceLevelPolicy.Default, clock);
            }

            clock!.Now = morning;
            var pause = GC.GetTotalPauseDuration();
            var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            timeline?.Recording = round == rounds - 1;
            timeline?.Mark("submit");
            var watch = Stopwatch.StartNew();
            Submit(desk, submissions, sequential);
            var submit = watch.Elapsed;
            var a1 = GC.GetTotalAllocatedBytes(precise: true);
            var p1 = GC.GetTotalPauseDuration();
            clock.Now = morning + Duration.FromHours(1);
            timeline?.Mark("accept");
            Execute(desk, accepts, sequential);
            var accept = watch.Elapsed;
            var a2 = GC.GetTotalAllocatedBytes(precise: true);
            var p2 = GC.GetTotalPauseDuration();
            clock.Now = morning + Duration.FromHours(3);
            timeline?.Mark("resolve");
            Execute(desk, resolves, sequential);
            var resolve = watch.Elapsed;
            var a3 = GC.GetTotalAllocatedBytes(precise: true);
            var p3 = GC.GetTotalPauseDuration();
            clock.Now = morning + Duration.FromHours(6);
            timeline?.Mark("call back");
            Execute(desk, callBacks, sequential);
            var total = watch.Elapsed;
            timeline?.Mark("day done");
            timeline?.Recording = false;
            timeline?.Flush();
            if (round > 0)
            {
                double[] phases = [submit.TotalMilliseconds, (accept - submit).TotalMilliseconds, (resolve - accept).TotalMilliseconds, (total - resolve).TotalMilliseconds, total.TotalMilliseconds];
                for (var k = 0; k < best.Length; k++)
                {
                    best[k] = Math.Min(best[k], phases[k]);
                }
            }

            Console.WriteLine($"{count:N0} requests {(sequential ? "one by one" : "in batches")}: submit {submit.TotalMilliseconds:F0} ms, accept {(accept - submit).TotalMilliseconds:F0} ms, "
                + $"resolve {(resolve - accept).TotalMilliseconds:F0} ms, call back {(total - resolve).TotalMilliseconds:F0} ms; "
                + $"{count / total.TotalSeconds:N0} requests/s; CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms; allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)count:F0} B per request (submit {(a1 - allocated) / count}, accept {(a2 - a1) / count}, resolve {(a3 - a2) / count}); closed {desk.ClosedCount:N0}; GC pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms "
                + $"(submit {(p1 - pause).TotalMilliseconds:F0}, accept {(p2 - p1).TotalMilliseconds:F0}, resolve {(p3 - p2).TotalMilliseconds:F0}), "
                + $"collections gen0/1/2 {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}");
        }

        if (rounds > 1)
        {
            Console.WriteLine($"fastest of rounds 2 to {rounds}: submit {best[0]:F0} ms, accept {best[1]:F0} ms, resolve {best[2]:F0} ms, call back {best[3]:F0} ms, day {best[4]:F0} ms ({count / best[4] * 1000:N0} requests/s)");
        }
    }

    /// <summary>
    /// DESK_PHASES_GC_PROBE=1: times blocking full collections with only the workload live, then with a desk holding
    /// its requests open too. A background collection marks the same objects beside the work, so this is what one
    /// costs the cores (BenchmarkDotNet's new-desk row sets one off each iteration).
    /// </summary>
    private static void ProbeFullCollections(Router router, Instant morning, Governance.Core.Requests.RequestSubmission[] submissions)
    {
        static string Collect()
        {
            var times = new double[3];
            for (var k = 0; k < times.Length; k++)
            {
                var watch = Stopwatch.StartNew();
                GC.Collect();
                times[k] = watch.Elapsed.TotalMilliseconds;
            }

            return string.Join(", ", times.Select(t => $"{t:F0} ms"));
        }

        Console.WriteLine($"full collection, the workload alone: {Collect()}");
        var desk = new RequestDesk(router, ServiceLevelPolicy.Default, new SettableClock(morning));
        desk.SubmitBatch(submissions);
        Console.WriteLine($"full collection, the workload and a desk holding {desk.OpenCount:N0} open requests: {Collect()}");
        GC.KeepAlive(desk);
    }

    private static void Submit(RequestDesk desk, Governance.Core.Requests.RequestSubmission[] submissions, bool sequential)
    {
        if (!sequential)
        {
            desk.SubmitBatch(submissions);
            return;
        }

        foreach (var s in submissions)
        {
            desk.Submit(s);
        }
    }

    private static void Execute(RequestDesk desk, DeskCommand[] commands, bool sequential)
    {
        if (!sequential)
        {
            desk.ExecuteBatch(commands);
            return;
        }

        foreach (var c in commands)
        {
            desk.Execute(c.RequestId, c.Command);
        }
    }
}
