using System.Globalization;
using Governance.Core.Catalogue;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Routing;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Samples.Tongzhou.Simulation;

/// <summary>
/// Makes the simulated district's requests: how many arrive each day (by season and kind of day), when (by hour of
/// day), through which channel, about what (categories weighted by season, with weekly clusters in a few buildings so
/// that hotspots form), and what their handlers and residents then do and when. Every request is a pure function of
/// (seed, day, index): nothing here depends on what happened before.
/// </summary>
/// <remarks>
/// Handlers' delays use the working calendar's office hours (offices and departments act in office time; property
/// companies and the household network answer around the clock) but never the service-level policy, so two policies
/// compared on the same seed face the same requests and the same handlers.
/// </remarks>
internal sealed class ScriptGenerator
{
    private const int ClustersPerWeek = 24;
    private const double ClusterShare = 0.12;

    // The categories residents raise, with weights and the season they peak in.
    private static readonly (string Code, double Weight, Season Season)[] CategoryTable =
    [
        ("物业/电梯/故障", 3, Season.None), ("物业/电梯/困人", 0.4, Season.None), ("物业/电梯/加装", 0.5, Season.None),
        ("物业/房屋/漏水", 4, Season.Summer), ("物业/房屋/外墙", 0.3, Season.None), ("物业/公共设施", 5, Season.None),
        ("物业/保洁", 4, Season.None), ("物业/秩序", 3, Season.None), ("物业/消防通道", 2, Season.None),
        ("物业/收费", 1.5, Season.None), ("物业/弃管", 0.3, Season.None),
        ("环境/垃圾清运", 4, Season.Summer), ("环境/垃圾分类", 2, Season.None), ("环境/卫生死角", 2, Season.None),
        ("环境/污染/油烟", 1.5, Season.Summer), ("环境/污染/焚烧", 0.3, Season.Autumn),
        ("绿化/修剪", 2, Season.Growing), ("绿化/倒伏", 0.3, Season.Summer), ("绿化/毁绿", 0.5, Season.Growing),
        ("停车/小区", 4, Season.None), ("停车/占道", 3, Season.None), ("停车/充电", 1.5, Season.None),
        ("供暖/不热", 6, Season.Heating), ("供暖/漏水", 1.5, Season.Heating),
        ("供水/停水", 1.5, Season.None), ("供水/爆管", 0.3, Season.Winter),
        ("排水/堵塞", 2, Season.Summer), ("排水/积水", 0.5, Season.Summer),
        ("供电/停电", 1, Season.Summer), ("燃气/泄漏", 0.2, Season.Winter),
        ("违建/私搭乱建", 1.5, Season.None), ("违建/改变结构", 0.3, Season.None),
        ("纠纷/邻里", 2, Season.None), ("纠纷/邻里/漏水", 1.5, Season.None), ("纠纷/业主物业", 1.5, Season.None),
        ("噪音/施工", 2, Season.Growing), ("噪音/生活", 2.5, Season.Summer),
        ("治安/隐患", 1, Season.None), ("治安/群租", 0.5, Season.None),
        ("市场/食品安全", 0.5, Season.None), ("市场/占道经营", 1, Season.Summer),
        ("市政/道路/破损", 2, Season.None), ("市政/路灯", 1.5, Season.Winter), ("交通/秩序", 1, Season.None),
        ("养老/居家", 1, Season.None), ("救助", 0.5, Season.Winter), ("就业", 0.3, Season.None), ("医疗", 0.5, Season.None),
        ("社区", 1, Season.None), ("社区/联户", 0.3, Season.None), ("其他/咨询", 2, Season.None),
        ("其他/邻里互助", 0.2, Season.None), // not in the catalogue: routed to triage
    ];

    private static readonly Channel[] Channels =
        [Channel.PropertyHotline, Channel.HouseholdNetwork, Channel.Hotline12345, Channel.QrScan, Channel.ServiceCalendarPhone, Channel.WalkIn, Channel.Proactive];

    private static readonly double[] ChannelCumulative = ScriptRandom.Cumulative([0.25, 0.15, 0.35, 0.07, 0.08, 0.07, 0.03]);

    // Arrivals by local hour of day: a morning and an afternoon peak, and evenings on the household network.
    private static readonly double[] HourCumulative = ScriptRandom.Cumulative(
        [0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.8, 1.5, 2.5, 3.0, 3.0, 2.5, 1.8, 2.0, 2.6, 2.6, 2.4, 2.0, 1.6, 1.6, 1.5, 1.2, 0.8, 0.4]);

    // Volume by month (January first): summer storms and the heating season bring more.
    private static readonly double[] MonthFactor = [1.05, 0.9, 0.95, 0.95, 1.0, 1.1, 1.2, 1.15, 1.0, 0.95, 1.1, 1.15];

