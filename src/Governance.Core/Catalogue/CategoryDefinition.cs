using Governance.Core.Time;

namespace Governance.Core.Catalogue;

/// <summary>
/// One entry of a <see cref="CategoryCatalogue"/>: a category code, its name, its class and who handles it. Values
/// are resolved: a field the entry left out is the one inherited from its nearest defined ancestor code. Immutable;
/// made by <see cref="CatalogueBuilder"/> or <see cref="CatalogueJson"/>.
/// </summary>
public sealed class CategoryDefinition
{
    internal CategoryDefinition(int index, CategoryCode code, string name, CategoryClass @class, ResponsibleKind responsible, string? duty)
    {
        Index = index;
        Code = code;
        Name = name;
        Class = @class;
        Responsible = responsible;
        Duty = duty;
    }

    /// <summary>The category's code, unique in its catalogue, for example <c>物业/电梯/困人</c>.</summary>
    public CategoryCode Code { get; }

    /// <summary>The category's name as residents and desks read it, for example 电梯困人.</summary>
    public string Name { get; }

    /// <summary>How urgent the category is; sets the resolution limit of its requests.</summary>
    public CategoryClass Class { get; }

    /// <summary>Which kind of body handles the category's requests.</summary>
    public ResponsibleKind Responsible { get; }

    /// <summary>
    /// The duty matched, by exact ordinal comparison, against the <c>Duties</c> of subdistrict offices and district
    /// departments: it picks the handler for <see cref="ResponsibleKind.SubdistrictOffice"/> and
    /// <see cref="ResponsibleKind.DistrictDepartment"/> (for which it is always set), and the office and department
    /// that escalation climbs to for every kind. <see langword="null"/> when the category names no duty; escalation
    /// then stops at the street-level unit.
    /// </summary>
    public string? Duty { get; }

    /// <summary>The definition's position in <see cref="CategoryCatalogue.Categories"/>.</summary>
    internal int Index { get; }

    /// <summary>Returns <c>Code Name</c>.</summary>
    public override string ToString() => $"{Code} {Name}";
}
