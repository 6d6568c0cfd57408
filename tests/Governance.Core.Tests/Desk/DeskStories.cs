using Governance.Core.Catalogue;
using Governance.Core.Desk;
using Governance.Core.Liaison;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Routing;
using Governance.Core.Time;
using NodaTime;
using NodaTime.Testing;

namespace Governance.Core.Tests.Desk;

/// <summary>The desk end to end on the sample district, one story per test, each checkable by hand.</summary>
public sealed class DeskStories
{
    private static readonly Chart Chart = DeskFixture.Chart;
    private static readonly Agency Beiyuan = Agency.Unit(SampleDistrict.Units.Beiyuan);
    private static readonly Agency Xinhuaxijie = Agency.Unit(SampleDistrict.Units.Xinhuaxijie);
    private static readonly Agency Enforcement = Agency.DistrictDepartment(new DistrictDepartmentId("tongzhou-zfj"));

    private static int _ids;

    /// <summary>A household of 新华西街社区 in 北苑街道.</summary>
    private static RequestLocation Xinhuaxijie_household()
    {
        var household = Chart.HouseholdsUnder(Chart.GetUnit(SampleDistrict.Units.Xinhuaxijie))[0];
        return new RequestLocation(Chart.BuildingOf(household).Id, household.Id);
    }

    private static RequestSubmission Submission(Channel channel, string category, RequestLocation? location = null) =>
        new(new RequestId($"story-{Interlocked.Increment(ref _ids)}"), channel, new CategoryCode(category), CategoryClass.Ordinary,
            location ?? Xinhuaxijie_household(), new ResidentContact(new PersonName("李四"), new PhoneNumber("13912345678")), "诉求内容");

    private static Agency CompanyServing(RequestLocation location) =>
        Agency.PropertyCompany(Chart.PropertyCompaniesServing(Chart.GetUnit(location.Unit))[0].Id);

    [Fact]
    public void Beiyuan_the_property_phone_takes_a_neighbour_dispute_the_community_and_office_solve_it_and_the_company_still_answers_the_resident()
    {
        // 有事您找我: the property company's phone takes everything. A dispute is not its duty: routing hands it to the
        // community, which cannot solve it and escalates to the subdistrict's office; the office blows the whistle for
        // the district's enforcement bureau, which reports; the office resolves; the company, the first contact, calls back.
        var (desk, clock, sink) = DeskFixture.Create(DeskFixture.At(1, 9));
        var location = Xinhuaxijie_household();
        var company = CompanyServing(location);

        var received = desk.Submit(Submission(Channel.PropertyHotline, "纠纷/邻里", location));
        Assert.Equal(company, received.Owner);
        Assert.Equal(Xinhuaxijie, received.Handler);
        Assert.Equal(CategoryClass.Complex, received.CategoryClass);

        var id = received.RequestId;
        clock.Advance(Duration.FromMinutes(20));
        desk.Execute(id, new AcceptRequest(Xinhuaxijie, clock.GetCurrentInstant()));
        var office = DeskFixture.Router.EscalationTarget(Xinhuaxijie, location, received.Category)!.Value;
        Assert.Equal(AgencyKind.SubdistrictOffice, office.Kind);
        Assert.Equal(Beiyuan.Id, Chart.UnitOf(Chart.GetSubdistrictOffice(new SubdistrictOfficeId(office.Id))).Id.Value);
        clock.Advance(Duration.FromHours(1));
        desk.Execute(id, new EscalateRequest(Xinhuaxijie, clock.GetCurrentInstant(), office, "违建引发纠纷，社区无法调解"));
        desk.Execute(id, new AcceptRequest(office, clock.GetCurrentInstant()));
        desk.Execute(id, new SummonDepartment(office, clock.GetCurrentInstant(), new DistrictDepartmentId(Enforcement.Id), "需执法部门认定违建"));
        clock.Advance(Duration.FromMinutes(20));
        desk.Execute(id, new ReportToWhistle(new DistrictDepartmentId(Enforcement.Id), clock.GetCurrentInstant()));
        clock.Advance(Duration.FromHours(3));
        desk.Execute(id, new ResolveRequest(office, clock.GetCurrentInstant(), "拆除违建，双方和解"));
        Assert.Equal(RequestStatus.Resolved, Assert.Single(desk.Query(new DeskQuery { Owner = company })).Status);
        clock.Advance(Duration.FromHours(1));
        desk.Execute(id, new CallBackResident(company, clock.GetCurrentInstant(), Satisfaction.Satisfied, "满意"));
        clock.Advance(Duration.FromDays(30));
        desk.Advance();

        Assert.Equal(
            [RequestTrigger.Accept, RequestTrigger.Escalate, RequestTrigger.Accept, RequestTrigger.Summon, RequestTrigger.Report, RequestTrigger.Resolve, RequestTrigger.CallBack],
            sink.Events.Skip(1).Select(e => e.Trigger!.Value));
        Assert.Equal((0, 1L, 1L), (desk.OpenCount, desk.ClosedCount, desk.ReceivedCount));
        Assert.False(desk.TryGet(id, out _));
    }

