using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Governance.Core.Organization;

namespace Governance.Core.Tests.Organization;

/// <summary>
/// Generators of random valid charts, as <see cref="ChartRecipe"/>s: one district, 1–4 street-level units of mixed
/// kinds, 1–3 communities or villages each, grids, buildings, 0–5 households per building, property companies,
/// offices, departments, staff, party organisations of the right kind and members. Units are added in shuffled
/// order (children often before parents); ids carry unicode and punctuation; some households have no head or phone.
/// </summary>
public static class ChartGenerators
{
    /// <summary>Appended to an id's kind and number; none starts with a digit, so ids stay unique.</summary>
    private static readonly string[] IdDecorations =
    [
        "", "", "", "-北苑", "_楼", ".3", "·东", "(东)", "#1", "/a", "'", "\"q\"", "\\", "😀", "𠀀", "é", "Ω", "[0]", "$", "{x}",
        "&amp;", "<b>", "+", "%20", "\u200d", "ـ", LongIdMarker,
    ];

    private const string LongIdMarker = "<pad to the longest id allowed>";

    private static readonly string[] UnitNames = ["北苑街道", "新华西街社区", "宋庄镇", "于家务回族乡", "小堡村", "第一网格", "3号楼", "Tongzhou Grid 7", " 玉桥 ", "𠀀村"];

    private static readonly string[] PersonNames = ["张三", "欧阳明月", "李四", "王小五", "司马相如", "Zhang San", "𠀀二", "阿依古丽·买买提"];

    private static readonly string[] Phones = ["13812341234", "010-8952 1234", "+86 138 1234 1234", "12345", "110", "138****1234", "8952-1234"];

    private static readonly ImmutableList<string>[] DutySets =
    [
        [], [], ["环境卫生"], ["城市管理", "12345"], ["gas.leak", "water/outage", "噪音 扰民"],
    ];

    private static readonly string[] Addresses = ["", "2单元301", "1-101", "东门", "B座 12F"];

    /// <summary>A random valid chart.</summary>
    public static Gen<ChartRecipe> ValidChart =>
        from streets in Street.ArrayOf().Resize(4).Where(s => s.Length is >= 1 and <= 4)
        from districtDecoration in Gen.Elements(IdDecorations)
        from districtName in Gen.Elements(UnitNames)
        from shuffleUnits in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        let tree = Assemble(streets, districtDecoration, districtName)
        from units in shuffleUnits ? Gen.Shuffle(tree.Units.ToArray()) : Gen.Constant(tree.Units.ToArray())
        from households in Gen.Shuffle(tree.Households.ToArray())
        from extras in Extras(tree)
        select extras with { Units = [.. units], Households = [.. households] };

    private static Gen<string?> OrNone(string[] values) =>
        Gen.Frequency((1, Gen.Constant<string?>(null)), (3, Gen.Elements(values).Select(v => (string?)v)));

    private static Gen<HouseholdShape> Household { get; } =
        from decoration in Gen.Elements(IdDecorations)
        from address in Gen.Elements(Addresses)
        from head in OrNone(PersonNames)
        from phone in OrNone(Phones)
        from residents in Gen.Frequency((1, Gen.Elements(0, 100)), (4, Gen.Choose(1, 6)))
        select new HouseholdShape(decoration, address, head, phone, residents);

    private static Gen<NodeShape> Node(UnitKind[] kinds, int minChildren, int maxChildren, Gen<NodeShape>? child, Gen<HouseholdShape>? households) =>
        from decoration in Gen.Elements(IdDecorations)
        from kind in Gen.Elements(kinds)
        from name in Gen.Elements(UnitNames)
        from party in Gen.Frequency((1, Gen.Constant(false)), (2, Gen.Constant(true)))
        from childCount in Gen.Choose(minChildren, maxChildren)
        from children in child is null ? Gen.Constant(Array.Empty<NodeShape>()) : child.ArrayOf(childCount)
        from householdCount in Gen.Choose(0, 5)
        from homes in households is null ? Gen.Constant(Array.Empty<HouseholdShape>()) : households.ArrayOf(householdCount)
        select new NodeShape(decoration, kind, name, party, children, homes);

