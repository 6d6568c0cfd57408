using System.Globalization;
using System.Text.Json.Nodes;
using Governance.Core.Brands;
using Governance.Core.Insights;
using Governance.Core.Ledger;
using Governance.Core.Liaison;
using Governance.Core.Organization;
using Governance.Core.Projects;
using Governance.Core.Requests;
using Governance.Samples.Tongzhou.Simulation;
using NodaTime;

namespace Governance.Samples.Tongzhou.Reporting;

/// <summary>Turns a run's projection into the report: library figures per street-level unit, plus the sample's own tallies.</summary>
internal static class ReportBuilder
{
    private const int TopHotspots = 10;

    public static SimulationReport Build(
        RunProjection projection, LiaisonAssignment liaisons, BrandRegistry brands, SimulationSettings settings, SimulationPolicy policy,
        IReadOnlyList<Instant> dayEnds, Instant asOf, long commands, long refused, int deskOpen)
    {
        var chart = liaisons.Chart;
        var metrics = projection.Metrics.Report(asOf);

        // 未诉先办: each simulated day's hotspots are proposed for the ledger, as a community would at the end of its day,
        // each concern once while its item is open (a hotspot that persists is the same concern, though its window moves).
        // Hotspots count whole local days up to the report's date, so this is a pure function of the events.
        var ledger = new Ledger(chart);
        var proposals = new List<(LedgerItem Item, Hotspot Hotspot)>();
        foreach (var end in dayEnds)
        {
            var lastMoment = end - Duration.FromSeconds(1);
            var found = projection.Hotspots.Find(lastMoment);
            var fresh = HotspotProposals.NotOnLedger(ledger, found);
            var items = HotspotProposals.ProposeLedgerItems(chart, fresh, lastMoment); // one per hotspot, in order
            for (var i = 0; i < items.Count; i++)
            {
                proposals.Add((ledger.Propose(items[i]), fresh[i]));
            }
        }

        var library = MicroProjectPlanner.Build(chart, ledger, proposals, settings.Seed, settings.Start, asOf, out var carriedIn);
        var hotspots = projection.Hotspots.Find(asOf);
        var streets = chart.ChildrenOf(chart.District).ToArray();
        var (withoutOwner, withoutHandler) = projection.OpenWithout();
        var coverage = liaisons.Coverage;

        // The brands in force on the report's date, for each street-level unit itself and each community or village.
        var reportDate = asOf.InZone(brands.Zone).Date;
        var brandedUnits = chart.Units
            .Where(u => u.Level is UnitLevel.StreetLevel or UnitLevel.Community)
            .Select(u => (Unit: u, InForce: brands.InForce(u.Id, reportDate)))
            .Where(x => x.InForce is not null)
            .ToArray();
        IReadOnlyList<string> BrandsWithin(Unit unit) =>
        [
            .. brands.Brands.Where(b => brandedUnits.Any(x => x.InForce!.Brand == b && chart.IsWithin(x.Unit, unit)))
                .Select(b => b.Name).Distinct(StringComparer.Ordinal),
        ];

        UnitReport UnitFigures(Unit unit, long received, long closed, long noOwner, long noHandler, long reportsLate)
        {
            var f = metrics.ForUnit(unit.Id).Figures;
            var c = f.Counts;
            var communities = coverage.Communities.Where(u => chart.IsWithin(chart.GetUnit(u.Unit), unit)).ToArray();
            var households = communities.Sum(u => u.Households);
            var covered = communities.Sum(u => u.Covered);
            return new UnitReport(
                unit.Id.Value, unit.Name, unit.Kind.ToString(), received, closed, received - closed, noOwner, noHandler, c.Rejected,
                Round(f.ResponseRate), Round(f.ResolutionRate), Round(f.SatisfactionRate), Round(f.CompositeScore), Round(f.SameDayRate),
                f.TimeToResolveMedian is { } median ? Round(median.TotalHours) : null,
                c.Escalations, c.Whistles, reportsLate, c.ReportsMissed, c.Reopens,
                new MissedDeadlines(c.WarningDeadlinesMissed, c.SameDayDeadlinesMissed, c.ResolutionDeadlinesMissed),
                new LiaisonCoverage(households, covered, Round(households == 0 ? 1 : (double)covered / households)!.Value,
                    communities.Sum(u => u.Members), communities.Sum(u => u.MembersBelowMin.Length), communities.Sum(u => u.MembersNeeded)),
                hotspots.Count(h => chart.IsWithin(chart.GetUnit(h.Unit), unit)),
                ledger.Items.Count(i => chart.IsWithin(chart.GetUnit(i.Location.Unit), unit)),
                BrandsWithin(unit));
        }

        var streetReports = new List<UnitReport>();
        for (var i = 0; i < streets.Length; i++)
        {
            var tally = projection.Streets[i];
            streetReports.Add(UnitFigures(streets[i], tally.Received, tally.Closed, withoutOwner[i], withoutHandler[i], tally.ReportsLate));
        }

        var all = projection.Streets;
        var district = UnitFigures(chart.District, all.Sum(t => t.Received), all.Sum(t => t.Closed), withoutOwner.Sum(), withoutHandler.Sum(), all.Sum(t => t.ReportsLate));

        var top = hotspots
            .OrderByDescending(h => h.Count / h.Threshold)
            .ThenByDescending(h => h.Count)
            .ThenBy(h => h.Kind)
            .ThenBy(h => h.Unit.Value, StringComparer.Ordinal)
            .ThenBy(h => h.Category.Value, StringComparer.Ordinal)
            .Take(TopHotspots)
            .Select(h => new HotspotReport(
                h.Kind.ToString(), h.Unit.Value, h.UnitName, h.Level.ToString(),
                chart.StreetLevelUnitOf(chart.GetUnit(h.Unit))?.Name ?? chart.District.Name, h.Category.Value, h.Count, h.Threshold,
                Date(h.Window.Start), Date(h.Window.End)))
            .ToArray();

        var byClass = ledger.Items.GroupBy(i => i.Class).ToDictionary(g => g.Key, g => g.Count());
        return new SimulationReport(
            FormatVersion: 1,
            Run: new RunDescription(settings.Seed, settings.Days, settings.RequestsPerDay, Date(settings.Start), RunProjection.HotspotScale(settings.RequestsPerDay),
                NodaTime.Text.InstantPattern.ExtendedIso.Format(asOf), JsonNode.Parse(SimulationPolicyJson.Serialize(policy))),
            District: district,
            StreetLevelUnits: streetReports,
            Channels: [.. Enum.GetValues<Channel>().Select(c => new ChannelCount(c.ToString(), projection.Channels[(int)c]))],
            Departments: [.. metrics.Departments.Select(d => new DepartmentReport(
                d.Department.Value, chart.GetDistrictDepartment(d.Department).Name, d.Summoned, d.Reported, d.ReportedLate, d.ReportsMissed))],
            Hotspots: new HotspotSummary(hotspots.Count, top),
            Ledger: new LedgerSummary(ledger.Items.Count, byClass.GetValueOrDefault(ConcernClass.Urgent), byClass.GetValueOrDefault(ConcernClass.Difficult),
                byClass.GetValueOrDefault(ConcernClass.Worrying), byClass.GetValueOrDefault(ConcernClass.LongedFor)),
            Brands: BrandReports(projection, brands, asOf),
            Projects: ProjectsReport(library, asOf, carriedIn),
            Simulation: new SimulationCounters(commands, refused, deskOpen));
    }