    [Fact]
    public void A_household_network_request_names_the_households_liaison_and_the_liaisons_community_owns_it()
    {
        // 户联网: the household's party member is its contact; what it submits through the network is owned by the
        // liaison's community, and the receipt names the liaison so the community knows whom to call.
        var liaisons = LiaisonAssigner.Assign(Chart);
        var router = new Router(Chart, CategoryCatalogue.Default, liaisons);
        var clock = new FakeClock(DeskFixture.At(1, 9));
        var sink = new InMemoryRequestEventSink();
        var desk = new RequestDesk(router, ServiceLevelPolicy.Default, clock, sink);
        var link = liaisons.Links.First(l => Chart.AncestorAt(Chart.GetHousehold(l.Household), UnitLevel.Community).Id == SampleDistrict.Units.Tongruijiayuan);
        var home = new RequestLocation(Chart.BuildingOf(Chart.GetHousehold(link.Household)).Id, link.Household);

        var viaNetwork = desk.Submit(Submission(Channel.HouseholdNetwork, "社区/证明", home));
        var viaHotline = desk.Submit(Submission(Channel.PropertyHotline, "社区/证明", home));

        Assert.Equal(link.Liaison, viaNetwork.Liaison);
        var liaisonHome = Chart.HouseholdOf(Chart.GetPartyMember(link.Liaison));
        Assert.Equal(Agency.Unit(Chart.AncestorAt(liaisonHome, UnitLevel.Community).Id), viaNetwork.Owner);
        Assert.Null(viaHotline.Liaison);
        var replayed = Assert.IsType<RequestReceived>(RequestEventJson.Deserialize(RequestEventJson.Serialize(viaNetwork)));
        Assert.Equal(link.Liaison, replayed.Liaison);
        Assert.Equal(viaNetwork, sink.Events[0]);
    }

    [Fact]
    public void A_whistled_department_that_reports_late_has_its_miss_recorded_at_the_limit_and_its_late_report_after()
    {
        var (desk, clock, sink) = DeskFixture.Create(DeskFixture.At(1, 9));
        var received = desk.Submit(Submission(Channel.Hotline12345, "违建/私搭乱建"));
        var office = received.Handler;
        Assert.Equal(AgencyKind.SubdistrictOffice, office.Kind);
        var department = new DistrictDepartmentId(Enforcement.Id);
        clock.Advance(Duration.FromHours(1)); // 10:00
        desk.Execute(received.RequestId, new AcceptRequest(office, clock.GetCurrentInstant()));
        desk.Execute(received.RequestId, new SummonDepartment(office, clock.GetCurrentInstant(), department, "私搭乱建需执法"));

        clock.Advance(Duration.FromMinutes(29));
        Assert.Equal(0, desk.Advance());
        clock.Advance(Duration.FromMinutes(16)); // 10:45
        Assert.Equal(1, desk.Advance());
        var missed = Assert.IsType<DepartmentReportMissed>(sink.Events[^1]);
        Assert.Equal((department, DeskFixture.At(1, 10, 30)), (missed.Department, missed.At));
        Assert.True(desk.TryGet(received.RequestId, out var pending));
        Assert.Equal([department], pending.PendingReports);

        clock.Advance(Duration.FromMinutes(5));
        desk.Execute(received.RequestId, new ReportToWhistle(department, clock.GetCurrentInstant()));

        Assert.Equal(new DepartmentReported(received.RequestId, DeskFixture.At(1, 10, 50), department), sink.Events[^1]);
        Assert.True(desk.TryGet(received.RequestId, out var reported));
        Assert.Empty(reported.PendingReports);
        clock.Advance(Duration.FromHours(1));
        Assert.Equal(0, desk.Advance()); // the report stopped its timer: the miss is not recorded twice
        Assert.Single(sink.Events.OfType<DepartmentReportMissed>());
    }

