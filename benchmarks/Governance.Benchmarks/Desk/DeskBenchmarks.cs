using BenchmarkDotNet.Attributes;
using Governance.Core.Catalogue;
using Governance.Core.Desk;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Routing;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Benchmarks.Desk;

/// <summary>
/// A day's batch through the desk's full lifecycle — submit, route, accept, resolve, call back (closed) — for every
/// request, on the sample district with the default catalogue: one by one, in partitioned batches on all cores, and
/// the naive baseline (a linear scan of the catalogue's rules and a walk up the tree per request, a Stateless machine
/// per request). Target: at least 1M requests per second partitioned. Divide Mean by Requests for the time per request.
/// Commands equal in value are one object (see <see cref="DeskWorkload"/>; <see cref="DeskCommandObjectsBenchmarks"/>
/// measures what that changes).
/// </summary>
[MemoryDiagnoser]
public class DeskBenchmarks
{
    private static readonly Instant Morning = Instant.FromUtc(2023, 3, 1, 1, 0); // 09:00 in Beijing, a working day

    private Router _router = null!;
    private RequestSubmission[] _submissions = null!;
    private DeskCommand[] _accepts = null!;
    private DeskCommand[] _resolves = null!;
    private DeskCommand[] _callBacks = null!;
    private NaiveDesk _naive = null!;
    private RequestDesk _running = null!;
    private SettableClock _runningClock = null!;

    /// <summary>
    /// Requests in the day's batch: 10k and 1M, or the comma-separated sizes in <c>DESK_BENCHMARK_SIZES</c> (the naive
    /// baseline takes minutes per run at 1M, so the two sizes are often measured in separate runs with separate jobs).
    /// </summary>
    [ParamsSource(nameof(Sizes))]
    public int Requests { get; set; }

    /// <summary>
    /// True (always, here): commands equal in value are one object (see <see cref="DeskWorkload"/>). Set by
    /// <see cref="DeskCommandObjectsBenchmarks"/>, which measures both.
    /// </summary>
    public bool SharedCommands { get; set; } = true;

    /// <summary>The sizes measured.</summary>
    public static IEnumerable<int> Sizes() =>
        Environment.GetEnvironmentVariable("DESK_BENCHMARK_SIZES") is { Length: > 0 } sizes
            ? sizes.Split(',').Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture))
            : [10_000, 1_000_000];

    [GlobalSetup]
    public void Setup()
    {
        _router = new Router(SampleDistrict.Chart, CategoryCatalogue.Default);
        (_submissions, _accepts, _resolves, _callBacks) = DeskWorkload.Create(_router, Requests, Morning, seed: 12345, SharedCommands);
        _naive = new NaiveDesk(_router.Chart, _router.Catalogue);
    }

    /// <summary>
    /// Also runs the day once on the running desk. Only for <see cref="PartitionedRunning"/>: a desk holding room for a
    /// million requests changes the garbage collector's budgets, so it must not sit beside the other measurements.
    /// </summary>
    [GlobalSetup(Target = nameof(PartitionedRunning))]
    public void SetupRunning()
    {
        Setup();
        _runningClock = new SettableClock(Morning);
        _running = new RequestDesk(_router, ServiceLevelPolicy.Default, _runningClock);
        PartitionedDay(_running, _runningClock);
    }

    [Benchmark(Baseline = true, Description = "naive: rule scan + Stateless per request")]
    public int Naive() => _naive.RunDay(_submissions, Morning);

    [Benchmark(Description = "desk, one by one")]
    public long Sequential()
    {
        var clock = new SettableClock(Morning);
        var desk = new RequestDesk(_router, ServiceLevelPolicy.Default, clock);
        foreach (var s in _submissions)
        {
            desk.Submit(s);
        }

        clock.Now = Morning + Duration.FromHours(1);
        foreach (var c in _accepts)
        {
            desk.Execute(c.RequestId, c.Command);
        }

        clock.Now = Morning + Duration.FromHours(3);
        foreach (var c in _resolves)
        {
            desk.Execute(c.RequestId, c.Command);
        }

        clock.Now = Morning + Duration.FromHours(6);
        foreach (var c in _callBacks)
        {
            desk.Execute(c.RequestId, c.Command);
        }

        return Closed(desk);
    }

    [Benchmark(Description = "desk, partitioned batches")]
    public long Partitioned()
    {
        var clock = new SettableClock(Morning);
        var desk = new RequestDesk(_router, ServiceLevelPolicy.Default, clock);
        PartitionedDay(desk, clock);
        return Closed(desk);
    }

    /// <summary>
    /// The same day on a desk that has run it before (set up once, outside the measurement): what a desk that runs day
    /// after day pays, without the first day's cost of allocating room for a million open requests. Not the target's
    /// measure: <see cref="Partitioned"/>, on a new desk, is.
    /// </summary>
    [Benchmark(Description = "desk, partitioned batches, running desk")]
    public long PartitionedRunning()
    {
        PartitionedDay(_running, _runningClock);
        return _running.OpenCount == 0 ? _running.ClosedCount : throw new InvalidOperationException($"{_running.OpenCount} requests left open");
    }

    private void PartitionedDay(RequestDesk desk, SettableClock clock) =>
        DeskWorkload.RunPartitioned(desk, clock, Morning, _submissions, _accepts, _resolves, _callBacks);

    private long Closed(RequestDesk desk) =>
        desk.ClosedCount == Requests ? desk.ClosedCount : throw new InvalidOperationException($"{desk.ClosedCount} of {Requests} requests closed");
}

