using Governance.Core.Catalogue;
using Governance.Core.Desk;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Routing;
using Governance.Core.Time;
using NodaTime;
using NodaTime.Testing;

namespace Governance.Core.Tests.Desk;

/// <summary>The sample district's router and a desk on a fake clock, shared by the desk's tests.</summary>
internal static class DeskFixture
{
    public static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private static readonly Lazy<Router> LazyRouter = new(() => new Router(SampleDistrict.Chart, CategoryCatalogue.Default));

    public static Router Router => LazyRouter.Value;

    public static Chart Chart => SampleDistrict.Chart;

    /// <summary>Wednesday 1 March 2023 (a working day) at the given Beijing time, or a later day of that March.</summary>
    public static Instant At(int day, int hour, int minute = 0) =>
        new LocalDateTime(2023, 3, day, hour, minute).InZoneStrictly(Beijing).ToInstant();

    public static (RequestDesk Desk, FakeClock Clock, InMemoryRequestEventSink Sink) Create(Instant start, ServiceLevelPolicy? policy = null)
    {
        var clock = new FakeClock(start);
        var sink = new InMemoryRequestEventSink();
        return (new RequestDesk(Router, policy ?? ServiceLevelPolicy.Default, clock, sink), clock, sink);
    }

    /// <summary>Rank up the escalation chain: property company, building, grid, community, street level (unit or office), district.</summary>
    public static int Rank(Agency agency) => agency.Kind switch
    {
        AgencyKind.PropertyCompany => 0,
        AgencyKind.SubdistrictOffice => 8,
        AgencyKind.DistrictDepartment => 10,
        _ => Chart.GetUnit(new UnitId(agency.Id)).Level switch
        {
            UnitLevel.Building => 2,
            UnitLevel.Grid => 4,
            UnitLevel.Community => 6,
            UnitLevel.StreetLevel => 8,
            _ => 10,
        },
    };
}

/// <summary>One step of a desk script: a batch of submissions, a batch of commands, or the clock moving on.</summary>
internal abstract record DeskStep;

internal sealed record SubmitStep(IReadOnlyList<RequestSubmission> Submissions) : DeskStep;

internal sealed record CommandStep(IReadOnlyList<DeskCommand> Commands) : DeskStep;

internal sealed record ClockStep(Duration By) : DeskStep;

/// <summary>
/// Random desk scripts over the sample district. Commands are drawn from the state of the desk that records the
/// script, so most are plausible (the handler accepts, the owner explains...) and some are refused; replaying the
/// recorded script on another desk, in batches or one by one, must give the same events.
/// </summary>
internal sealed class DeskScript(int seed)
{
    private readonly Random _random = new(seed);
    private readonly List<DeskStep> _steps = [];
    private int _nextId;

    public IReadOnlyList<DeskStep> Steps => _steps;

    /// <summary>Runs <paramref name="stepCount"/> random steps on <paramref name="desk"/> one item at a time, recording them.</summary>
    public void Record(RequestDesk desk, FakeClock clock, int stepCount, Action<RequestDesk>? afterEachStep = null)
    {
        for (var s = 0; s < stepCount; s++)
        {
            DeskStep step = _random.Next(10) switch
            {
                < 3 => new SubmitStep(Submissions(desk, 1 + _random.Next(12))),
                < 7 => new CommandStep(Commands(desk, clock.GetCurrentInstant())),
                _ => new ClockStep(Duration.FromMinutes(_random.Next(10) < 7 ? 1 + _random.Next(240) : 1 + _random.Next(4 * 24 * 60))),
            };
            _steps.Add(step);
            Run(desk, clock, step, batched: false);
            afterEachStep?.Invoke(desk);
        }
    }

    public static void Run(RequestDesk desk, FakeClock clock, DeskStep step, bool batched)
    {
        switch (step)
        {
            case SubmitStep s when batched:
                desk.SubmitBatch(s.Submissions);
                break;
            case SubmitStep s:
                foreach (var submission in s.Submissions)
                {
                    try
                    {
                        desk.Submit(submission);
                    }
                    catch (ArgumentException)
                    {
                    }
                }

                break;
            case CommandStep c when batched:
                desk.ExecuteBatch(c.Commands);
                break;
            case CommandStep c:
                foreach (var command in c.Commands)
                {
                    try
                    {
                        desk.Execute(command.RequestId, command.Command);
                    }
                    catch (Exception e) when (e is RequestCommandException or ArgumentException or KeyNotFoundException)
                    {
                    }
                }

                break;
            case ClockStep t:
                clock.Advance(t.By);
                desk.Advance();
                break;
        }
    }

