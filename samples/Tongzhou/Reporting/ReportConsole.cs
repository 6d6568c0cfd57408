using System.Globalization;
using Spectre.Console;

namespace Governance.Samples.Tongzhou.Reporting;

/// <summary>Prints the report as Spectre.Console tables: street-level units with the district's total, then the top hotspots.</summary>
internal static class ReportConsole
{
    public static void Write(IAnsiConsole console, SimulationReport report)
    {
        var run = report.Run;
        console.Write(new Rule($"[bold]通州区 simulated[/] — {run.Days} days from {run.Start}, seed {run.Seed}, about {run.RequestsPerDay:N0} requests a day").LeftJustified());

        var units = new Table().Border(TableBorder.Rounded).Title("By street-level unit (街道 / 乡 / 镇)");
        units.AddColumn("unit");
        foreach (var heading in new[]
        {
            "received", "closed", "open", "response\n响应率", "resolution\n解决率", "satisfaction\n满意率", "composite", "same day\n当天", "escalations", "whistles\nlate/missed",
            "missed\nsame day/res.", "liaison\ncoverage", "hotspots\n/ledger", "brands\n品牌",
        })
        {
            units.AddColumn(new TableColumn(heading).RightAligned());
        }

        foreach (var unit in report.StreetLevelUnits)
        {
            units.AddRow(Cells(unit, Markup.Escape(unit.Name)));
        }

        units.AddEmptyRow();
        units.AddRow(Cells(report.District, $"[bold]{Markup.Escape(report.District.Name)}[/]"));
        console.Write(units);

        var brands = new Table().Border(TableBorder.Rounded).Title("Brands (一街一社区一品牌): requests received under each");
        foreach (var heading in new[] { "brand", "adopted by (from)" })
        {
            brands.AddColumn(heading);
        }

        foreach (var heading in new[] { "received", "closed", "response\n响应率", "resolution\n解决率", "satisfaction\n满意率", "composite", "same day\n当天" })
        {
            brands.AddColumn(new TableColumn(heading).RightAligned());
        }

        foreach (var b in report.Brands)
        {
            brands.AddRow(
                Markup.Escape(b.Id is null ? b.Name : $"{b.Name} v{b.Version}"),
                Markup.Escape(b.Adoptions.Count == 0 ? "–" : string.Join("\n", b.Adoptions.Select(a => $"{a.UnitName} ({a.From})"))),
                N(b.Received), N(b.Closed), P(b.ResponseRate), P(b.ResolutionRate), P(b.SatisfactionRate), P(b.CompositeScore), P(b.SameDayRate));
        }

        console.Write(brands);

        var p = report.Projects;
        var projects = new Table().Border(TableBorder.Rounded)
            .Title($"Micro-projects (微民生微服务项目库) {p.Year}: {p.Completed:N0} completed of a target of {p.Target:N0} (expected by now {p.ExpectedByNow:N0})");
        foreach (var heading in new[] { "theme", "in the library", "completed in the year" })
        {
            projects.AddColumn(heading);
        }

        foreach (var t in p.ByTheme)
        {
            projects.AddRow(t.Theme, N(t.Proposed), N(t.Completed));
        }

        console.Write(projects);
        console.MarkupLine(CultureInfo.InvariantCulture,
            "Projects: {7:N0} proposed in {5} before the run, {0:N0} from the run's ledger items ({1:N0} answer a ledger item, {2:N0} a hotspot). Pipeline: {3}. " +
            "Spent ¥{4:N0} in {5}, of which the community foundation ¥{6:N0}.",
            p.Proposed, p.AnsweringLedgerItems, p.AnsweringHotspots,
            Markup.Escape(string.Join(", ", p.Pipeline.Where(s => s.Projects > 0).Select(s => $"{s.Status} {s.Projects:N0}"))),
            p.Spent, p.Year, p.FundedBy.Single(f => f.Source == "CommunityFoundation").Amount, p.CarriedIn);

        var hotspots = new Table().Border(TableBorder.Rounded).Title($"Top hotspots (未诉先办), of {report.Hotspots.Found:N0} found");
        foreach (var heading in new[] { "kind", "where", "street level", "category", "count", "threshold", "window" })
        {
            hotspots.AddColumn(heading);
        }

        foreach (var h in report.Hotspots.Top)
        {
            hotspots.AddRow(h.Kind, Markup.Escape($"{h.UnitName} ({h.Level})"), Markup.Escape(h.StreetLevelUnit), Markup.Escape(h.Category),
                h.Count.ToString("N0", CultureInfo.InvariantCulture), h.Threshold.ToString("0.#", CultureInfo.InvariantCulture), $"{h.WindowStart} … {h.WindowEnd}");
        }

        console.Write(hotspots);
        var d = report.District;
        console.MarkupLine(CultureInfo.InvariantCulture,
            "Ledger: {0:N0} proactive items proposed ({1:N0} 难, {2:N0} 愁). Whistles: {3:N0}, reports late {4:N0}, missed {5:N0}. " +
            "Open at the end: {6:N0}, every one with an owner and a handler: {7}.",
            report.Ledger.Proposed, report.Ledger.Difficult, report.Ledger.Worrying, d.Whistles, d.ReportsLate, d.ReportsMissed, d.Open,
            d.OpenWithoutOwner == 0 && d.OpenWithoutHandler == 0 ? "[green]yes[/]" : "[red]no[/]");
    }

    private static string[] Cells(UnitReport u, string name) =>
    [
        name,
        N(u.Received), N(u.Closed), N(u.Open),
        P(u.ResponseRate), P(u.ResolutionRate), P(u.SatisfactionRate), P(u.CompositeScore), P(u.SameDayRate),
        N(u.Escalations), $"{N(u.Whistles)} {N(u.ReportsLate)}/{N(u.ReportsMissed)}",
        $"{N(u.MissedDeadlines.SameDay)}/{N(u.MissedDeadlines.Resolution)}",
        P(u.Liaison.CoverageRate), $"{u.Hotspots}/{u.LedgerProposals}",
        u.Brands.Count == 0 ? "–" : Markup.Escape(string.Join("\n", u.Brands)),
    ];

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string P(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";
}
