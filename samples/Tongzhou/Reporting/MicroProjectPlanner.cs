using Governance.Core.Insights;
using Governance.Core.Ledger;
using Governance.Core.Organization;
using Governance.Core.Projects;
using Governance.Core.Requests;
using Governance.Samples.Tongzhou.Simulation;
using NodaTime;

namespace Governance.Samples.Tongzhou.Reporting;

/// <summary>
/// 微民生微服务项目库 in the simulation: the proactive ledger items of the run, proposed from each day's hotspots, that a
/// small work can answer (a pocket park for rubbish and greening complaints, a neighbourhood room for disputes and
/// noise, a sports corner or a care point for health and old age, parking or lighting fixes…) become micro-project
/// proposals, linked to the ledger item and the hotspot, and go through their lifecycle with realistic delays and
/// costs, funded partly by the community foundation.
/// </summary>
/// <remarks>
/// <b>Determinism.</b> Whether an item becomes a project, its theme, cost, funding and every step's instant are a pure
/// function of (seed, ledger item id); the steps up to the report's instant are executed, in each project's order. The
/// ledger is itself a pure function of the events, so the library is rebuilt the same way after a resume, from any
/// store, and nothing about projects needs to be stored in the checkpoint.
/// </remarks>
internal static class MicroProjectPlanner
{
    private const double ProposalChance = 0.7;

    /// <summary>What a ledger item's category can become, by its first level; categories not listed need a repair, not a project.</summary>
    private static readonly Dictionary<string, (ProjectTheme Theme, string Title, string Work, int MinCost, int MaxCost)> Kinds = new(StringComparer.Ordinal)
    {
        ["环境"] = (ProjectTheme.Green, "口袋公园", "清理卫生死角，建成口袋公园并设分类投放点", 30_000, 250_000),
        ["绿化"] = (ProjectTheme.Green, "绿化补植", "补植绿地、修整树木，建成社区小花园", 20_000, 150_000),
        ["纠纷"] = (ProjectTheme.NeighbourlyHarmony, "邻里微空间", "改造闲置空间为邻里议事厅，调解邻里矛盾", 30_000, 200_000),
        ["噪音"] = (ProjectTheme.NeighbourlyHarmony, "邻里公约", "制定邻里公约，设隔音围挡和公示栏", 10_000, 80_000),
        ["社区"] = (ProjectTheme.Culture, "社区音乐厅", "建设社区文化活动室和阅读角", 30_000, 200_000),
        ["养老"] = (ProjectTheme.SportAndHealth, "助老服务点", "设立助老驿站和健康小屋", 40_000, 250_000),
        ["医疗"] = (ProjectTheme.SportAndHealth, "健康小屋", "设立社区健康小屋，定期义诊", 30_000, 150_000),
        ["停车"] = (ProjectTheme.NeighbourlyHarmony, "停车微改造", "施划车位、增设充电桩，规范停车秩序", 30_000, 300_000),
        ["市政"] = (ProjectTheme.SportAndHealth, "社区运动角", "修整道路和路灯，建成社区运动角", 40_000, 300_000),
        ["交通"] = (ProjectTheme.SportAndHealth, "慢行步道", "整治出行秩序，修建慢行健身步道", 40_000, 300_000),
    };