    private static Gen<NodeShape> Building { get; } = Node([UnitKind.Building], 0, 0, null, Household);

    private static Gen<NodeShape> Grid { get; } = Node([UnitKind.Grid], 0, 2, Building, null);

    private static Gen<NodeShape> Community { get; } = Node([UnitKind.Community, UnitKind.Village], 0, 2, Grid, null);

    private static Gen<NodeShape> Street { get; } = Node([UnitKind.Subdistrict, UnitKind.Town, UnitKind.Township], 1, 3, Community, null);

    private static Tree Assemble(NodeShape[] streets, string districtDecoration, string districtName)
    {
        var tree = new Tree();
        var district = tree.NewId("区", districtDecoration);
        tree.Units.Add(new UnitRecipe(district, UnitKind.District, districtName, null));
        foreach (var street in streets)
        {
            AddNode(tree, street, district);
        }

        return tree;
    }

    private static void AddNode(Tree tree, NodeShape node, string parent)
    {
        var id = tree.NewId(node.Kind switch
        {
            UnitKind.Building => "楼",
            UnitKind.Grid => "grid",
            UnitKind.Community or UnitKind.Village => "c",
            _ => "街",
        }, node.Decoration);
        tree.Units.Add(new UnitRecipe(id, node.Kind, node.Name, parent));
        if (node.HasPartyOrganization)
        {
            var kind = node.Kind.Level() switch
            {
                UnitLevel.StreetLevel => PartyOrganizationKind.WorkingCommittee,
                UnitLevel.Community => PartyOrganizationKind.GeneralBranch,
                UnitLevel.Grid => PartyOrganizationKind.Branch,
                _ => PartyOrganizationKind.Group,
            };
            tree.PartyOrganizations.Add(new PartyOrganizationRecipe(tree.NewId("党", node.Decoration), kind, node.Name + "党组织", id));
        }

        foreach (var h in node.Households)
        {
            tree.Households.Add(new HouseholdRecipe(tree.NewId("h", h.Decoration), id, h.Address, h.Head, h.Phone, h.Residents));
        }

        foreach (var child in node.Children)
        {
            AddNode(tree, child, id);
        }
    }

    /// <summary>Companies, offices, departments, staff and members for a tree; each refers only to what exists.</summary>
    private static Gen<ChartRecipe> Extras(Tree tree)
    {
        var communities = tree.Units.Where(u => u.Kind.Level() == UnitLevel.Community).Select(u => u.Id).ToArray();
        var streets = tree.Units.Where(u => u.Kind.IsStreetLevel()).Select(u => u.Id).ToArray();

        var company =
            from decoration in Gen.Elements(IdDecorations)
            from name in Gen.Elements("万科物业", "北京金隅物业", "Tongzhou Property Co.", "物业")
            from hotline in Gen.Elements("", "400-810-1234", "89521234")
            from count in Gen.Choose(1, Math.Min(3, communities.Length))
            from served in Gen.Shuffle(communities)
            select (decoration, name, hotline, served: served.Take(count).ToArray());

        var office =
            from decoration in Gen.Elements(IdDecorations)
            from name in Gen.Elements("城市管理办公室", "社区建设办公室", "平安建设办公室")
            from unit in Gen.Elements(streets)
            from duties in Gen.Elements(DutySets)
            select (decoration, name, unit, duties);

        var department =
            from decoration in Gen.Elements(IdDecorations)
            from name in Gen.Elements("区城市管理委员会", "区住房和城乡建设委员会", "区水务局")
            from duties in Gen.Elements(DutySets)
            select (decoration, name, duties);

        return
            from companyShapes in company.ArrayOf().Resize(3).Select(a => communities.Length == 0 ? [] : a)
            from officeShapes in office.ArrayOf().Resize(3)
            from departmentShapes in department.ArrayOf().Resize(3)
            let bodies = Bodies(tree, companyShapes, officeShapes, departmentShapes)
            from staffShapes in Staff(tree, bodies).ArrayOf().Resize(5)
            from memberShapes in Member(tree).ArrayOf().Resize(6).Select(a => tree.Households.Count == 0 || tree.PartyOrganizations.Count == 0 ? [] : a)
            select new ChartRecipe(
                [.. tree.Units], [.. tree.Households], bodies.Companies, bodies.Offices, bodies.Departments,
                [.. staffShapes.Select(s => s(tree))], [.. tree.PartyOrganizations], [.. memberShapes.Select(m => m(tree))]);
    }

