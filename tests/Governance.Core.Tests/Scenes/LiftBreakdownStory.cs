using Governance.Core.Brands;
using Governance.Core.Catalogue;
using Governance.Core.Desk;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Scenes;
using Governance.Core.Time;
using NodaTime;
using NodaTime.Testing;

namespace Governance.Core.Tests.Scenes;

/// <summary>
/// 扫码即知 / 扫码即诉 at a lift of 新华西街社区 (北苑街道, under 有事您找我): the code on the lift tells residents who
/// answers for it; a resident scans it to report a breakdown, the request arrives with the place and category filled
/// in, and then follows the same-day rule of the community's brand.
/// </summary>
public sealed class LiftBreakdownStory
{
    private static Agency Company => Agency.PropertyCompany(SampleDistrict.PropertyCompanies.Beiyuan);

    [Fact]
    public void Scanning_the_lift_tells_the_resident_that_the_property_company_answers_for_lifts_and_whom_to_call()
    {
        var clock = new FakeClock(SceneFixture.At(1, 9));
        var scenes = SceneFixture.Scenes(clock);
        var (token, code) = scenes.Issue(SceneFixture.Lift, ScenePurpose.Know, Duration.FromDays(365));

        var answer = scenes.Know(token).GetValueOrThrow();

        Assert.Equal(new CategoryCode("物业/电梯/故障"), code.Category);
        Assert.Equal(SceneFixture.Building, answer.Card.Unit);
        var responsible = Assert.IsType<Governance.Core.Directory.ContactEntry>(answer.Responsible);
        Assert.Equal(Company, responsible.Handler);
        Assert.Equal("电梯故障停运", responsible.CategoryName);
        Assert.NotEmpty(responsible.Phone);
        Assert.NotEmpty(answer.Card.LocalStaff);
    }

    [Fact]
    public void A_breakdown_reported_by_scanning_the_lift_that_nobody_answers_misses_the_same_day_deadline_at_midnight()
    {
        var clock = new FakeClock(SceneFixture.At(1, 9));
        var scenes = SceneFixture.Scenes(clock);
        var registry = new BrandRegistry(SceneFixture.Chart, clock);
        registry.RollOut(BrandPresets.YoushiNinZhaoWo, [SampleDistrict.Units.Xinhuaxijie], new LocalDate(2022, 6, 1));
        var (token, _) = scenes.Issue(SceneFixture.Lift, ScenePurpose.Report, Duration.FromDays(365));
        var sink = new InMemoryRequestEventSink();
        var desk = new RequestDesk(SceneFixture.Directory.Router, registry, clock, sink); // each request under its unit's brand

        clock.Reset(SceneFixture.At(1, 18, 40));
        var received = scenes.ReportTo(desk, token, new RequestId("qr-1"), "3号楼电梯停在8层不动了", ResidentContact.None).GetValueOrThrow();

        Assert.Equal((Channel.QrScan, new CategoryCode("物业/电梯/故障"), CategoryClass.Utilities), (received.Channel, received.Category, received.CategoryClass));
        Assert.Equal(new RequestLocation(SceneFixture.Building.Id), received.Location);
        Assert.Equal(Agency.Unit(SceneFixture.Building.Id), received.Owner); // the unit the code hangs on heard it
        Assert.Equal(Company, received.Handler);                              // lifts are the property company's duty
        Assert.EndsWith($"[扫码设施 Lift {SceneFixture.Building.Id}-lift-1]", received.Text, StringComparison.Ordinal);
        Assert.Equal(SceneFixture.At(2, 0), received.Deadlines.SameDay);

        clock.Reset(SceneFixture.At(2, 0, 5));
        desk.Advance();

        var missed = Assert.Single(sink.Events.OfType<RequestDeadlinePassed>());
        Assert.Equal((DeadlineKind.SameDay, SceneFixture.At(2, 0)), (missed.Deadline, missed.At));
        var escalated = Assert.Single(sink.Events.OfType<RequestEscalated>());
        Assert.Equal((Company, Agency.Unit(SampleDistrict.Units.Xinhuaxijie)), (escalated.By, escalated.To)); // 有事您找我: company → community
    }

