using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Tests.Requests;

/// <summary>吹哨报到 on one request: a street-level unit summons a district department, which must report within the limit.</summary>
public sealed class WhistleExamples
{
    private static readonly DistrictDepartmentId Housing = new("tz-zjw");
    private static readonly DistrictDepartmentId CityManagement = new("tz-cgw");

    private static Request Accepted()
    {
        var request = RequestCast.Received();
        request.Execute(new AcceptRequest(RequestCast.Company, RequestCast.At(1, 10, 5)));
        return request;
    }

    [Fact]
    public void A_department_that_reports_within_thirty_minutes_is_on_time()
    {
        var request = Accepted();

        request.Execute(new SummonDepartment(RequestCast.Community, RequestCast.At(1, 10, 30), Housing, "楼体裂缝需住建委鉴定"));
        request.Execute(new ReportToWhistle(Housing, RequestCast.At(1, 10, 55)));

        var summons = Assert.Single(request.Summons);
        Assert.Equal(RequestCast.At(1, 11), summons.ReportBy);
        Assert.Equal(RequestCast.At(1, 10, 55), summons.ReportedAt);
        Assert.False(summons.ReportedLate);
        Assert.False(summons.Missed);
    }

    [Fact]
    public void A_department_that_reports_after_its_limit_is_late_and_its_miss_stays_on_record()
    {
        var request = Accepted();
        request.Execute(new SummonDepartment(RequestCast.Community, RequestCast.At(1, 10, 30), Housing, "楼体裂缝需住建委鉴定"));

        // Recording the miss before the limit is refused; at the limit it is an event that counts against the department.
        var early = Assert.Throws<RequestCommandException>(() => request.Execute(new RecordReportMissed(RequestCast.At(1, 10, 59), Housing)));
        Assert.Equal(RequestTrigger.ReportMissed, early.Trigger);
        var missed = request.Execute(new RecordReportMissed(RequestCast.At(1, 11), Housing));
        request.Execute(new ReportToWhistle(Housing, RequestCast.At(1, 11, 40)));

        var summons = Assert.Single(request.Summons);
        Assert.Equal(new DepartmentReportMissed(RequestCast.Id, RequestCast.At(1, 11), Housing), missed);
        Assert.True(summons.Missed);
        Assert.True(summons.ReportedLate);
        Assert.Equal(RequestStatus.Accepted, request.Status);
    }

    [Fact]
    public void One_whistle_can_summon_several_departments_each_with_its_own_report()
    {
        var request = Accepted();
        request.Execute(new ForwardRequest(RequestCast.Company, RequestCast.At(1, 10, 20), RequestCast.Office, "违建不归物业管"));
        request.Execute(new SummonDepartment(RequestCast.Office, RequestCast.At(1, 10, 30), Housing, "违建"));
        request.Execute(new SummonDepartment(RequestCast.Office, RequestCast.At(1, 10, 30), CityManagement, "违建"));
        request.Execute(new ReportToWhistle(CityManagement, RequestCast.At(1, 10, 40)));

        Assert.Equal([Housing, CityManagement], request.Summons.Select(s => s.Department));
        Assert.Null(request.Summons[0].ReportedAt);
        Assert.Equal(RequestCast.At(1, 10, 40), request.Summons[1].ReportedAt);
    }

    [Fact]
    public void A_department_cannot_blow_the_whistle_and_a_pending_summons_is_not_repeated()
    {
        var request = RequestCast.Received();
        request.Execute(new EscalateRequest(RequestCast.Company, RequestCast.At(1, 10, 5), RequestCast.Department, "需区级部门"));

        var byDepartment = Assert.Throws<RequestCommandException>(() =>
            request.Execute(new SummonDepartment(RequestCast.Department, RequestCast.At(1, 10, 10), Housing, "吹哨")));
        Assert.Contains("street-level unit", byDepartment.Problem, StringComparison.Ordinal);

        request.Execute(new SummonDepartment(RequestCast.Community, RequestCast.At(1, 10, 10), CityManagement, "吹哨"));
        var twice = Assert.Throws<RequestCommandException>(() =>
            request.Execute(new SummonDepartment(RequestCast.Community, RequestCast.At(1, 10, 15), CityManagement, "再吹哨")));
        Assert.Contains("has not reported yet", twice.Problem, StringComparison.Ordinal);
        Assert.Single(request.Summons);
    }

    [Fact]
    public void A_report_from_a_department_never_summoned_is_refused_and_changes_nothing()
    {
        var request = Accepted();
        var before = RequestSnapshot.Of(request);

        var refused = Assert.Throws<RequestCommandException>(() => request.Execute(new ReportToWhistle(Housing, RequestCast.At(1, 11))));

        Assert.Contains("was not summoned", refused.Problem, StringComparison.Ordinal);
        Assert.Empty(before.Differences(RequestSnapshot.Of(request)));
    }

    [Fact]
    public void The_report_limit_comes_from_the_policy()
    {
        var policy = new ServiceLevelPolicyBuilder().WithWhistleReportLimit(Duration.FromMinutes(45)).Build();
        var request = Request.Receive(
            new RequestSubmission(RequestCast.Id, Channel.Hotline12345, new Governance.Core.Catalogue.CategoryCode("市政/道路/破损"), CategoryClass.Ordinary,
                new RequestLocation(new UnitId("xinhuaxijie-3")), new ResidentContact(new PersonName("张三"), new PhoneNumber("13812341234")), "人行道塌陷"),
            RequestCast.Community, RequestCast.Company, RequestCast.At(1, 10), policy);

        request.Execute(new SummonDepartment(RequestCast.Community, RequestCast.At(1, 10, 30), Housing, "鉴定"));

        Assert.Equal(RequestCast.At(1, 11, 15), request.Summons[0].ReportBy);
    }

    [Fact]
    public void A_whistle_survives_the_event_log_round_trip()
    {
        var request = Accepted();
        request.Execute(new SummonDepartment(RequestCast.Community, RequestCast.At(1, 10, 30), Housing, "鉴定"));
        request.Execute(new RecordReportMissed(RequestCast.At(1, 11), Housing));
        request.Execute(new ReportToWhistle(Housing, RequestCast.At(1, 11, 5)));

        var log = request.History.Select(RequestEventJson.Serialize).ToList();
        var replayed = Request.Replay(log.Select(RequestEventJson.Deserialize), RequestCast.Policy);

        Assert.Equal(request.Summons, replayed.Summons);
        Assert.Empty(RequestSnapshot.Of(request).Differences(RequestSnapshot.Of(replayed)));
    }
}
