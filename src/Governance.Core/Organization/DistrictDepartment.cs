using System.Collections.Immutable;

namespace Governance.Core.Organization;

/// <summary>区级部门: a functional department of the district, summoned by a whistle (吹哨) and bound to report (报到).</summary>
public sealed class DistrictDepartment
{
    internal DistrictDepartment(int index, DistrictDepartmentId id, string name, ImmutableArray<string> duties)
    {
        Index = index;
        Id = id;
        Name = name;
        Duties = duties;
    }

    /// <summary>The department's id, unique in its chart.</summary>
    public DistrictDepartmentId Id { get; }

    /// <summary>The department's name, for example 区城市管理委员会.</summary>
    public string Name { get; }

    /// <summary>What the department answers for, as free text or category codes; may be empty.</summary>
    public ImmutableArray<string> Duties { get; }

    internal int Index { get; }

    /// <summary>Returns <c>Name (Id)</c>.</summary>
    public override string ToString() => $"{Name} ({Id})";
}
