using Governance.Core.Catalogue;
using Governance.Core.Desk;
using Governance.Core.Directory;
using Governance.Core.Insights;
using Governance.Core.Liaison;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Routing;
using Governance.Core.Time;
using NodaTime;
using NodaTime.Testing;

namespace Governance.Core.Tests.Readme;

/// <summary>The README's engine quick start, verbatim between the markers, so the README cannot drift from the API.</summary>
public sealed class ReadmeQuickStartTests
{
    [Fact]
    public void The_engine_quick_start_runs_and_does_what_its_comments_say()
    {
        // README begin
        // The engine: a router from the chart and the catalogue, and a desk that holds the open requests.
        var liaisons = LiaisonAssigner.Assign(SampleDistrict.Chart);            // 党员联户: 5–10 households each, exact min-cost
        Console.WriteLine(liaisons.Coverage.CoverageRate);                      // the share of households with a liaison
        var router = new Router(SampleDistrict.Chart, CategoryCatalogue.Default, liaisons);
        var clock = new FakeClock(Instant.FromUtc(2023, 3, 1, 1, 0));           // your IClock; SystemClock.Instance in production
        var sink = new InMemoryRequestEventSink();                              // or your event store
        var desk = new RequestDesk(router, ServiceLevelPolicy.Default, clock, sink);

        var home = SampleDistrict.Chart.HouseholdsUnder(SampleDistrict.Chart.GetUnit(SampleDistrict.Units.Xinhuaxijie))[0];
        RequestReceived receipt = desk.Submit(new RequestSubmission(new RequestId("r-2"), Channel.PropertyHotline,
            new CategoryCode("纠纷/邻里"), CategoryClass.Ordinary, new RequestLocation(home.BuildingId, home.Id), ResidentContact.None, "邻里纠纷"));
        // receipt.Owner: the property company (照单全收); receipt.Handler: the community whose duty it is.
        clock.Advance(Duration.FromMinutes(20));
        desk.Execute(receipt.RequestId, new AcceptRequest(receipt.Handler, clock.GetCurrentInstant()));
        Agency office = router.EscalationTarget(receipt.Handler, receipt.Location, receipt.Category)!.Value; // one level up
        desk.Execute(receipt.RequestId, new EscalateRequest(receipt.Handler, clock.GetCurrentInstant(), office, "社区无法调解"));
        desk.Execute(receipt.RequestId, new AcceptRequest(office, clock.GetCurrentInstant()));
        desk.Execute(receipt.RequestId, new SummonDepartment(office, clock.GetCurrentInstant(),   // 吹哨: report within 30 min
            new DistrictDepartmentId("tongzhou-zfj"), "需执法部门认定违建"));
        clock.Advance(Duration.FromDays(1));
        desk.Advance();                          // fires what fell due: missed reports, same-day misses (and escalates), warnings
        DeskBatchResult day = desk.SubmitBatch(Array.Empty<RequestSubmission>()); // a day's batch on all cores, same events as one by one

        // The same data gives residents their card and calendar (便民卡, 便民服务年历), and the managers their figures.
        var directory = new ServiceDirectory(router);
        ContactCard card = directory.CardFor(SampleDistrict.Units.Qutou);        // 渠头村: whom to call for what, from routing itself
        var year = ServiceCalendar.Create(directory, WorkingCalendar.Default, SampleDistrict.Units.Qutou, 2023, []);
        string page = ServiceCalendarHtml.Render(year);                          // one A4 page in Chinese; ServiceCalendarIcs for .ics
        var metrics = new RequestMetrics(SampleDistrict.Chart);
        metrics.ApplyRange(sink.Events);
        MetricsReport figures = metrics.Report(clock.GetCurrentInstant());       // the three rates, rolled up the tree
        // README end
        Assert.Equal(AgencyKind.PropertyCompany, receipt.Owner.Kind);
        Assert.Equal(Agency.Unit(SampleDistrict.Units.Xinhuaxijie), receipt.Handler);
        Assert.Equal(AgencyKind.SubdistrictOffice, office.Kind);
        Assert.Contains(sink.Events, e => e is DepartmentReportMissed);
        Assert.Equal(0, day.Count);
        Assert.NotEmpty(card.Entries);
        Assert.Contains("渠头村", page, StringComparison.Ordinal);
        var counts = figures.ForUnit(SampleDistrict.Units.Xinhuaxijie).Figures.Counts;
        Assert.Equal((1L, 1L, 1L), (counts.Received, counts.Escalations, counts.Whistles));
        Assert.Equal(1.0, liaisons.Coverage.CoverageRate);
    }

    [Fact]
    public void The_readme_shows_exactly_the_code_this_test_runs() =>
        ReadmeSnippet.AssertReadmeShows("tests", "Governance.Core.Tests", "Readme", "ReadmeQuickStartTests.cs");
}
