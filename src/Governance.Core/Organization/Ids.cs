namespace Governance.Core.Organization;

// Every id in a chart is one namespace: no two items of any kind share an id, so a JSON
// reference such as a staff member's "agency" resolves without saying its kind.
// Ids are compared ordinally (case-sensitive); see ChartBuilder for the characters allowed.

/// <summary>Identifies a <see cref="Unit"/> (district, street-level unit, community, village, grid or building).</summary>
/// <param name="Value">The id text; ordinal, case-sensitive.</param>
public readonly record struct UnitId(string Value)
{
    /// <summary>Returns the id text.</summary>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Identifies a <see cref="Household"/>.</summary>
/// <param name="Value">The id text; ordinal, case-sensitive.</param>
public readonly record struct HouseholdId(string Value)
{
    /// <summary>Returns the id text.</summary>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Identifies a <see cref="PropertyCompany"/>.</summary>
/// <param name="Value">The id text; ordinal, case-sensitive.</param>
public readonly record struct PropertyCompanyId(string Value)
{
    /// <summary>Returns the id text.</summary>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Identifies a <see cref="SubdistrictOffice"/>.</summary>
/// <param name="Value">The id text; ordinal, case-sensitive.</param>
public readonly record struct SubdistrictOfficeId(string Value)
{
    /// <summary>Returns the id text.</summary>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Identifies a <see cref="DistrictDepartment"/>.</summary>
/// <param name="Value">The id text; ordinal, case-sensitive.</param>
public readonly record struct DistrictDepartmentId(string Value)
{
    /// <summary>Returns the id text.</summary>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Identifies a <see cref="StaffMember"/>.</summary>
/// <param name="Value">The id text; ordinal, case-sensitive.</param>
public readonly record struct StaffId(string Value)
{
    /// <summary>Returns the id text.</summary>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Identifies a <see cref="PartyOrganization"/>.</summary>
/// <param name="Value">The id text; ordinal, case-sensitive.</param>
public readonly record struct PartyOrganizationId(string Value)
{
    /// <summary>Returns the id text.</summary>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Identifies a <see cref="PartyMember"/>.</summary>
/// <param name="Value">The id text; ordinal, case-sensitive.</param>
public readonly record struct PartyMemberId(string Value)
{
    /// <summary>Returns the id text.</summary>
    public override string ToString() => Value ?? string.Empty;
}
