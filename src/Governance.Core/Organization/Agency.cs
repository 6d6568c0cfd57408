namespace Governance.Core.Organization;

/// <summary>The kinds of <see cref="Agency"/>.</summary>
public enum AgencyKind
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

/// <summary>
/// A body that answers residents and employs staff: a unit's committee, a property company, a subdistrict office or
/// a district department. A staff member works for one; a request's owner (first contact) and its handler are one.
/// </summary>
/// <param name="Kind">Which kind of body <paramref name="Id"/> names.</param>
/// <param name="Id">The body's id in the chart (ids are one namespace, so the text alone identifies it).</param>
public readonly record struct Agency(AgencyKind Kind, string Id)
{
    /// <summary>The agency that is the unit <paramref name="id"/>.</summary>
    public static Agency Unit(UnitId id) => new(AgencyKind.Unit, id.Value);

    /// <summary>The agency that is the property company <paramref name="id"/>.</summary>
    public static Agency PropertyCompany(PropertyCompanyId id) => new(AgencyKind.PropertyCompany, id.Value);

    /// <summary>The agency that is the subdistrict office <paramref name="id"/>.</summary>
    public static Agency SubdistrictOffice(SubdistrictOfficeId id) => new(AgencyKind.SubdistrictOffice, id.Value);

    /// <summary>The agency that is the district department <paramref name="id"/>.</summary>
    public static Agency DistrictDepartment(DistrictDepartmentId id) => new(AgencyKind.DistrictDepartment, id.Value);

    /// <summary>Returns <c>Kind:Id</c>.</summary>
    public override string ToString() => $"{Kind}:{Id}";
}
