using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Core.Liaison;
using Governance.Core.Organization;

namespace Governance.Core.Tests.Liaison;

public class LiaisonProperties
{
    private static readonly Gen<int> Seeds = Gen.Choose(0, int.MaxValue - 1);

    private static Arbitrary<(LiaisonTown Town, LiaisonOptions Options)> SmallTowns(int maxHouseholds, int maxMembers, bool defaults) =>
        (from seed in Seeds
         from options in defaults ? Gen.Constant(LiaisonOptions.Default) : LiaisonTown.SmallOptions
         select (LiaisonTown.Random(seed, maxHouseholds, maxMembers), options)).ToArbitrary();

    private static IEnumerable<Unit> Communities(Chart chart) => chart.ChildrenOf(chart.ChildrenOf(chart.District)[0]).ToArray();

    private static Property Invariants(LiaisonAssignment a)
    {
        var chart = a.Chart;
        var o = a.Options;
        var property = (a.Links.Select(l => l.Household).Distinct().Count() == a.Links.Length).Label("every household at most one liaison");
        foreach (var member in chart.PartyMembers)
        {
            var load = a.HouseholdsOf(member.Id).Length;
            property = property.And((load <= o.MaxHouseholds).Label($"{member.Id} carries {load} > Max"));
        }

        foreach (var link in a.Links)
        {
            var household = chart.GetHousehold(link.Household);
            var home = chart.HouseholdOf(chart.GetPartyMember(link.Liaison));
            property = property.And((chart.AncestorAt(household, UnitLevel.Community) == chart.AncestorAt(home, UnitLevel.Community))
                .Label($"{link} crosses communities"));
        }

        foreach (var community in Communities(chart))
        {
            var h = chart.HouseholdsUnder(community).Length;
            var m = chart.PartyMembersLivingUnder(community).Length;
            var report = a.Coverage.Communities.Single(c => c.Unit == community.Id);
            var below = chart.PartyMembersLivingUnder(community).ToArray().Count(x => a.HouseholdsOf(x.Id).Length < o.MinHouseholds);
            property = property
                .And((report.Covered == Math.Min(h, o.MaxHouseholds * m)).Label($"{community.Id}: covered {report.Covered} of {h} with {m} members"))
                .And((report.MembersBelowMin.Length == below).Label("members below Min reported"))
                .And((report.MembersNeeded == (report.Uncovered + o.MaxHouseholds - 1) / o.MaxHouseholds).Label("members needed"));
            if (o.MinHouseholds * m <= h && h <= o.MaxHouseholds * m)
            {
                property = property.And((report.Uncovered == 0 && below == 0).Label($"{community.Id} feasible: full coverage, bounds kept"));
            }
        }

        return property;
    }

    [Property(MaxTest = 300)]
    public Property Assignment_covers_all_it_can_and_keeps_bounds_and_communities() =>
        Prop.ForAll(SmallTowns(60, 12, defaults: false), x => Invariants(LiaisonAssigner.Assign(x.Town.Build(), x.Options)));

    [Property(MaxTest = 100)]
    public Property Assignment_is_deterministic() =>
        Prop.ForAll(SmallTowns(60, 12, defaults: true), x =>
        {
            var first = LiaisonAssigner.Assign(x.Town.Build(), x.Options);
            var second = LiaisonAssigner.Assign(x.Town.Build(), x.Options);
            return first.Links.SequenceEqual(second.Links) && first.TotalCost == second.TotalCost;
        });

    [Property(MaxTest = 200)]
    public Property Assignment_is_as_good_as_brute_force_with_up_to_8_members_and_40_households() =>
        Prop.ForAll(SmallTowns(40, 8, defaults: false), x => MatchesBruteForce(LiaisonAssigner.Assign(x.Town.Build(), x.Options), _ => null));

    [Property(MaxTest = 100)]
    public Property Assignment_with_default_bounds_is_as_good_as_brute_force() =>
        Prop.ForAll(SmallTowns(30, 5, defaults: true), x => MatchesBruteForce(LiaisonAssigner.Assign(x.Town.Build(), x.Options), _ => null));

    [Property(MaxTest = 200)]
    public Property Reassignment_keeps_the_invariants_and_changes_no_more_links_than_brute_force() =>
        Prop.ForAll(
            (from seed in Seeds from change in Seeds from options in LiaisonTown.SmallOptions select (seed, change, options)).ToArbitrary(),
            x =>
            {
                var before = LiaisonTown.Random(x.seed, 30, 6);
                var previous = LiaisonAssigner.Assign(before.Build(), x.options);
                var after = before.Change(x.change, 30, 6);
                var next = LiaisonAssigner.Reassign(after.Build(), previous);
                PartyMemberId? Previous(HouseholdId id) => previous.TryGetLiaison(id, out var m) ? m : null;
                var reported = next.Changes.Where(c => c.Reason != LiaisonChangeReason.HouseholdLeft).ToArray();
                var actual = next.Links.Count(l => Previous(l.Household) != l.Liaison)
                    + next.Chart.Households.Count(h => Previous(h.Id) is not null && !next.TryGetLiaison(h.Id, out _));
                var left = previous.Links.Count(l => !next.Chart.TryGetHousehold(l.Household, out _));
                return Invariants(next)
                    .And(MatchesBruteForce(next, Previous))
                    .And((reported.Length == actual).Label($"changes reported {reported.Length}, actual {actual}"))
                    .And((next.Changes.Length - reported.Length == left).Label("households that left are reported"))
                    .And(reported.All(c => Previous(c.Household) == c.Previous && (next.TryGetLiaison(c.Household, out var m) ? m : (PartyMemberId?)null) == c.Current).Label("changes say who before and after"));
            });

    private static Property MatchesBruteForce(LiaisonAssignment a, Func<HouseholdId, PartyMemberId?> previous)
    {
        var property = true.Label("no community");
        foreach (var community in Communities(a.Chart))
        {
            var brute = new BruteForceLiaison(a.Chart, community, a.Options, previous).Best();
            var actual = LiaisonScore.Of(a, community, previous);
            property = property.And((actual == brute).Label($"{community.Id}: solver {actual}, brute force {brute}"));
        }

        return property;
    }
}