    private List<RequestSubmission> Submissions(RequestDesk desk, int count)
    {
        var chart = DeskFixture.Chart;
        var categories = DeskFixture.Router.Catalogue.Categories;
        var list = new List<RequestSubmission>(count);
        for (var i = 0; i < count; i++)
        {
            RequestLocation location;
            if (_random.Next(3) == 0)
            {
                location = new RequestLocation(chart.Units[_random.Next(chart.Units.Length)].Id);
            }
            else
            {
                var household = chart.Households[_random.Next(chart.Households.Length)];
                location = new RequestLocation(chart.BuildingOf(household).Id, household.Id);
            }

            var roll = _random.Next(40);
            var category = roll == 0 ? new CategoryCode("未知/从未见过") : categories[_random.Next(categories.Length)].Code;
            if (roll == 1)
            {
                location = new RequestLocation(new UnitId("no-such-unit"));
            }

            var channels = Enum.GetValues<Channel>();
            var channel = channels[_random.Next(channels.Length)];
            if (channel == Channel.HouseholdNetwork && location.Household is null)
            {
                channel = Channel.Hotline12345;
            }

            // Now and then an id that is open at the desk: refused. (A closed request's id is forgotten by the desk: the
            // event store, not the desk, keeps ids unique over time; the script never reuses one.)
            var open = roll == 2 ? desk.Query(new DeskQuery()) : [];
            var id = open.Count > 0 ? open[_random.Next(open.Count)].Id.Value : $"r{_nextId++}";
            list.Add(new RequestSubmission(new RequestId(id), channel, category, CategoryClass.Ordinary, location,
                new ResidentContact(new PersonName("居民"), new PhoneNumber("13800000000")), "诉求"));
        }

        return list;
    }

    private List<DeskCommand> Commands(RequestDesk desk, Instant now)
    {
        var open = desk.Query(new DeskQuery());
        var list = new List<DeskCommand>();
        if (open.Count == 0)
        {
            return list;
        }

        var count = 1 + _random.Next(Math.Min(12, open.Count));
        for (var i = 0; i < count; i++)
        {
            var at = _random.Next(open.Count);
            var r = open[at];
            var router = DeskFixture.Router;
            RequestCommand command = _random.Next(14) switch
            {
                0 or 1 => new AcceptRequest(r.Handler, now),
                2 => new ExplainRequest(r.Owner, now, "需协调相关部门", now.InZone(DeskFixture.Beijing).Date.PlusDays(5)),
                3 or 4 => new ResolveRequest(r.Handler, now, "已处理"),
                5 or 6 => new CallBackResident(r.Owner, now, (Satisfaction)_random.Next(3), ""),
                7 => router.EscalationTarget(r.Handler, r.Location, r.Category) is { } up
                    ? new EscalateRequest(r.Handler, now, up, "超出本级职责")
                    : new AcceptRequest(r.Handler, now),
                8 => new SummonDepartment(r.Handler, now, DeskFixture.Chart.DistrictDepartments[_random.Next(DeskFixture.Chart.DistrictDepartments.Length)].Id, "吹哨"),
                9 => r.PendingReports.Count > 0 ? new ReportToWhistle(r.PendingReports[0], now) : new AcceptRequest(r.Handler, now),
                10 => new AwaitResident(r.Handler, now, PauseReason.ResidentUnreachable, ""),
                11 => new ResumeRequest(r.Handler, now, ""),
                12 => new ReopenRequest(r.Owner, now, "问题复发"),
                _ when open.Count > 1 && _random.Next(2) == 0 => new MergeRequest(r.Owner, now, open[(at + 1) % open.Count].Id),
                _ => new RejectRequest(r.Owner, now, RejectionReason.Duplicate, "重复诉求"),
            };
            list.Add(new DeskCommand(r.Id, command));
        }

        return list;
    }
}
