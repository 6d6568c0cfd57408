using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Core.Ledger;

namespace Governance.Core.Tests.Ledger;

/// <summary>The invariants of a ledger item, checked after every command of a random life.</summary>
public sealed class LedgerProperties
{
    [Property(MaxTest = 300)]
    public Property Terminal_statuses_are_final_refusals_change_nothing_and_every_closed_item_has_a_reply_and_an_outcome() =>
        Prop.ForAll(LedgerScenarios.Arbitrary, scenario =>
        {
            var failures = new List<string>();
            var item = scenario.Start();
            var executed = 0;
            foreach (var (command, i) in scenario.Commands.Select((c, i) => (c, i)))
            {
                var before = LedgerSnapshot.Of(item);
                var status = item.Status;
                try
                {
                    var e = item.Execute(command);
                    executed++;
                    Expect(failures, i, !LedgerLifecycle.IsTerminal(status), $"{status} is terminal, yet {command} was executed");
                    Expect(failures, i, ReferenceEquals(item.History[^1], e), "the event returned is the one appended");
                    Expect(failures, i, e.ItemId == item.Id && e.At == command.At && e.By == command.By && e.Trigger == command.Trigger, $"{e} is not the event of {command}");
                }
                catch (LedgerCommandException refused)
                {
                    failures.AddRange(LedgerSnapshot.Differences(before, LedgerSnapshot.Of(item)).Select(d => $"[{i}] refused {command.Trigger} yet changed {d}"));
                    Expect(failures, i, refused.ItemId == item.Id && refused.Status == status && refused.Trigger == command.Trigger,
                        $"the refusal names {refused.ItemId} {refused.Status} {refused.Trigger}, not {item.Id} {status} {command.Trigger}");
                    Expect(failures, i, refused.Message.Contains(item.Id.Value, StringComparison.Ordinal) && refused.Message.Contains(status.ToString(), StringComparison.Ordinal)
                        && refused.Message.Contains(command.Trigger.ToString(), StringComparison.Ordinal), $"the message '{refused.Message}' does not name the item, status and command");
                }

                Expect(failures, i, item.History.Count == executed + 1, $"{item.History.Count} events after {executed} executed commands");
                Expect(failures, i, !item.IsTerminal || (item.Reply is not null && item.RepliedAt is not null && item.Outcome is not null && item.ClosedAt is not null),
                    $"{item.Status} without a reply or an outcome");
                Expect(failures, i, item.Status != LedgerItemStatus.Completed || item.History.OfType<LedgerItemReplied>().Any(), "completed without a reply event");
                Expect(failures, i, item.Status is LedgerItemStatus.Proposed or LedgerItemStatus.Dropped
                    || (item.Measures.Count > 0 && item.Responsible is not null && item.Deadline is not null && item.OnLedgerAt is not null),
                    $"{item.Status} on the ledger without a measure, a responsible person and a deadline");
                Expect(failures, i, item.LinkedRequests.Distinct().Count() == item.LinkedRequests.Count, "a request is linked twice");
                Expect(failures, i, item.History.Zip(item.History.Skip(1)).All(p => p.First.At <= p.Second.At), "the history goes back in time");
            }

            return Verdict(failures)
                .Classify(item.Status == LedgerItemStatus.Completed, "completed")
                .Classify(item.Status == LedgerItemStatus.Dropped, "dropped")
                .Classify(item.History.OfType<LedgerItemAccepted>().Any(), "accepted from a proposal")
                .Classify(executed < scenario.Commands.Count, "some command refused");
        });

    [Property(MaxTest = 300)]
    public Property Replaying_the_history_rebuilds_the_same_state_after_every_command() =>
        Prop.ForAll(LedgerScenarios.Arbitrary, scenario =>
        {
            var failures = new List<string>();
            var item = scenario.Start();
            CompareWithReplay(failures, -1, item);
            foreach (var (command, i) in scenario.Commands.Select((c, i) => (c, i)))
            {
                TryExecute(item, command);
                CompareWithReplay(failures, i, item);
            }

            return Verdict(failures).Classify(item.History.Count > 5, "more than 5 events");
        });

    [Property(MaxTest = 300)]
    public Property Every_event_reads_back_from_JSON_as_an_equal_record_and_the_read_log_replays_to_the_same_item() =>
        Prop.ForAll(LedgerScenarios.Arbitrary, scenario =>
        {
            var item = Live(scenario);
            var failures = new List<string>();
            var read = new List<LedgerEvent>();
            foreach (var (e, i) in item.History.Select((e, i) => (e, i)))
            {
                var json = LedgerEventJson.Serialize(e);
                var back = LedgerEventJson.Deserialize(json);
                read.Add(back);
                Expect(failures, i, e.Equals(back), $"{json} reads back as {back}, not {e}");
                Expect(failures, i, LedgerEventJson.Serialize(back) == json, $"{json} is written differently after reading");
                Expect(failures, i, LedgerEventJson.SerializeToUtf8Bytes(e).AsSpan().SequenceEqual(System.Text.Encoding.UTF8.GetBytes(json)), "the UTF-8 and string writers disagree");
            }

            var replayed = LedgerItem.Replay(read, LedgerScenario.Zone);
            failures.AddRange(LedgerSnapshot.Differences(LedgerSnapshot.Of(item), LedgerSnapshot.Of(replayed)).Select(d => $"replay of the JSON differs: {d}"));
            return Verdict(failures).Classify(item.History.Count > 5, "more than 5 events");
        });