    /// <summary>
    /// The library as it stands at <paramref name="asOf"/>: first the projects of the year proposed before the run began
    /// (<see cref="CarriedIn"/>), then those from the run's ledger proposals and the hotspots they came from.
    /// </summary>
    public static MicroProjectLibrary Build(
        Chart chart, Ledger ledger, IReadOnlyList<(LedgerItem Item, Hotspot Hotspot)> proposals, long seed, LocalDate firstDay, Instant asOf, out int carriedIn)
    {
        var library = new MicroProjectLibrary(chart, MicroProjectLibrary.DefaultYearlyTarget, ledger.Zone, ledger);
        carriedIn = CarriedIn(library, seed, firstDay, asOf);
        var numbers = new Dictionary<(int, UnitId), int>();
        foreach (var (item, hotspot) in proposals)
        {
            var top = item.Category.Value.Split('/')[0];
            var random = new ScriptRandom(seed, 0x70726f6a, StableHash(item.Id.Value));
            if (!Kinds.TryGetValue(top, out var kind) || !random.Chance(ProposalChance))
            {
                continue;
            }

            var place = chart.GetUnit(item.Location.Unit);
            var community = chart.AncestorOrSelfAt(place, UnitLevel.Community) ?? place;

            // The community talks it over with residents (议事协商) for 1–4 days, then proposes it in office hours. Numbered
            // before looking at asOf, so that a project keeps its id in a report made later.
            var day = item.StartedAt.InZone(library.Zone).Date.PlusDays(random.Next(1, 5));
            var number = numbers[(day.Year, community.Id)] = numbers.GetValueOrDefault((day.Year, community.Id)) + 1;
            var id = new MicroProjectId($"{day.Year}-{community.Id.Value}-{number:D3}");
            Plan(library, id, place, kind, day, $"（回应台账：{item.Title}）", [item.Id], [HotspotRef.Of(hotspot)], ref random, asOf);
        }

        return library;
    }

    /// <summary>
    /// The library is kept all year, and a run starts in the middle of one: the year's projects proposed from 1 January
    /// until the day before the run, about the yearly target's pace plus 15 % (some are rejected or withdrawn), each
    /// placed in a community of the chart and answering no ledger item of the run. A pure function of the seed and the
    /// first day, so the same on a resume.
    /// </summary>
    /// <returns>How many were proposed.</returns>
    private static int CarriedIn(MicroProjectLibrary library, long seed, LocalDate firstDay, Instant asOf)
    {
        var chart = library.Chart;
        var communities = chart.Units.Where(u => u.Level == UnitLevel.Community).ToArray();
        var kinds = Kinds.Keys.Order(StringComparer.Ordinal).Select(k => Kinds[k]).ToArray(); // a fixed order, whatever the dictionary's
        var perDay = library.TargetFor(firstDay.Year) * 1.15 / 365;
        var count = 0;
        for (var day = new LocalDate(firstDay.Year, 1, 1); day < firstDay; day = day.PlusDays(1))
        {
            var random = new ScriptRandom(seed, 0x63617272, day.DayOfYear, day.Year);
            var today = (int)perDay + (random.Chance(perDay - (int)perDay) ? 1 : 0);
            for (var k = 0; k < today; k++)
            {
                var place = communities[random.Next(communities.Length)];
                var id = new MicroProjectId($"{day.Year}-{place.Id.Value}-y{day.DayOfYear:D3}{k}");
                Plan(library, id, place, kinds[random.Next(kinds.Length)], day, string.Empty, [], [], ref random, asOf);
                count++;
            }
        }

        return count;
    }