    private readonly Chart _chart;
    private readonly Router _router;
    private readonly CategoryCatalogue _catalogue;
    private readonly WorkingCalendar _calendar;
    private readonly EscalationLimits _escalation;
    private readonly long _seed;
    private readonly LocalDate _start;
    private readonly int _requestsPerDay;
    private readonly CategoryCode[] _codes;
    private readonly CategoryClass[] _classes;
    private readonly Dictionary<(int Week, int Cluster), (UnitId Building, int Category)> _clusters = [];

    public ScriptGenerator(Router router, EscalationLimits escalation, long seed, LocalDate start, int requestsPerDay)
    {
        _router = router;
        _chart = router.Chart;
        _catalogue = router.Catalogue;
        _calendar = WorkingCalendar.Default;
        _escalation = escalation;
        _seed = seed;
        _start = start;
        _requestsPerDay = requestsPerDay;
        _codes = [.. CategoryTable.Select(c => new CategoryCode(c.Code))];
        _classes = [.. _codes.Select(c => _catalogue.TryGet(c, out var d) ? d.Class : _catalogue.Triage.Class)];
    }

    public LocalDate DateOf(int day) => _start.PlusDays(day);

    /// <summary>The start of simulated day <paramref name="day"/> (local midnight).</summary>
    public Instant StartOf(int day) => DateOf(day).AtMidnight().InZoneLeniently(_calendar.Zone).ToInstant();

    /// <summary>How many requests arrive on day <paramref name="day"/>: the base rate by month, fewer on days off, ±10%.</summary>
    public int CountOn(int day)
    {
        var date = DateOf(day);
        var random = new ScriptRandom(_seed, -1, day);
        var factor = MonthFactor[date.Month - 1] * (_calendar.IsWorkingDay(date) ? 1.0 : 0.75) * random.Between(0.9, 1.1);
        return (int)Math.Round(_requestsPerDay * factor, MidpointRounding.ToEven);
    }

