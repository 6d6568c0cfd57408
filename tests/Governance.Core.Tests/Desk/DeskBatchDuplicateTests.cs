using Governance.Core.Catalogue;
using Governance.Core.Desk;
using Governance.Core.Requests;
using Governance.Core.Time;

namespace Governance.Core.Tests.Desk;

/// <summary>
/// Ids repeated inside one batch at locations in different partitions: the partitions open their items in parallel, so
/// the later item can be opened first. The batch must still refuse exactly the items one by one would refuse.
/// </summary>
public sealed class DeskBatchDuplicateTests
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
}
