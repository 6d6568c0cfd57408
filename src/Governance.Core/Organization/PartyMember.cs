namespace Governance.Core.Organization;

/// <summary>
/// 党员: a party member, living in a household and belonging to a party organisation. Name and phone are personal
/// data and print masked.
/// </summary>
public sealed class PartyMember
{
    internal PartyMember(int index, PartyMemberId id, PersonName name, PhoneNumber? phone, HouseholdId householdId, PartyOrganizationId organizationId)
    {
        Index = index;
        Id = id;
        Name = name;
        Phone = phone;
        HouseholdId = householdId;
        OrganizationId = organizationId;
    }

    /// <summary>The member's id, unique in its chart.</summary>
    public PartyMemberId Id { get; }

    /// <summary>The member's name. Personal data.</summary>
    public PersonName Name { get; }

    /// <summary>The member's phone, when known. Personal data.</summary>
    public PhoneNumber? Phone { get; }

    /// <summary>The household the member lives in.</summary>
    public HouseholdId HouseholdId { get; }

    /// <summary>The party organisation the member belongs to.</summary>
    public PartyOrganizationId OrganizationId { get; }

    internal int Index { get; }

    /// <summary>Returns the id and the masked name, never raw personal data.</summary>
    public override string ToString() => $"{Name} ({Id})";
}
