using Governance.Core.Catalogue;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Tests.Requests;

/// <summary>A small cast for the example tests: a community owns the request, its property company handles it.</summary>
internal static class RequestCast
{
    public static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    public static readonly ServiceLevelPolicy Policy = ServiceLevelPolicy.Default;
    public static readonly Agency Community = Agency.Unit(new UnitId("xinhuaxijie"));
    public static readonly Agency Company = Agency.PropertyCompany(new PropertyCompanyId("pc-beiyuan"));
    public static readonly Agency Office = Agency.SubdistrictOffice(new SubdistrictOfficeId("beiyuan-cgb"));
    public static readonly Agency Department = Agency.DistrictDepartment(new DistrictDepartmentId("tz-zjw"));
    public static readonly RequestId Id = new("bj-2023-0301-001");

    /// <summary>Wednesday 1 March 2023, a working day, at the given Beijing time.</summary>
    public static Instant At(int day, int hour, int minute = 0) =>
        new LocalDateTime(2023, 3, day, hour, minute).InZoneStrictly(Beijing).ToInstant();

    public static Request Received(CategoryClass categoryClass = CategoryClass.Ordinary, Instant? at = null) =>
        Request.Receive(
            new RequestSubmission(Id, Channel.PropertyHotline, new CategoryCode("市政/道路/破损"), categoryClass,
                new RequestLocation(new UnitId("xinhuaxijie-3")), new ResidentContact(new PersonName("张三"), new PhoneNumber("13812341234")), "人行道塌陷"),
            owner: Community, handler: Company, at ?? At(1, 10), Policy);

    public static Request Closed()
    {
        var request = Received();
        request.Execute(new AcceptRequest(Company, At(1, 10, 5)));
        request.Execute(new ResolveRequest(Company, At(1, 11), "已修复"));
        request.Execute(new CallBackResident(Community, At(1, 15), Satisfaction.Satisfied, "很及时"));
        return request;
    }

    /// <summary>One command of each kind, every one by an agency and at a time the rules would otherwise allow.</summary>
    public static IEnumerable<RequestCommand> OneOfEach(Instant at) =>
    [
        new AcceptRequest(Company, at),
        new ForwardRequest(Company, at, Office, "转街道"),
        new EscalateRequest(Company, at, Department, "吹哨"),
        new ExplainRequest(Community, at, "需施工", new LocalDate(2023, 3, 20)),
        new AwaitResident(Company, at, PauseReason.ResidentUnreachable, ""),
        new ResumeRequest(Company, at, ""),
        new ResolveRequest(Company, at, "已修复"),
        new CallBackResident(Community, at, Satisfaction.Satisfied, ""),
        new ReopenRequest(Community, at, "又塌了"),
        new RejectRequest(Community, at, RejectionReason.Duplicate, "重复诉求"),
        new MergeRequest(Community, at, new RequestId("bj-2023-0301-002")),
        new RecordDeadlinePassed(at, DeadlineKind.Resolution),
    ];
}

/// <summary>What a request refuses, and that a refusal says which status refused which command.</summary>
public sealed class RequestRefusalExamples
{
    private static readonly Instant Later = RequestCast.At(1, 12);

    [Fact]
    public void Calling_back_a_request_that_was_only_received_is_refused_naming_Received_and_CallBack()
    {
        var request = RequestCast.Received();

        var refused = Assert.Throws<RequestCommandException>(() => request.Execute(new CallBackResident(RequestCast.Community, Later, Satisfaction.Satisfied, "")));

        Assert.Contains("Received", refused.Message, StringComparison.Ordinal);
        Assert.Contains("CallBack", refused.Message, StringComparison.Ordinal);
        Assert.Contains(RequestCast.Id.Value, refused.Message, StringComparison.Ordinal);
        Assert.Equal((RequestStatus.Received, RequestTrigger.CallBack, RequestCast.Id), (refused.Status, refused.Trigger, refused.RequestId));
    }

    public static TheoryData<RequestCommand> EveryKindOfCommand => new(RequestCast.OneOfEach(Later));

