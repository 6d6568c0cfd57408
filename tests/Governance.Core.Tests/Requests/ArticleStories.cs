using Governance.Core.Catalogue;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Time;
using NodaTime;
using NodaTime.Testing;

namespace Governance.Core.Tests.Requests;

/// <summary>The request stories of the source article, told through the lifecycle.</summary>
public sealed class ArticleStories
{
    private static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly ServiceLevelPolicy Policy = ServiceLevelPolicy.Default;
    private static readonly Chart Chart = SampleDistrict.Chart;

    private static Instant At(int year, int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Beijing).ToInstant();

    [Fact]
    public void Beiyuan_property_company_takes_a_request_that_is_not_its_duty_forwards_it_and_the_resident_hears_why_the_same_day()
    {
        // A resident of 新华西街 rings the property company at 10:00 on a working day about a pavement the district
        // must repair: not the company's duty, but under 有事您找我 it takes everything (照单全收).
        var clock = new FakeClock(At(2023, 3, 1, 10));
        var household = Chart.HouseholdsUnder(Chart.GetUnit(SampleDistrict.Units.Xinhuaxijie))[0];
        var company = Agency.PropertyCompany(SampleDistrict.PropertyCompanies.Beiyuan);
        var community = Agency.Unit(SampleDistrict.Units.Xinhuaxijie);
        var submission = new RequestSubmission(new RequestId("bj-2023-0301-001"), Channel.PropertyHotline, new CategoryCode("市政/道路/破损"),
            CategoryClass.Ordinary, new RequestLocation(household.BuildingId, household.Id),
            new ResidentContact(new PersonName("张三"), new PhoneNumber("13812341234")), "小区门口人行道塌陷");

        var request = Request.Receive(submission, owner: company, handler: company, clock.GetCurrentInstant(), Policy);
        clock.AdvanceMinutes(5);
        request.Execute(new AcceptRequest(company, clock.GetCurrentInstant()));
        clock.AdvanceMinutes(10);
        request.Execute(new ForwardRequest(company, clock.GetCurrentInstant(), community, "道路维修不属于物业职责，转社区协调"));
        clock.AdvanceMinutes(20);
        request.Execute(new AcceptRequest(community, clock.GetCurrentInstant()));
        clock.AdvanceHours(2);
        request.Execute(new ExplainRequest(company, clock.GetCurrentInstant(), "已转社区协调街道城管办，需区级部门施工", new LocalDate(2023, 3, 8)));

        Assert.Equal(company, request.Owner);
        Assert.Equal(community, request.Handler);
        Assert.Equal(RequestStatus.Explained, request.Status);
        Assert.Equal(At(2023, 3, 2, 0), request.Deadlines.SameDay);
        Assert.True(request.WasAnsweredBefore(request.Deadlines.SameDay));
        Assert.Contains(company, request.DeclinedBy);
        Assert.Throws<RequestCommandException>(() => request.Execute(new ForwardRequest(community, clock.GetCurrentInstant(), company, "退回物业")));
        Assert.Equal(5, request.History.Count);
    }

    [Fact]
    public void Luyi_lift_breakdown_is_reached_in_10_minutes_and_fixed_within_the_hour()
    {
        // 通瑞嘉苑: a resident finds the lift broken on a weekday morning and posts it on the household network.
        var reported = At(2023, 3, 1, 8, 10);
        var household = Chart.HouseholdsUnder(Chart.GetUnit(SampleDistrict.Units.Tongruijiayuan))[10];
        var community = Agency.Unit(SampleDistrict.Units.Tongruijiayuan);
        var company = Agency.PropertyCompany(SampleDistrict.PropertyCompanies.Tongruijiayuan);
        var submission = new RequestSubmission(new RequestId("hlw-0001"), Channel.HouseholdNetwork, new CategoryCode("物业/电梯/故障"),
            CategoryClass.Emergency, new RequestLocation(household.BuildingId, household.Id), ResidentContact.None, "单元电梯坏了");

        var request = Request.Receive(submission, owner: community, handler: company, reported, Policy);
        request.Execute(new AcceptRequest(company, reported + Duration.FromMinutes(2)));
        var repairerArrives = reported + Duration.FromMinutes(10);
        request.Execute(new ResolveRequest(company, reported + Duration.FromMinutes(55), "维修人员10分钟到场，1小时内排除故障"));
        request.Execute(new CallBackResident(community, reported + Duration.FromHours(3), Satisfaction.Satisfied, "很及时"));

        Assert.Equal(reported + Duration.FromHours(2), request.Deadlines.Resolution);
        Assert.True(request.ResolvedAt < request.Deadlines.Resolution);
        Assert.True(repairerArrives < request.ResolvedAt);
        Assert.Equal(RequestStatus.Closed, request.Status);
        Assert.True(request.IsTerminal);

        var replayed = Request.Replay(request.History.Select(e => RequestEventJson.Deserialize(RequestEventJson.Serialize(e))), Policy);
        Assert.Equal(request.History, replayed.History);
        Assert.Equal(request.Status, replayed.Status);
    }
}
