using System.Collections.Immutable;

namespace Governance.Core.Organization;

/// <summary>物业公司: a property-management company serving one or more communities or villages.</summary>
public sealed class PropertyCompany
{
    internal PropertyCompany(int index, PropertyCompanyId id, string name, string hotline, ImmutableArray<UnitId> communities)
    {
        Index = index;
        Id = id;
        Name = name;
        Hotline = hotline;
        Communities = communities;
    }

    /// <summary>The company's id, unique in its chart.</summary>
    public PropertyCompanyId Id { get; }

    /// <summary>The company's name.</summary>
    public string Name { get; }

    /// <summary>The company's public hotline (the "万能电话" of 有事您找我); may be empty. Not personal data.</summary>
    public string Hotline { get; }

    /// <summary>The communities and villages it serves, in the order given; never empty.</summary>
    public ImmutableArray<UnitId> Communities { get; }

    internal int Index { get; }

    /// <summary>Returns <c>Name (Id)</c>.</summary>
    public override string ToString() => $"{Name} ({Id})";
}