    /// <summary>The year of <paramref name="asOf"/>'s progress, and every project's status then.</summary>
    private static ProjectsReport ProjectsReport(MicroProjectLibrary library, Instant asOf, int carriedIn)
    {
        var chart = library.Chart;
        var year = asOf.InZone(library.Zone).Date.Year;
        var progress = library.Progress(year, asOf);
        var projects = library.Projects;
        var streets = chart.ChildrenOf(chart.District).ToArray();
        UnitId StreetOf(MicroProject p) => (chart.StreetLevelUnitOf(chart.GetUnit(p.Place)) ?? chart.District).Id;
        return new ProjectsReport(
            year, progress.Target, progress.Count, progress.ExpectedByNow, progress.OnTrack, carriedIn, projects.Count - carriedIn,
            projects.Count(p => p.LedgerItems.Count > 0), projects.Count(p => p.Hotspots.Count > 0),
            [.. Enum.GetValues<ProjectTheme>().Select(t => new ThemeProgress(t.ToString(), projects.Count(p => p.Theme == t), progress.ByTheme[t]))],
            [.. streets.Select(u => new StreetProjects(u.Id.Value, u.Name, projects.Count(p => StreetOf(p) == u.Id), progress.For(u.Id)))],
            [.. Enum.GetValues<MicroProjectStatus>().Where(progress.Pipeline.ContainsKey).Select(s => new StatusCount(s.ToString(), progress.Pipeline[s]))],
            progress.Spent,
            [.. Enum.GetValues<FundingSource>().Select(s => new FundingAmount(s.ToString(), progress.FundedBy[s]))]);
    }

    /// <summary>Each brand version of the registry with its own adoptions and the figures of the requests received under it; last, no brand.</summary>
    private static List<BrandReport> BrandReports(RunProjection projection, BrandRegistry brands, Instant asOf)
    {
        var chart = brands.Chart;
        var reports = new List<BrandReport>();
        var known = brands.Brands;
        for (var i = 0; i <= known.Count; i++)
        {
            var f = projection.BrandMetrics[i].Report(asOf).ForUnit(chart.District.Id).Figures;
            var c = f.Counts;
            var brand = i < known.Count ? known[i] : null;
            var adoptions = brand is null ? [] : brands.Adoptions
                .Where(a => a.Brand == brand)
                .OrderBy(a => a.From)
                .Select(a =>
                {
                    var unit = chart.GetUnit(a.Unit);
                    return new BrandAdoptionReport(a.Unit.Value, unit.Name, (chart.StreetLevelUnitOf(unit) ?? unit).Name, Date(a.From));
                })
                .ToArray();
            reports.Add(new BrandReport(
                brand?.Id.Value, brand?.Name ?? "(no brand)", brand?.Version, brand?.FirstContact.ToString(), brand?.Channels[0].ToString(),
                adoptions, c.Received, c.Closed,
                Round(f.ResponseRate), Round(f.ResolutionRate), Round(f.SatisfactionRate), Round(f.CompositeScore), Round(f.SameDayRate)));
        }

        return reports;
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4, MidpointRounding.ToEven) : null;

    private static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
