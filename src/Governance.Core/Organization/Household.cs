namespace Governance.Core.Organization;

/// <summary>
/// 户: a household living in a building. Its head's name and phone number are personal data and print masked.
/// </summary>
public sealed class Household
{
    internal Household(int index, HouseholdId id, UnitId buildingId, string address, PersonName? head, PhoneNumber? phone, int residents)
    {
        Index = index;
        Id = id;
        BuildingId = buildingId;
        Address = address;
        Head = head;
        Phone = phone;
        Residents = residents;
    }

    /// <summary>The household's id, unique in its chart.</summary>
    public HouseholdId Id { get; }

    /// <summary>The building the household lives in (always a <see cref="UnitKind.Building"/>).</summary>
    public UnitId BuildingId { get; }

    /// <summary>The door within the building, for example <c>2单元301</c>; may be empty.</summary>
    public string Address { get; }

    /// <summary>The head of the household, when known. Personal data.</summary>
    public PersonName? Head { get; }

    /// <summary>The household's contact number, when known. Personal data.</summary>
    public PhoneNumber? Phone { get; }

    /// <summary>How many people live there (0 for an empty flat).</summary>
    public int Residents { get; }

    /// <summary>The household's position in <see cref="Chart.Households"/>.</summary>
    internal int Index { get; }

    /// <summary>Returns the id, the address and the masked head, never raw personal data.</summary>
    public override string ToString() => Head is { } head ? $"{Id} {Address} {head}" : $"{Id} {Address}";
}