    [Property(MaxTest = 200)]
    public Property Decide_changes_nothing_and_applying_its_event_is_the_same_as_executing_the_command() =>
        Prop.ForAll(LedgerScenarios.Arbitrary, scenario =>
        {
            var failures = new List<string>();
            var executed = scenario.Start();
            var applied = scenario.Start();
            foreach (var (command, i) in scenario.Commands.Select((c, i) => (c, i)))
            {
                var before = LedgerSnapshot.Of(applied);
                LedgerEvent? decided = null;
                try
                {
                    decided = applied.Decide(command);
                }
                catch (LedgerCommandException)
                {
                }

                failures.AddRange(LedgerSnapshot.Differences(before, LedgerSnapshot.Of(applied)).Select(d => $"[{i}] Decide changed {d}"));
                var refused = TryExecute(executed, command);
                Expect(failures, i, (decided is null) == (refused is not null), $"Decide and Execute disagree on {command}");
                if (decided is not null)
                {
                    applied.Apply(decided);
                }
            }

            failures.AddRange(LedgerSnapshot.Differences(LedgerSnapshot.Of(executed), LedgerSnapshot.Of(applied)).Select(d => $"Execute vs Apply(Decide): {d}"));
            return Verdict(failures);
        });

    [Property(MaxTest = 200)]
    public Property An_item_as_of_an_instant_is_the_replay_of_its_events_up_to_that_instant() =>
        Prop.ForAll(LedgerScenarios.Arbitrary, scenario =>
        {
            var item = Live(scenario);
            var failures = new List<string>();
            foreach (var e in item.History)
            {
                foreach (var asOf in new[] { e.At - NodaTime.Duration.Epsilon, e.At })
                {
                    var then = item.AsOf(asOf);
                    var events = item.History.TakeWhile(x => x.At <= asOf).ToArray();
                    if (events.Length == 0)
                    {
                        Expect(failures, -1, then is null, $"at {asOf}, before it started, the item exists");
                        continue;
                    }

                    failures.AddRange(LedgerSnapshot.Differences(LedgerSnapshot.Of(LedgerItem.Replay(events, LedgerScenario.Zone)), LedgerSnapshot.Of(then!))
                        .Select(d => $"as of {asOf}: {d}"));
                }
            }

            return Verdict(failures);
        });

    [Fact]
    public void The_scenarios_reach_every_status_in_a_fair_share_of_runs()
    {
        var items = LedgerScenarios.Arbitrary.Generator.Sample(1000).Select(Live).ToArray();

        foreach (var status in Enum.GetValues<LedgerItemStatus>().Where(s => s != LedgerItemStatus.OnLedger))
        {
            var share = items.Count(i => i.History.Count > 0 && Replays(i).Contains(status));
            Assert.True(share >= 50, $"only {share} of 1000 scenarios pass through {status}");
        }

        static IEnumerable<LedgerItemStatus> Replays(LedgerItem item) =>
            Enumerable.Range(1, item.History.Count).Select(n => LedgerItem.Replay(item.History.Take(n), LedgerScenario.Zone).Status);
    }

    internal static LedgerItem Live(LedgerScenario scenario)
    {
        var item = scenario.Start();
        foreach (var command in scenario.Commands)
        {
            TryExecute(item, command);
        }

        return item;
    }

    private static LedgerCommandException? TryExecute(LedgerItem item, LedgerCommand command)
    {
        try
        {
            item.Execute(command);
            return null;
        }
        catch (LedgerCommandException refused)
        {
            return refused;
        }
    }

    private static void CompareWithReplay(List<string> failures, int i, LedgerItem item) =>
        failures.AddRange(LedgerSnapshot.Differences(LedgerSnapshot.Of(item), LedgerSnapshot.Of(LedgerItem.Replay(item.History, item.Zone)))
            .Select(d => $"[{i}] replay differs: {d}"));

    private static void Expect(List<string> failures, int i, bool condition, string message)
    {
        if (!condition)
        {
            failures.Add($"[{i}] {message}");
        }
    }

    private static Property Verdict(List<string> failures) =>
        (failures.Count == 0).Label(string.Join(Environment.NewLine, failures.Take(10)));
}