    [Fact]
    public void A_closed_requests_slot_taken_by_a_later_request_carries_none_of_the_first_requests_timers_or_identity()
    {
        // The desk holds requests in reusable slots and leaves a closed request's timer entry in the queue (stale).
        // B takes A's slot; B's timers must be exactly those of B submitted on a desk that never saw A.
        var (desk, clock, sink) = DeskFixture.Create(DeskFixture.At(1, 9));
        var location = Xinhuaxijie_household();
        var a = desk.Submit(Submission(Channel.Hotline12345, "纠纷/邻里", location));
        clock.Advance(Duration.FromMinutes(30));
        desk.Execute(a.RequestId, new ResolveRequest(a.Handler, clock.GetCurrentInstant(), "已调解"));
        desk.Execute(a.RequestId, new CallBackResident(a.Owner, clock.GetCurrentInstant(), Satisfaction.Satisfied, string.Empty));
        clock.Advance(Duration.FromMinutes(30)); // 10:00
        var b = desk.Submit(Submission(Channel.Hotline12345, "纠纷/邻里", location));
        var fromB = sink.Count - 1;

        var (alone, aloneClock, aloneSink) = DeskFixture.Create(DeskFixture.At(1, 10));
        alone.Submit(Submission(Channel.Hotline12345, "纠纷/邻里", location) with { Id = b.RequestId });
        clock.Advance(Duration.FromDays(3));
        aloneClock.Advance(Duration.FromDays(3));
        desk.Advance();
        alone.Advance();

        Assert.Equal(aloneSink.Events, sink.Events.Skip(fromB));
        Assert.Contains(aloneSink.Events, e => e is RequestDeadlinePassed { Deadline: DeadlineKind.SameDay });
        Assert.False(desk.TryGet(a.RequestId, out _));
        Assert.Throws<KeyNotFoundException>(() => desk.Execute(a.RequestId, new AcceptRequest(b.Handler, clock.GetCurrentInstant())));
        Assert.Equal((1, 2L, 1L), (desk.OpenCount, desk.ReceivedCount, desk.ClosedCount));
    }

    [Fact]
    public void A_street_whose_requests_have_all_left_keeps_no_timer_entries_while_a_street_with_one_open_keeps_its_own()
    {
        // A request that leaves leaves its timer entry behind (stale); a street with nothing open drops them all at once.
        var (desk, clock, _) = DeskFixture.Create(DeskFixture.At(1, 9));
        var inBeiyuan = Enumerable.Range(0, 3).Select(_ => desk.Submit(Submission(Channel.Hotline12345, "纠纷/邻里"))).ToList();
        var elsewhere = Chart.Households.First(h => Chart.StreetLevelUnitOf(h).Id != SampleDistrict.Units.Beiyuan);
        var other = desk.Submit(Submission(Channel.Hotline12345, "纠纷/邻里", new RequestLocation(Chart.BuildingOf(elsewhere).Id, elsewhere.Id)));
        Assert.Equal(4, desk.TimerEntryCount());

        clock.Advance(Duration.FromMinutes(30));
        foreach (var r in inBeiyuan.Take(2))
        {
            desk.Execute(r.RequestId, new ResolveRequest(r.Handler, clock.GetCurrentInstant(), "已调解"));
            desk.Execute(r.RequestId, new CallBackResident(r.Owner, clock.GetCurrentInstant(), Satisfaction.Satisfied, string.Empty));
        }

        Assert.Equal(4, desk.TimerEntryCount()); // 北苑 still holds one open request: the two stale entries wait

        desk.Execute(inBeiyuan[2].RequestId, new RejectRequest(inBeiyuan[2].Owner, clock.GetCurrentInstant(), RejectionReason.Duplicate, "重复诉求"));

        Assert.Equal(1, desk.TimerEntryCount()); // only the other street's request's entry
        Assert.Equal(1, desk.OpenCount);
        Assert.True(desk.TryGet(other.RequestId, out _));
    }