    /// <summary>The script of request <paramref name="index"/> of day <paramref name="day"/>.</summary>
    public RequestScript Generate(int day, int index)
    {
        var random = new ScriptRandom(_seed, day, index);
        var date = DateOf(day);
        var hour = random.Pick(HourCumulative);
        var arrival = date.At(new LocalTime(hour, random.Next(60), random.Next(60))).InZoneLeniently(_calendar.Zone).ToInstant();
        var channel = Channels[random.Pick(ChannelCumulative)];

        // Where, and about what: a weekly cluster in one building, or anywhere in the district.
        Household household;
        int category;
        if (random.Chance(ClusterShare))
        {
            var (building, clusterCategory) = Cluster(day / 7, random.Next(ClustersPerWeek));
            var inBuilding = _chart.HouseholdsUnder(_chart.GetUnit(building));
            household = inBuilding[random.Next(inBuilding.Length)];
            category = clusterCategory;
        }
        else
        {
            household = _chart.Households[random.Next(_chart.Households.Length)];
            category = PickCategory(ref random, date);
        }

        var location = channel switch
        {
            Channel.QrScan => new RequestLocation(household.BuildingId),
            Channel.Proactive => new RequestLocation(_chart.AncestorAt(household, UnitLevel.Grid).Id),
            _ => new RequestLocation(household.BuildingId, household.Id),
        };
        var contact = location.Household is null ? ResidentContact.None : new ResidentContact(household.Head, household.Phone);
        var id = RequestScript.IdOf(day, index);
        var code = _codes[category];
        var categoryClass = _classes[category];
        var text = _catalogue.TryGet(code, out var definition) ? definition.Name : CategoryTable[category].Code;
        var ticket = channel == Channel.Hotline12345
            ? string.Create(CultureInfo.InvariantCulture, $"{date:yyyyMMdd}{index:D6}")
            : null;
        var submission = new RequestSubmission(id, channel, code, categoryClass, location, contact, text, ticket);
        var decision = _router.Route(channel, location, code);

        var plan = new Planner(arrival);
        var promisedBy = date;
        var rejection = RejectionReason.Duplicate;
        DistrictDepartmentId? department = null;

        var accepted = arrival + AcceptDelay(ref random, decision.Handler.Kind, channel, arrival);
        if (random.Chance(0.015))
        {
            // Out of scope, a duplicate, now and then malicious: the owner says why and the request ends.
            var r = random.NextDouble();
            rejection = r < 0.6 ? RejectionReason.Duplicate : r < 0.9 ? RejectionReason.OutOfScope : RejectionReason.Malicious;
            plan.Add(accepted + Minutes(random.Minutes(2, 10, 60)), StepKind.Reject);
            return Script(plan);
        }

        plan.Add(accepted, StepKind.Accept);
        var working = accepted;
        var late = false;

        // Complex matters go up by hand after a few office hours, and an escalated one may bring a whistle.
        if (categoryClass == CategoryClass.Complex && _escalation.MaxLevels > 0 && random.Chance(0.35))
        {
            var levels = 1 + (_escalation.MaxLevels > 1 && random.Chance(0.3) ? 1 : 0);
            for (var level = 0; level < levels; level++)
            {
                working = _calendar.AddWorkingTime(working, Minutes(random.Between(0.5, 1.5) * _escalation.AfterWorkingHours * 60));
                plan.Add(working, StepKind.Escalate);
                working = _calendar.AddWorkingTime(working, Minutes(random.Minutes(5, 45, 480)));
                plan.Add(working, StepKind.Accept);
            }

            if (_escalation.Whistles && random.Chance(0.5) && _router.DepartmentFor(code) is { } summoned)
            {
                department = summoned;
                working = _calendar.AddWorkingTime(working, Minutes(random.Minutes(5, 60, 240)));
                plan.Add(working, StepKind.Summon);
                var r = random.NextDouble();
                if (r < 0.75)
                {
                    plan.Add(working + Minutes(random.Between(3, 29)), StepKind.Report);
                }
                else if (r < 0.9)
                {
                    plan.Add(working + Minutes(random.Between(31, 120)), StepKind.Report); // late
                }

                // else the department never reports: the desk records the miss
            }
        }

        // Residents who cannot be reached pause the work.
        var paused = Duration.Zero;
        if (location.Household is not null && random.Chance(0.06))
        {
            var pauseAt = working + Minutes(random.Minutes(5, 30, 120));
            paused = Minutes(random.Minutes(60, 20 * 60, 72 * 60, tail: 0.2));
            plan.Add(pauseAt, StepKind.AwaitResident);
            plan.Add(pauseAt + paused, StepKind.Resume);
            working = pauseAt + paused;
        }

        var resolved = Resolve(ref random, categoryClass, decision.Handler.Kind, working);
        late = resolved - arrival - paused > Expected(categoryClass);

        // Not solved today: the owner tells the resident why (mostly the same day; now and then forgotten or late).
        var arrivalDate = arrival.InZone(_calendar.Zone).Date;
        var resolvedDate = resolved.InZone(_calendar.Zone).Date;
        if (resolvedDate > arrivalDate && random.Chance(0.9))
        {
            var explainAt = arrival + Minutes(hour is >= 7 and < 21 ? random.Minutes(5, 40, 600) : random.Minutes(60, 9 * 60, 14 * 60));
            var explainDate = explainAt.InZone(_calendar.Zone).Date;
            promisedBy = resolvedDate > explainDate ? resolvedDate : explainDate;
            plan.Add(explainAt, StepKind.Explain);
        }

        plan.Add(resolved, StepKind.Resolve);
        var callBack = resolved + Minutes(random.Minutes(30, 6 * 60, 48 * 60));
        if (random.Chance(late ? 0.08 : 0.03))
        {
            // The problem is back: the resident is not satisfied and the request is reopened, then solved again.
            plan.Add(callBack, StepKind.Reopen);
            resolved = _calendar.AddWorkingTime(callBack, Minutes(random.Minutes(30, 8 * 60, 40 * 60)));
            plan.Add(resolved, StepKind.Resolve);
            callBack = resolved + Minutes(random.Minutes(30, 6 * 60, 48 * 60));
            late = true;
        }

        plan.Add(callBack, StepKind.CallBack);
        var s = random.NextDouble();
        var satisfaction = late
            ? (s < 0.55 ? Satisfaction.Satisfied : s < 0.8 ? Satisfaction.PartlySatisfied : Satisfaction.Dissatisfied)
            : (s < 0.84 ? Satisfaction.Satisfied : s < 0.95 ? Satisfaction.PartlySatisfied : Satisfaction.Dissatisfied);
        return Script(plan, satisfaction);

        RequestScript Script(Planner p, Satisfaction said = Satisfaction.Satisfied) => new()
        {
            Day = day,
            Index = index,
            Arrival = arrival,
            Submission = submission,
            Steps = p.Build(),
            Department = department,
            PromisedBy = promisedBy,
            RejectionReason = rejection,
            Satisfaction = said,
        };
    }

