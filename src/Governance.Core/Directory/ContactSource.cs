namespace Governance.Core.Directory;

/// <summary>Where a <see cref="ContactEntry"/>'s name and phone come from, best first.</summary>
public enum ContactSource
{
    /// <summary>A staff member of the handler whose duties name the category (its duty, its code or an ancestor code, or its name).</summary>
    StaffByDuty,

    /// <summary>A staff member of the handler with a phone, none of whose staff name the category: the first in chart order.</summary>
    Staff,

    /// <summary>The handler is a property company with no staff phone: its public hotline.</summary>
    AgencyHotline,

    /// <summary>The handler has no staff phone and no hotline: the city's 12345 hotline, the last resort.</summary>
    CityHotline,
}
