using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Core.Organization;
using Governance.Core.Requests;

namespace Governance.Core.Tests.Requests;

/// <summary>The invariants of DESIGN.md that hold for one request, checked after every command of a random life.</summary>
public sealed class RequestProperties
{
    [Property(MaxTest = 300)]
    public Property A_request_keeps_one_named_owner_and_handler_and_a_refused_command_changes_nothing() =>
        Prop.ForAll(RequestScenarios.Arbitrary, scenario =>
        {
            var failures = new List<string>();
            var request = scenario.Receive();
            var owner = request.Owner;
            var accepted = 0;
            var lastEventAt = request.LastEventAt;
            Expect(failures, -1, IsNamed(owner) && owner == scenario.Owner, $"the owner is {owner}, not the first contact {scenario.Owner}");
            foreach (var (command, i) in scenario.Commands.Select((c, i) => (c, i)))
            {
                var before = RequestSnapshot.Of(request);
                var status = request.Status;
                try
                {
                    var e = request.Execute(command);
                    accepted++;
                    Expect(failures, i, !RequestLifecycle.IsTerminal(status), $"{status} is terminal, yet {command} was accepted");
                    Expect(failures, i, ReferenceEquals(request.History[^1], e), "the event returned is the one appended");
                    Expect(failures, i, e.RequestId == request.Id && e.At == command.At && e.Trigger == command.Trigger, $"{e} is not the event of {command}");
                }
                catch (RequestCommandException refused)
                {
                    foreach (var difference in before.Differences(RequestSnapshot.Of(request)))
                    {
                        failures.Add($"[{i}] refused {command.Trigger} yet changed {difference}");
                    }

                    Expect(failures, i, refused.RequestId == request.Id && refused.Status == status && refused.Trigger == command.Trigger,
                        $"the refusal names {refused.RequestId} {refused.Status} {refused.Trigger}, not {request.Id} {status} {command.Trigger}");
                }

                Expect(failures, i, request.Owner == owner, $"the owner changed from {owner} to {request.Owner}");
                Expect(failures, i, IsNamed(request.Handler), $"the handler {request.Handler} names no agency");
                Expect(failures, i, request.History.Count == accepted + 1, $"{request.History.Count} events after {accepted} accepted commands");
                Expect(failures, i, request.LastEventAt >= lastEventAt, $"LastEventAt went back from {lastEventAt} to {request.LastEventAt}");
                Expect(failures, i, request.Status != RequestStatus.Accepted || request.HandlerAccepted, $"Accepted, but {request.Handler} never accepted it");
                lastEventAt = request.LastEventAt;
            }

            return Verdict(failures)
                .Classify(request.History.OfType<RequestCalledBack>().Any(), "closed")
                .Classify(request.Status == RequestStatus.Rejected, "rejected")
                .Classify(request.Status == RequestStatus.Merged, "merged")
                .Classify(request.History.OfType<RequestAwaitingResident>().Any(), "awaited the resident")
                .Classify(request.History.OfType<RequestReopened>().Any(), "reopened")
                .Classify(ForwardedThenAccepted(request.History), "forwarded, then accepted")
                .Classify(request.History.OfType<RequestDeadlinePassed>().Any(), "a deadline recorded")
                .Classify(accepted < scenario.Commands.Count, "some command refused");
        });

    [Property(MaxTest = 300)]
    public Property Replaying_the_history_rebuilds_the_same_state_after_every_command() =>
        Prop.ForAll(RequestScenarios.Arbitrary, scenario =>
        {
            var failures = new List<string>();
            var request = scenario.Receive();
            CompareWithReplay(failures, -1, request);
            foreach (var (command, i) in scenario.Commands.Select((c, i) => (c, i)))
            {
                TryExecute(request, command);
                CompareWithReplay(failures, i, request);
            }

            return Verdict(failures).Classify(request.History.Count > 5, "more than 5 events");
        });

