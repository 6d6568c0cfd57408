using Governance.Core;
using Governance.Core.Catalogue;
using Governance.Core.Desk;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Routing;
using Governance.Core.Time;
using NodaTime;
using NodaTime.Testing;

namespace Governance.Storage.Sqlite.CrashWriter;

/// <summary>
/// A desk on the sample district driven by a deterministic stream of steps: batches of submissions, batches of
/// commands drawn from the desk's open requests (every kind, some refused), and the clock moving on with its timers
/// firing. The same seed gives the same steps and so the same events, in any process; each step draws from its own
/// generator (seed and step number), so a workload resumed from a store at a <see cref="WorkloadPosition"/> goes on
/// exactly as the one that wrote it.
/// </summary>
public sealed class DeskWorkload
{
    /// <summary>Wednesday 1 March 2023, 09:00 in Beijing: a working day.</summary>
    public static readonly Instant Start = Instant.FromUtc(2023, 3, 1, 1, 0);

    private static readonly Lazy<Router> SharedRouter = new(() => new Router(SampleDistrict.Chart, CategoryCatalogue.Default));
    private static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private readonly int _seed;
    private Random _random = null!;
    private int _nextId;

    /// <summary>Creates the desk, empty, at <see cref="Start"/>; its events go to <paramref name="sink"/>.</summary>
    public DeskWorkload(int seed, IRequestEventSink sink)
    {
        _seed = seed;
        Clock = new FakeClock(Start);
        Desk = new RequestDesk(Router, ServiceLevelPolicy.Default, Clock, sink);
    }

    private DeskWorkload(int seed, WorkloadPosition position, IEnumerable<RequestEvent> events, IRequestEventSink sink)
    {
        _seed = seed;
        _nextId = position.NextId;
        Steps = position.Steps;
        Clock = new FakeClock(position.Clock);
        Desk = RequestDesk.Restore(Router, ServiceLevelPolicy.Default, Clock, events, sink);
    }

    /// <summary>Where the workload is: what it needs, besides the desk's events, to go on.</summary>
    public WorkloadPosition Position => new(Steps, Clock.GetCurrentInstant(), _nextId);

    /// <summary>
    /// The workload of <paramref name="seed"/> at <paramref name="position"/>, its desk rebuilt from
    /// <paramref name="events"/> (all the events written up to that position) with <see cref="RequestDesk.Restore"/>.
    /// </summary>
    public static DeskWorkload Resume(int seed, WorkloadPosition position, IEnumerable<RequestEvent> events, IRequestEventSink sink) =>
        new(seed, position, events, sink);

    /// <summary>The sample district's router with the default catalogue.</summary>
    public static Router Router => SharedRouter.Value;

    /// <summary>The desk the steps run on.</summary>
    public RequestDesk Desk { get; }

    /// <summary>Its clock, moved only by the steps.</summary>
    public FakeClock Clock { get; }

    /// <summary>Steps run so far.</summary>
    public int Steps { get; private set; }

    /// <summary>Runs the next step.</summary>
    public void Step()
    {
        _random = new Random(unchecked((_seed * 1_000_003) + Steps));
        switch (_random.Next(10))
        {
            case < 3:
                Desk.SubmitBatch(Submissions(1 + _random.Next(12)));
                break;
            case < 8:
                Desk.ExecuteBatch(Commands(Clock.GetCurrentInstant()));
                break;
            default:
                Clock.Advance(Duration.FromMinutes(_random.Next(10) < 8 ? 1 + _random.Next(180) : 1 + _random.Next(3 * 24 * 60)));
                Desk.Advance();
                break;
        }

        Steps++;
    }

