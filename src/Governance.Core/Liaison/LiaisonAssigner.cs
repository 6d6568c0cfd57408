using System.Collections.Immutable;
using Governance.Core.Organization;

namespace Governance.Core.Liaison;

/// <summary>
/// Links every household to one party member (党员联户), exactly and deterministically, and keeps the links right as
/// members and households come and go.
/// </summary>
/// <remarks>
/// <para><b>Objective</b>, in this order (each only among the best of the ones before):
/// (1) cover as many households as possible — with m members and h households in a community that is min(h, Max·m);
/// (2) the least total shortfall below the minimum, Σ max(0, Min − load), so no member is below Min unless the
/// community has more than h / Min members; the maximum is never exceeded;
/// (3) for <see cref="Reassign"/> only, the fewest changed households (a household whose liaison is not the same
/// member as before, including one that gains or loses its liaison);
/// (4) the least total cost (<see cref="LiaisonOptions"/>).
/// The optimum is exact: each community is a min-cost flow on a network aggregated by building (households of one
/// building are interchangeable for cost, and so are the members living there), with weights that make one cost
/// lexicographic; the building-level flow is then split back to people in ordinal id order.</para>
/// <para><b>Partitions.</b> Communities and villages are solved independently (or street-level units, when
/// <see cref="LiaisonOptions.AllowAcrossCommunities"/>), in parallel on all cores; results are written per partition
/// and do not depend on thread timing. The same chart, options and previous assignment always give the same links.</para>
/// </remarks>
public static class LiaisonAssigner
{
    /// <summary>Makes a first assignment for every household of <paramref name="chart"/>.</summary>
    /// <param name="chart">The district.</param>
    /// <param name="options">The rules; <see cref="LiaisonOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="chart"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range; the exception names it.</exception>
    public static LiaisonAssignment Assign(Chart chart, LiaisonOptions? options = null) => Assign(chart, options, parallel: true);

    /// <summary><see cref="Assign(Chart, LiaisonOptions?)"/>, optionally on one thread (the benchmarks' baseline).</summary>
    internal static LiaisonAssignment Assign(Chart chart, LiaisonOptions? options, bool parallel)
    {
        Preconditions.CheckNotNull(chart);
        options = (options ?? LiaisonOptions.Default).Validate();
        var liaisonOf = SolveAll(chart, options, null, parallel);
        return new LiaisonAssignment(chart, options, liaisonOf, []);
    }

    /// <summary>
    /// Reassigns after the district changed: keeps every link it can, changes the fewest households needed to keep the
    /// rules (objective in the remarks of <see cref="LiaisonAssigner"/>) and reports each change.
    /// </summary>
    /// <param name="newChart">The district now. Households and members are matched to the previous chart by id.</param>
    /// <param name="previous">The assignment in force.</param>
    /// <param name="options">The rules; those of <paramref name="previous"/> when null.</param>
    /// <remarks>
    /// A previous link can be kept only if its household and member are both in <paramref name="newChart"/> and the
    /// member now lives where the rules allow the link (the household's community, or its street-level unit when
    /// links may cross communities). A member with more than the maximum keeps the links that lead to the fewest changes.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="newChart"/> or <paramref name="previous"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range; the exception names it.</exception>
    public static LiaisonAssignment Reassign(Chart newChart, LiaisonAssignment previous, LiaisonOptions? options = null)
    {
        Preconditions.CheckNotNull(newChart);
        Preconditions.CheckNotNull(previous);
        options = (options ?? previous.Options).Validate();
        var level = PartitionLevel(options);
        var oldLiaison = new int[newChart.Households.Length];
        Array.Fill(oldLiaison, PartitionSolver.NoPrevious);
        foreach (var link in previous.Links)
        {
            if (!newChart.TryGetHousehold(link.Household, out var household))
            {
                continue;
            }

            oldLiaison[household.Index] = newChart.TryGetPartyMember(link.Liaison, out var member)
                && ReferenceEquals(newChart.AncestorAt(household, level), newChart.AncestorAt(newChart.HouseholdOf(member), level))
                ? member.Index
                : PartitionSolver.LostPrevious;
        }

        var liaisonOf = SolveAll(newChart, options, oldLiaison, parallel: true);
        var changes = ImmutableArray.CreateBuilder<LiaisonChange>();
        var members = newChart.PartyMembers;
        foreach (var household in newChart.HouseholdsUnder(newChart.District))
        {
            PartyMemberId? current = liaisonOf[household.Index] is var m and >= 0 ? members[m].Id : null;
            var known = previous.Chart.TryGetHousehold(household.Id, out _);
            PartyMemberId? before = known && previous.TryGetLiaison(household.Id, out var p) ? p : null;
            if (before == current)
            {
                continue;
            }

            var reason = !known ? LiaisonChangeReason.HouseholdJoined
                : before is null ? LiaisonChangeReason.Covered
                : !newChart.TryGetPartyMember(before.Value, out _) ? LiaisonChangeReason.LiaisonLeft
                : oldLiaison[household.Index] == PartitionSolver.LostPrevious ? LiaisonChangeReason.LiaisonOutOfReach
                : LiaisonChangeReason.Rebalanced;
            changes.Add(new LiaisonChange(household.Id, before, current, reason));
        }

        foreach (var household in previous.Chart.HouseholdsUnder(previous.Chart.District))
        {
            if (!newChart.TryGetHousehold(household.Id, out _) && previous.TryGetLiaison(household.Id, out var before))
            {
                changes.Add(new LiaisonChange(household.Id, before, null, LiaisonChangeReason.HouseholdLeft));
            }
        }

        return new LiaisonAssignment(newChart, options, liaisonOf, changes.ToImmutable());
    }

    private static UnitLevel PartitionLevel(LiaisonOptions options) =>
        options.AllowAcrossCommunities ? UnitLevel.StreetLevel : UnitLevel.Community;

    private static int[] SolveAll(Chart chart, LiaisonOptions options, int[]? oldLiaison, bool parallel)
    {
        var level = PartitionLevel(options);
        var partitions = new List<Unit>();
        foreach (var unit in chart.DescendantsOf(chart.District))
        {
            if (unit.Level == level)
            {
                partitions.Add(unit);
            }
        }

        var liaisonOf = new int[chart.Households.Length];
        Array.Fill(liaisonOf, -1);
        var localOf = new int[chart.UnitCount];

        // Each partition writes only its own households and units, so the result does not depend on scheduling.
        Parallel.For(0, partitions.Count, new ParallelOptions { MaxDegreeOfParallelism = parallel ? -1 : 1 },
            p => PartitionSolver.Solve(chart, partitions[p], options, oldLiaison, liaisonOf, localOf));
        return liaisonOf;
    }
}
