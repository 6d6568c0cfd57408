namespace Governance.Core.Organization;

/// <summary>
/// The levels of the party tree, each on one level of the administrative tree it mirrors
/// (街道党工委 → 社区党总支 → 网格党支部 → 楼门党小组).
/// </summary>
public enum PartyOrganizationKind
{
    /// <summary>党工委 / 党委: the working committee of a street-level unit.</summary>
    WorkingCommittee,

    /// <summary>党总支: the general branch of a community or village.</summary>
    GeneralBranch,

    /// <summary>党支部: the branch of a grid.</summary>
    Branch,

    /// <summary>党小组: the group of a building.</summary>
    Group,
}

/// <summary>Facts about <see cref="PartyOrganizationKind"/> values.</summary>
public static class PartyOrganizationKindExtensions
{
    /// <summary>The administrative level a party organisation of this kind must sit on.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public static UnitLevel UnitLevel(this PartyOrganizationKind kind) => kind switch
    {
        PartyOrganizationKind.WorkingCommittee => Organization.UnitLevel.StreetLevel,
        PartyOrganizationKind.GeneralBranch => Organization.UnitLevel.Community,
        PartyOrganizationKind.Branch => Organization.UnitLevel.Grid,
        PartyOrganizationKind.Group => Organization.UnitLevel.Building,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined party organisation kind."),
    };
}
