using System.Collections.Immutable;

namespace Governance.Core.Organization;

/// <summary>街道业务科室: a business office of a subdistrict, town or township, for example its city-management office.</summary>
public sealed class SubdistrictOffice
{
    internal SubdistrictOffice(int index, SubdistrictOfficeId id, string name, UnitId unitId, ImmutableArray<string> duties)
    {
        Index = index;
        Id = id;
        Name = name;
        UnitId = unitId;
        Duties = duties;
    }

    /// <summary>The office's id, unique in its chart.</summary>
    public SubdistrictOfficeId Id { get; }

    /// <summary>The office's name, for example 城市管理办公室.</summary>
    public string Name { get; }

    /// <summary>The street-level unit the office belongs to.</summary>
    public UnitId UnitId { get; }

    /// <summary>What the office answers for, as free text or category codes; may be empty.</summary>
    public ImmutableArray<string> Duties { get; }

    internal int Index { get; }

    /// <summary>Returns <c>Name (Id)</c>.</summary>
    public override string ToString() => $"{Name} ({Id})";
}
