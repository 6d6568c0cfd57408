using Governance.Core.Catalogue;
using Governance.Core.Desk;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Routing;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Benchmarks.Desk;

/// <summary>
/// Heap retained per open request: the managed heap after a full collection with N open requests (empty text, no
/// contact) minus the heap with the same desk empty, divided by N. The ids are made before the first reading, so
/// their strings (the caller's) are not counted; everything the desk makes is.
/// </summary>
internal static class DeskRetention
{
    public static void Report(int count)
    {
        var router = new Router(SampleDistrict.Chart, CategoryCatalogue.Default);
        var morning = Instant.FromUtc(2023, 3, 1, 1, 0);
        var (submissions, accepts, _, _) = DeskWorkload.Create(router, count, morning, seed: 7);
        var clock = new SettableClock(morning);
        var desk = new RequestDesk(router, ServiceLevelPolicy.Default, clock);

        var before = GC.GetTotalMemory(forceFullCollection: true);
        desk.SubmitBatch(submissions);
        var afterSubmit = GC.GetTotalMemory(forceFullCollection: true);
        clock.Now = morning + Duration.FromHours(1);
        desk.ExecuteBatch(accepts);
        var afterAccept = GC.GetTotalMemory(forceFullCollection: true);

        Console.WriteLine($"{count:N0} open requests on {desk.PartitionCount} partitions");
        Console.WriteLine($"retained per open request after submit: {(afterSubmit - before) / (double)count:F1} B");
        Console.WriteLine($"retained per open request after accept: {(afterAccept - before) / (double)count:F1} B");
        GC.KeepAlive(desk);
        GC.KeepAlive(submissions);
    }
}
