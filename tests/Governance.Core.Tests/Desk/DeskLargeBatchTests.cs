using Governance.Core.Catalogue;
using Governance.Core.Desk;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Tests.Desk;

/// <summary>
/// Batches large enough (over 4,096 items) that every step runs on all cores — routing, the partitions, the index
/// stripes — checked against the same items one by one: the same refusals, events and open requests.
/// </summary>
public sealed class DeskLargeBatchTests
{
    [Fact]
    public void A_batch_with_ids_repeated_across_partitions_refuses_exactly_what_one_by_one_refuses_and_emits_the_same_events()
    {
        var chart = DeskFixture.Chart;
        var households = chart.Households;
        var random = new Random(20231);
        var categories = DeskFixture.Router.Catalogue.Categories;
        for (var round = 0; round < 20; round++)
        {
            // 6,000 items over 1,500 ids, so most ids come several times, at households anywhere in the district.
            var batch = new RequestSubmission[6_000];
            for (var i = 0; i < batch.Length; i++)
            {
                var household = households[random.Next(households.Length)];
                batch[i] = new RequestSubmission(new RequestId($"dup-{round}-{random.Next(1_500)}"), Channel.Hotline12345,
                    categories[random.Next(categories.Length)].Code, CategoryClass.Ordinary,
                    new RequestLocation(chart.BuildingOf(household).Id, household.Id), ResidentContact.None, "诉求");
            }

            var (parallel, _, parallelSink) = DeskFixture.Create(DeskFixture.At(1, 9));
            var (sequential, _, sequentialSink) = DeskFixture.Create(DeskFixture.At(1, 9));
            var result = parallel.SubmitBatch(batch);
            var refused = new List<int>();
            for (var i = 0; i < batch.Length; i++)
            {
                try
                {
                    sequential.Submit(batch[i]);
                }
                catch (ArgumentException)
                {
                    refused.Add(i);
                }
            }

            Assert.Equal(refused, result.Failures.Select(f => f.Index));
            Assert.All(result.Failures, f => Assert.Contains("already open", f.Problem, StringComparison.Ordinal));
            Assert.Equal(sequentialSink.Events, parallelSink.Events);
            Assert.Equal((sequential.OpenCount, sequential.ReceivedCount), (parallel.OpenCount, parallel.ReceivedCount));
            Assert.Equal(
                sequential.Query(new DeskQuery()).Select(r => (r.Id, r.Location, r.Handler)),
                parallel.Query(new DeskQuery()).Select(r => (r.Id, r.Location, r.Handler)));
        }
    }

    [Fact]
    public void A_batch_longer_than_a_chunk_refuses_and_emits_exactly_what_one_by_one_does_with_indexes_in_the_whole_batch()
    {
        // Batches run in chunks of 65,536 items; these cross two chunk boundaries, with ids repeated across them, a null
        // item and commands for requests opened in an earlier chunk and closed in a later one.
        var chart = DeskFixture.Chart;
        var random = new Random(65_537);
        var categories = DeskFixture.Router.Catalogue.Categories;
        var submissions = new RequestSubmission?[140_000];
        for (var i = 0; i < submissions.Length; i++)
        {
            var household = chart.Households[random.Next(chart.Households.Length)];
            var id = i % 9_973 == 5 ? $"c-{i % 1_000}" : $"c-{i}"; // every 9,973rd item repeats an early id
            submissions[i] = new RequestSubmission(new RequestId(id), Channel.Hotline12345, categories[random.Next(categories.Length)].Code,
                CategoryClass.Ordinary, new RequestLocation(chart.BuildingOf(household).Id, household.Id), ResidentContact.None, "诉求");
        }

        submissions[66_000] = null;
        var (parallel, parallelClock, parallelSink) = DeskFixture.Create(DeskFixture.At(1, 9));
        var (sequential, sequentialClock, sequentialSink) = DeskFixture.Create(DeskFixture.At(1, 9));
        var result = parallel.SubmitBatch(submissions!);
        var refused = new List<int>();
        for (var i = 0; i < submissions.Length; i++)
        {
            try
            {
                sequential.Submit(submissions[i]!);
            }
            catch (ArgumentException)
            {
                refused.Add(i);
            }
        }

        Assert.Contains(refused, i => i > 1 << 16); // refusals in a later chunk, reported by their place in the whole batch
        Assert.Equal(refused, result.Failures.Select(f => f.Index));
        Assert.Contains("submissions[66000]", result.Failures.Single(f => f.Index == 66_000).Problem, StringComparison.Ordinal);
        Assert.Equal(sequentialSink.Events, parallelSink.Events);
        Assert.Equal(sequential.ReceivedCount, parallel.ReceivedCount);

        // Accept and close every open request in one batch in reverse order, so the first chunk's commands reach the last chunk's requests.
        var at = DeskFixture.At(1, 11);
        parallelClock.Advance(Duration.FromHours(2));
        sequentialClock.Advance(Duration.FromHours(2));
        var receipts = sequentialSink.Events.OfType<RequestReceived>().Reverse().ToArray();
        DeskCommand[] commands =
        [
            .. receipts.Select(r => new DeskCommand(r.RequestId, new AcceptRequest(r.Handler, at))),
            .. receipts.Select(r => new DeskCommand(r.RequestId, new RejectRequest(r.Handler, at, RejectionReason.Duplicate, "重复诉求"))),
        ];
        var executed = parallel.ExecuteBatch(commands);
        var refusedCommands = new List<int>();
        for (var i = 0; i < commands.Length; i++)
        {
            try
            {
                sequential.Execute(commands[i].RequestId, commands[i].Command);
            }
            catch (RequestCommandException)
            {
                refusedCommands.Add(i); // a timer escalated the request first, so its first handler no longer holds it
            }
        }

        Assert.Equal(refusedCommands, executed.Failures.Select(f => f.Index));
        Assert.True(executed.Succeeded > 200_000);
        Assert.Equal(sequentialSink.Events, parallelSink.Events);
        Assert.Equal((sequential.OpenCount, sequential.ClosedCount), (parallel.OpenCount, parallel.ClosedCount));
        Assert.True(parallel.ClosedCount > 100_000);
    }