    [Property(MaxTest = 300)]
    public Property Decide_changes_nothing_and_applying_its_event_is_the_same_as_executing_the_command() =>
        Prop.ForAll(RequestScenarios.Arbitrary, scenario =>
        {
            var failures = new List<string>();
            var decided = scenario.Receive();
            var executed = scenario.Receive();
            foreach (var (command, i) in scenario.Commands.Select((c, i) => (c, i)))
            {
                var before = RequestSnapshot.Of(decided);
                RequestEvent? e = null;
                RequestCommandException? decideRefused = null;
                try
                {
                    e = decided.Decide(command);
                }
                catch (RequestCommandException refused)
                {
                    decideRefused = refused;
                }

                foreach (var difference in before.Differences(RequestSnapshot.Of(decided)))
                {
                    failures.Add($"[{i}] Decide({command.Trigger}) changed {difference}");
                }

                var executeRefused = TryExecute(executed, command);
                Expect(failures, i, decideRefused?.Message == executeRefused?.Message,
                    $"Decide says '{decideRefused?.Message}' and Execute says '{executeRefused?.Message}'");
                if (e is not null)
                {
                    decided.Apply(e);
                    Expect(failures, i, Equals(e, executed.History[^1]), $"Decide gave {e}, Execute {executed.History[^1]}");
                }

                foreach (var difference in RequestSnapshot.Of(decided).Differences(RequestSnapshot.Of(executed)))
                {
                    failures.Add($"[{i}] Apply(Decide) ≠ Execute: {difference}");
                }
            }

            return Verdict(failures);
        });

    [Property(MaxTest = 300)]
    public Property An_agency_that_passed_a_request_on_cannot_get_it_back_until_a_reopen_or_a_resume() =>
        Prop.ForAll(RequestScenarios.Arbitrary, scenario =>
        {
            var failures = new List<string>();
            var request = scenario.Receive();
            var declined = new List<Agency>(); // kept from the events alone, independently of Request.DeclinedBy
            var triedDeclined = false;
            var returnedAfterNewFact = false;
            foreach (var (command, i) in scenario.Commands.Select((c, i) => (c, i)))
            {
                var to = command switch
                {
                    ForwardRequest f => f.To,
                    EscalateRequest x => x.To,
                    _ => (Agency?)null,
                };
                var hadDeclined = to is { } target && declined.Contains(target);
                var everDeclined = to is { } t && request.History.Any(e => e is RequestForwarded f && f.By == t || e is RequestEscalated x && x.By == t);
                triedDeclined |= hadDeclined;
                if (TryExecute(request, command) is null)
                {
                    Expect(failures, i, !hadDeclined, $"{to} declined the request, yet {command.Trigger} gave it back without a new fact");
                    returnedAfterNewFact |= to is not null && everDeclined;
                    switch (request.History[^1])
                    {
                        case RequestForwarded f when !declined.Contains(f.By):
                            declined.Add(f.By);
                            break;
                        case RequestEscalated x when !declined.Contains(x.By):
                            declined.Add(x.By);
                            break;
                        case RequestReopened or RequestResumed:
                            declined.Clear();
                            break;
                    }
                }

                Expect(failures, i, declined.SequenceEqual(request.DeclinedBy), $"DeclinedBy is [{string.Join(", ", request.DeclinedBy)}], the events say [{string.Join(", ", declined)}]");
            }

            return Verdict(failures)
                .Classify(triedDeclined, "tried to give it back to a declined agency")
                .Classify(returnedAfterNewFact, "a declined agency got it back after a new fact");
        });

