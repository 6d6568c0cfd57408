using Governance.Core.Catalogue;
using Governance.Core.Ledger;
using Governance.Core.Organization;
using Governance.Core.Requests;
using NodaTime;
using static Governance.Core.Tests.Ledger.LedgerCast;

namespace Governance.Core.Tests.Ledger;

/// <summary>
/// 于家务乡, spring 2023: "送去便民年历的同时，我们有针对性地收集群众关心的'急难愁盼'，梳理后建立台账，…明确解决措施、
/// 责任人、完成时限，确保群众诉求事事有回音，件件有着落". Three concerns collected while handing out the calendars.
/// </summary>
public sealed class LedgerStories
{
    private static readonly LedgerItemId Lights = new("yjw-2023-001");
    private static readonly LedgerItemId Meals = new("yjw-2023-002");
    private static readonly LedgerItemId Drains = new("yjw-2023-003");

    private static readonly Unit Qutou = SampleChart.GetUnit(SampleDistrict.Units.Qutou);
    private static readonly Household Home = SampleChart.HouseholdsUnder(Qutou)[0];
    private static readonly Unit Building = SampleChart.BuildingOf(Home);
    private static readonly Unit Grid = SampleChart.ParentOf(Building)!;

    /// <summary>
    /// 1. Street lights on 渠头村's main road (Worrying): opened 16 Jan, due 10 Feb; progress 30 Jan; reply 1 Feb;
    ///    outcome 8 Feb. 2. A meal service for an elderly household (LongedFor), at its building: opened 17 Jan, due
    ///    15 Feb, nothing since. 3. Drains at the township (Urgent), proposed by the analysis on 20 Jan, not yet accepted.
    /// </summary>
    private static Core.Ledger.Ledger Story()
    {
        var ledger = new Core.Ledger.Ledger(SampleChart);
        ledger.Open(Opening(Lights.Value, Beijing(2023, 1, 16), new LocalDate(2023, 2, 10)));
        ledger.Execute(Lights, new AddMeasure(Village, Beijing(2023, 1, 18), "协调乡城建办更换灯具"));
        ledger.Execute(Lights, new NoteProgress(Village, Beijing(2023, 1, 30), "已排查线路，12盏灯具损坏"));
        ledger.Execute(Lights, new ReplyToResidents(Village, Beijing(2023, 2, 1), "已排查，2月8日前全部更换"));
        ledger.Execute(Lights, new CompleteLedgerItem(Village, Beijing(2023, 2, 8, 16), "12盏路灯已更换，夜间照明恢复"));

        ledger.Open(new OpenLedgerItem(Meals, Township, Beijing(2023, 1, 17), ConcernClass.LongedFor, new CategoryCode("民生/养老"),
            new RequestLocation(Building.Id, Home.Id), "独居老人送餐", "独居老人希望有人送餐", "联系养老驿站", Yan, new LocalDate(2023, 2, 15)));

        ledger.Propose(new ProposeLedgerItem(Drains, Township, Beijing(2023, 1, 20), ConcernClass.Urgent, new CategoryCode("排水/积水"),
            new RequestLocation(SampleDistrict.Units.Yujiawu), "雨季积水", "去年雨季多村积水", LedgerOrigin.Proactive, "排水/积水 诉求 30天 9件"));
        return ledger;
    }

    [Fact]
    public void A_concern_is_recorded_with_a_measure_a_responsible_person_and_a_deadline_then_replied_to_and_completed()
    {
        var lights = Story().Get(Lights);

        Assert.Equal(LedgerItemStatus.Completed, lights.Status);
        Assert.Equal(["排查线路，更换损坏灯具", "协调乡城建办更换灯具"], lights.Measures);
        Assert.Equal(Yan, lights.Responsible);
        Assert.Equal("闫刚", SampleChart.GetStaffMember(lights.Responsible!.Value).Name);
        Assert.Equal(new LocalDate(2023, 2, 10), lights.Deadline);
        Assert.Equal("已排查，2月8日前全部更换", lights.Reply);
        Assert.Equal(Beijing(2023, 2, 1), lights.RepliedAt);
        Assert.Equal("12盏路灯已更换，夜间照明恢复", lights.Outcome);
        Assert.Equal(5, lights.History.Count); // opened, measure added, progress noted, replied, completed
        Assert.False(lights.IsOverdueAt(Beijing(2023, 3, 1)));
    }