    /// <summary>
    /// An open request's slot is the 192 bytes (three cache lines) the desk's memory estimate counts on: a million open
    /// requests are most of a desk's size, so a field added to it must be weighed, not slipped in.
    /// </summary>
    [Fact]
    public void An_open_requests_slot_is_three_cache_lines() =>
        Assert.Equal(192, System.Runtime.CompilerServices.Unsafe.SizeOf<RequestState>());

    [Fact]
    public void A_street_that_never_empties_carries_no_stale_timer_entries_into_its_next_batch()
    {
        // One request stays open all along, so the street never empties; twenty others leave, their entries stale.
        var (desk, clock, _) = DeskFixture.Create(DeskFixture.At(1, 9));
        var stays = desk.Submit(Submission(Channel.Hotline12345, "纠纷/邻里"));
        var day = Enumerable.Range(0, 20).Select(_ => Submission(Channel.Hotline12345, "纠纷/邻里")).ToList();
        Assert.Empty(desk.SubmitBatch(day).Failures);
        clock.Advance(Duration.FromMinutes(30));
        foreach (var s in day)
        {
            desk.Execute(s.Id, new RejectRequest(Beiyuan, clock.GetCurrentInstant(), RejectionReason.Duplicate, "重复诉求"));
        }

        Assert.Equal(21, desk.TimerEntryCount()); // too few for Schedule to compact: the twenty stale entries wait

        var next = Submission(Channel.Hotline12345, "纠纷/邻里");
        Assert.Empty(desk.SubmitBatch([next]).Failures);

        Assert.Equal(2, desk.TimerEntryCount()); // the batch compacted the queue before making room: two open, two entries
        Assert.Equal(2, desk.OpenCount);
        Assert.True(desk.TryGet(stays.RequestId, out _));
        Assert.True(desk.TryGet(next.Id, out _));
    }

    /// <summary>
    /// A batch sizes each street's timer queue from estimates, chunk by chunk; a running desk keeps that room for the
    /// next day's batch of the same shape, rather than growing the queue and trimming it back every day.
    /// </summary>
    [Fact]
    public void A_running_desk_reuses_its_timer_room_for_a_day_like_the_last()
    {
        var (desk, clock, _) = DeskFixture.Create(DeskFixture.At(1, 9));
        var here = Xinhuaxijie_household();
        var otherStreet = Chart.Units.First(u => u.Level == UnitLevel.StreetLevel && u.Id != SampleDistrict.Units.Beiyuan
            && Chart.HouseholdsUnder(u).Length > 0);
        var household = Chart.HouseholdsUnder(otherStreet)[0];
        var there = new RequestLocation(Chart.BuildingOf(household).Id, household.Id);

        // A batch runs in chunks of 65,536 items. The first chunk is half here and half there, the rest all here: the
        // first chunk's estimate of this street's share falls short, and the second chunk must make more room.
        List<RequestSubmission> Day() =>
            [.. Enumerable.Range(0, 100_000).Select(i => Submission(Channel.Hotline12345, "纠纷/邻里", i < 65_536 && i % 2 == 1 ? there : here))];
        void CloseAll(List<RequestSubmission> day)
        {
            var at = clock.GetCurrentInstant();
            var rejects = day.Select(s => new DeskCommand(s.Id, new RejectRequest(DeskFixture.Router.Route(s.Channel, s.Location, s.Category).Owner, at,
                RejectionReason.Duplicate, "重复诉求")));
            Assert.Empty(desk.ExecuteBatch([.. rejects]).Failures);
            Assert.Equal(0, desk.OpenCount);
        }

        var first = Day();
        Assert.Empty(desk.SubmitBatch(first).Failures);
        Assert.True(desk.TimerRoomChanges() > 0); // the first day makes the room
        clock.Advance(Duration.FromMinutes(30));
        CloseAll(first);
        var changes = desk.TimerRoomChanges();

        clock.Advance(Duration.FromHours(24));
        Assert.Empty(desk.SubmitBatch(Day()).Failures);

        Assert.Equal(changes, desk.TimerRoomChanges());
        Assert.Equal(100_000, desk.TimerEntryCount());
    }