    /// <summary>Proposes one project on <paramref name="day"/> and executes its lifecycle's steps up to <paramref name="asOf"/>.</summary>
    private static void Plan(
        MicroProjectLibrary library, MicroProjectId id, Unit place, (ProjectTheme Theme, string Title, string Work, int MinCost, int MaxCost) kind, LocalDate day,
        string why, LedgerItemId[] items, HotspotRef[] hotspots, ref ScriptRandom random, Instant asOf)
    {
        var chart = library.Chart;
        var zone = library.Zone;
        var community = chart.AncestorOrSelfAt(place, UnitLevel.Community) ?? place;
        var street = chart.StreetLevelUnitOf(place) ?? community;
        var byCommunity = Agency.Unit(community.Id);
        var byStreet = Agency.Unit(street.Id);
        var at = OfficeHour(zone, ref day, 0, ref random);
        var cost = random.Next(kind.MinCost / 100, (kind.MaxCost / 100) + 1) * 100m;
        if (at > asOf)
        {
            return;
        }

        library.Propose(new ProposeMicroProject(id, byCommunity, at, $"{kind.Title}：{place.Name}", kind.Work + why, kind.Theme, place.Id, cost));
        var steps = new List<MicroProjectCommand>();
        steps.AddRange(items.Select(item => new AnswerLedgerItem(byCommunity, at, item)));
        steps.AddRange(hotspots.Select(hotspot => new AnswerHotspot(byCommunity, at, hotspot)));
        if (random.Chance(0.1))
        {
            steps.Add(new RejectMicroProject(byStreet, OfficeHour(zone, ref day, random.Next(3, 11), ref random), "不符合项目库入库条件，转入日常维修"));
        }
        else
        {
            // Reviewed by the street level in 3–10 days, funded in 2–7 more, started within a week, 5–30 days of work,
            // evaluated by residents 5–14 days after completion; 1 in 20 withdrawn during the work.
            steps.Add(new ApproveMicroProject(byStreet, OfficeHour(zone, ref day, random.Next(3, 11), ref random), "纳入年度微民生微服务项目库"));
            steps.Add(new FundMicroProject(byStreet, OfficeHour(zone, ref day, random.Next(2, 8), ref random), Funding(cost, kind.Theme, ref random)));
            steps.Add(new StartMicroProject(byCommunity, OfficeHour(zone, ref day, random.Next(1, 8), ref random)));
            var work = random.Next(5, 31);
            if (random.Chance(0.05))
            {
                steps.Add(new WithdrawMicroProject(byStreet, OfficeHour(zone, ref day, random.Next(1, work), ref random), "居民意见分歧，暂缓实施"));
            }
            else
            {
                var half = work / 2;
                steps.Add(new NoteProjectProgress(byCommunity, OfficeHour(zone, ref day, half, ref random), "完成过半，居民代表现场查看"));
                var actual = decimal.Round(cost * (decimal)random.Between(0.9, 1.05), 0);
                steps.Add(new CompleteMicroProject(byCommunity, OfficeHour(zone, ref day, work - half, ref random), $"{kind.Title}建成投用", actual));
                var rating = random.NextDouble() switch
                {
                    < 0.8 => Satisfaction.Satisfied,
                    < 0.95 => Satisfaction.PartlySatisfied,
                    _ => Satisfaction.Dissatisfied,
                };
                steps.Add(new EvaluateMicroProject(byCommunity, OfficeHour(zone, ref day, random.Next(5, 15), ref random), rating, "居民评议"));
            }
        }

        foreach (var step in steps)
        {
            if (step.At > asOf)
            {
                break;
            }

            library.Execute(id, step);
        }
    }

    /// <summary>
    /// The community foundation (城市副中心社区基金会) pays 30–60 % to the hundred yuan, residents sometimes chip in 5 %
    /// for a neighbourly project, and the street-level budget covers the rest.
    /// </summary>
    private static List<Funding> Funding(decimal cost, ProjectTheme theme, ref ScriptRandom random)
    {
        var foundation = decimal.Round(cost * (decimal)random.Between(0.3, 0.6) / 100m, 0) * 100m;
        var residents = theme == ProjectTheme.NeighbourlyHarmony && random.Chance(0.5) ? decimal.Round(cost * 0.05m / 100m, 0) * 100m : 0m;
        var funding = new List<Funding> { new(FundingSource.CommunityFoundation, foundation) };
        if (residents > 0)
        {
            funding.Add(new(FundingSource.Residents, residents));
        }

        funding.Add(new(FundingSource.StreetLevelBudget, cost - foundation - residents));
        return funding;
    }

    /// <summary>An instant in office hours (9:00–17:00 local) <paramref name="days"/> days after <paramref name="day"/>, which moves there.</summary>
    private static Instant OfficeHour(DateTimeZone zone, ref LocalDate day, int days, ref ScriptRandom random)
    {
        day = day.PlusDays(days);
        return day.At(new LocalTime(9, 0).PlusMinutes(random.Next(0, 8 * 60))).InZoneLeniently(zone).ToInstant();
    }

    /// <summary>FNV-1a over the id's characters: stable across processes, unlike string.GetHashCode.</summary>
    private static long StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (long)(hash >> 1);
    }
}