    [Fact]
    public void On_16_February_the_meal_service_is_reported_unanswered_and_overdue_and_the_figures_roll_up_the_chart()
    {
        var report = Story().Report(Beijing(2023, 2, 16, 9));

        Assert.Equal(new LocalDate(2023, 2, 16), report.Today);
        Assert.Equal(3, report.Total);
        Assert.Equal([Meals], report.Unanswered);
        Assert.Equal([Meals], report.Overdue);
        // The meal service is at a building: it counts for the building, its grid, 渠头村, 于家务乡 and 通州区.
        Assert.Equal(new LedgerFigures(1, 1, 1, 0), report.For(Building.Id));
        Assert.Equal(new LedgerFigures(1, 1, 1, 0), report.For(Grid.Id));
        Assert.Equal(new LedgerFigures(2, 1, 1, 1), report.For(Qutou.Id));
        Assert.Equal(new LedgerFigures(3, 1, 1, 1), report.For(SampleDistrict.Units.Yujiawu));
        Assert.Equal(new LedgerFigures(3, 1, 1, 1), report.For(SampleChart.District.Id));
        Assert.Equal(LedgerFigures.None, report.For(SampleDistrict.Units.Tongruijiayuan));
        Assert.Equal(5, report.ByUnit.Count);
        Assert.Equal(1, report.ByClass[ConcernClass.Worrying]);
        Assert.Equal(1, report.ByClass[ConcernClass.LongedFor]);
        Assert.Equal(1, report.ByClass[ConcernClass.Urgent]);
        Assert.Equal(0, report.ByClass[ConcernClass.Difficult]);
        Assert.Equal(1, report.ByStatus[LedgerItemStatus.Completed]);
        Assert.Equal(1, report.ByStatus[LedgerItemStatus.Open]);
        Assert.Equal(1, report.ByStatus[LedgerItemStatus.Proposed]);
        Assert.Equal(0, report.ByStatus[LedgerItemStatus.Dropped]);
        Assert.False(report.ByStatus.ContainsKey(LedgerItemStatus.OnLedger));
    }

    [Fact]
    public void Items_under_a_unit_are_those_at_it_or_below_it()
    {
        var ledger = Story();

        Assert.Equal([Lights, Meals], ledger.ItemsUnder(Qutou.Id).Select(i => i.Id));
        Assert.Equal([Meals], ledger.ItemsUnder(Grid.Id).Select(i => i.Id));
        Assert.Equal([Lights, Meals, Drains], ledger.ItemsUnder(SampleDistrict.Units.Yujiawu).Select(i => i.Id));
        Assert.Empty(ledger.ItemsUnder(SampleDistrict.Units.Tongruijiayuan));
    }

    [Fact]
    public void An_item_from_a_residents_request_must_name_the_request_which_is_then_linked()
    {
        var ledger = Story();
        var fromRequest = Opening("yjw-2023-004", Beijing(2023, 2, 1), new LocalDate(2023, 3, 1)) with { Origin = LedgerOrigin.Request };

        Assert.Throws<ArgumentException>(() => ledger.Open(fromRequest));
        var item = ledger.Open(fromRequest with { Request = new RequestId("12345-2023-000917") });

        Assert.Equal([new RequestId("12345-2023-000917")], item.LinkedRequests);
        Assert.Equal([item], ledger.LinkedTo(new RequestId("12345-2023-000917")));
    }

