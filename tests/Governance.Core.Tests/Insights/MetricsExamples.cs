using Governance.Core.Catalogue;
using Governance.Core.Insights;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Tests.Insights;

/// <summary>Hand-checkable figures: ten requests at one building of 通瑞嘉苑社区, judged three days later.</summary>
public sealed class MetricsExamples
{
    private static readonly Chart Chart = SampleDistrict.Chart;
    private static readonly Instant T0 = Instant.FromUtc(2023, 3, 1, 1, 0); // 09:00 in Beijing
    private static readonly Unit Community = Chart.GetUnit(SampleDistrict.Units.Tongruijiayuan);
    private static readonly Unit Building = Chart.DescendantsOf(Community).ToArray().First(u => u.Level == UnitLevel.Building);
    private static readonly Unit Street = Chart.AncestorOrSelfAt(Community, UnitLevel.StreetLevel)!;
    private static readonly Agency CommunityAgency = Agency.Unit(Community.Id);
    private static readonly Agency StreetAgency = Agency.Unit(Street.Id);
    private static readonly DistrictDepartmentId Department = Chart.DistrictDepartments[0].Id;

    private static Instant H(double hours) => T0 + Duration.FromMinutes(hours * 60);

    private static RequestId R(int i) => new($"r{i}");

    private static RequestReceived Received(int i) => new(R(i), T0, Channel.Hotline12345, new CategoryCode("市政/道路/破损"),
        CategoryClass.Ordinary, new RequestLocation(Building.Id), ResidentContact.None, "诉求", CommunityAgency, CommunityAgency,
        new RequestDeadlines(SameDay: H(15), Warning: H(36), Resolution: H(48)));

    /// <summary>
    /// r0–r7 accepted after 1 h, r8 after 30 h, r9 rejected; r0–r4 resolved after 1, 2, 3, 4 and 20 h; r5 explained after
    /// 2 h; called back: r0, r1 satisfied, r2 partly, r3 dissatisfied; r6 escalated to the street, which whistles a
    /// department that reports late; the same-day deadline recorded as missed for r6, r7, r8.
    /// </summary>
    private static List<RequestEvent> Story()
    {
        var events = new List<RequestEvent>();
        for (var i = 0; i < 10; i++)
        {
            events.Add(Received(i));
        }

        for (var i = 0; i < 8; i++)
        {
            events.Add(new RequestAccepted(R(i), H(1), CommunityAgency));
        }

        events.Add(new RequestRejected(R(9), H(1), CommunityAgency, RejectionReason.Duplicate, "重复"));
        events.Add(new RequestEscalated(R(6), H(1.5), CommunityAgency, StreetAgency, "超出本级职责"));
        events.Add(new DepartmentSummoned(R(6), H(2), StreetAgency, Department, H(2.5), "吹哨"));
        events.Add(new RequestExplained(R(5), H(2), CommunityAgency, "需协调", new LocalDate(2023, 3, 8)));
        double[] hours = [1, 2, 3, 4, 20];
        for (var i = 0; i < hours.Length; i++)
        {
            events.Add(new RequestResolved(R(i), H(1 + hours[i]) - Duration.FromHours(1), CommunityAgency, "已处理"));
        }

        events.Add(new DepartmentReported(R(6), H(3), Department));
        foreach (var i in new[] { 6, 7, 8 })
        {
            events.Add(new RequestDeadlinePassed(R(i), H(15), DeadlineKind.SameDay));
        }

        events.Add(new RequestAccepted(R(8), H(30), CommunityAgency));
        events.Add(new RequestCalledBack(R(0), H(25), CommunityAgency, Satisfaction.Satisfied, ""));
        events.Add(new RequestCalledBack(R(1), H(25), CommunityAgency, Satisfaction.Satisfied, ""));
        events.Add(new RequestCalledBack(R(2), H(25), CommunityAgency, Satisfaction.PartlySatisfied, ""));
        events.Add(new RequestCalledBack(R(3), H(25), CommunityAgency, Satisfaction.Dissatisfied, ""));
        return events;
    }

    private static MetricsReport Report(MetricsOptions? options = null)
    {
        var metrics = new RequestMetrics(Chart, options);
        metrics.ApplyRange(Story());
        return metrics.Report(H(72));
    }

