using Governance.Core.Liaison;
using Governance.Core.Organization;

namespace Governance.Core.Tests.Liaison;

/// <summary>
/// The objective of one community, in the library's lexicographic order: households left uncovered, total shortfall
/// below Min, changed households (reassignment only), cost.
/// </summary>
public readonly record struct LiaisonScore(int Uncovered, int Shortfall, int Changes, int Cost) : IComparable<LiaisonScore>
{
    public int CompareTo(LiaisonScore other) =>
        (Uncovered, Shortfall, Changes, Cost).CompareTo((other.Uncovered, other.Shortfall, other.Changes, other.Cost));

    public static LiaisonScore operator +(LiaisonScore a, LiaisonScore b) =>
        new(a.Uncovered + b.Uncovered, a.Shortfall + b.Shortfall, a.Changes + b.Changes, a.Cost + b.Cost);

    /// <summary>The score an assignment gives one community of its chart; <paramref name="previous"/> liaison by household id for changes.</summary>
    public static LiaisonScore Of(LiaisonAssignment assignment, Unit community, Func<HouseholdId, PartyMemberId?> previous)
    {
        var chart = assignment.Chart;
        var o = assignment.Options;
        int uncovered = 0, changes = 0, cost = 0, shortfall = 0;
        foreach (var h in chart.HouseholdsUnder(community))
        {
            PartyMemberId? now = assignment.TryGetLiaison(h.Id, out var m) ? m : null;
            uncovered += now is null ? 1 : 0;
            changes += now != previous(h.Id) ? 1 : 0;
        }

        foreach (var link in assignment.Links)
        {
            if (chart.IsWithin(chart.BuildingOf(chart.GetHousehold(link.Household)), community))
            {
                cost += link.Cost;
            }
        }

        foreach (var member in chart.PartyMembersLivingUnder(community))
        {
            shortfall += Math.Max(0, o.MinHouseholds - assignment.HouseholdsOf(member.Id).Length);
        }

        return new LiaisonScore(uncovered, shortfall, changes, cost);
    }
}

/// <summary>
/// The best score of a community by exhaustive search over every household's choice (no liaison, or any member of
/// the community with room left), memoised on the members' loads. The only shortcut: members who live in the same
/// building and had no previous household are interchangeable, so their loads are kept sorted.
/// </summary>
public sealed class BruteForceLiaison
{
    private readonly LiaisonOptions _o;
    private readonly Household[] _households;
    private readonly PartyMember[] _members;
    private readonly int[,] _cost;             // [household, member]
    private readonly PartyMemberId?[] _previous;
    private readonly int[] _class;             // members of one class are interchangeable
    private readonly Dictionary<(int, long), LiaisonScore> _memo = [];

    public BruteForceLiaison(Chart chart, Unit community, LiaisonOptions options, Func<HouseholdId, PartyMemberId?> previous)
    {
        _o = options;
        _households = chart.HouseholdsUnder(community).ToArray();
        _members = chart.PartyMembersLivingUnder(community).ToArray();
        _previous = [.. _households.Select(h => previous(h.Id))];
        _cost = new int[_households.Length, _members.Length];
        _class = new int[_members.Length];
        for (var j = 0; j < _members.Length; j++)
        {
            var home = chart.BuildingOf(chart.HouseholdOf(_members[j]));
            var hadHouseholds = _previous.Any(p => p == _members[j].Id);
            _class[j] = hadHouseholds ? 1000 + j : Array.FindIndex(_members, x => chart.BuildingOf(chart.HouseholdOf(x)) == home && !_previous.Any(p => p == x.Id));
            for (var i = 0; i < _households.Length; i++)
            {
                var building = chart.BuildingOf(_households[i]);
                _cost[i, j] = building == home ? options.SameBuildingCost
                    : chart.ParentOf(building) == chart.ParentOf(home) ? options.SameGridCost
                    : options.SameCommunityCost;
            }
        }
    }

    public int States => _memo.Count;

    public LiaisonScore Best() => Search(0, new int[_members.Length]);

    private LiaisonScore Search(int i, int[] loads)
    {
        if (i == _households.Length)
        {
            return new LiaisonScore(0, loads.Sum(l => Math.Max(0, _o.MinHouseholds - l)), 0, 0);
        }

        var key = (i, Pack(loads));
        if (_memo.TryGetValue(key, out var known))
        {
            return known;
        }

        var best = new LiaisonScore(1, 0, _previous[i] is null ? 0 : 1, 0) + Search(i + 1, loads);
        for (var j = 0; j < _members.Length; j++)
        {
            if (loads[j] == _o.MaxHouseholds)
            {
                continue;
            }

            var next = (int[])loads.Clone();
            next[j]++;
            Canonicalise(next);
            var score = new LiaisonScore(0, 0, _previous[i] == _members[j].Id ? 0 : 1, _cost[i, j]) + Search(i + 1, next);
            if (score.CompareTo(best) < 0)
            {
                best = score;
            }
        }

        _memo[key] = best;
        return best;
    }

    /// <summary>Sorts loads descending within each class of interchangeable members.</summary>
    private void Canonicalise(int[] loads)
    {
        for (var a = 1; a < loads.Length; a++)
        {
            for (var b = a; b > 0 && _class[b - 1] == _class[b] && loads[b - 1] < loads[b]; b--)
            {
                (loads[b - 1], loads[b]) = (loads[b], loads[b - 1]);
            }
        }
    }

    private static long Pack(int[] loads)
    {
        long key = 0;
        foreach (var l in loads)
        {
            key = (key * 16) + l;
        }

        return key;
    }
}
