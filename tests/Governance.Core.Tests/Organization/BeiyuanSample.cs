using Governance.Core.Organization;

namespace Governance.Core.Tests.Organization;

/// <summary>
/// A small hand-written chart from the article: 北苑街道 (Beiyuan) in Tongzhou, its 新华西街 community with one grid,
/// one building and one household, the property company serving the community, and the party tree from the
/// subdistrict's working committee down to the building's group with one member.
/// </summary>
internal static class BeiyuanSample
{
    public const string HeadName = "张三";
    public const string HeadPhone = "13812341234";
    public const string MemberName = "欧阳明月";
    public const string MemberPhone = "13900001111";

    public static ChartRecipe Recipe { get; } = new(
        Units:
        [
            new("tongzhou", UnitKind.District, "通州区", null),
            new("beiyuan", UnitKind.Subdistrict, "北苑街道", "tongzhou"),
            new("xinhuaxijie", UnitKind.Community, "新华西街社区", "beiyuan"),
            new("xinhuaxijie-grid-1", UnitKind.Grid, "新华西街第一网格", "xinhuaxijie"),
            new("xinhuaxijie-b3", UnitKind.Building, "3号楼", "xinhuaxijie-grid-1"),
        ],
        Households: [new("h-b3-2-301", "xinhuaxijie-b3", "2单元301", HeadName, HeadPhone, 3)],
        PropertyCompanies: [new("pc-xinhua", "新华物业", "400-810-1234", ["xinhuaxijie"])],
        SubdistrictOffices: [new("beiyuan-cgb", "城市管理办公室", "beiyuan", ["市容环境"])],
        DistrictDepartments: [new("qu-cgw", "区城市管理委员会", [])],
        Staff: [new("s-wang", "王书记", "社区党委书记", "010-81512345", AgencyKind.Unit, "xinhuaxijie", [])],
        PartyOrganizations:
        [
            new("po-beiyuan", PartyOrganizationKind.WorkingCommittee, "北苑街道党工委", "beiyuan"),
            new("po-xinhuaxijie", PartyOrganizationKind.GeneralBranch, "新华西街社区党总支", "xinhuaxijie"),
            new("po-grid-1", PartyOrganizationKind.Branch, "第一网格党支部", "xinhuaxijie-grid-1"),
            new("po-b3", PartyOrganizationKind.Group, "3号楼党小组", "xinhuaxijie-b3"),
        ],
        PartyMembers: [new("pm-ouyang", MemberName, MemberPhone, "h-b3-2-301", "po-b3")]);

    public static Chart Build() => Recipe.Build();
}
