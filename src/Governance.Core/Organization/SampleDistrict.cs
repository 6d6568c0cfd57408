using Governance.Core.Organization.Synthetic;

namespace Governance.Core.Organization;

/// <summary>
/// The sample district the samples run on: 通州区 with the real places of the source article — 北苑街道 and its
/// communities 新华西街, 后南仓 and 玉带路 (served by one property company, the 有事您找我 pilot); 潞邑街道 with
/// 通瑞嘉苑 (about 1,200 households, 3,000+ residents, on the 户联网); 于家务乡 with 渠头村; 马驹桥镇; 玉桥街道;
/// 梨园镇 — and the officials the article names as staff. Grids, buildings, households, party members, the other
/// communities and every phone number are generated deterministically and are made up.
/// </summary>
public static class SampleDistrict
{
    private const int Seed = 2022;
    private static readonly Lazy<Chart> Instance = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The sample chart; built once on first use and shared (a chart is immutable).</summary>
    public static Chart Chart => Instance.Value;

    /// <summary>Creates a new builder filled with the sample district, for a caller that wants to add to it before building.</summary>
    public static ChartBuilder CreateBuilder()
    {
        var random = new Random(Seed);
        var builder = new ChartBuilder();
        builder.AddUnit(Units.Tongzhou, UnitKind.District, "通州区");
        StandardBodies.AddDepartments(builder, random);
        var populator = new ChartPopulator(builder, random, partyMemberShare: 0.15);

        // 北苑街道: the 有事您找我 pilot in three communities that share one property company.
        AddStreetLevelUnit(builder, random, Units.Beiyuan, UnitKind.Subdistrict, "北苑街道");
        AddCommunity(builder, random, populator, Units.Xinhuaxijie, UnitKind.Community, "新华西街社区", Units.Beiyuan, grids: 4, households: 1_400);
        AddCommunity(builder, random, populator, Units.Hounancang, UnitKind.Community, "后南仓社区", Units.Beiyuan, grids: 3, households: 1_100);
        AddCommunity(builder, random, populator, Units.Yudailu, UnitKind.Community, "玉带路社区", Units.Beiyuan, grids: 4, households: 1_300);
        SyntheticChart.AddPropertyCompany(builder, random, PropertyCompanies.Beiyuan, "北苑物业服务中心", [Units.Xinhuaxijie, Units.Hounancang, Units.Yudailu]);
        builder.AddStaffMember(new StaffId("beiyuan-wuye-cheng"), "程绍军", "物业经理", "010-0000-0101",
            Agency.PropertyCompany(PropertyCompanies.Beiyuan), ["物业服务", "诉求受理"]);
        builder.AddStaffMember(new StaffId("beiyuan-cgb-song"), "宋彦学", "城市管理办公室规划负责人", "010-0000-0102",
            Agency.SubdistrictOffice(new SubdistrictOfficeId("beiyuan-cgb")), ["规划", "有事您找我"]);

        // 潞邑街道: 通瑞嘉苑 on the household network (户联网).
        AddStreetLevelUnit(builder, random, Units.Luyi, UnitKind.Subdistrict, "潞邑街道");
        AddCommunity(builder, random, populator, Units.Tongruijiayuan, UnitKind.Community, "通瑞嘉苑社区", Units.Luyi, grids: 4, households: 1_200);
        SyntheticChart.AddPropertyCompany(builder, random, PropertyCompanies.Tongruijiayuan, "通瑞嘉苑物业", [Units.Tongruijiayuan]);
        builder.AddStaffMember(new StaffId("luyi-dqb-zheng"), "郑玉华", "党群办副主任", "010-0000-0201",
            Agency.SubdistrictOffice(new SubdistrictOfficeId("luyi-dqb")), ["党建", "户联网", "党员联户"]);
        AddGenericCommunities(builder, random, populator, Units.Luyi, "潞邑街道", UnitKind.Community, count: 2);

        // 于家务乡: 渠头村 and its service card (便民卡), later the township's service calendar.
        AddStreetLevelUnit(builder, random, Units.Yujiawu, UnitKind.Township, "于家务乡");
        AddCommunity(builder, random, populator, Units.Qutou, UnitKind.Village, "渠头村", Units.Yujiawu, grids: 2, households: 600);
        builder.AddStaffMember(new StaffId("qutou-yan"), "闫刚", "村委会主任", "010-0000-0301", Agency.Unit(Units.Qutou), ["村务", "12345工单"]);
        builder.AddStaffMember(new StaffId("yujiawu-meng"), "孟慧", "乡党委委员、宣传委员", "010-0000-0302", Agency.Unit(Units.Yujiawu), ["宣传", "便民服务年历", "急难愁盼台账"]);
        AddGenericCommunities(builder, random, populator, Units.Yujiawu, "于家务乡", UnitKind.Village, count: 2);

        // The other brands' homes: 马桥近邻, 玉见骑士, 零距梨.
        AddStreetLevelUnit(builder, random, Units.Majuqiao, UnitKind.Town, "马驹桥镇");
        AddGenericCommunities(builder, random, populator, Units.Majuqiao, "马驹桥镇", UnitKind.Village, count: 3);
        AddStreetLevelUnit(builder, random, Units.Yuqiao, UnitKind.Subdistrict, "玉桥街道");
        AddGenericCommunities(builder, random, populator, Units.Yuqiao, "玉桥街道", UnitKind.Community, count: 3);
        AddStreetLevelUnit(builder, random, Units.Liyuan, UnitKind.Town, "梨园镇");
        AddGenericCommunities(builder, random, populator, Units.Liyuan, "梨园镇", UnitKind.Community, count: 3);
        return builder;
    }