    private List<RequestSubmission> Submissions(int count)
    {
        var chart = Router.Chart;
        var categories = Router.Catalogue.Categories;
        var channels = Enum.GetValues<Channel>();
        var list = new List<RequestSubmission>(count);
        for (var i = 0; i < count; i++)
        {
            RequestLocation location;
            if (_random.Next(4) == 0)
            {
                location = new RequestLocation(chart.Units[_random.Next(chart.Units.Length)].Id);
            }
            else
            {
                var household = chart.Households[_random.Next(chart.Households.Length)];
                location = new RequestLocation(chart.BuildingOf(household).Id, household.Id);
            }

            var category = _random.Next(30) == 0 ? new CategoryCode("未知/从未见过") : categories[_random.Next(categories.Length)].Code;
            var channel = channels[_random.Next(channels.Length)];
            if (channel == Channel.HouseholdNetwork && location.Household is null)
            {
                channel = Channel.Hotline12345;
            }

            var contact = _random.Next(3) == 0
                ? ResidentContact.None
                : new ResidentContact(new PersonName("居民" + _random.Next(1000)), new PhoneNumber("1380000" + _random.Next(1000, 10000)));
            list.Add(new RequestSubmission(new RequestId($"c-{_nextId++}"), channel, category, CategoryClass.Ordinary, location, contact,
                "楼道灯不亮了", channel == Channel.Hotline12345 ? $"T{_nextId}" : null));
        }

        return list;
    }

    private List<DeskCommand> Commands(Instant now)
    {
        var open = Desk.Query(new DeskQuery());
        var list = new List<DeskCommand>();
        if (open.Count == 0)
        {
            return list;
        }

        var departments = Router.Chart.DistrictDepartments;
        var count = 1 + _random.Next(Math.Min(16, open.Count));
        for (var i = 0; i < count; i++)
        {
            var r = open[_random.Next(open.Count)];
            RequestCommand command = _random.Next(17) switch
            {
                0 or 1 => new AcceptRequest(r.Handler, now),
                2 => new ExplainRequest(r.Owner, now, "需协调相关部门", now.InZone(Beijing).Date.PlusDays(5)),
                3 or 4 => new ResolveRequest(r.Handler, now, "已处理"),
                5 or 6 => new CallBackResident(r.Owner, now, (Satisfaction)_random.Next(3), _random.Next(2) == 0 ? "" : "谢谢"),
                7 => Router.EscalationTarget(r.Handler, r.Location, r.Category) is { } up
                    ? new EscalateRequest(r.Handler, now, up, "超出本级职责")
                    : new AcceptRequest(r.Handler, now),
                8 => Router.EscalationTarget(r.Handler, r.Location, r.Category) is { } to
                    ? new ForwardRequest(r.Handler, now, to, "不属本单位职责")
                    : new AcceptRequest(r.Handler, now),
                9 => new SummonDepartment(r.Handler, now, departments[_random.Next(departments.Length)].Id, "吹哨"),
                10 => r.PendingReports.Count > 0 ? new ReportToWhistle(r.PendingReports[0], now) : new AcceptRequest(r.Handler, now),
                11 => new AwaitResident(r.Handler, now, PauseReason.ResidentUnreachable, "电话未接通"),
                12 => new ResumeRequest(r.Handler, now, "已联系上"),
                13 => new ReopenRequest(r.Owner, now, "问题复发"),
                14 => new RejectRequest(r.Owner, now, RejectionReason.Duplicate, "重复诉求"),
                15 => open[_random.Next(open.Count)] is { } other && other.Id != r.Id
                    ? new MergeRequest(r.Owner, now, other.Id)
                    : new AcceptRequest(r.Handler, now),
                _ => new AcceptRequest(r.Handler, now),
            };
            list.Add(new DeskCommand(r.Id, command));
        }

        return list;
    }
}

/// <summary>How far a <see cref="DeskWorkload"/> got: its steps, its clock and its next request number.</summary>
/// <param name="Steps">Steps run.</param>
/// <param name="Clock">The desk's clock.</param>
/// <param name="NextId">The number of the next request it submits.</param>
public readonly record struct WorkloadPosition(int Steps, Instant Clock, int NextId)
{
    /// <summary>As text, for a checkpoint: <c>steps clock-ticks next-id</c>.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Steps} {Clock.ToUnixTimeTicks()} {NextId}");

    /// <summary>Reads <see cref="ToString"/>'s text.</summary>
    public static WorkloadPosition Parse(string text)
    {
        var parts = text.Split(' ');
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return new WorkloadPosition(int.Parse(parts[0], culture), Instant.FromUnixTimeTicks(long.Parse(parts[1], culture)), int.Parse(parts[2], culture));
    }
}