    [Fact]
    public void A_request_nobody_answers_the_same_day_is_recorded_missed_at_midnight_and_escalated_up_the_chain()
    {
        var (desk, clock, sink) = DeskFixture.Create(DeskFixture.At(1, 16));
        var received = desk.Submit(Submission(Channel.Hotline12345, "纠纷/邻里"));
        Assert.Equal(Beiyuan, received.Owner);
        Assert.Equal(Xinhuaxijie, received.Handler);

        clock.Advance(Duration.FromHours(8) + Duration.FromMinutes(10)); // 00:10 on Thursday
        desk.Advance();

        var midnight = DeskFixture.At(2, 0);
        var (passed, escalated) = (Assert.IsType<RequestDeadlinePassed>(sink.Events[1]), Assert.IsType<RequestEscalated>(sink.Events[2]));
        Assert.Equal((DeadlineKind.SameDay, midnight), (passed.Deadline, passed.At));
        Assert.Equal((Xinhuaxijie, midnight), (escalated.By, escalated.At));
        Assert.Equal(AgencyKind.SubdistrictOffice, escalated.To.Kind);
        Assert.Contains("自动升级", escalated.Reason, StringComparison.Ordinal);
        Assert.Equal(3, sink.Count);
        var open = Assert.Single(desk.Query(new DeskQuery { Handler = escalated.To }));
        Assert.Equal((Beiyuan, RequestStatus.Forwarded), (open.Owner, open.Status));
    }

    [Fact]
    public void A_request_explained_the_same_day_is_not_escalated_at_midnight()
    {
        var (desk, clock, sink) = DeskFixture.Create(DeskFixture.At(1, 16));
        var received = desk.Submit(Submission(Channel.Hotline12345, "纠纷/邻里"));
        clock.Advance(Duration.FromHours(1));
        desk.Execute(received.RequestId, new ExplainRequest(received.Owner, clock.GetCurrentInstant(), "需双方到场调解，周五上午安排", new LocalDate(2023, 3, 3)));

        clock.Advance(Duration.FromHours(8));
        Assert.Equal(0, desk.Advance());
        Assert.Equal(2, sink.Count);
    }

    [Fact]
    public void The_desk_says_whether_the_handler_has_accepted_which_an_explained_requests_status_does_not()
    {
        var (desk, clock, _) = DeskFixture.Create(DeskFixture.At(1, 9));
        var received = desk.Submit(Submission(Channel.Hotline12345, "纠纷/邻里"));
        var id = received.RequestId;
        var handler = received.Handler;
        DeskRequest Now() => desk.TryGet(id, out var request) ? request : throw new InvalidOperationException($"{id} is not open");

        desk.Execute(id, new ExplainRequest(received.Owner, clock.GetCurrentInstant(), "需双方到场调解，周五上午安排", new LocalDate(2023, 3, 3)));
        Assert.Equal((RequestStatus.Explained, false), (Now().Status, Now().HandlerAccepted));

        desk.Execute(id, new AcceptRequest(handler, clock.GetCurrentInstant()));
        Assert.Equal((RequestStatus.Accepted, true), (Now().Status, Now().HandlerAccepted));

        desk.Execute(id, new ExplainRequest(handler, clock.GetCurrentInstant(), "调解改到下周一", new LocalDate(2023, 3, 6)));
        Assert.Equal((RequestStatus.Explained, true), (Now().Status, Now().HandlerAccepted));

        var office = DeskFixture.Router.EscalationTarget(handler, received.Location, received.Category)!.Value;
        desk.Execute(id, new EscalateRequest(handler, clock.GetCurrentInstant(), office, "社区无法调解"));
        Assert.Equal((office, false), (Now().Handler, Now().HandlerAccepted));
        Assert.Equal([id], desk.Query(new DeskQuery { Handler = office }).Where(r => !r.HandlerAccepted).Select(r => r.Id));
    }

