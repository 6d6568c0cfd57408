using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Core.Desk;
using Governance.Core.Organization;
using Governance.Core.Requests;
using NodaTime;
using NodaTime.Testing;

namespace Governance.Core.Tests.Desk;

/// <summary>The desk's promises, checked on random scripts over the sample district.</summary>
public sealed class DeskProperties
{
    private const int Steps = 60;

    private static readonly Instant Start = DeskFixture.At(1, 8);

    [Property(MaxTest = 25)]
    public Property Every_submitted_request_is_accounted_for_at_every_step(int seed)
    {
        var (desk, clock, sink) = DeskFixture.Create(Start);
        var failures = new List<string>();
        var step = 0;
        new DeskScript(seed).Record(desk, clock, Steps, d =>
        {
            step++;
            var events = sink.Events;
            var owners = events.OfType<RequestReceived>().ToDictionary(e => e.RequestId, e => e.Owner);
            var left = events.Where(e => e is RequestCalledBack or RequestRejected or RequestMerged).Select(e => e.RequestId).ToHashSet();
            var open = d.Query(new DeskQuery());
            if (d.ReceivedCount != d.OpenCount + d.ClosedCount || open.Count != d.OpenCount)
            {
                failures.Add($"step {step}: received {d.ReceivedCount}, open {d.OpenCount} (query {open.Count}), closed {d.ClosedCount}");
            }

            foreach (var r in open)
            {
                if (string.IsNullOrEmpty(r.Owner.Id) || string.IsNullOrEmpty(r.Handler.Id) || RequestLifecycle.IsTerminal(r.Status))
                {
                    failures.Add($"step {step}: {r.Id} is open as {r.Status} with owner {r.Owner} and handler {r.Handler}");
                }

                if (!owners.TryGetValue(r.Id, out var owner) || owner != r.Owner)
                {
                    failures.Add($"step {step}: {r.Id}'s owner is {r.Owner}, not its first contact");
                }
            }

            var openIds = open.Select(r => r.Id).ToHashSet();
            foreach (var id in owners.Keys.Where(id => !openIds.Contains(id) && !left.Contains(id)))
            {
                failures.Add($"step {step}: {id} was received, is not open and never left the desk");
            }

            if (left.Count != d.ClosedCount)
            {
                failures.Add($"step {step}: {left.Count} requests left by events, the desk counts {d.ClosedCount}");
            }
        });

        return Verdict(failures, desk);
    }

    [Property(MaxTest = 25)]
    public Property Escalation_only_goes_up_the_tree_and_only_summoned_departments_report(int seed)
    {
        var (desk, clock, sink) = DeskFixture.Create(Start);
        new DeskScript(seed).Record(desk, clock, Steps);
        var failures = new List<string>();
        var locations = new Dictionary<RequestId, RequestLocation>();
        var summoned = new HashSet<(RequestId, DistrictDepartmentId)>();
        foreach (var e in sink.Events)
        {
            switch (e)
            {
                case RequestReceived r:
                    locations[r.RequestId] = r.Location;
                    break;
                case RequestEscalated x:
                    if (DeskFixture.Rank(x.To) <= DeskFixture.Rank(x.By))
                    {
                        failures.Add($"{x.RequestId}: escalated from {x.By} to {x.To}, not up");
                    }

                    if (x.To.Kind == AgencyKind.Unit
                        && !DeskFixture.Chart.IsWithin(DeskFixture.Chart.GetUnit(locations[x.RequestId].Unit), DeskFixture.Chart.GetUnit(new UnitId(x.To.Id))))
                    {
                        failures.Add($"{x.RequestId}: escalated to {x.To}, which is not above its location {locations[x.RequestId]}");
                    }

                    break;
                case DepartmentSummoned s:
                    summoned.Add((s.RequestId, s.Department));
                    break;
                case DepartmentReported p when !summoned.Contains((p.RequestId, p.Department)):
                    failures.Add($"{p.RequestId}: {p.Department} reported without a summons");
                    break;
                case DepartmentReportMissed m when !summoned.Contains((m.RequestId, m.Department)):
                    failures.Add($"{m.RequestId}: {m.Department} missed a report it was never summoned to");
                    break;
            }
        }

        return Verdict(failures, desk).Classify(sink.Events.OfType<RequestEscalated>().Any(), "with escalations");
    }

    [Property(MaxTest = 25)]
    public Property A_batch_gives_exactly_the_events_of_its_items_one_by_one(int seed)
    {
        var (sequential, clock, sink) = DeskFixture.Create(Start);
        var script = new DeskScript(seed);
        script.Record(sequential, clock, Steps);

        var (batched, batchClock, batchSink) = DeskFixture.Create(Start);
        foreach (var step in script.Steps)
        {
            DeskScript.Run(batched, batchClock, step, batched: true);
        }

        return Same(sink.Events, batchSink.Events)
            .And(batched.OpenCount == sequential.OpenCount && batched.ClosedCount == sequential.ClosedCount)
            .Label($"{sink.Count} events one by one, {batchSink.Count} batched");
    }

    [Property(MaxTest = 25)]
    public Property Advancing_the_clock_in_one_step_or_in_many_gives_the_same_events(int seed)
    {
        var (desk, clock, sink) = DeskFixture.Create(Start);
        var script = new DeskScript(seed);
        script.Record(desk, clock, Steps);

        var (stepped, steppedClock, steppedSink) = DeskFixture.Create(Start);
        var random = new Random(seed);
        foreach (var step in script.Steps)
        {
            if (step is ClockStep { By: var by })
            {
                // The same move in small random steps, advancing after each.
                var left = by;
                while (left > Duration.Zero)
                {
                    var part = Duration.FromMinutes(Math.Min(left.TotalMinutes, 1 + random.Next(90)));
                    steppedClock.Advance(part);
                    stepped.Advance();
                    left -= part;
                }
            }
            else
            {
                DeskScript.Run(stepped, steppedClock, step, batched: random.Next(2) == 0);
            }
        }

        return Same(sink.Events, steppedSink.Events).Label($"{sink.Count} events in one step each, {steppedSink.Count} in many");
    }

    private static Property Same(IReadOnlyList<RequestEvent> expected, IReadOnlyList<RequestEvent> actual)
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            if (!Equals(expected[i], actual[i]))
            {
                return false.Label($"event {i} differs: expected {expected[i]}, got {actual[i]}");
            }
        }

        return (expected.Count == actual.Count).Label($"{expected.Count} events expected, {actual.Count} produced");
    }

    private static Property Verdict(List<string> failures, RequestDesk desk) =>
        (failures.Count == 0).Label(string.Join("\n", failures.Take(10))).Classify(desk.ClosedCount > 0, "some closed");
}
