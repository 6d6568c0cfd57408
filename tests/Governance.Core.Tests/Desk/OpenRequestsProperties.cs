using FsCheck.Xunit;
using Governance.Core.Catalogue;
using Governance.Core.Desk;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Routing;
using Governance.Core.Time;

namespace Governance.Core.Tests.Desk;

/// <summary>
/// The desk's open-addressing index against a plain dictionary, with hashes squeezed into a few values of one stripe so
/// that runs collide, grow and wrap round the end of the table, and removals shift entries back across the wrap.
/// </summary>
public sealed class OpenRequestsProperties
{
    [Property(MaxTest = 60)]
    public void Adds_finds_and_removals_agree_with_a_dictionary_under_heavy_hash_collisions(int seed, byte spread)
    {
        var random = new Random(seed);
        var partitions = new[] { new DeskPartition(0, DeskFixture.Router), new DeskPartition(1, DeskFixture.Router) };
        var index = new OpenRequests(partitions);
        var model = new Dictionary<RequestId, DeskSlot>();
        var hashes = new Dictionary<RequestId, int>();
        var stripe = random.Next(OpenRequests.StripeCount);
        var distinct = 1 + (spread % 40); // how many hash values the ids share: 1 puts every id in one run
        var minted = 0;

        for (var step = 0; step < 3_000; step++)
        {
            var roll = random.Next(10);
            if (roll < 5 || model.Count == 0)
            {
                // Add: a new id, or (one time in four) one already in, which must be refused and change nothing.
                var again = model.Count > 0 && random.Next(4) == 0;
                var id = again ? model.Keys.ElementAt(random.Next(model.Count)) : new RequestId($"r-{seed}-{minted++}");
                if (!hashes.TryGetValue(id, out var hash))
                {
                    hash = (random.Next(distinct) << 14) | (stripe << 8) | random.Next(256) % 2;
                    hashes[id] = hash;
                }

                var key = new IndexKey(id, hash);
                if (again)
                {
                    Assert.False(index.AddInStripe(key, new DeskSlot(0, 0)), $"step {step}: {id} was added twice");
                    continue;
                }

                var partition = partitions[random.Next(2)];
                var slot = partition.Take();
                partition[slot] = Open(id);
                Assert.True(index.AddInStripe(key, new DeskSlot(partition.Index, slot)), $"step {step}: {id} was refused");
                model[id] = new DeskSlot(partition.Index, slot);
            }
            else if (roll < 8)
            {
                // Remove an id that is in, as the desk does: the entry first, then the slot.
                var id = model.Keys.ElementAt(random.Next(model.Count));
                var where = model[id];
                index.RemoveInStripe(new IndexKey(id, hashes[id]), where);
                partitions[where.Partition].Release(where.Slot);
                model.Remove(id);
            }
            else
            {
                // Look up an id that was in once and may have left.
                var id = hashes.Keys.ElementAt(random.Next(hashes.Count));
                var found = index.Peek(new IndexKey(id, hashes[id]), out var where);
                Assert.Equal(model.TryGetValue(id, out var expected), found);
                Assert.Equal(expected, found ? where : default);
            }

            if (step % 100 == 0 || model.Count < 4)
            {
                foreach (var (id, where) in model)
                {
                    Assert.True(index.Peek(new IndexKey(id, hashes[id]), out var at) && at == where, $"step {step}: {id} is lost");
                }
            }
        }
    }

    private static RequestState Open(RequestId id)
    {
        var chart = DeskFixture.Chart;
        var household = chart.Households[0];
        var location = new RequestLocation(chart.BuildingOf(household).Id, household.Id);
        var submission = new RequestSubmission(id, Channel.Hotline12345, DeskFixture.Router.Catalogue.Triage.Code, CategoryClass.Ordinary, location, ResidentContact.None, "诉求");
        var at = DeskFixture.At(1, 9);
        var agency = Agency.Unit(SampleDistrict.Units.Qutou);
        return RequestState.OpenAtDesk(submission, agency, agency, submission.Category, CategoryClass.Ordinary, at, ServiceLevelPolicy.Default,
            ServiceLevelPolicy.Default.DeadlinesFor(CategoryClass.Ordinary, at));
    }
}