    /// <summary>
    /// The same-day rule (DESIGN.md: by the end of the local day of receipt each request is resolved or explained, or a
    /// missed-deadline event exists). Once the same-day deadline has come, recording it as missed succeeds exactly when
    /// the request is open (not Resolved, not terminal), its clock is not paused, it was not recorded already, and the
    /// resident was not answered before the deadline; so an answered request never carries a missed-deadline event,
    /// and an unanswered open one can always get one. (The desk records deadlines as its clock passes them, before any
    /// later command, so a request resolved late has its miss recorded first.)
    /// </summary>
    [Property(MaxTest = 300)]
    public Property At_the_end_of_a_life_the_same_day_deadline_is_recordable_exactly_when_open_unpaused_unrecorded_and_unanswered() =>
        Prop.ForAll(RequestScenarios.Arbitrary, scenario =>
        {
            var request = scenario.Receive();
            foreach (var command in scenario.Commands)
            {
                TryExecute(request, command);
            }

            var sameDay = request.Deadlines.SameDay;
            var at = request.LastEventAt >= sameDay ? request.LastEventAt : sameDay;
            var answered = request.WasAnsweredBefore(sameDay);
            var open = RequestLifecycle.CanFire(request.Status, RequestTrigger.DeadlinePassed);
            var paused = request.Status == RequestStatus.AwaitingResident;
            var recorded = request.HasPassed(DeadlineKind.SameDay);
            var expected = open && !paused && !recorded && !answered;
            var refused = TryExecute(request, new RecordDeadlinePassed(at, DeadlineKind.SameDay));
            return ((refused is null) == expected).Label($"open={open} paused={paused} recorded={recorded} answered={answered}: {refused?.Message ?? "recorded"}")
                .And((refused is not null || request.HasPassed(DeadlineKind.SameDay)).Label("a recorded deadline shows in HasPassed"))
                .Classify(answered, "answered in time")
                .Classify(!answered && refused is null, "not answered, recorded now")
                .Classify(!answered && !open, "not answered in time, and resolved or ended since")
                .Classify(recorded, "already recorded");
        });

    [Fact]
    public void The_scenarios_reach_every_interesting_status_in_a_fair_share_of_runs()
    {
        var scenarios = RequestScenarios.Arbitrary.Generator.Sample(1000);
        var histories = scenarios.Select(s =>
        {
            var request = s.Receive();
            foreach (var command in s.Commands)
            {
                TryExecute(request, command);
            }

            return request.History;
        }).ToArray();
        Assert.Equal(1000, histories.Length);

        AssertShare("closed", h => h.OfType<RequestCalledBack>().Any());
        AssertShare("rejected", h => h.OfType<RequestRejected>().Any());
        AssertShare("merged", h => h.OfType<RequestMerged>().Any());
        AssertShare("awaiting the resident", h => h.OfType<RequestAwaitingResident>().Any());
        AssertShare("reopened", h => h.OfType<RequestReopened>().Any());
        AssertShare("forwarded, then accepted", ForwardedThenAccepted);
        AssertShare("escalated", h => h.OfType<RequestEscalated>().Any());
        AssertShare("a deadline recorded", h => h.OfType<RequestDeadlinePassed>().Any());

        void AssertShare(string what, Func<IReadOnlyList<RequestEvent>, bool> reached)
        {
            var share = histories.Count(h => reached(h)) / (double)histories.Length;
            Assert.True(share >= 0.05, $"only {share:P0} of the scenarios were {what}");
        }
    }

    private static bool ForwardedThenAccepted(IReadOnlyList<RequestEvent> history) =>
        history.Zip(history.Skip(1)).Any(pair => pair.First is RequestForwarded or RequestEscalated && pair.Second is RequestAccepted);

    private static void CompareWithReplay(List<string> failures, int step, Request request)
    {
        var replayed = Request.Replay(request.History, RequestScenario.Policy);
        foreach (var difference in RequestSnapshot.Of(request).Differences(RequestSnapshot.Of(replayed)))
        {
            failures.Add($"[{step}] replay differs: {difference}");
        }
    }

    internal static RequestCommandException? TryExecute(Request request, RequestCommand command)
    {
        try
        {
            request.Execute(command);
            return null;
        }
        catch (RequestCommandException refused)
        {
            return refused;
        }
    }

    internal static bool IsNamed(Agency agency) => !string.IsNullOrEmpty(agency.Id) && Enum.IsDefined(agency.Kind);

    private static void Expect(List<string> failures, int step, bool condition, string message)
    {
        if (!condition)
        {
            failures.Add($"[{step}] {message}");
        }
    }

    private static Property Verdict(List<string> failures) =>
        (failures.Count == 0).Label(string.Join(Environment.NewLine, failures.Take(10)));
}
