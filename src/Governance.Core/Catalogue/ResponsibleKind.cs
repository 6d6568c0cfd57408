namespace Governance.Core.Catalogue;

/// <summary>
/// Which kind of body a category's requests are handled by. The router turns the kind into a concrete agency near
/// the request's location: the nearest body of that kind up the tree (with the category's duty, for offices and
/// departments).
/// </summary>
public enum ResponsibleKind
{
    /// <summary>The property company serving the location's community; the community when no company serves it.</summary>
    PropertyCompany,

    /// <summary>The location's community or village (residents' / villagers' committee).</summary>
    Community,

    /// <summary>The location's subdistrict, town or township.</summary>
    StreetLevelUnit,

    /// <summary>
    /// The business office of the location's street-level unit that holds the category's duty; the street-level
    /// unit itself when none of its offices does.
    /// </summary>
    SubdistrictOffice,

    /// <summary>The district department that holds the category's duty (the first in chart order when several do).</summary>
    DistrictDepartment,
}
