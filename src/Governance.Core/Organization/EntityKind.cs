namespace Governance.Core.Organization;

/// <summary>The kinds of item in a chart; they share one id namespace. The names double as JSON list names.</summary>
internal enum EntityKind : byte
{
    Unit,
    Household,
    PropertyCompany,
    SubdistrictOffice,
    DistrictDepartment,
    StaffMember,
    PartyOrganization,
    PartyMember,
}

/// <summary>
/// Where an id points: the kind of item, its index in that kind's list (and entity array), and its index in the
/// source document for error paths.
/// </summary>
internal readonly record struct EntityRef(EntityKind Kind, int Index, int SourceIndex);

internal static class EntityKindNames
{
    /// <summary>The JSON list that holds items of <paramref name="kind"/>, as in <c>$.units[3]</c>.</summary>
    public static string ListName(this EntityKind kind) => kind switch
    {
        EntityKind.Unit => "units",
        EntityKind.Household => "households",
        EntityKind.PropertyCompany => "propertyCompanies",
        EntityKind.SubdistrictOffice => "subdistrictOffices",
        EntityKind.DistrictDepartment => "districtDepartments",
        EntityKind.StaffMember => "staff",
        EntityKind.PartyOrganization => "partyOrganizations",
        EntityKind.PartyMember => "partyMembers",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A word for error messages: "unit", "household", "property company".</summary>
    public static string Noun(this EntityKind kind) => kind switch
    {
        EntityKind.Unit => "unit",
        EntityKind.Household => "household",
        EntityKind.PropertyCompany => "property company",
        EntityKind.SubdistrictOffice => "subdistrict office",
        EntityKind.DistrictDepartment => "district department",
        EntityKind.StaffMember => "staff member",
        EntityKind.PartyOrganization => "party organisation",
        EntityKind.PartyMember => "party member",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string PathOf(this EntityKind kind, int index) => $"$.{kind.ListName()}[{index}]";
}
