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
    public static void Report(int count)
    {
        var router = new Router(SampleDistrict.Chart, CategoryCatalogue.Default);
        var morning = Instant.FromUtc(2023, 3, 1, 1, 0);
        var (submissions, accepts, resolves, callBacks) = DeskWorkload.Create(router, count, morning, seed: 12345);
        for (var round = 0; round < 3; round++)
        {
            var clock = new SettableClock(morning);
            var desk = new RequestDesk(router, ServiceLevelPolicy.Default, clock);
            var watch = Stopwatch.StartNew();
            desk.SubmitBatch(submissions);
            var submit = watch.Elapsed;
            clock.Now = morning + Duration.FromHours(1);
            desk.ExecuteBatch(accepts);
            var accept = watch.Elapsed;
            clock.Now = morning + Duration.FromHours(3);
            desk.ExecuteBatch(resolves);
            var resolve = watch.Elapsed;
            clock.Now = morning + Duration.FromHours(6);
            desk.ExecuteBatch(callBacks);
            var total = watch.Elapsed;
            Console.WriteLine($"{count:N0} requests: submit {submit.TotalMilliseconds:F0} ms, accept {(accept - submit).TotalMilliseconds:F0} ms, "
                + $"resolve {(resolve - accept).TotalMilliseconds:F0} ms, call back {(total - resolve).TotalMilliseconds:F0} ms; "
                + $"{count / total.TotalSeconds:N0} requests/s; closed {desk.ClosedCount:N0}");
        }
    }
}