    [Fact]
    public void A_report_as_of_an_earlier_instant_sees_the_ledger_as_it_stood_then()
    {
        var ledger = Story();

        // 5 Feb: the lights are replied to but not complete; the meal service is unanswered but not yet due.
        var fifth = ledger.Report(Beijing(2023, 2, 5));
        Assert.Equal([Meals], fifth.Unanswered);
        Assert.Empty(fifth.Overdue);
        Assert.Equal(1, fifth.ByStatus[LedgerItemStatus.Replied]);
        Assert.Equal(0, fifth.ByStatus[LedgerItemStatus.Completed]);

        // 17 Jan 09:00: only the lights exist, open and unanswered.
        var early = ledger.Report(Beijing(2023, 1, 17, 9));
        Assert.Equal(1, early.Total);
        Assert.Equal([Lights], early.Unanswered);

        // The live item is untouched by the report.
        Assert.Equal(LedgerItemStatus.Completed, ledger.Get(Lights).Status);
    }

    [Fact]
    public void The_deadline_day_itself_is_not_overdue_the_next_day_from_midnight_Beijing_time_is()
    {
        var ledger = Story();

        Assert.Empty(ledger.Overdue(Beijing(2023, 2, 15, 23, 59)));
        Assert.Equal([Meals], ledger.Overdue(Beijing(2023, 2, 16, 0, 0)).Select(i => i.Id));
    }

    [Fact]
    public void Moving_the_deadline_with_a_reason_ends_the_overdue_report_and_a_reply_ends_the_unanswered_one()
    {
        var ledger = Story();
        var at = Beijing(2023, 2, 16, 10);
        ledger.Execute(Meals, new MoveDeadline(Township, at, new LocalDate(2023, 3, 1), "养老驿站春节后恢复营业"));
        ledger.Execute(Meals, new ReplyToResidents(Township, at, "3月1日起每日送餐"));

        var report = ledger.Report(at);

        Assert.Empty(report.Overdue);
        Assert.Empty(report.Unanswered);
        Assert.Equal(1, ledger.Get(Meals).DeadlineMoves);
        Assert.Equal(new LocalDate(2023, 3, 1), ledger.Get(Meals).Deadline);
    }

    [Fact]
    public void A_proposal_from_the_proactive_analysis_goes_onto_the_ledger_when_accepted_with_a_measure_a_person_and_a_deadline()
    {
        var ledger = Story();
        var drains = ledger.Get(Drains);
        Assert.Equal(LedgerOrigin.Proactive, drains.Origin);
        Assert.Equal("排水/积水 诉求 30天 9件", drains.Basis);
        Assert.Null(drains.OnLedgerAt);
        Assert.DoesNotContain(drains, ledger.Unanswered(Beijing(2023, 2, 16))); // a proposal is not yet owed a reply

        ledger.Execute(Drains, new AcceptLedgerItem(Township, Beijing(2023, 2, 20), "雨季前疏通排水沟", Meng, new LocalDate(2023, 5, 31)));

        Assert.Equal(LedgerItemStatus.Open, drains.Status);
        Assert.Equal(Beijing(2023, 2, 20), drains.OnLedgerAt);
        Assert.Contains(drains, ledger.Unanswered(Beijing(2023, 2, 21)));
    }

    [Fact]
    public void Linking_requests_finds_the_item_from_a_request_and_a_completed_item_refuses_more_with_its_status_named()
    {
        var ledger = Story();
        var request = new RequestId("12345-2023-000917");
        ledger.Execute(Meals, new LinkRequest(Township, Beijing(2023, 2, 1), request));

        Assert.Equal([Meals], ledger.LinkedTo(request).Select(i => i.Id));
        var refused = Assert.Throws<LedgerCommandException>(() => ledger.Execute(Lights, new NoteProgress(Village, Beijing(2023, 3, 1), "复查")));
        Assert.Equal(LedgerItemStatus.Completed, refused.Status);
        Assert.Equal(LedgerTrigger.NoteProgress, refused.Trigger);
        Assert.Equal("Ledger item yjw-2023-001 (Completed) refuses NoteProgress: the lifecycle permits nothing in Completed", refused.Message);
    }