    [Fact]
    public void Ten_requests_in_one_community_give_the_rates_worked_out_by_hand()
    {
        var f = Report().ForUnit(Community.Id).Figures;
        var c = f.Counts;
        Assert.Equal((10, 1, 9), (c.Received, c.Rejected, c.Assessed));
        Assert.Equal((9, 8), (c.ResponseDue, c.RespondedInTime));      // r8 responded after 30 h > 24 h
        Assert.Equal((9, 5, 4), (c.ResolutionDue, c.Resolved, c.Unresolved));
        Assert.Equal((4, 2, 1, 1), (c.CalledBack, c.Satisfied, c.PartlySatisfied, c.Dissatisfied));
        Assert.Equal((5, 5), (c.Closed, c.Open));                      // 4 called back and 1 rejected; the other 5 open
        Assert.Equal((9, 5), (c.SameDayDue, c.AnsweredSameDay));       // r0–r3 resolved, r5 explained before 24:00
        Assert.Equal((1, 1, 3), (c.Escalations, c.Whistles, c.SameDayDeadlinesMissed));
        Assert.Equal(8.0 / 9, f.ResponseRate!.Value, 12);
        Assert.Equal(5.0 / 9, f.ResolutionRate!.Value, 12);
        Assert.Equal((2 + 0.9) / 4, f.SatisfactionRate!.Value, 12);
        Assert.Equal((0.1 * 8 / 9) + (0.5 * 5 / 9) + (0.4 * 0.725), f.CompositeScore!.Value, 12);
        Assert.Equal(5.0 / 9, f.SameDayRate!.Value, 12);
        Assert.Equal(Duration.FromHours(3), f.TimeToResolveMedian);    // 1 2 [3] 4 20
        Assert.Equal(Duration.FromHours(20), f.TimeToResolveP90);      // rank ⌈4.5⌉ = 5
    }

    [Fact]
    public void Every_level_above_the_building_holds_the_same_counts_when_all_requests_are_there()
    {
        var report = Report();
        var expected = report.ForUnit(Building.Id).Figures;
        foreach (var ancestor in Chart.AncestorsOf(Building))
        {
            Assert.Equal(expected, report.ForUnit(ancestor.Id).Figures);
        }

        Assert.Equal(0, report.ForUnit(Chart.DescendantsOf(Street).ToArray().First(u => !Chart.IsWithin(u, Community)).Id).Figures.Counts.Received);
    }

    [Fact]
    public void A_request_counts_for_its_current_handler_and_a_department_is_charged_a_late_report()
    {
        var report = Report();
        Assert.Equal(9, report.ForHandler(CommunityAgency)!.Figures.Counts.Received);
        var street = report.ForHandler(StreetAgency)!.Figures;
        Assert.Equal((1, 1, 1), (street.Counts.Received, street.Counts.Escalations, street.Counts.Whistles));
        Assert.Null(street.SatisfactionRate);                          // r6 never called back: no figure, not 1
        Assert.Null(street.CompositeScore);
        Assert.Equal(new DepartmentMetrics(Department, 1, 1, 1, 0), Assert.Single(report.Departments));
    }

    [Fact]
    public void Weights_change_the_composite_and_partly_satisfied_weight_changes_satisfaction()
    {
        var options = MetricsOptions.Default with { PartlySatisfiedWeight = 0.5, ResponseWeight = 0, ResolutionWeight = 0, SatisfactionWeight = 1 };
        var f = Report(options).ForUnit(Community.Id).Figures;
        Assert.Equal(2.5 / 4, f.SatisfactionRate!.Value, 12);
        Assert.Equal(2.5 / 4, f.CompositeScore!.Value, 12);
    }

    [Fact]
    public void Before_the_same_day_deadline_nothing_is_judged_on_the_same_day_rule()
    {
        var metrics = new RequestMetrics(Chart);
        metrics.ApplyRange(Story().Where(e => e.At <= H(5)));
        var f = metrics.Report(H(5)).ForUnit(Community.Id).Figures;
        Assert.Equal(0, f.Counts.SameDayDue);
        Assert.Null(f.SameDayRate);
        Assert.Equal(8, f.Counts.ResponseDue);                         // responded already; r8's limit not yet passed
        Assert.Equal(1.0, f.ResponseRate);
    }

    [Fact]
    public void A_reopened_request_is_no_longer_resolved_and_counts_a_reopen()
    {
        var metrics = new RequestMetrics(Chart);
        metrics.ApplyRange(Story());
        metrics.Apply(new RequestReopened(R(4), H(40), CommunityAgency, "问题复发", new RequestDeadlines(H(47), H(60), H(100))));
        var c = metrics.Report(H(72)).ForUnit(Community.Id).Figures.Counts;
        Assert.Equal((4, 1), (c.Resolved, c.Reopens));
        Assert.Equal(8, c.ResolutionDue);                              // r4's new resolution deadline has not passed
    }