    [Fact]
    public void While_the_request_waits_on_the_resident_no_deadline_fires_and_after_the_wait_they_are_moved()
    {
        var (desk, clock, sink) = DeskFixture.Create(DeskFixture.At(1, 9));
        var received = desk.Submit(Submission(Channel.Hotline12345, "纠纷/邻里"));
        var handler = received.Handler;
        desk.Execute(received.RequestId, new AcceptRequest(handler, clock.GetCurrentInstant()));
        desk.Execute(received.RequestId, new AwaitResident(handler, clock.GetCurrentInstant(), PauseReason.ResidentUnreachable, "电话无人接听"));

        clock.Advance(Duration.FromDays(40));
        Assert.Equal(0, desk.Advance());
        desk.Execute(received.RequestId, new ResumeRequest(handler, clock.GetCurrentInstant(), "居民回电"));

        Assert.True(desk.TryGet(received.RequestId, out var resumed));
        Assert.True(resumed.Deadlines.Resolution > clock.GetCurrentInstant());
        Assert.Equal(4, sink.Count);
    }

    [Fact]
    public void A_closed_request_leaves_the_desk_and_its_timers_never_fire()
    {
        var (desk, clock, sink) = DeskFixture.Create(DeskFixture.At(1, 9));
        var received = desk.Submit(Submission(Channel.Hotline12345, "物业/电梯/故障"));
        desk.Execute(received.RequestId, new ResolveRequest(received.Handler, clock.GetCurrentInstant(), "已修复"));
        desk.Execute(received.RequestId, new CallBackResident(received.Owner, clock.GetCurrentInstant(), Satisfaction.Satisfied, ""));

        clock.Advance(Duration.FromDays(60));

        Assert.Equal(0, desk.Advance());
        Assert.Equal(3, sink.Count);
        Assert.Throws<KeyNotFoundException>(() => desk.Execute(received.RequestId, new ReopenRequest(received.Owner, clock.GetCurrentInstant(), "又坏了")));
    }

    [Fact]
    public void Bad_input_is_refused_with_what_and_where_and_changes_nothing()
    {
        var (desk, clock, sink) = DeskFixture.Create(DeskFixture.At(1, 9));
        var received = desk.Submit(Submission(Channel.Hotline12345, "纠纷/邻里"));
        var before = sink.Count;

        var unknown = Assert.Throws<KeyNotFoundException>(() => desk.Execute(new RequestId("nobody"), new AcceptRequest(received.Handler, clock.GetCurrentInstant())));
        Assert.Contains("nobody", unknown.Message, StringComparison.Ordinal);
        var future = Assert.Throws<ArgumentException>(() => desk.Execute(received.RequestId, new AcceptRequest(received.Handler, clock.GetCurrentInstant() + Duration.FromDays(400))));
        Assert.Contains(received.RequestId.Value, future.Message, StringComparison.Ordinal);
        var duplicate = Assert.Throws<ArgumentException>(() => desk.Submit(Submission(Channel.Hotline12345, "纠纷/邻里") with { Id = received.RequestId }));
        Assert.Contains(received.RequestId.Value, duplicate.Message, StringComparison.Ordinal);
        var nowhere = Assert.Throws<ArgumentException>(() => desk.Submit(Submission(Channel.Hotline12345, "纠纷/邻里", new RequestLocation(new UnitId("atlantis")))));
        Assert.Contains("atlantis", nowhere.Message, StringComparison.Ordinal);
        var refused = Assert.Throws<RequestCommandException>(() => desk.Execute(received.RequestId, new CallBackResident(received.Owner, clock.GetCurrentInstant(), Satisfaction.Satisfied, "")));
        Assert.Equal((RequestStatus.Received, RequestTrigger.CallBack), (refused.Status, refused.Trigger));

        Assert.Equal(before, sink.Count);
        Assert.Equal((1, 1L), (desk.OpenCount, desk.ReceivedCount));
        Assert.True(desk.TryGet(received.RequestId, out var unchanged));
        Assert.Equal(RequestStatus.Received, unchanged.Status);
    }

