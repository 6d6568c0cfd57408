using System.Collections.Immutable;

namespace Governance.Core.Organization;

/// <summary>
/// A member of staff at a unit, property company, office or department. Staff names and work phones are the
/// public contacts printed on service cards (便民卡), so unlike residents' data they are plain text.
/// </summary>
public sealed class StaffMember
{
    internal StaffMember(int index, StaffId id, string name, string role, string phone, Agency agency, ImmutableArray<string> duties)
    {
        Index = index;
        Id = id;
        Name = name;
        Role = role;
        Phone = phone;
        Agency = agency;
        Duties = duties;
    }

    /// <summary>The staff member's id, unique in its chart.</summary>
    public StaffId Id { get; }

    /// <summary>The staff member's name, as printed on the service card.</summary>
    public string Name { get; }

    /// <summary>The role, for example 村委会主任 or 物业经理; may be empty.</summary>
    public string Role { get; }

    /// <summary>The public work phone; may be empty.</summary>
    public string Phone { get; }

    /// <summary>Where the staff member works.</summary>
    public Agency Agency { get; }

    /// <summary>What the staff member answers for, as free text or category codes; may be empty.</summary>
    public ImmutableArray<string> Duties { get; }

    internal int Index { get; }

    /// <summary>Returns <c>Name, Role (Id)</c>.</summary>
    public override string ToString() => Role.Length == 0 ? $"{Name} ({Id})" : $"{Name}, {Role} ({Id})";
}