    [Fact]
    public void Large_command_batches_with_refusals_repeats_and_closures_give_exactly_the_events_of_one_by_one()
    {
        var chart = DeskFixture.Chart;
        var random = new Random(4711);
        var categories = DeskFixture.Router.Catalogue.Categories;
        Channel[] channels = [Channel.PropertyHotline, Channel.HouseholdNetwork, Channel.Hotline12345, Channel.QrScan, Channel.WalkIn];
        var submissions = new RequestSubmission[5_000];
        for (var i = 0; i < submissions.Length; i++)
        {
            var household = chart.Households[random.Next(chart.Households.Length)];
            submissions[i] = new RequestSubmission(new RequestId($"big-{i}"), channels[random.Next(channels.Length)],
                categories[random.Next(categories.Length)].Code, CategoryClass.Ordinary,
                new RequestLocation(chart.BuildingOf(household).Id, household.Id), ResidentContact.None, "诉求");
        }

        var (parallel, parallelClock, parallelSink) = DeskFixture.Create(DeskFixture.At(1, 9));
        var (sequential, sequentialClock, sequentialSink) = DeskFixture.Create(DeskFixture.At(1, 9));
        Assert.Empty(parallel.SubmitBatch(submissions).Failures);
        foreach (var submission in submissions)
        {
            sequential.Submit(submission);
        }

        var receipts = sequentialSink.Events.OfType<RequestReceived>().ToArray();
        var at = DeskFixture.At(1, 9);
        for (var round = 0; round < 4; round++)
        {
            // Each round: accept, resolve or call back every request in a random order, with about one command in ten
            // refused (wrong agency, or a repeat of the same request's command that the first one made impossible), and
            // some ids never received.
            at += Duration.FromHours(2);
            var commands = new List<DeskCommand>();
            foreach (var r in receipts.OrderBy(_ => random.Next()))
            {
                RequestCommand command = round switch
                {
                    0 => new AcceptRequest(r.Handler, at),
                    1 => new ResolveRequest(r.Handler, at, "已处理"),
                    _ => new CallBackResident(r.Owner, at, Satisfaction.Satisfied, string.Empty),
                };
                var roll = random.Next(20);
                commands.Add(new DeskCommand(r.RequestId, roll == 0 ? new AcceptRequest(Agency.Unit(SampleDistrict.Units.Qutou), at) : command));
                if (roll == 1)
                {
                    commands.Add(new DeskCommand(r.RequestId, command));
                }

                if (roll == 2)
                {
                    commands.Add(new DeskCommand(new RequestId($"never-{commands.Count}"), command));
                }
            }

            parallelClock.Advance(Duration.FromHours(2));
            sequentialClock.Advance(Duration.FromHours(2));
            var result = parallel.ExecuteBatch(commands);
            var refused = new List<int>();
            for (var i = 0; i < commands.Count; i++)
            {
                try
                {
                    sequential.Execute(commands[i].RequestId, commands[i].Command);
                }
                catch (Exception e) when (e is RequestCommandException or KeyNotFoundException or ArgumentException)
                {
                    refused.Add(i);
                }
            }

            Assert.True(commands.Count > 4_096, "the batch must be large enough to run its per-item steps on all cores");
            Assert.NotEmpty(refused);
            Assert.Equal(refused, result.Failures.Select(f => f.Index));
            Assert.Equal(sequentialSink.Events, parallelSink.Events);
            Assert.Equal((sequential.OpenCount, sequential.ClosedCount), (parallel.OpenCount, parallel.ClosedCount));
            Assert.Equal(sequential.Query(new DeskQuery()), parallel.Query(new DeskQuery()), DeskRequestComparer.Instance);
        }

        Assert.True(parallel.ClosedCount > 4_000);

        // A closed request's id is free again (it left the index); one still open is refused, in both.
        var again = submissions.Take(300).ToArray();
        var reopened = parallel.SubmitBatch(again);
        var refusedAgain = again.Select((s, i) => (s, i)).Where(x => !Try(() => sequential.Submit(x.s))).Select(x => x.i).ToArray();
        Assert.Equal(refusedAgain, reopened.Failures.Select(f => f.Index));
        Assert.True(reopened.Succeeded > 200);
        Assert.Equal(sequentialSink.Events, parallelSink.Events);

        static bool Try(Action action)
        {
            try
            {
                action();
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }

    [Fact]
    public async Task Single_calls_on_other_threads_run_safely_beside_large_batches_and_every_request_keeps_a_valid_history()
    {
        // Thread A runs whole days in batches large enough to use every core and the index's stripe passes; threads B
        // and C meanwhile submit, look up and close their own requests one call at a time.
        var (desk, clock, sink) = DeskFixture.Create(DeskFixture.At(1, 9));
        var at = clock.GetCurrentInstant();
        var chart = DeskFixture.Chart;
        var category = DeskFixture.Router.Catalogue.Categories[0].Code;
        RequestSubmission SubmissionFor(string id, int n)
        {
            var household = chart.Households[(n * 7919) % chart.Households.Length];
            return new RequestSubmission(new RequestId(id), Channel.Hotline12345, category, CategoryClass.Ordinary,
                new RequestLocation(chart.BuildingOf(household).Id, household.Id), ResidentContact.None, "诉求");
        }

        void Batches()
        {
            for (var round = 0; round < 3; round++)
            {
                var batch = Enumerable.Range(0, 5_000).Select(i => SubmissionFor($"a-{round}-{i}", i)).ToArray();
                Assert.Empty(desk.SubmitBatch(batch).Failures);
                var receipts = batch.Select(b => desk.TryGet(b.Id, out var r) ? r : throw new InvalidOperationException($"{b.Id} is not open")).ToArray();
                Assert.Empty(desk.ExecuteBatch([.. receipts.Select(r => new DeskCommand(r.Id, new AcceptRequest(r.Handler, at)))]).Failures);
                Assert.Empty(desk.ExecuteBatch([.. receipts.Select(r => new DeskCommand(r.Id, new ResolveRequest(r.Handler, at, "已处理")))]).Failures);
                Assert.Empty(desk.ExecuteBatch([.. receipts.Select(r => new DeskCommand(r.Id, new CallBackResident(r.Owner, at, Satisfaction.Satisfied, string.Empty)))]).Failures);
            }
        }

        void OneByOne(string prefix)
        {
            for (var i = 0; i < 2_000; i++)
            {
                var received = desk.Submit(SubmissionFor($"{prefix}-{i}", i + 11));
                Assert.True(desk.TryGet(received.RequestId, out _));
                desk.Execute(received.RequestId, new AcceptRequest(received.Handler, at));
                desk.Execute(received.RequestId, new ResolveRequest(received.Handler, at, "已处理"));
                desk.Execute(received.RequestId, new CallBackResident(received.Owner, at, Satisfaction.Satisfied, string.Empty));
                Assert.False(desk.TryGet(received.RequestId, out _));
            }
        }

        await Task.WhenAll(Task.Run(Batches), Task.Run(() => OneByOne("b")), Task.Run(() => OneByOne("c")));

        Assert.Equal((19_000L, 19_000L, 0), (desk.ReceivedCount, desk.ClosedCount, desk.OpenCount));
        var histories = sink.Events.GroupBy(e => e.RequestId).ToArray();
        Assert.Equal(19_000, histories.Length);
        Assert.All(histories, h => Assert.Equal(RequestStatus.Closed, Request.Replay(h, ServiceLevelPolicy.Default).Status));
    }

    /// <summary>DeskRequest holds a list, so records compare it by reference; this compares its items.</summary>
    private sealed class DeskRequestComparer : IEqualityComparer<DeskRequest>
    {
        public static readonly DeskRequestComparer Instance = new();

        public bool Equals(DeskRequest? x, DeskRequest? y) =>
            x is not null && y is not null && x with { PendingReports = [] } == y with { PendingReports = [] } && x.PendingReports.SequenceEqual(y.PendingReports);

        public int GetHashCode(DeskRequest obj) => obj.Id.GetHashCode();
    }
}
