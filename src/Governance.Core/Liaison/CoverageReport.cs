using System.Collections.Immutable;
using Governance.Core.Organization;

namespace Governance.Core.Liaison;

/// <summary>
/// How far "every household has a party member to call" is met in one community, village or grid.
/// Members are counted where they live.
/// </summary>
/// <param name="Unit">The community, village or grid.</param>
/// <param name="Households">Households living in it.</param>
/// <param name="Covered">Of those, households that have a liaison.</param>
/// <param name="Members">Party members living in it.</param>
/// <param name="MembersBelowMin">
/// Members living in it who look after fewer than <see cref="LiaisonOptions.MinHouseholds"/> households (possibly none),
/// in ordinal id order. This happens only when there are more members than the households can keep busy. No member is
/// ever above <see cref="LiaisonOptions.MaxHouseholds"/>: the maximum is a hard bound.
/// </param>
/// <param name="MembersNeeded">
/// How many more members living here would cover every uncovered household here:
/// ⌈<see cref="Uncovered"/> / <see cref="LiaisonOptions.MaxHouseholds"/>⌉. For a grid it assumes the new members live in
/// that grid, so grid figures may add up to more than their community's.
/// </param>
public sealed record UnitCoverage(UnitId Unit, int Households, int Covered, int Members, ImmutableArray<PartyMemberId> MembersBelowMin, int MembersNeeded)
{
    /// <summary>Households without a liaison: <see cref="Households"/> − <see cref="Covered"/>.</summary>
    public int Uncovered => Households - Covered;

    /// <summary>Covered households over all households; 1 when there are none.</summary>
    public double CoverageRate => Households == 0 ? 1 : (double)Covered / Households;
}

/// <summary>
/// The coverage of an assignment: district totals, and the figures per community or village and per grid in tree
/// order. The district's coverage rate is the measure of the three-year goal "every household has a party member".
/// </summary>
public sealed class CoverageReport
{
    internal CoverageReport(ImmutableArray<UnitCoverage> communities, ImmutableArray<UnitCoverage> grids)
    {
        Communities = communities;
        Grids = grids;
        foreach (var c in communities)
        {
            Households += c.Households;
            Covered += c.Covered;
            MembersBelowMin += c.MembersBelowMin.Length;
            MembersNeeded += c.MembersNeeded;
        }
    }

    /// <summary>Every community and village, in tree order.</summary>
    public ImmutableArray<UnitCoverage> Communities { get; }

    /// <summary>Every grid, in tree order.</summary>
    public ImmutableArray<UnitCoverage> Grids { get; }

    /// <summary>Households in the district.</summary>
    public int Households { get; }

    /// <summary>Households with a liaison.</summary>
    public int Covered { get; }

    /// <summary>Households without a liaison.</summary>
    public int Uncovered => Households - Covered;

    /// <summary>Covered over all households; 1 when there are none.</summary>
    public double CoverageRate => Households == 0 ? 1 : (double)Covered / Households;

    /// <summary>Members below <see cref="LiaisonOptions.MinHouseholds"/>, over all communities.</summary>
    public int MembersBelowMin { get; }

    /// <summary>The sum of the communities' <see cref="UnitCoverage.MembersNeeded"/>.</summary>
    public int MembersNeeded { get; }

    /// <summary>Returns the district's figures in one line.</summary>
    public override string ToString() =>
        $"{Covered}/{Households} households covered ({CoverageRate:P1}); {MembersNeeded} more members needed; {MembersBelowMin} members below the minimum";
}
