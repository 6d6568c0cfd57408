using System.Collections.Immutable;
using Governance.Core.Organization;
using NodaTime;

namespace Governance.Core.Projects;

/// <summary>
/// A year's progress towards the library's target (每年实施100项小微工程) as it stood at <see cref="AsOf"/>: a project
/// counts for the local year (in the library's zone) in which it was completed, whether or not it was evaluated since.
/// Built by <see cref="MicroProjectLibrary.Progress"/>; immutable.
/// </summary>
/// <param name="Year">The year.</param>
/// <param name="AsOf">The instant described; events after it are ignored.</param>
/// <param name="Target">How many projects the year should implement.</param>
/// <param name="Implemented">Projects completed in the year by <see cref="AsOf"/>, in the library's order.</param>
/// <param name="ExpectedByNow">
/// The target pro rata to the share of the year's days that have ended by the local date of <see cref="AsOf"/>
/// (inclusive), rounded down: 0 before the year, the target after it.
/// </param>
/// <param name="ByTheme">Implemented projects per theme; every theme is present.</param>
/// <param name="ByStreetLevelUnit">
/// Implemented projects per street-level unit of their place (a place at district level counts for the district);
/// units with none are absent.
/// </param>
/// <param name="Spent">The actual cost of the implemented projects, in yuan.</param>
/// <param name="FundedBy">What the implemented projects' funding plans took from each source, in yuan; every source is present.</param>
/// <param name="Pipeline">All the library's projects by status at <see cref="AsOf"/>, whatever their year; every status a project can be in is present.</param>
public sealed record ProjectProgress(
    int Year, Instant AsOf, int Target, ImmutableArray<MicroProjectId> Implemented, int ExpectedByNow,
    ImmutableDictionary<ProjectTheme, int> ByTheme, ImmutableDictionary<UnitId, int> ByStreetLevelUnit, decimal Spent,
    ImmutableDictionary<FundingSource, decimal> FundedBy, ImmutableDictionary<MicroProjectStatus, int> Pipeline)
{
    /// <summary>How many were implemented.</summary>
    public int Count => Implemented.Length;

    /// <summary>How many are still to implement to reach the target; never below zero.</summary>
    public int Remaining => Math.Max(0, Target - Count);

    /// <summary>The share of the target implemented, 0 to 1 or more; 1 when the target is 0.</summary>
    public double Share => Target == 0 ? 1 : (double)Count / Target;

    /// <summary>True when at least <see cref="ExpectedByNow"/> were implemented.</summary>
    public bool OnTrack => Count >= ExpectedByNow;

    /// <summary>Implemented projects at <paramref name="unit"/>'s street level; 0 when none.</summary>
    public int For(UnitId unit) => ByStreetLevelUnit.GetValueOrDefault(unit);

    /// <summary>Returns <c>Year: Count/Target (expected ExpectedByNow)</c>.</summary>
    public override string ToString() => $"{Year}: {Count}/{Target} (expected {ExpectedByNow} by now)";
}
