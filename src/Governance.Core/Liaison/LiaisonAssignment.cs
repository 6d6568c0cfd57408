using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Governance.Core.Organization;

namespace Governance.Core.Liaison;

/// <summary>
/// Which party member looks after which household (党员联户) in one chart, with its total cost, its coverage and, when
/// made by <see cref="LiaisonAssigner.Reassign"/>, the changes from the previous assignment. Immutable.
/// </summary>
public sealed class LiaisonAssignment
{
    private readonly int[] _liaisonOf;          // by household index: member index or -1
    private readonly int[] _householdsStart;    // by member index (length members + 1) into _householdsOf
    private readonly HouseholdId[] _householdsOf;

    internal LiaisonAssignment(Chart chart, LiaisonOptions options, int[] liaisonOf, ImmutableArray<LiaisonChange> changes)
    {
        Chart = chart;
        Options = options;
        _liaisonOf = liaisonOf;
        Changes = changes;

        var members = chart.PartyMembers;
        var households = chart.HouseholdsUnder(chart.District);
        var links = ImmutableArray.CreateBuilder<LiaisonLink>();
        _householdsStart = new int[members.Length + 1];
        foreach (var household in households)
        {
            var m = liaisonOf[household.Index];
            if (m < 0)
            {
                continue;
            }

            var member = members[m];
            var relation = RelationOf(chart, household, member);
            var cost = options.CostAt(relation);
            links.Add(new LiaisonLink(household.Id, member.Id, relation switch
            {
                UnitLevel.Building => LiaisonRelation.SameBuilding,
                UnitLevel.Grid => LiaisonRelation.SameGrid,
                UnitLevel.Community => LiaisonRelation.SameCommunity,
                _ => LiaisonRelation.AcrossCommunities,
            }, cost));
            TotalCost += cost;
            _householdsStart[m + 1]++;
        }

        Links = links.ToImmutable();
        for (var m = 0; m < members.Length; m++)
        {
            _householdsStart[m + 1] += _householdsStart[m];
        }

        var next = (int[])_householdsStart.Clone();
        _householdsOf = new HouseholdId[Links.Length];
        foreach (var household in households)
        {
            if (liaisonOf[household.Index] is var m and >= 0)
            {
                _householdsOf[next[m]++] = household.Id;
            }
        }

        Coverage = BuildCoverage(chart, options, liaisonOf, _householdsStart);
    }

    /// <summary>The chart the assignment is about.</summary>
    public Chart Chart { get; }

    /// <summary>The rules it was made under.</summary>
    public LiaisonOptions Options { get; }

    /// <summary>Every link, in tree order of the households (district → … → building, households in the order they were added).</summary>
    public ImmutableArray<LiaisonLink> Links { get; }

    /// <summary>The sum of the links' costs under <see cref="Options"/>.</summary>
    public long TotalCost { get; }

    /// <summary>Households covered and not, per community and grid, members below the minimum and members needed.</summary>
    public CoverageReport Coverage { get; }

    /// <summary>
    /// The households whose liaison differs from the previous assignment, in tree order of the new chart, followed by
    /// households that left in tree order of the previous chart. Empty for a first assignment.
    /// </summary>
    public ImmutableArray<LiaisonChange> Changes { get; }

    /// <summary>Finds the liaison of a household; false when it has none or is not in <see cref="Chart"/>.</summary>
    public bool TryGetLiaison(HouseholdId household, out PartyMemberId liaison)
    {
        if (Chart.TryGetHousehold(household, out var h) && _liaisonOf[h.Index] is var m and >= 0)
        {
            liaison = Chart.PartyMembers[m].Id;
            return true;
        }

        liaison = default;
        return false;
    }

    /// <summary>The households a member looks after, in tree order; empty when none or when the member is not in <see cref="Chart"/>.</summary>
    public ImmutableArray<HouseholdId> HouseholdsOf(PartyMemberId liaison)
    {
        if (!Chart.TryGetPartyMember(liaison, out var member))
        {
            return [];
        }

        var start = _householdsStart[member.Index];
        return [.. _householdsOf.AsSpan(start, _householdsStart[member.Index + 1] - start)];
    }

    /// <summary>Returns the coverage and the cost in one line.</summary>
    public override string ToString() => $"{Links.Length} links, cost {TotalCost}; {Coverage}";

    /// <summary>The level of the lowest unit holding both the household and the member's home.</summary>
    internal static UnitLevel RelationOf(Chart chart, Household household, PartyMember member)
    {
        var a = chart.BuildingIndex(household);
        var b = chart.BuildingIndex(chart.HouseholdOf(member));
        var level = UnitLevel.Building;
        while (a != b && level > UnitLevel.District)
        {
            a = chart.ParentIndex(a);
            b = chart.ParentIndex(b);
            level--;
        }

        return level;
    }

    private static CoverageReport BuildCoverage(Chart chart, LiaisonOptions options, int[] liaisonOf, int[] householdsStart)
    {
        var communities = ImmutableArray.CreateBuilder<UnitCoverage>();
        var grids = ImmutableArray.CreateBuilder<UnitCoverage>();
        foreach (var unit in chart.DescendantsOf(chart.District))
        {
            if (unit.Level is UnitLevel.Community or UnitLevel.Grid)
            {
                (unit.Level == UnitLevel.Community ? communities : grids).Add(CoverageOf(chart, unit, options, liaisonOf, householdsStart));
            }
        }

        return new CoverageReport(communities.ToImmutable(), grids.ToImmutable());
    }

    private static UnitCoverage CoverageOf(Chart chart, Unit unit, LiaisonOptions options, int[] liaisonOf, int[] householdsStart)
    {
        var households = chart.HouseholdsUnder(unit);
        var covered = 0;
        foreach (var household in households)
        {
            if (liaisonOf[household.Index] >= 0)
            {
                covered++;
            }
        }

        var members = chart.PartyMembersLivingUnder(unit);
        var below = new List<PartyMemberId>();
        foreach (var member in members)
        {
            if (householdsStart[member.Index + 1] - householdsStart[member.Index] < options.MinHouseholds)
            {
                below.Add(member.Id);
            }
        }

        below.Sort((x, y) => string.CompareOrdinal(x.Value, y.Value));
        var uncovered = households.Length - covered;
        var needed = (uncovered + options.MaxHouseholds - 1) / options.MaxHouseholds;
        return new UnitCoverage(unit.Id, households.Length, covered, members.Length, [.. below], needed);
    }
}