/// <summary>A clock the benchmark moves by hand.</summary>
internal sealed class SettableClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;

    public Instant GetCurrentInstant() => Now;
}

/// <summary>A deterministic day: submissions at households across the district, and each one's accept, resolve and call-back.</summary>
/// <remarks>
/// Commands equal in value are one object unless <c>shareCommands</c> is false: an agency's accepts in the day are all
/// <c>AcceptRequest(agency, 09:30)</c>, and commands are immutable values, so each <see cref="DeskCommand"/> pairs its
/// own request id with the agency's one command. A desk's caller makes each command just before it executes it and
/// holds a few at a time; a harness that held three million distinct command objects for the whole run instead made
/// every background full collection mark them (about 250 ms of a core each, by <c>DESK_PHASES_GC_PROBE</c>), a cost of
/// the harness rather than of the desk. <see cref="DeskCommandObjectsBenchmarks"/> measures the two side by side.
/// </remarks>
internal static class DeskWorkload
{
    public static (RequestSubmission[] Submissions, DeskCommand[] Accepts, DeskCommand[] Resolves, DeskCommand[] CallBacks) Create(
        Router router, int count, Instant morning, int seed, bool shareCommands = true)
    {
        var chart = router.Chart;
        var categories = router.Catalogue.Categories;
        var random = new Random(seed);
        Channel[] channels = [Channel.PropertyHotline, Channel.HouseholdNetwork, Channel.Hotline12345, Channel.QrScan, Channel.WalkIn];
        var submissions = new RequestSubmission[count];
        var accepts = new DeskCommand[count];
        var resolves = new DeskCommand[count];
        var callBacks = new DeskCommand[count];
        var acceptBy = new Dictionary<Agency, RequestCommand>();
        var resolveBy = new Dictionary<Agency, RequestCommand>();
        var callBackBy = new Dictionary<Agency, RequestCommand>();
        RequestCommand Made(Dictionary<Agency, RequestCommand> made, Agency by, Func<Agency, RequestCommand> make)
        {
            if (!shareCommands)
            {
                return make(by);
            }

            if (!made.TryGetValue(by, out var command))
            {
                made[by] = command = make(by);
            }

            return command;
        }

        for (var i = 0; i < count; i++)
        {
            var household = chart.Households[random.Next(chart.Households.Length)];
            var location = new RequestLocation(chart.BuildingOf(household).Id, household.Id);
            var submission = new RequestSubmission(new RequestId($"d-{i}"), channels[random.Next(channels.Length)],
                categories[random.Next(categories.Length)].Code, CategoryClass.Ordinary, location, ResidentContact.None, string.Empty);
            submissions[i] = submission;
            var decision = router.Route(submission.Channel, location, submission.Category);
            accepts[i] = new DeskCommand(submission.Id, Made(acceptBy, decision.Handler, h => new AcceptRequest(h, morning + Duration.FromMinutes(30))));
            resolves[i] = new DeskCommand(submission.Id, Made(resolveBy, decision.Handler, h => new ResolveRequest(h, morning + Duration.FromMinutes(90), "已处理")));
            callBacks[i] = new DeskCommand(submission.Id, Made(callBackBy, decision.Owner,
                o => new CallBackResident(o, morning + Duration.FromHours(5), Satisfaction.Satisfied, string.Empty)));
        }

        return (submissions, accepts, resolves, callBacks);
    }

    /// <summary>The day in partitioned batches, each at its hour, on <paramref name="desk"/>; throws when the desk refuses an item.</summary>
    public static void RunPartitioned(RequestDesk desk, SettableClock clock, Instant morning, RequestSubmission[] submissions, DeskCommand[] accepts,
        DeskCommand[] resolves, DeskCommand[] callBacks)
    {
        clock.Now = morning;
        Check(desk.SubmitBatch(submissions));
        clock.Now = morning + Duration.FromHours(1);
        Check(desk.ExecuteBatch(accepts));
        clock.Now = morning + Duration.FromHours(3);
        Check(desk.ExecuteBatch(resolves));
        clock.Now = morning + Duration.FromHours(6);
        Check(desk.ExecuteBatch(callBacks));
    }

    /// <summary>A refused item means the workload no longer fits the rules: measuring it would measure less work.</summary>
    private static void Check(DeskBatchResult result)
    {
        if (result.Failures.Count > 0)
        {
            throw new InvalidOperationException($"{result.Failures.Count} of {result.Count} items refused, first: {result.Failures[0].Problem}");
        }
    }
}
