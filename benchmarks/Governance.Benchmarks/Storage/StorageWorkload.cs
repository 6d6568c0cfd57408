using Governance.Benchmarks.Desk;
using Governance.Core;
using Governance.Core.Catalogue;
using Governance.Core.Desk;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Routing;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Benchmarks.Storage;

/// <summary>
/// The events of desk days on the sample district, as a store receives them: each request received (with a resident's
/// name, phone and words), accepted, resolved and called back, in the desk's order.
/// </summary>
internal static class StorageWorkload
{
    private static readonly Instant Morning = Instant.FromUtc(2023, 3, 1, 1, 0);

    /// <summary>
    /// The event counts measured: <paramref name="defaults"/>, or the comma-separated sizes in
    /// <c>STORAGE_BENCHMARK_SIZES</c> (CI's smoke run sets a small one).
    /// </summary>
    public static IEnumerable<int> Sizes(params int[] defaults) =>
        Environment.GetEnvironmentVariable("STORAGE_BENCHMARK_SIZES") is { Length: > 0 } sizes
            ? sizes.Split(',').Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture))
            : defaults;

    /// <summary>At least <paramref name="count"/> events (four per request, a day's worth of requests at a time), cut to exactly that many.</summary>
    public static RequestEvent[] Create(int count)
    {
        var router = new Router(SampleDistrict.Chart, CategoryCatalogue.Default);
        var sink = new InMemoryRequestEventSink();
        var requests = (count + 3) / 4;
        var (submissions, accepts, resolves, callBacks) = DeskWorkload.Create(router, requests, Morning, seed: 2023);
        var contact = new ResidentContact(new PersonName("王秀兰"), new PhoneNumber("13800138000"));
        for (var i = 0; i < submissions.Length; i++)
        {
            submissions[i] = submissions[i] with { Contact = contact, Text = "小区东门的路灯坏了一个多星期，晚上出行不便，请尽快修理。" };
        }

        var clock = new SettableClock(Morning);
        var desk = new RequestDesk(router, ServiceLevelPolicy.Default, clock, sink);
        desk.SubmitBatch(submissions);
        clock.Now = Morning + Duration.FromHours(1);
        desk.ExecuteBatch(accepts);
        clock.Now = Morning + Duration.FromHours(3);
        desk.ExecuteBatch(resolves);
        clock.Now = Morning + Duration.FromHours(6);
        desk.ExecuteBatch(callBacks);
        var events = sink.Events;
        return events.Count >= count
            ? [.. events.Take(count)]
            : throw new InvalidOperationException($"The workload made {events.Count} events, fewer than {count}.");
    }

    /// <summary>A fresh path under the temporary folder for a benchmark's database.</summary>
    public static string TempPath(string name) =>
        Path.Combine(Path.GetTempPath(), "governance-benchmarks", $"{name}-{Environment.ProcessId}-{Guid.NewGuid():N}.db");

    /// <summary>Deletes a database with its write-ahead log and shared-memory files.</summary>
    public static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }
    }
}