    [Fact]
    public void An_event_for_a_request_never_received_is_refused_by_name_and_changes_nothing()
    {
        var metrics = new RequestMetrics(Chart);
        metrics.ApplyRange(Story());
        var before = MetricsJson.Serialize(metrics.Report(H(72)));
        var e = Assert.Throws<ArgumentException>(() => metrics.Apply(new RequestAccepted(new RequestId("ghost"), H(3), CommunityAgency)));
        Assert.Contains("'ghost'", e.Message);
        Assert.Contains("RequestAccepted", e.Message);
        Assert.Contains("never received", e.Message);
        Assert.Equal(before, MetricsJson.Serialize(metrics.Report(H(72))));
    }

    [Fact]
    public void A_receipt_at_an_unknown_unit_or_a_second_receipt_is_refused_and_changes_nothing()
    {
        var metrics = new RequestMetrics(Chart);
        metrics.Apply(Received(0));
        var unknown = Received(1) with { Location = new RequestLocation(new UnitId("no-such-unit")) };
        Assert.Contains("'no-such-unit'", Assert.Throws<ArgumentException>(() => metrics.Apply(unknown)).Message);
        Assert.Contains("already received", Assert.Throws<ArgumentException>(() => metrics.Apply(Received(0))).Message);
        Assert.Contains("before the request was received",
            Assert.Throws<ArgumentException>(() => metrics.Apply(new RequestAccepted(R(0), T0 - Duration.FromHours(1), CommunityAgency))).Message);
        Assert.Equal(1, metrics.RequestCount);
        Assert.Equal(1, metrics.Report(H(1)).ForUnit(Chart.District.Id).Figures.Counts.Received);
    }

    [Fact]
    public void Making_room_in_advance_changes_no_figure()
    {
        var metrics = new RequestMetrics(Chart);
        metrics.EnsureCapacity(5_000);
        metrics.ApplyRange(Story());
        Assert.Equal(MetricsJson.Serialize(Report()), MetricsJson.Serialize(metrics.Report(H(72))));
        Assert.Throws<ArgumentOutOfRangeException>(() => metrics.EnsureCapacity(-1));
    }

    [Fact]
    public void A_report_before_the_latest_event_is_refused()
    {
        var metrics = new RequestMetrics(Chart);
        metrics.ApplyRange(Story());
        Assert.Equal("asOf", Assert.Throws<ArgumentException>(() => metrics.Report(H(1))).ParamName);
        Assert.Equal(metrics.LatestEventAt, metrics.Report().AsOf);
    }

    [Theory]
    [InlineData(0.2, 0.5, 0.4, "ResponseWeight")]
    [InlineData(-0.1, 0.7, 0.4, "ResponseWeight")]
    [InlineData(0.1, double.NaN, 0.4, "ResolutionWeight")]
    [InlineData(0.1, 0.5, 1.4, "SatisfactionWeight")]
    public void Weights_that_are_negative_or_do_not_sum_to_one_are_refused_by_name(double response, double resolution, double satisfaction, string name)
    {
        var options = new MetricsOptions { ResponseWeight = response, ResolutionWeight = resolution, SatisfactionWeight = satisfaction };
        Assert.Equal(name, Assert.Throws<ArgumentException>(() => new RequestMetrics(Chart, options)).ParamName);
    }

    [Fact]
    public void Partly_satisfied_weight_and_response_limit_are_checked()
    {
        Assert.Equal("PartlySatisfiedWeight", Assert.Throws<ArgumentException>(() => (MetricsOptions.Default with { PartlySatisfiedWeight = 1.5 }).Validate()).ParamName);
        Assert.Equal("ResponseLimit", Assert.Throws<ArgumentException>(() => (MetricsOptions.Default with { ResponseLimit = Duration.Zero }).Validate()).ParamName);
    }

    [Fact]
    public void Json_has_stable_camel_case_fields_and_writes_nulls()
    {
        var json = MetricsJson.Serialize(Report().ForHandler(StreetAgency)!);
        Assert.Contains("\"handler\": {", json);
        Assert.Contains("\"kind\": \"Unit\"", json);
        Assert.Contains("\"satisfactionRate\": null", json);
        Assert.Contains("\"sameDayDeadlinesMissed\": 1", json);
        var unit = MetricsJson.Serialize(Report().ForUnit(Community.Id));
        Assert.Contains("\"level\": \"Community\"", unit);
        Assert.Contains("\"timeToResolveMedian\": \"3:00:00\"", unit);
        Assert.Contains("\"asOf\": \"2023-03-04T01:00:00Z\"", MetricsJson.Serialize(Report()));
    }
}
