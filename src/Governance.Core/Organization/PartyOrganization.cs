namespace Governance.Core.Organization;

/// <summary>
/// A party organisation on one administrative unit. The party tree mirrors the units: an organisation's parent is
/// the organisation of the nearest ancestor unit that has one (see <see cref="Chart.ParentOf(PartyOrganization)"/>).
/// </summary>
public sealed class PartyOrganization
{
    internal PartyOrganization(int index, PartyOrganizationId id, PartyOrganizationKind kind, string name, UnitId unitId)
    {
        Index = index;
        Id = id;
        Kind = kind;
        Name = name;
        UnitId = unitId;
    }

    /// <summary>The organisation's id, unique in its chart.</summary>
    public PartyOrganizationId Id { get; }

    /// <summary>Its level in the party tree; always matches the level of <see cref="UnitId"/>.</summary>
    public PartyOrganizationKind Kind { get; }

    /// <summary>Its name, for example 通瑞嘉苑社区党总支.</summary>
    public string Name { get; }

    /// <summary>The unit it sits on; a unit has at most one party organisation.</summary>
    public UnitId UnitId { get; }

    internal int Index { get; }

    /// <summary>Returns <c>Name (Id)</c>.</summary>
    public override string ToString() => $"{Name} ({Id})";
}