    [Fact]
    public void A_batch_goes_ahead_around_its_bad_items_and_reports_each_by_position()
    {
        var (desk, _, sink) = DeskFixture.Create(DeskFixture.At(1, 9));
        var good = Submission(Channel.QrScan, "市政/路灯");
        RequestSubmission[] batch = [good, Submission(Channel.Hotline12345, "噪音", new RequestLocation(new UnitId("atlantis"))), good, Submission(Channel.WalkIn, "养老")];

        var result = desk.SubmitBatch(batch);

        Assert.Equal([1, 2], result.Failures.Select(f => f.Index));
        Assert.Contains("atlantis", result.Failures[0].Problem, StringComparison.Ordinal);
        Assert.Contains("already open", result.Failures[1].Problem, StringComparison.Ordinal);
        Assert.Equal((2, 2, 2), (result.Succeeded, result.Events, sink.Count));
        Assert.Equal([good.Id, batch[3].Id], sink.Events.Select(e => e.RequestId));
    }

    [Fact]
    public void An_unknown_category_is_still_owned_and_goes_to_the_street_level_unit_for_triage()
    {
        var (desk, _, _) = DeskFixture.Create(DeskFixture.At(1, 9));

        var received = desk.Submit(Submission(Channel.PropertyHotline, "外星人/占用车位"));

        Assert.Equal(DeskFixture.Router.Catalogue.Triage.Code, received.Category);
        Assert.Equal(Beiyuan, received.Handler);
        Assert.Equal(AgencyKind.PropertyCompany, received.Owner.Kind);
    }

    [Fact]
    public void Open_requests_can_be_found_by_unit_handler_owner_and_status()
    {
        var (desk, clock, _) = DeskFixture.Create(DeskFixture.At(1, 9));
        var inXinhuaxijie = desk.Submit(Submission(Channel.Hotline12345, "纠纷/邻里"));
        var luyiHousehold = Chart.HouseholdsUnder(Chart.GetUnit(SampleDistrict.Units.Tongruijiayuan))[0];
        var inLuyi = desk.Submit(Submission(Channel.Hotline12345, "纠纷/邻里", new RequestLocation(Chart.BuildingOf(luyiHousehold).Id, luyiHousehold.Id)));
        desk.Execute(inLuyi.RequestId, new AcceptRequest(inLuyi.Handler, clock.GetCurrentInstant()));

        Assert.Equal([inXinhuaxijie.RequestId], desk.Query(new DeskQuery { Unit = SampleDistrict.Units.Beiyuan }).Select(r => r.Id));
        Assert.Equal([inLuyi.RequestId], desk.Query(new DeskQuery { Unit = SampleDistrict.Units.Luyi }).Select(r => r.Id));
        Assert.Equal([inXinhuaxijie.RequestId, inLuyi.RequestId], desk.Query(new DeskQuery { Unit = SampleDistrict.Units.Tongzhou }).Select(r => r.Id));
        Assert.Equal([inXinhuaxijie.RequestId], desk.Query(new DeskQuery { Handler = Xinhuaxijie }).Select(r => r.Id));
        Assert.Equal([inLuyi.RequestId], desk.Query(new DeskQuery { Status = RequestStatus.Accepted }).Select(r => r.Id));
        Assert.Equal([inLuyi.RequestId], desk.Query(new DeskQuery { Owner = Agency.Unit(SampleDistrict.Units.Luyi), Status = RequestStatus.Accepted }).Select(r => r.Id));
        Assert.Throws<ArgumentException>(() => desk.Query(new DeskQuery { Unit = new UnitId("atlantis") }));
    }
}
