using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Core.Brands;
using Governance.Core.Catalogue;
using Governance.Core.Desk;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Time;
using NodaTime;
using NodaTime.Testing;

namespace Governance.Core.Tests.Desk;

/// <summary>
/// <see cref="RequestDesk.Restore"/>: a desk rebuilt from the events another desk wrote holds the same open requests and
/// goes on exactly as the desk that wrote them.
/// </summary>
public sealed class DeskRestoreTests
{
    private const int Steps = 60;

    private static readonly Instant Start = DeskFixture.At(1, 8);

    [Property(MaxTest = 25)]
    public Property A_desk_restored_at_any_step_holds_the_same_requests_and_goes_on_with_the_same_events(int seed, PositiveInt cutAt)
    {
        // The whole script on one desk.
        var (whole, clock, sink) = DeskFixture.Create(Start);
        var script = new DeskScript(seed);
        script.Record(whole, clock, Steps);

        // The same script stopped at the cut, restored from its events, and continued on the restored desk.
        var cut = cutAt.Get % (Steps + 1);
        var (before, beforeClock, beforeSink) = DeskFixture.Create(Start);
        foreach (var step in script.Steps.Take(cut))
        {
            DeskScript.Run(before, beforeClock, step, batched: false);
        }

        var afterSink = new InMemoryRequestEventSink();
        var afterClock = new FakeClock(beforeClock.GetCurrentInstant());
        var after = RequestDesk.Restore(DeskFixture.Router, ServiceLevelPolicy.Default, afterClock, beforeSink.Events, afterSink);
        var restoredState = Describe(after);
        var stateAtCut = Describe(before);
        var counters = (after.ReceivedCount, after.ClosedCount, after.OpenCount) == (before.ReceivedCount, before.ClosedCount, before.OpenCount);
        foreach (var step in script.Steps.Skip(cut))
        {
            DeskScript.Run(after, afterClock, step, batched: false);
        }

        var continued = beforeSink.Events.Concat(afterSink.Events).ToList();
        return (restoredState == stateAtCut).Label($"state at step {cut} differs:\nlive:\n{stateAtCut}\nrestored:\n{restoredState}")
            .And(counters.Label($"counters at step {cut}: live {before.ReceivedCount}/{before.ClosedCount}/{before.OpenCount}, restored {after.ReceivedCount}/{after.ClosedCount}/{after.OpenCount}"))
            .And(FirstDifference(sink.Events, continued) is not { } difference ? true.ToProperty() : false.Label(difference))
            .And((Describe(after) == Describe(whole)).Label("the final open requests differ"))
            .Classify(before.OpenCount > 0, "restored with open requests");
    }

    [Fact]
    public void Restoring_from_an_empty_log_gives_an_empty_desk()
    {
        var desk = RequestDesk.Restore(DeskFixture.Router, ServiceLevelPolicy.Default, new FakeClock(Start), []);

        Assert.Equal((0, 0L, 0L), (desk.OpenCount, desk.ReceivedCount, desk.ClosedCount));
    }

