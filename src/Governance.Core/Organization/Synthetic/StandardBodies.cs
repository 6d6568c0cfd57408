namespace Governance.Core.Organization.Synthetic;

/// <summary>The offices every street-level unit has and the district's departments, as used by the generated charts.</summary>
/// <remarks>
/// The duty strings are the ones <c>Catalogue/Data/default-catalogue.json</c> names, so the default catalogue routes
/// every category to a real office or department in the sample and synthetic districts; an office and a department
/// that share a duty (违法建设, 物业管理…) form one escalation chain. Change both together.
/// </remarks>
internal static class StandardBodies
{
    /// <summary>Suffix of the office id, its name, and its duties.</summary>
    public static readonly (string Key, string Name, string[] Duties)[] Offices =
    [
        ("cgb", "城市管理办公室", ["环境卫生", "违法建设", "停车管理", "绿化", "道路", "路灯"]),
        ("sqb", "社区建设办公室", ["社区服务", "物业管理", "老旧小区改造"]),
        ("paj", "平安建设办公室", ["治安", "矛盾调解", "邻里纠纷"]),
        ("mzb", "民生保障办公室", ["社会救助", "养老服务", "就业"]),
        ("dqb", "党群工作办公室", ["党建", "党员联户", "志愿服务"]),
        ("zfd", "综合行政执法队", ["占道经营", "噪音扰民"]),
    ];

    /// <summary>Id, name and duties of the district departments a whistle (吹哨) can summon.</summary>
    public static readonly (string Id, string Name, string[] Duties)[] Departments =
    [
        ("tongzhou-cgw", "区城市管理委员会", ["供暖", "燃气", "环境卫生", "路灯", "停车管理"]),
        ("tongzhou-zjw", "区住房和城乡建设委员会", ["物业管理", "房屋安全", "电梯", "老旧小区改造"]),
        ("tongzhou-swj", "区水务局", ["供水", "排水"]),
        ("tongzhou-ylj", "区园林绿化局", ["绿化", "古树"]),
        ("tongzhou-scj", "区市场监督管理局", ["市场监管", "食品安全", "特种设备"]),
        ("tongzhou-gaj", "区公安分局", ["治安", "交通秩序"]),
        ("tongzhou-hjj", "区生态环境局", ["环境污染", "噪音扰民"]),
        ("tongzhou-zfj", "区城市管理综合行政执法局", ["违法建设", "占道经营"]),
        ("tongzhou-mzj", "区民政局", ["社会救助", "养老服务"]),
        ("tongzhou-jtj", "区交通局", ["公交", "道路"]),
        ("tongzhou-gdj", "区供电公司", ["供电"]),
        ("tongzhou-wjw", "区卫生健康委员会", ["医疗卫生"]),
    ];

    public static void AddDepartments(ChartBuilder builder, Random random)
    {
        foreach (var (id, name, duties) in Departments)
        {
            builder.AddDistrictDepartment(new DistrictDepartmentId(id), name, duties);
            builder.AddStaffMember(new StaffId($"{id}-contact"), SyntheticNames.PlainName(random), "报到联络员", SyntheticNames.WorkPhone(random),
                Agency.DistrictDepartment(new DistrictDepartmentId(id)), duties);
        }
    }

    public static void AddOffices(ChartBuilder builder, Random random, UnitId streetLevel, string streetLevelName)
    {
        foreach (var (key, name, duties) in Offices)
        {
            var office = new SubdistrictOfficeId($"{streetLevel.Value}-{key}");
            builder.AddSubdistrictOffice(office, $"{streetLevelName}{name}", streetLevel, duties);
            builder.AddStaffMember(new StaffId($"{office.Value}-head"), SyntheticNames.PlainName(random), "科室负责人", SyntheticNames.WorkPhone(random),
                Agency.SubdistrictOffice(office), duties);
        }
    }

    /// <summary>The committee's secretary, director and a social worker, as on a 便民卡.</summary>
    public static void AddCommunityStaff(ChartBuilder builder, Random random, UnitId community, bool isVillage)
    {
        (string Role, string[] Duties)[] roles = isVillage
            ? [("村党支部书记", ["党建", "全面工作"]), ("村委会主任", ["村务", "矛盾调解", "环境整治"]), ("村委会委员", ["民生保障", "便民服务"])]
            : [("社区党委书记", ["党建", "全面工作"]), ("居委会主任", ["居民事务", "物业协调", "邻里纠纷"]), ("社工", ["便民服务", "养老助残"])];
        for (var r = 0; r < roles.Length; r++)
        {
            builder.AddStaffMember(new StaffId($"{community.Value}-staff{r + 1}"), SyntheticNames.PlainName(random), roles[r].Role,
                SyntheticNames.WorkPhone(random), Agency.Unit(community), roles[r].Duties);
        }
    }
}
