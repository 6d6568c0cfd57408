namespace Governance.Core.Brands;

/// <summary>
/// One step of a brand's escalation chain: the kinds of body a request goes up through when the one below cannot
/// solve it. A chain lists steps strictly upwards, in this enum's order.
/// </summary>
public enum EscalationStep
{
    /// <summary>The property company serving the community.</summary>
    PropertyCompany,

    /// <summary>The community or village committee.</summary>
    Community,

    /// <summary>The subdistrict, town or township: its business office holding the duty, or the unit itself.</summary>
    StreetLevel,

    /// <summary>A district department, summoned by a whistle (吹哨报到) and bound by the whistle report limit.</summary>
    DistrictDepartment,
}
