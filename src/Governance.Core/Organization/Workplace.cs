namespace Governance.Core.Organization;

/// <summary>The kinds of body that employ staff and answer residents.</summary>
public enum WorkplaceKind
{
    /// <summary>An administrative <see cref="Organization.Unit"/> (its committee or office).</summary>
    Unit,

    /// <summary>A <see cref="Organization.PropertyCompany"/>.</summary>
    PropertyCompany,

    /// <summary>A <see cref="Organization.SubdistrictOffice"/>.</summary>
    SubdistrictOffice,

    /// <summary>A <see cref="Organization.DistrictDepartment"/>.</summary>
    DistrictDepartment,
}

/// <summary>Where a staff member works: a unit, a property company, a subdistrict office or a district department.</summary>
/// <param name="Kind">Which kind of body <paramref name="Id"/> names.</param>
/// <param name="Id">The body's id in the chart (ids are one namespace, so the text alone identifies it).</param>
public readonly record struct Workplace(WorkplaceKind Kind, string Id)
{
    /// <summary>The workplace that is the unit <paramref name="id"/>.</summary>
    public static Workplace Unit(UnitId id) => new(WorkplaceKind.Unit, id.Value);

    /// <summary>The workplace that is the property company <paramref name="id"/>.</summary>
    public static Workplace PropertyCompany(PropertyCompanyId id) => new(WorkplaceKind.PropertyCompany, id.Value);

    /// <summary>The workplace that is the subdistrict office <paramref name="id"/>.</summary>
    public static Workplace SubdistrictOffice(SubdistrictOfficeId id) => new(WorkplaceKind.SubdistrictOffice, id.Value);

    /// <summary>The workplace that is the district department <paramref name="id"/>.</summary>
    public static Workplace DistrictDepartment(DistrictDepartmentId id) => new(WorkplaceKind.DistrictDepartment, id.Value);

    /// <summary>Returns <c>Kind:Id</c>.</summary>
    public override string ToString() => $"{Kind}:{Id}";
}