    [Fact]
    public void A_breakdown_the_company_repairs_the_same_evening_misses_nothing()
    {
        var clock = new FakeClock(SceneFixture.At(1, 18, 40));
        var scenes = SceneFixture.Scenes(clock);
        var (token, _) = scenes.Issue(SceneFixture.Lift, ScenePurpose.Report, Duration.FromDays(365));
        var sink = new InMemoryRequestEventSink();
        var desk = new RequestDesk(SceneFixture.Directory.Router, BrandPresets.YoushiNinZhaoWo.ServiceLevels, clock, sink);
        var received = scenes.ReportTo(desk, token, new RequestId("qr-2"), "电梯停运", ResidentContact.None).GetValueOrThrow();

        clock.Advance(Duration.FromHours(2));
        desk.Execute(received.RequestId, new AcceptRequest(Company, clock.GetCurrentInstant()));
        desk.Execute(received.RequestId, new ResolveRequest(Company, clock.GetCurrentInstant(), "更换门机板，恢复运行"));
        clock.Advance(Duration.FromDays(1));
        desk.Advance();

        Assert.Empty(sink.Events.OfType<RequestDeadlinePassed>());
    }

    [Fact]
    public void A_refused_scan_creates_nothing_at_the_desk()
    {
        var clock = new FakeClock(SceneFixture.At(1, 9));
        var scenes = SceneFixture.Scenes(clock);
        var (report, _) = scenes.Issue(SceneFixture.Lift, ScenePurpose.Report, Duration.FromDays(1));
        var (know, _) = scenes.Issue(SceneFixture.Lift, ScenePurpose.Know, Duration.FromDays(365));
        var sink = new InMemoryRequestEventSink();
        var desk = new RequestDesk(SceneFixture.Directory.Router, ServiceLevelPolicy.Default, clock, sink);
        var tampered = report[..40] + (report[40] == 'A' ? 'B' : 'A') + report[41..];

        Assert.Equal(SceneRefusal.BadSignature, scenes.ReportTo(desk, tampered, new RequestId("x-1"), "电梯坏了", ResidentContact.None).Refusal);
        Assert.Equal(SceneRefusal.WrongPurpose, scenes.ReportTo(desk, know, new RequestId("x-2"), "电梯坏了", ResidentContact.None).Refusal);
        clock.Advance(Duration.FromDays(1));
        Assert.Equal(SceneRefusal.Expired, scenes.ReportTo(desk, report, new RequestId("x-3"), "电梯坏了", ResidentContact.None).Refusal);

        Assert.Equal((0L, 0), (desk.ReceivedCount, sink.Count));
    }

    [Fact]
    public void The_resident_may_choose_another_category_and_a_code_without_one_goes_to_triage()
    {
        var clock = new FakeClock(SceneFixture.At(1, 9));
        var scenes = SceneFixture.Scenes(clock);
        var (lift, _) = scenes.Issue(SceneFixture.Lift, ScenePurpose.Report, Duration.FromDays(365));
        var (community, code) = scenes.Issue(new ScenePlace(SampleDistrict.Units.Xinhuaxijie), ScenePurpose.Report, Duration.FromDays(365));

        var trapped = scenes.Report(lift, new RequestId("r-1"), "有人被困", ResidentContact.None, new CategoryCode("物业/电梯/困人")).GetValueOrThrow();
        var unsorted = scenes.Report(community, new RequestId("r-2"), "有事反映", ResidentContact.None).GetValueOrThrow();

        Assert.Equal((new CategoryCode("物业/电梯/困人"), CategoryClass.Emergency), (trapped.Category, trapped.CategoryClass));
        Assert.Null(code.Category);
        Assert.Equal(CategoryCatalogue.Default.Triage.Code, unsorted.Category);
        Assert.Equal("有事反映", unsorted.Text);
        Assert.Throws<ArgumentException>(() => scenes.Issue(new ScenePlace(new UnitId("nowhere")), ScenePurpose.Know, Duration.FromDays(1)));
        Assert.Throws<ArgumentException>(() => scenes.Issue(SceneFixture.Lift, ScenePurpose.Know, Duration.FromDays(1), new CategoryCode("不存在")));
    }
}
