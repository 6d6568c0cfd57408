using Governance.Core.Requests;
using NodaTime;
using static Governance.Core.Tests.Requests.RequestCast;

namespace Governance.Core.Tests.Requests;

/// <summary>How pauses and reopens move a request's deadlines, and what a reopen releases.</summary>
public sealed class RequestDeadlineStories
{
    [Fact]
    public void A_resident_unreachable_from_16_00_until_10_00_next_day_is_told_by_the_end_of_that_day_and_the_resolution_moves_later()
    {
        // Received Wednesday 1 March 10:00; the company cannot reach the resident from 16:00 until Thursday 10:00.
        var request = Received();
        request.Execute(new AcceptRequest(Company, At(1, 10, 30)));
        var before = request.Deadlines;
        Assert.Equal(At(2, 0), before.SameDay);

        request.Execute(new AwaitResident(Company, At(1, 16), PauseReason.ResidentUnreachable, "两次来电无人接听"));
        Assert.Equal(At(1, 16), request.PausedAt);
        Assert.Equal(before, request.Deadlines); // a pause moves nothing until it ends
        request.Execute(new ResumeRequest(Company, At(2, 10), "居民回电"));

        Assert.Equal(RequestStatus.Accepted, request.Status);
        Assert.Null(request.PausedAt);
        Assert.Equal(At(3, 0), request.Deadlines.SameDay);
        // Office time paused: 16:00-17:30 on Wednesday and 09:00-10:00 on Thursday, 2 h 30 min, added to the old deadline.
        Assert.Equal(Policy.Calendar.AddWorkingTime(before.Resolution, Duration.FromMinutes(150)), request.Deadlines.Resolution);
        Assert.True(request.Deadlines.Resolution > before.Resolution);
        Assert.True(request.Deadlines.Warning >= before.Warning);
    }

    [Fact]
    public void A_pause_that_ends_before_the_end_of_the_day_leaves_the_same_day_deadline_alone()
    {
        var request = Received();
        request.Execute(new AcceptRequest(Company, At(1, 10, 30)));
        var before = request.Deadlines;

        request.Execute(new AwaitResident(Company, At(1, 14), PauseReason.AwaitingInformation, "请居民提供照片"));
        request.Execute(new ResumeRequest(Company, At(1, 15), "已收到照片"));

        Assert.Equal(before.SameDay, request.Deadlines.SameDay);
        Assert.Equal(Policy.Calendar.AddWorkingTime(before.Resolution, Duration.FromHours(1)), request.Deadlines.Resolution);
    }

    [Fact]
    public void A_reopen_resets_the_deadlines_from_the_reopen_and_clears_the_recorded_ones()
    {
        var request = Received();
        request.Execute(new AcceptRequest(Company, At(1, 10, 30)));
        request.Execute(new RecordDeadlinePassed(At(2, 0), DeadlineKind.SameDay));
        request.Execute(new ResolveRequest(Company, At(3, 11), "已修复"));

        request.Execute(new ReopenRequest(Community, At(6, 9), "又塌了"));

        Assert.Equal(RequestStatus.Reopened, request.Status);
        Assert.Equal(Policy.DeadlinesFor(request.CategoryClass, At(6, 9)), request.Deadlines);
        Assert.Equal(At(7, 0), request.Deadlines.SameDay);
        Assert.False(request.HasPassed(DeadlineKind.SameDay));
        Assert.False(request.HandlerAccepted);
        Assert.Null(request.ResolvedAt);
        Assert.Equal(At(3, 11), request.FirstResolvedAt);
        Assert.Equal(1, request.Reopens);
    }

    [Fact]
    public void The_first_resolution_stays_through_reopens_and_later_resolutions()
    {
        var request = Received();
        request.Execute(new AcceptRequest(Company, At(1, 10, 30)));
        request.Execute(new ResolveRequest(Company, At(1, 11), "已修复"));
        Assert.Equal(At(1, 11), request.FirstResolvedAt);

        request.Execute(new ReopenRequest(Community, At(2, 9), "又塌了"));
        request.Execute(new AcceptRequest(Company, At(2, 10)));
        request.Execute(new ResolveRequest(Company, At(2, 15), "已加固"));
        Assert.Equal(At(2, 15), request.ResolvedAt);
        Assert.Equal(At(1, 11), request.FirstResolvedAt);

        request.Execute(new ReopenRequest(Community, At(3, 9), "还在塌"));
        request.Execute(new AcceptRequest(Company, At(3, 10)));
        request.Execute(new ResolveRequest(Company, At(3, 16), "已重建"));
        Assert.Equal(At(3, 16), request.ResolvedAt);
        Assert.Equal(At(1, 11), request.FirstResolvedAt);
        Assert.Equal(2, request.Reopens);
    }

    [Fact]
    public void A_company_that_passed_the_request_on_gets_it_back_only_after_a_reopen()
    {
        var request = Received();
        request.Execute(new AcceptRequest(Company, At(1, 10, 5)));
        request.Execute(new ForwardRequest(Company, At(1, 10, 15), Office, "道路维修不属于物业职责"));
        request.Execute(new AcceptRequest(Office, At(1, 11)));

        var refused = Assert.Throws<RequestCommandException>(() => request.Execute(new ForwardRequest(Office, At(1, 12), Company, "退回物业")));
        Assert.Contains("already passed this request on", refused.Problem, StringComparison.Ordinal);
        Assert.Throws<RequestCommandException>(() => request.Execute(new EscalateRequest(Office, At(1, 12), Company, "退回物业")));
        Assert.Equal([Company], request.DeclinedBy);

        request.Execute(new ResolveRequest(Office, At(2, 15), "已修复"));
        request.Execute(new ReopenRequest(Community, At(6, 9), "路面又出现裂缝，属小区内道路"));
        Assert.Empty(request.DeclinedBy);
        request.Execute(new ForwardRequest(Office, At(6, 10), Company, "小区内道路由物业维修"));

        Assert.Equal(Company, request.Handler);
        Assert.Equal(Community, request.Owner);
        Assert.Equal(2, request.Forwards);
    }

    [Fact]
    public void The_residents_return_after_a_pause_is_also_a_new_fact_that_releases_a_declined_handler()
    {
        var request = Received();
        request.Execute(new AcceptRequest(Company, At(1, 10, 5)));
        request.Execute(new EscalateRequest(Company, At(1, 10, 15), Office, "需街道协调"));
        request.Execute(new AcceptRequest(Office, At(1, 11)));
        request.Execute(new AwaitResident(Office, At(1, 12), PauseReason.AwaitingInformation, "请居民确认位置"));
        request.Execute(new ResumeRequest(Office, At(1, 14), "位置在小区内"));

        request.Execute(new ForwardRequest(Office, At(1, 14, 30), Company, "小区内道路由物业维修"));

        Assert.Equal(Company, request.Handler);
        Assert.Equal([Office], request.DeclinedBy);
    }
}