    [Fact]
    public void Dropping_tells_residents_the_reason_which_stands_as_reply_and_outcome()
    {
        var ledger = Story();
        ledger.Execute(Drains, new DropLedgerItem(Township, Beijing(2023, 2, 2), "已纳入区水务局2023年改造计划"));

        var drains = ledger.Get(Drains);
        Assert.Equal(LedgerItemStatus.Dropped, drains.Status);
        Assert.Equal("已纳入区水务局2023年改造计划", drains.Reply);
        Assert.Equal(drains.Reply, drains.Outcome);
    }

    [Fact]
    public void An_outcome_before_a_reply_is_refused_and_changes_nothing()
    {
        var ledger = Story();
        var meals = ledger.Get(Meals);
        var before = LedgerSnapshot.Of(meals);

        var refused = Assert.Throws<LedgerCommandException>(() => ledger.Execute(Meals, new CompleteLedgerItem(Township, Beijing(2023, 2, 10), "已送餐")));

        Assert.Equal(LedgerItemStatus.Open, refused.Status);
        Assert.Contains("does not permit Complete in Open", refused.Message, StringComparison.Ordinal);
        Assert.Empty(LedgerSnapshot.Differences(before, LedgerSnapshot.Of(meals)));
    }

    [Fact]
    public void The_ledger_checks_units_households_and_responsible_people_against_the_chart()
    {
        var ledger = Story();

        Assert.Throws<ArgumentException>(() => ledger.Open(Opening("x-1", Beijing(2023, 2, 1), new LocalDate(2023, 3, 1), new RequestLocation(new UnitId("nowhere")))));
        Assert.Throws<ArgumentException>(() => ledger.Open(Opening("x-2", Beijing(2023, 2, 1), new LocalDate(2023, 3, 1), new RequestLocation(Qutou.Id, Home.Id))));
        Assert.Throws<ArgumentException>(() => ledger.Open(Opening(Lights.Value, Beijing(2023, 2, 1), new LocalDate(2023, 3, 1))));
        Assert.Throws<ArgumentException>(() => ledger.Open(Opening("x-3", Beijing(2023, 2, 1), new LocalDate(2023, 1, 31))));
        var refused = Assert.Throws<LedgerCommandException>(() => ledger.Execute(Meals, new AssignResponsible(Township, Beijing(2023, 2, 1), new StaffId("nobody"), "换人")));
        Assert.Contains("nobody", refused.Message, StringComparison.Ordinal);
        Assert.Equal(Yan, ledger.Get(Meals).Responsible);
        Assert.Equal(3, ledger.Items.Count);
    }

    [Fact]
    public void The_whole_ledger_replays_from_its_interleaved_events_to_the_same_report()
    {
        var ledger = Story();
        var events = ledger.Items.SelectMany(i => i.History).OrderBy(e => e.At).Select(e => LedgerEventJson.Deserialize(LedgerEventJson.Serialize(e)));

        var replayed = Core.Ledger.Ledger.Replay(SampleChart, events);

        var asOf = Beijing(2023, 2, 16, 9);
        Assert.Equal(ledger.Report(asOf).Overdue, replayed.Report(asOf).Overdue);
        Assert.Equal(ledger.Report(asOf).ByUnit.OrderBy(x => x.Key.Value), replayed.Report(asOf).ByUnit.OrderBy(x => x.Key.Value));
        Assert.Equal(ledger.Items.Select(LedgerSnapshot.Of).SelectMany(x => x), replayed.Items.Select(LedgerSnapshot.Of).SelectMany(x => x));
    }
}