    private static Chart Create() => CreateBuilder().Build();

    private static void AddStreetLevelUnit(ChartBuilder builder, Random random, UnitId id, UnitKind kind, string name)
    {
        builder.AddUnit(id, kind, name, Units.Tongzhou);
        builder.AddPartyOrganization(new PartyOrganizationId($"{id.Value}-committee"), PartyOrganizationKind.WorkingCommittee,
            kind == UnitKind.Subdistrict ? $"{name}党工委" : $"{name}党委", id);
        StandardBodies.AddOffices(builder, random, id, name);
    }

    private static void AddCommunity(ChartBuilder builder, Random random, ChartPopulator populator, UnitId id, UnitKind kind, string name, UnitId parent, int grids, int households)
    {
        builder.AddUnit(id, kind, name, parent);
        var branch = new PartyOrganizationId($"{id.Value}-branch");
        builder.AddPartyOrganization(branch, PartyOrganizationKind.GeneralBranch, $"{name}党总支", id);
        StandardBodies.AddCommunityStaff(builder, random, id, kind == UnitKind.Village);
        populator.PopulateCommunity(id, name, branch, grids, households);
    }

    private static void AddGenericCommunities(ChartBuilder builder, Random random, ChartPopulator populator, UnitId parent, string parentName, UnitKind kind, int count)
    {
        var communities = new List<UnitId>();
        for (var c = 1; c <= count; c++)
        {
            var id = new UnitId($"{parent.Value}-c{c}");
            AddCommunity(builder, random, populator, id, kind, $"{parentName}第{c}{(kind == UnitKind.Village ? "村" : "社区")}", parent,
                grids: random.Next(2, 5), households: random.Next(600, 1_400));
            communities.Add(id);
        }

        if (kind == UnitKind.Community)
        {
            SyntheticChart.AddPropertyCompany(builder, random, new PropertyCompanyId($"{parent.Value}-wuye"), $"{parentName}物业", communities);
        }
    }

    /// <summary>Ids of the sample district's named units.</summary>
    public static class Units
    {
        /// <summary>通州区, the district.</summary>
        public static readonly UnitId Tongzhou = new("tongzhou");

        /// <summary>北苑街道, home of 有事您找我.</summary>
        public static readonly UnitId Beiyuan = new("beiyuan");

        /// <summary>新华西街社区 in 北苑街道.</summary>
        public static readonly UnitId Xinhuaxijie = new("beiyuan-xinhuaxijie");

        /// <summary>后南仓社区 in 北苑街道.</summary>
        public static readonly UnitId Hounancang = new("beiyuan-hounancang");

        /// <summary>玉带路社区 in 北苑街道.</summary>
        public static readonly UnitId Yudailu = new("beiyuan-yudailu");

        /// <summary>潞邑街道, home of 户联网.</summary>
        public static readonly UnitId Luyi = new("luyi");

        /// <summary>通瑞嘉苑社区 in 潞邑街道: about 1,200 households.</summary>
        public static readonly UnitId Tongruijiayuan = new("luyi-tongruijiayuan");

        /// <summary>于家务乡, which hands out the service calendar.</summary>
        public static readonly UnitId Yujiawu = new("yujiawu");

        /// <summary>渠头村 in 于家务乡, which first printed a service card.</summary>
        public static readonly UnitId Qutou = new("yujiawu-qutou");

        /// <summary>马驹桥镇, home of 马桥近邻.</summary>
        public static readonly UnitId Majuqiao = new("majuqiao");

        /// <summary>玉桥街道, home of 玉见骑士.</summary>
        public static readonly UnitId Yuqiao = new("yuqiao");

        /// <summary>梨园镇, home of 零距梨.</summary>
        public static readonly UnitId Liyuan = new("liyuan");
    }

    /// <summary>Ids of the sample district's named property companies.</summary>
    public static class PropertyCompanies
    {
        /// <summary>The company serving 新华西街, 后南仓 and 玉带路: the 有事您找我 "phone for everything".</summary>
        public static readonly PropertyCompanyId Beiyuan = new("beiyuan-wuye");

        /// <summary>The company serving 通瑞嘉苑.</summary>
        public static readonly PropertyCompanyId Tongruijiayuan = new("luyi-tongruijiayuan-wuye");
    }
}
