namespace Governance.Core.Liaison;

/// <summary>
/// The rules of 党员联户: how many households a liaison looks after and what a link costs by how near the liaison
/// lives to the household. Immutable; checked when it is used, and an invalid value throws
/// <see cref="ArgumentException"/> naming the property.
/// </summary>
/// <remarks>
/// A link's cost comes from the lowest unit that holds both the liaison's home and the household: the same building,
/// the same grid, the same community or village, or (only when <see cref="AllowAcrossCommunities"/>) the same
/// street-level unit. A nearer relation never costs more than a farther one:
/// 0 ≤ <see cref="SameBuildingCost"/> ≤ <see cref="SameGridCost"/> ≤ <see cref="SameCommunityCost"/> ≤
/// <see cref="AcrossCommunitiesCost"/> ≤ 1,000.
/// </remarks>
public sealed record LiaisonOptions
{
    /// <summary>The largest bound or cost accepted, so that the solver's weighted objective cannot overflow.</summary>
    public const int Limit = 1_000;

    /// <summary>The default rules: 5 to 10 households per liaison, costs 1 / 3 / 10 / 30, within communities only.</summary>
    public static LiaisonOptions Default { get; } = new();

    /// <summary>Fewest households a liaison should look after; 0 to <see cref="MaxHouseholds"/>. Default 5.</summary>
    /// <remarks>A soft bound: when a community has more members than its households can keep busy, some stay below it and are reported.</remarks>
    public int MinHouseholds { get; init; } = 5;

    /// <summary>Most households a liaison may look after; 1 to <see cref="Limit"/>. Default 10. A hard bound: never exceeded.</summary>
    public int MaxHouseholds { get; init; } = 10;

    /// <summary>Cost of a link to a household in the liaison's own building. Default 1.</summary>
    public int SameBuildingCost { get; init; } = 1;

    /// <summary>Cost of a link to a household in another building of the liaison's grid. Default 3.</summary>
    public int SameGridCost { get; init; } = 3;

    /// <summary>Cost of a link to a household in another grid of the liaison's community or village. Default 10.</summary>
    public int SameCommunityCost { get; init; } = 10;

    /// <summary>Cost of a link to a household in another community of the same street-level unit; used only when <see cref="AllowAcrossCommunities"/>. Default 30.</summary>
    public int AcrossCommunitiesCost { get; init; } = 30;

    /// <summary>
    /// Whether a liaison may look after households of another community or village of the same subdistrict, town or
    /// township. Default <see langword="false"/>: each community is solved on its own. When true, each street-level unit
    /// is solved as one problem; links never cross street-level units.
    /// </summary>
    public bool AllowAcrossCommunities { get; init; }

    /// <summary>The cost of a link whose liaison and household meet first at <paramref name="level"/>.</summary>
    internal int CostAt(Organization.UnitLevel level) => level switch
    {
        Organization.UnitLevel.Building => SameBuildingCost,
        Organization.UnitLevel.Grid => SameGridCost,
        Organization.UnitLevel.Community => SameCommunityCost,
        _ => AcrossCommunitiesCost,
    };

    /// <summary>
    /// Checks every rule, as <see cref="LiaisonAssigner"/> does before it solves: 1 ≤ <see cref="MaxHouseholds"/> ≤
    /// <see cref="Limit"/>; 0 ≤ <see cref="MinHouseholds"/> ≤ <see cref="MaxHouseholds"/>; and the costs never fall as
    /// the relation gets farther, from 0 up to <see cref="Limit"/> (see the remarks). Call it to check options read from
    /// configuration before a run.
    /// </summary>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException">A rule is out of range; the parameter name is the property's name.</exception>
    public LiaisonOptions Validate()
    {
        Preconditions.CheckArgument(MaxHouseholds is >= 1 and <= Limit, nameof(MaxHouseholds), $"A liaison looks after 1 to {Limit} households at most.");
        Preconditions.CheckArgument(MinHouseholds >= 0 && MinHouseholds <= MaxHouseholds, nameof(MinHouseholds), "The minimum must lie between 0 and the maximum.");
        Preconditions.CheckArgument(SameBuildingCost >= 0, nameof(SameBuildingCost), "Costs are not negative.");
        Preconditions.CheckArgument(SameGridCost >= SameBuildingCost, nameof(SameGridCost), "A link within the grid cannot cost less than one within the building.");
        Preconditions.CheckArgument(SameCommunityCost >= SameGridCost, nameof(SameCommunityCost), "A link within the community cannot cost less than one within the grid.");
        Preconditions.CheckArgument(AcrossCommunitiesCost >= SameCommunityCost, nameof(AcrossCommunitiesCost), "A link across communities cannot cost less than one within the community.");
        Preconditions.CheckArgument(AcrossCommunitiesCost <= Limit, nameof(AcrossCommunitiesCost), $"Costs are at most {Limit}.");
        return this;
    }
}
