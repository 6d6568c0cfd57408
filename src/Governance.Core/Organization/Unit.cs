namespace Governance.Core.Organization;

/// <summary>
/// An administrative unit: the district, a subdistrict / town / township, a community / village, a grid or a
/// building. Immutable; made by <see cref="ChartBuilder"/> and queried through its <see cref="Chart"/>.
/// </summary>
public sealed class Unit
{
    internal Unit(int index, UnitId id, UnitKind kind, string name, UnitId? parentId)
    {
        Index = index;
        Id = id;
        Kind = kind;
        Name = name;
        ParentId = parentId;
    }

    /// <summary>The unit's id, unique in its chart.</summary>
    public UnitId Id { get; }

    /// <summary>What kind of unit this is.</summary>
    public UnitKind Kind { get; }

    /// <summary>The level of <see cref="Kind"/> in the tree.</summary>
    public UnitLevel Level => Kind.Level();

    /// <summary>The unit's name as residents know it, for example 北苑街道.</summary>
    public string Name { get; }

    /// <summary>The parent unit's id; <see langword="null"/> only for the district.</summary>
    public UnitId? ParentId { get; }

    /// <summary>The unit's position in <see cref="Chart.Units"/>; the chart's index arrays are keyed by it.</summary>
    internal int Index { get; }

    /// <summary>Returns <c>Name (Id)</c>.</summary>
    public override string ToString() => $"{Name} ({Id})";
}