    [Fact]
    public void An_event_for_a_request_not_open_names_its_position_and_request()
    {
        var (desk, clock, sink) = DeskFixture.Create(Start);
        var received = desk.Submit(Submission("R-1"));
        var accepted = desk.Execute(received.RequestId, new AcceptRequest(received.Handler, Start));
        var orphan = accepted with { RequestId = new RequestId("R-404") };

        var error = Assert.Throws<DataValidationException>(() =>
            RequestDesk.Restore(DeskFixture.Router, ServiceLevelPolicy.Default, clock, [received, orphan]));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("$[1]", problem.Path);
        Assert.Equal("R-404", problem.Id);
        Assert.Contains("not received earlier", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_received_twice_while_open_is_refused()
    {
        var (desk, clock, _) = DeskFixture.Create(Start);
        var received = desk.Submit(Submission("R-1"));

        var error = Assert.Throws<DataValidationException>(() =>
            RequestDesk.Restore(DeskFixture.Router, ServiceLevelPolicy.Default, clock, [received, received]));

        Assert.Equal("$[1]", Assert.Single(error.Errors).Path);
    }

    [Fact]
    public void An_event_the_lifecycle_refuses_names_its_position()
    {
        var (desk, clock, _) = DeskFixture.Create(Start);
        var received = desk.Submit(Submission("R-1"));
        var accepted = desk.Execute(received.RequestId, new AcceptRequest(received.Handler, Start));

        // Accepted twice: the lifecycle permits no second acceptance.
        var error = Assert.Throws<DataValidationException>(() =>
            RequestDesk.Restore(DeskFixture.Router, ServiceLevelPolicy.Default, clock, [received, accepted, accepted]));

        Assert.Equal("$[2]", Assert.Single(error.Errors).Path);
    }

    [Fact]
    public void A_per_unit_policy_source_sets_each_requests_deadlines_by_its_location()
    {
        var strict = new ServiceLevelPolicyBuilder().WithWhistleReportLimit(Duration.FromMinutes(10)).Build();
        var community = DeskFixture.Chart.GetUnit(SampleDistrict.Units.Tongruijiayuan);
        var source = new ByCommunity(community, strict);
        var clock = new FakeClock(Start);
        var desk = new RequestDesk(DeskFixture.Router, source, clock);

        var inside = desk.Submit(Submission("R-in", "违建/私搭乱建"));
        var elsewhereUnit = DeskFixture.Chart.Units.First(u => u.Level == UnitLevel.Community && !DeskFixture.Chart.IsWithin(u, community));
        var outside = desk.Submit(Submission("R-out", "违建/私搭乱建") with { Location = new RequestLocation(elsewhereUnit.Id) });

        Assert.Contains(community, source.Asked);
        Assert.Contains(elsewhereUnit, source.Asked);
        Assert.Equal(Duration.FromMinutes(10), ReportLimitOf(desk, inside));
        Assert.Equal(Duration.FromMinutes(30), ReportLimitOf(desk, outside));
    }

    [Fact]
    public void A_request_restored_after_its_unit_changed_brand_keeps_the_service_levels_it_was_received_under()
    {
        var strict = new ServiceLevelPolicyBuilder().WithWhistleReportLimit(Duration.FromMinutes(10)).Build();
        var brand = BrandPresets.YoushiNinZhaoWo.ToBuilder().WithVersion(2).WithServiceLevels(strict).Build();
        var clock = new FakeClock(Start); // 1 March
        var registry = new BrandRegistry(DeskFixture.Chart, clock);
        registry.Adopt(SampleDistrict.Units.Tongruijiayuan, brand, new LocalDate(2023, 3, 2));
        var sink = new InMemoryRequestEventSink();
        var desk = new RequestDesk(DeskFixture.Router, registry, clock, sink);
        var before = desk.Submit(Submission("R-before", "违建/私搭乱建"));          // received under the fallback: 30 minutes
        desk.Execute(before.RequestId, new ExplainRequest(before.Handler, Start, "需执法部门认定，三日内答复", new LocalDate(2023, 3, 6)));

        clock.Advance(Duration.FromDays(1));                                         // 2 March: the brand is in force
        var restored = RequestDesk.Restore(DeskFixture.Router, registry, clock, sink.Events);
        var after = restored.Submit(Submission("R-after", "违建/私搭乱建"));

        Assert.Equal(Duration.FromMinutes(30), WhistleLimit(restored, before, clock.GetCurrentInstant()));
        Assert.Equal(Duration.FromMinutes(10), WhistleLimit(restored, after, clock.GetCurrentInstant()));
    }

    private static Duration WhistleLimit(RequestDesk desk, RequestReceived received, Instant at)
    {
        var summoned = (DepartmentSummoned)desk.Execute(received.RequestId,
            new SummonDepartment(received.Handler, at, DeskFixture.Chart.DistrictDepartments[0].Id, "联合执法"));
        return summoned.ReportBy - at;
    }

    private static Duration ReportLimitOf(RequestDesk desk, RequestReceived received)
    {
        var department = DeskFixture.Chart.DistrictDepartments[0].Id;
        desk.Execute(received.RequestId, new AcceptRequest(received.Handler, Start));
        var summoned = (DepartmentSummoned)desk.Execute(received.RequestId, new SummonDepartment(received.Handler, Start, department, "联合执法"));
        return summoned.ReportBy - Start;
    }

    private static RequestSubmission Submission(string id, string category = "物业/电梯/故障") => new(
        new RequestId(id), Channel.Hotline12345, new CategoryCode(category), CategoryClass.Ordinary,
        new RequestLocation(SampleDistrict.Units.Tongruijiayuan), new ResidentContact(null, null), "诉求内容");

    private static string Describe(RequestDesk desk) => string.Join("\n", desk.Query(new DeskQuery()).Select(r =>
        $"{r.Id} {r.Status} owner={r.Owner} handler={r.Handler} due={r.Deadlines} answered={r.AnsweredAt} esc={r.Escalations} pending=[{string.Join(",", r.PendingReports)}]"));

    private static string? FirstDifference(IReadOnlyList<RequestEvent> expected, IReadOnlyList<RequestEvent> actual)
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            if (!Equals(expected[i], actual[i]))
            {
                return $"event {i} differs: expected {expected[i]}, got {actual[i]}";
            }
        }

        return expected.Count == actual.Count ? null : $"{expected.Count} events expected, {actual.Count} produced";
    }

    private sealed class ByCommunity(Unit community, ServiceLevelPolicy policy) : IServiceLevelPolicySource
    {
        public List<Unit> Asked { get; } = [];

        public ServiceLevelPolicy PolicyFor(Unit unit, Instant receivedAt)
        {
            Asked.Add(unit);
            return DeskFixture.Chart.IsWithin(unit, community) ? policy : ServiceLevelPolicy.Default;
        }
    }
}