    private static BodySet Bodies(
        Tree tree,
        (string Decoration, string Name, string Hotline, string[] Served)[] companies,
        (string Decoration, string Name, string Unit, ImmutableList<string> Duties)[] offices,
        (string Decoration, string Name, ImmutableList<string> Duties)[] departments) =>
        new(
            [.. companies.Select(c => new PropertyCompanyRecipe(tree.NewId("物业", c.Decoration), c.Name, c.Hotline, [.. c.Served]))],
            [.. offices.Select(o => new SubdistrictOfficeRecipe(tree.NewId("科", o.Decoration), o.Name, o.Unit, o.Duties))],
            [.. departments.Select(d => new DistrictDepartmentRecipe(tree.NewId("dept", d.Decoration), d.Name, d.Duties))]);

    private static Gen<Func<Tree, StaffRecipe>> Staff(Tree tree, BodySet bodies)
    {
        var agencys = tree.Units.Select(u => (AgencyKind.Unit, u.Id))
            .Concat(bodies.Companies.Select(c => (AgencyKind.PropertyCompany, c.Id)))
            .Concat(bodies.Offices.Select(o => (AgencyKind.SubdistrictOffice, o.Id)))
            .Concat(bodies.Departments.Select(d => (AgencyKind.DistrictDepartment, d.Id)))
            .ToArray();
        return
            from decoration in Gen.Elements(IdDecorations)
            from name in Gen.Elements(PersonNames)
            from role in Gen.Elements("", "村委会主任", "物业经理", "网格员", "楼门长")
            from phone in Gen.Elements("", "010-81512345", "13900001111")
            from agency in Gen.Elements(agencys)
            from duties in Gen.Elements(DutySets)
            select (Func<Tree, StaffRecipe>)(t => new StaffRecipe(t.NewId("staff", decoration), name, role, phone, agency.Item1, agency.Id, duties));
    }

    private static Gen<Func<Tree, PartyMemberRecipe>> Member(Tree tree) =>
        from decoration in Gen.Elements(IdDecorations)
        from name in Gen.Elements(PersonNames)
        from phone in OrNone(Phones)
        from household in Gen.Choose(0, Math.Max(0, tree.Households.Count - 1))
        from organization in Gen.Choose(0, Math.Max(0, tree.PartyOrganizations.Count - 1))
        select (Func<Tree, PartyMemberRecipe>)(t => new PartyMemberRecipe(
            t.NewId("党员", decoration), name, phone, t.Households[household].Id, t.PartyOrganizations[organization].Id));

    private sealed record HouseholdShape(string Decoration, string Address, string? Head, string? Phone, int Residents);

    private sealed record NodeShape(string Decoration, UnitKind Kind, string Name, bool HasPartyOrganization, NodeShape[] Children, HouseholdShape[] Households);

    private sealed record BodySet(
        ImmutableList<PropertyCompanyRecipe> Companies,
        ImmutableList<SubdistrictOfficeRecipe> Offices,
        ImmutableList<DistrictDepartmentRecipe> Departments);

    /// <summary>The units, households and party organisations of one generated tree, and the id counter.</summary>
    private sealed class Tree
    {
        private int _next;

        public List<UnitRecipe> Units { get; } = [];

        public List<HouseholdRecipe> Households { get; } = [];

        public List<PartyOrganizationRecipe> PartyOrganizations { get; } = [];

        /// <summary>A fresh id: the kind, a number unique in the chart, a decoration.</summary>
        public string NewId(string kind, string decoration)
        {
            var id = $"{kind}{++_next}";
            return decoration == LongIdMarker ? id + new string('长', 128 - id.Length) : id + decoration;
        }
    }
}

/// <summary>The arbitraries property tests register with <c>[Property(Arbitrary = new[] { typeof(ChartArbitraries) })]</c>.</summary>
public static class ChartArbitraries
{
    public static Arbitrary<ChartRecipe> ValidCharts() => ChartGenerators.ValidChart.ToArbitrary();
}
