namespace Governance.Core.Organization.Synthetic;

/// <summary>
/// The shape of a generated district. The defaults give a Tongzhou-sized district: 20 street-level units,
/// 600 communities and villages, about 2,400 grids of 200–400 households, about 720,000 households.
/// </summary>
public sealed record SyntheticChartOptions
{
    /// <summary>The seed; the same options always give the same chart. Default 2022, the year of grassroots governance.</summary>
    public int Seed { get; init; } = 2022;

    /// <summary>Subdistricts, towns and townships under the district; at least 1. Default 20.</summary>
    public int StreetLevelUnits { get; init; } = 20;

    /// <summary>Communities and villages under each street-level unit; at least 1. Default 30.</summary>
    public int CommunitiesPerStreetLevelUnit { get; init; } = 30;

    /// <summary>Fewest grids in a community; at least 1. Default 3.</summary>
    public int MinGridsPerCommunity { get; init; } = 3;

    /// <summary>Most grids in a community; at least <see cref="MinGridsPerCommunity"/>. Default 5.</summary>
    public int MaxGridsPerCommunity { get; init; } = 5;

    /// <summary>Fewest households in a grid; at least 1. Default 200.</summary>
    public int MinHouseholdsPerGrid { get; init; } = 200;

    /// <summary>Most households in a grid; at least <see cref="MinHouseholdsPerGrid"/>. Default 400.</summary>
    public int MaxHouseholdsPerGrid { get; init; } = 400;

    /// <summary>The chance that a household has a party member living in it, 0 to 1. Default 0.15 (one in about seven).</summary>
    public double PartyMemberShare { get; init; } = 0.15;

    /// <summary>Communities served by one property company; at least 1. Default 3.</summary>
    public int CommunitiesPerPropertyCompany { get; init; } = 3;

    internal void Validate()
    {
        Preconditions.CheckArgument(StreetLevelUnits >= 1, nameof(StreetLevelUnits), "At least one street-level unit is needed.");
        Preconditions.CheckArgument(CommunitiesPerStreetLevelUnit >= 1, nameof(CommunitiesPerStreetLevelUnit), "At least one community per street-level unit is needed.");
        Preconditions.CheckArgument(MinGridsPerCommunity >= 1 && MaxGridsPerCommunity >= MinGridsPerCommunity, nameof(MaxGridsPerCommunity), "Grids per community must satisfy 1 <= min <= max.");
        Preconditions.CheckArgument(MinHouseholdsPerGrid >= 1 && MaxHouseholdsPerGrid >= MinHouseholdsPerGrid, nameof(MaxHouseholdsPerGrid), "Households per grid must satisfy 1 <= min <= max.");
        Preconditions.CheckArgument(PartyMemberShare is >= 0 and <= 1, nameof(PartyMemberShare), "The party member share is a probability between 0 and 1.");
        Preconditions.CheckArgument(CommunitiesPerPropertyCompany >= 1, nameof(CommunitiesPerPropertyCompany), "A property company serves at least one community.");
    }
}