    private Duration AcceptDelay(ref ScriptRandom random, AgencyKind handler, Channel channel, Instant arrival) => handler switch
    {
        // Property companies and the household network watch around the clock.
        AgencyKind.PropertyCompany => Minutes(random.Minutes(2, 15, 240)),
        AgencyKind.Unit when channel == Channel.HouseholdNetwork => Minutes(random.Minutes(2, 20, 300)),
        AgencyKind.Unit => _calendar.AddWorkingTime(arrival, Minutes(random.Minutes(5, 30, 480))) - arrival,
        AgencyKind.SubdistrictOffice => _calendar.AddWorkingTime(arrival, Minutes(random.Minutes(10, 60, 600))) - arrival,
        _ => _calendar.AddWorkingTime(arrival, Minutes(random.Minutes(15, 120, 960))) - arrival,
    };

    /// <summary>When the handler has it solved, starting work at <paramref name="from"/>.</summary>
    private Instant Resolve(ref ScriptRandom random, CategoryClass categoryClass, AgencyKind handler, Instant from) => categoryClass switch
    {
        CategoryClass.Emergency => from + Minutes(random.Minutes(10, 60, 300)),
        CategoryClass.Utilities => from + Minutes(random.Minutes(30, 8 * 60, 60 * 60)),
        CategoryClass.Ordinary => handler == AgencyKind.PropertyCompany
            ? from + Minutes(random.Minutes(20, 5 * 60, 96 * 60))
            : _calendar.AddWorkingTime(from, Minutes(random.Minutes(20, 6 * 60, 60 * 60))),
        _ => _calendar.AddWorkingTime(from, Minutes(random.Minutes(60, 35 * 60, 140 * 60))),
    };

    /// <summary>What a resident thinks is reasonable, in calendar time; later than that lowers satisfaction.</summary>
    private static Duration Expected(CategoryClass categoryClass) => categoryClass switch
    {
        CategoryClass.Emergency => Duration.FromHours(2),
        CategoryClass.Utilities => Duration.FromHours(24),
        CategoryClass.Ordinary => Duration.FromDays(5),
        _ => Duration.FromDays(21),
    };

    private int PickCategory(ref ScriptRandom random, LocalDate date)
    {
        Span<double> cumulative = stackalloc double[CategoryTable.Length];
        var sum = 0.0;
        for (var i = 0; i < CategoryTable.Length; i++)
        {
            sum += CategoryTable[i].Weight * SeasonFactor(CategoryTable[i].Season, date);
            cumulative[i] = sum;
        }

        return random.Pick(cumulative);
    }

    /// <summary>Week <paramref name="week"/>'s cluster <paramref name="cluster"/>: one building and one category, a pure function of the seed.</summary>
    private (UnitId Building, int Category) Cluster(int week, int cluster)
    {
        lock (_clusters)
        {
            if (!_clusters.TryGetValue((week, cluster), out var found))
            {
                var random = new ScriptRandom(_seed, -2, week, cluster);
                var household = _chart.Households[random.Next(_chart.Households.Length)];
                found = (household.BuildingId, PickCategory(ref random, DateOf(week * 7)));
                _clusters.Add((week, cluster), found);
            }

            return found;
        }
    }

    private static double SeasonFactor(Season season, LocalDate date)
    {
        var m = date.Month;
        return season switch
        {
            // Beijing heats from 15 November to 15 March; complaints start with the first cold days.
            Season.Heating => (m is 12 or 1 or 2) || (m == 11 && date.Day >= 15) || (m == 3 && date.Day <= 15) ? 3.0 : m is 11 or 3 ? 0.6 : 0.05,
            Season.Summer => m is >= 6 and <= 8 ? 2.5 : m is 5 or 9 ? 1.2 : 0.6,
            Season.Growing => m is >= 4 and <= 9 ? 1.5 : 0.4,
            Season.Winter => m is 12 or 1 or 2 ? 2.0 : 0.8,
            Season.Autumn => m is 10 or 11 ? 2.5 : 0.5,
            _ => 1.0,
        };
    }

    private static Duration Minutes(double minutes) => Duration.FromSeconds((long)(minutes * 60));

    private enum Season
    {
        None,
        Heating,
        Summer,
        Growing,
        Winter,
        Autumn,
    }

    /// <summary>Collects steps; a step never comes before the arrival, and ties keep the order they were planned in.</summary>
    private sealed class Planner(Instant arrival)
    {
        private readonly List<ScriptStep> _steps = new(8);

        public void Add(Instant at, StepKind kind) => _steps.Add(new ScriptStep(at < arrival ? arrival : at, kind));

        public ScriptStep[] Build()
        {
            var steps = _steps.ToArray();
            var order = Enumerable.Range(0, steps.Length).ToArray();
            Array.Sort(order, (a, b) => steps[a].At != steps[b].At ? steps[a].At.CompareTo(steps[b].At) : a.CompareTo(b));
            return [.. order.Select(i => steps[i])];
        }
    }
}