    [Theory]
    [MemberData(nameof(EveryKindOfCommand))]
    public void A_refusal_for_a_rule_also_names_the_status_and_the_command(RequestCommand command)
    {
        // A request that has been closed for an hour: whatever the command, it is refused, and says so.
        var request = RequestCast.Closed();
        var late = command with { At = RequestCast.At(1, 16) };

        var refused = Assert.Throws<RequestCommandException>(() => request.Execute(late));

        Assert.Contains($"({RequestStatus.Closed})", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"refuses {command.Trigger}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_request_refuses_every_command_and_stays_exactly_as_it_was()
    {
        var request = RequestCast.Closed();
        var before = RequestSnapshot.Of(request);

        foreach (var command in RequestCast.OneOfEach(RequestCast.At(2, 9)))
        {
            var refused = Assert.Throws<RequestCommandException>(() => request.Execute(command));
            Assert.Equal(RequestStatus.Closed, refused.Status);
            Assert.Equal("the lifecycle permits nothing in Closed", refused.Problem);
            Assert.Throws<RequestCommandException>(() => request.Decide(command));
        }

        Assert.Empty(before.Differences(RequestSnapshot.Of(request)));
    }

    [Fact]
    public void A_command_or_event_more_than_200_years_after_receipt_is_refused_and_changes_nothing()
    {
        // Instants after receipt are stored as nanoseconds since it; the span that fits is a documented rule, not an overflow.
        var request = RequestCast.Received();
        var before = RequestSnapshot.Of(request);
        var farFuture = RequestCast.At(1, 10) + Duration.FromDays(201 * 365);

        var refused = Assert.Throws<RequestCommandException>(() => request.Execute(new AcceptRequest(RequestCast.Company, farFuture)));
        Assert.Contains("more than 200 years after the request was received", refused.Problem, StringComparison.Ordinal);
        var replayed = Assert.Throws<RequestCommandException>(() => request.Apply(new RequestAccepted(RequestCast.Id, farFuture, RequestCast.Company)));
        Assert.Contains("200 years", replayed.Problem, StringComparison.Ordinal);
        var summoned = new DepartmentSummoned(RequestCast.Id, RequestCast.At(1, 11), RequestCast.Community, new DistrictDepartmentId("tz-zjw"),
            farFuture, "报到时限过长");
        Assert.Contains("200 years", Assert.Throws<RequestCommandException>(() => request.Apply(summoned)).Problem, StringComparison.Ordinal);
        Assert.Empty(before.Differences(RequestSnapshot.Of(request)));

        var accepted = request.Execute(new AcceptRequest(RequestCast.Company, RequestCast.At(1, 10) + Duration.FromDays(199 * 365)));
        Assert.Equal(accepted.At, request.LastEventAt);
    }

    [Fact]
    public void A_request_is_not_merged_into_itself()
    {
        var request = RequestCast.Received();

        var refused = Assert.Throws<RequestCommandException>(() => request.Execute(new MergeRequest(RequestCast.Community, Later, RequestCast.Id)));

        Assert.Equal(RequestTrigger.Merge, refused.Trigger);
        Assert.Equal(RequestStatus.Received, request.Status);
        Assert.Single(request.History);
    }

    [Fact]
    public void An_explanation_may_not_promise_a_date_before_today_but_may_promise_today()
    {
        // 23:30 on 1 March in Beijing is 15:30 UTC the same day; "today" is the local date.
        var request = RequestCast.Received();
        var lateEvening = RequestCast.At(1, 23, 30);

        var refused = Assert.Throws<RequestCommandException>(() =>
            request.Execute(new ExplainRequest(RequestCast.Community, lateEvening, "需施工", new LocalDate(2023, 2, 28))));
        Assert.Contains("before today (2023-03-01)", refused.Problem, StringComparison.Ordinal);
        Assert.Null(request.Explanation);

        request.Execute(new ExplainRequest(RequestCast.Community, lateEvening, "今晚修好", new LocalDate(2023, 3, 1)));
        Assert.Equal(RequestStatus.Explained, request.Status);
    }

    [Fact]
    public void Only_the_handler_or_the_owner_explains_and_an_unnamed_agency_is_neither()
    {
        var request = RequestCast.Received();

        Assert.Throws<RequestCommandException>(() => request.Execute(new ExplainRequest(RequestCast.Office, Later, "需施工", new LocalDate(2023, 3, 8))));
        Assert.Throws<RequestCommandException>(() => request.Execute(new ExplainRequest(default, Later, "需施工", new LocalDate(2023, 3, 8))));
        Assert.Throws<RequestCommandException>(() => request.Execute(new ExplainRequest(RequestCast.Community, Later, " \t", new LocalDate(2023, 3, 8))));
        Assert.Single(request.History);
    }

    [Fact]
    public void A_command_earlier_than_the_last_event_is_refused_but_one_at_the_same_instant_is_not()
    {
        var request = RequestCast.Received();
        request.Execute(new AcceptRequest(RequestCast.Company, RequestCast.At(1, 11)));

        Assert.Throws<RequestCommandException>(() => request.Execute(new ResolveRequest(RequestCast.Company, RequestCast.At(1, 10, 59), "已修复")));
        request.Execute(new ResolveRequest(RequestCast.Company, RequestCast.At(1, 11), "已修复"));

        Assert.Equal(RequestStatus.Resolved, request.Status);
    }

    [Fact]
    public void The_same_day_deadline_is_not_recorded_before_it_comes_nor_twice()
    {
        var request = RequestCast.Received();
        var sameDay = request.Deadlines.SameDay;

        Assert.Throws<RequestCommandException>(() => request.Execute(new RecordDeadlinePassed(sameDay - Duration.Epsilon, DeadlineKind.SameDay)));
        request.Execute(new RecordDeadlinePassed(sameDay, DeadlineKind.SameDay));
        Assert.True(request.HasPassed(DeadlineKind.SameDay));
        Assert.Throws<RequestCommandException>(() => request.Execute(new RecordDeadlinePassed(sameDay + Duration.FromHours(1), DeadlineKind.SameDay)));
        Assert.Equal(2, request.History.Count);
    }

    [Fact]
    public void A_handler_waits_on_the_resident_only_once_it_has_accepted_the_request()
    {
        // Explained straight from Received: the company has not accepted it, so it may not pause it (a resume would
        // leave it Accepted by a company that never accepted it); once accepted, it may.
        var request = RequestCast.Received();
        request.Execute(new ExplainRequest(RequestCast.Community, RequestCast.At(1, 11), "需施工", new LocalDate(2023, 3, 8)));

        var refused = Assert.Throws<RequestCommandException>(() =>
            request.Execute(new AwaitResident(RequestCast.Company, RequestCast.At(1, 12), PauseReason.ResidentUnreachable, "")));
        Assert.Equal(RequestStatus.Explained, refused.Status);

        request.Execute(new AcceptRequest(RequestCast.Company, RequestCast.At(1, 12)));
        request.Execute(new AwaitResident(RequestCast.Company, RequestCast.At(1, 13), PauseReason.ResidentUnreachable, ""));
        request.Execute(new ResumeRequest(RequestCast.Company, RequestCast.At(1, 14), "联系上了"));
        Assert.Equal(RequestStatus.Accepted, request.Status);
        Assert.True(request.HandlerAccepted);
    }
}
