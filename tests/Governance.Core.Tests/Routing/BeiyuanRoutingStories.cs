using Governance.Core.Catalogue;
using Governance.Core.Liaison;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Routing;
using Governance.Core.Time;

namespace Governance.Core.Tests.Routing;

/// <summary>The article's stories, routed in the sample district with the default catalogue.</summary>
public sealed class BeiyuanRoutingStories
{
    private static readonly Chart Chart = SampleDistrict.Chart;
    private static readonly Router Router = new(Chart, CategoryCatalogue.Default);

    private static readonly Agency BeiyuanProperty = Agency.PropertyCompany(SampleDistrict.PropertyCompanies.Beiyuan);
    private static readonly Agency Xinhuaxijie = Agency.Unit(SampleDistrict.Units.Xinhuaxijie);
    private static readonly Agency Beiyuan = Agency.Unit(SampleDistrict.Units.Beiyuan);

    private static Household FirstHousehold(UnitId community) => Chart.HouseholdsUnder(Chart.GetUnit(community))[0];

    private static RequestLocation At(Household household) => new(household.BuildingId, household.Id);

    private static readonly RequestLocation XinhuaHome = At(FirstHousehold(SampleDistrict.Units.Xinhuaxijie));

    [Fact]
    public void A_lift_breakdown_phoned_to_the_property_hotline_is_owned_and_handled_by_the_property_company()
    {
        var decision = Router.Route(Channel.PropertyHotline, XinhuaHome, new CategoryCode("物业/电梯/故障"));

        Assert.Equal(new RoutingDecision(BeiyuanProperty, BeiyuanProperty, new CategoryCode("物业/电梯/故障"), CategoryClass.Utilities, IsTriage: false), decision);
    }

    [Fact]
    public void A_trapped_lift_in_tongruijiayuan_goes_to_its_own_property_company_as_an_emergency()
    {
        var home = At(FirstHousehold(SampleDistrict.Units.Tongruijiayuan));
        var decision = Router.Route(Channel.PropertyHotline, home, new CategoryCode("物业/电梯/困人"));

        Assert.Equal(Agency.PropertyCompany(SampleDistrict.PropertyCompanies.Tongruijiayuan), decision.Owner);
        Assert.Equal(decision.Owner, decision.Handler);
        Assert.Equal(CategoryClass.Emergency, decision.CategoryClass);
    }

    [Fact]
    public void A_neighbour_dispute_phoned_to_the_property_hotline_is_owned_by_the_company_and_handled_by_the_community()
    {
        // 有事您找我: the company takes every call (照单全收) and keeps owning it while the community mediates.
        var decision = Router.Route(Channel.PropertyHotline, XinhuaHome, new CategoryCode("纠纷/邻里"));

        Assert.Equal(BeiyuanProperty, decision.Owner);
        Assert.Equal(Xinhuaxijie, decision.Handler);
        Assert.Equal(CategoryClass.Complex, decision.CategoryClass);
    }

    [Fact]
    public void Illegal_construction_goes_to_the_city_management_office_and_demolition_to_the_enforcement_bureau()
    {
        var build = Router.Route(Channel.PropertyHotline, XinhuaHome, new CategoryCode("违建/私搭乱建"));
        var demolish = Router.Route(Channel.Hotline12345, XinhuaHome, new CategoryCode("违建/拆除"));

        Assert.Equal(Agency.SubdistrictOffice(new SubdistrictOfficeId("beiyuan-cgb")), build.Handler);
        Assert.Equal(Agency.DistrictDepartment(new DistrictDepartmentId("tongzhou-zfj")), demolish.Handler);
        Assert.Equal(Beiyuan, demolish.Owner);
    }

    [Fact]
    public void Illegal_construction_escalates_from_the_office_to_the_district_department_with_the_same_duty_and_stops_there()
    {
        var code = new CategoryCode("违建/私搭乱建");
        var office = Router.Route(Channel.WalkIn, XinhuaHome, code).Handler;

        var department = Router.EscalationTarget(office, XinhuaHome, code);

        Assert.Equal(Agency.DistrictDepartment(new DistrictDepartmentId("tongzhou-zfj")), department);
        Assert.Null(Router.EscalationTarget(department!.Value, XinhuaHome, code));
    }

    [Fact]
    public void A_whistle_about_illegal_construction_calls_the_enforcement_bureau_and_a_neighbour_dispute_calls_no_department()
    {
        Assert.Equal(new DistrictDepartmentId("tongzhou-zfj"), Router.DepartmentFor(new CategoryCode("违建/私搭乱建")));
        Assert.Equal(new DistrictDepartmentId("tongzhou-zjw"), Router.DepartmentFor(new CategoryCode("物业/电梯/故障/夜间")));
        Assert.Null(Router.DepartmentFor(new CategoryCode("纠纷/邻里")));
        Assert.Equal(Router.DepartmentFor(CategoryCatalogue.Default.Triage.Code), Router.DepartmentFor(new CategoryCode("无此类别")));
    }

    [Fact]
    public void The_department_a_whistle_calls_is_where_every_category_escalates_from_the_street_level_unit()
    {
        foreach (var category in CategoryCatalogue.Default.Categories)
        {
            var fromStreet = Router.EscalationTarget(Beiyuan, XinhuaHome, category.Code);
            var expected = fromStreet is { Kind: AgencyKind.DistrictDepartment } d ? new DistrictDepartmentId(d.Id) : (DistrictDepartmentId?)null;
            Assert.True(expected == Router.DepartmentFor(category.Code), $"{category.Code}: escalation reaches {fromStreet}, the whistle calls {Router.DepartmentFor(category.Code)}");
        }

        Assert.Contains(CategoryCatalogue.Default.Categories, c => Router.DepartmentFor(c.Code) is null);
        Assert.True(CategoryCatalogue.Default.Categories.Select(c => Router.DepartmentFor(c.Code)).Distinct().Count() > 3);
    }

    [Fact]
    public void A_lift_escalates_property_company_then_community_then_street_then_the_housing_commission()
    {
        var code = new CategoryCode("物业/电梯/故障");
        var chain = new List<Agency> { BeiyuanProperty };
        while (Router.EscalationTarget(chain[^1], XinhuaHome, code) is { } next)
        {
            chain.Add(next);
        }

        // No office of 北苑 holds 电梯, so the subdistrict itself takes the step before the district.
        Assert.Equal([BeiyuanProperty, Xinhuaxijie, Beiyuan, Agency.DistrictDepartment(new DistrictDepartmentId("tongzhou-zjw"))], chain);
    }

    [Theory]
    [InlineData(Channel.PropertyHotline, "beiyuan-wuye")]
    [InlineData(Channel.HouseholdNetwork, "beiyuan-xinhuaxijie")]
    [InlineData(Channel.Hotline12345, "beiyuan")]
    [InlineData(Channel.ServiceCalendarPhone, "beiyuan-xinhuaxijie")]
    [InlineData(Channel.WalkIn, "beiyuan-xinhuaxijie")]
    [InlineData(Channel.Proactive, "beiyuan-xinhuaxijie")]
    public void Each_channel_has_its_first_contact(Channel channel, string owner)
    {
        Assert.Equal(owner, Router.Route(channel, XinhuaHome, new CategoryCode("环境/垃圾清运")).Owner.Id);
    }

    [Fact]
    public void A_qr_scan_is_owned_by_the_unit_the_code_hangs_on()
    {
        var grid = Chart.ChildrenOf(Chart.GetUnit(SampleDistrict.Units.Xinhuaxijie))[1];

        var decision = Router.Route(Channel.QrScan, new RequestLocation(grid.Id), new CategoryCode("停车/占道"));

        Assert.Equal(Agency.Unit(grid.Id), decision.Owner);
        Assert.Equal(Agency.SubdistrictOffice(new SubdistrictOfficeId("beiyuan-cgb")), decision.Handler);
    }

    [Fact]
    public void A_village_without_a_property_company_answers_its_property_hotline_calls_itself()
    {
        var home = At(FirstHousehold(SampleDistrict.Units.Qutou));

        var decision = Router.Route(Channel.PropertyHotline, home, new CategoryCode("物业/房屋/漏水"));

        Assert.Equal(Agency.Unit(SampleDistrict.Units.Qutou), decision.Owner);
        Assert.Equal(Agency.Unit(SampleDistrict.Units.Qutou), decision.Handler);
    }

    [Fact]
    public void A_location_above_community_level_is_its_own_community()
    {
        var decision = Router.Route(Channel.WalkIn, new RequestLocation(SampleDistrict.Units.Yujiawu), new CategoryCode("纠纷/邻里"));

        Assert.Equal(Agency.Unit(SampleDistrict.Units.Yujiawu), decision.Owner);
        Assert.Equal(Agency.Unit(SampleDistrict.Units.Yujiawu), decision.Handler);
    }

    [Fact]
    public void An_unknown_category_is_triaged_by_the_street_level_unit_and_still_owned()
    {
        var decision = Router.Route(Channel.PropertyHotline, XinhuaHome, new CategoryCode("天气/太热"));

        Assert.Equal(new RoutingDecision(BeiyuanProperty, Beiyuan, new CategoryCode("其他/待分拣"), CategoryClass.Ordinary, IsTriage: true), decision);
        Assert.True(Router.Route(Channel.WalkIn, XinhuaHome, default).IsTriage);
    }

    [Fact]
    public void An_unknown_sub_category_is_routed_as_its_parent_and_keeps_its_own_code()
    {
        var decision = Router.Route(Channel.PropertyHotline, XinhuaHome, new CategoryCode("物业/电梯/异响"));

        Assert.Equal(new CategoryCode("物业/电梯/异响"), decision.Category);
        Assert.Equal(BeiyuanProperty, decision.Handler);
        Assert.False(decision.IsTriage);
    }

    [Fact]
    public void A_household_network_request_names_its_liaison_and_is_owned_by_the_liaisons_community()
    {
        var liaisons = LiaisonAssigner.Assign(Chart);
        var router = new Router(Chart, CategoryCatalogue.Default, liaisons);
        var link = liaisons.Links.First(l => Chart.AncestorAt(Chart.GetHousehold(l.Household), UnitLevel.Community).Id == SampleDistrict.Units.Tongruijiayuan);
        var home = At(Chart.GetHousehold(link.Household));

        var decision = router.Route(Channel.HouseholdNetwork, home, new CategoryCode("社区/证明"));

        Assert.Equal(link.Liaison, router.LiaisonOf(home));
        var liaisonHome = Chart.HouseholdOf(Chart.GetPartyMember(link.Liaison));
        Assert.Equal(Agency.Unit(Chart.AncestorAt(liaisonHome, UnitLevel.Community).Id), decision.Owner);
        Assert.Equal(Agency.Unit(SampleDistrict.Units.Tongruijiayuan), decision.Owner);
        Assert.Null(Router.LiaisonOf(home)); // a router without liaisons knows none
        Assert.Null(router.LiaisonOf(new RequestLocation(SampleDistrict.Units.Tongruijiayuan)));
    }

    [Fact]
    public void A_household_network_request_is_owned_by_a_liaison_in_another_community_when_the_link_crosses_over()
    {
        // A tiny chart: two communities, the only party member lives in the first and looks after a household in the second.
        var chart = new ChartBuilder()
            .AddUnit(new UnitId("d"), UnitKind.District, "区")
            .AddUnit(new UnitId("s"), UnitKind.Subdistrict, "街道", new UnitId("d"))
            .AddUnit(new UnitId("c1"), UnitKind.Community, "一社区", new UnitId("s"))
            .AddUnit(new UnitId("c2"), UnitKind.Community, "二社区", new UnitId("s"))
            .AddUnit(new UnitId("g1"), UnitKind.Grid, "网格", new UnitId("c1"))
            .AddUnit(new UnitId("g2"), UnitKind.Grid, "网格", new UnitId("c2"))
            .AddUnit(new UnitId("b1"), UnitKind.Building, "1号楼", new UnitId("g1"))
            .AddUnit(new UnitId("b2"), UnitKind.Building, "2号楼", new UnitId("g2"))
            .AddHousehold(new HouseholdId("h1"), new UnitId("b1"), "101")
            .AddHousehold(new HouseholdId("h2"), new UnitId("b2"), "201")
            .AddPartyOrganization(new PartyOrganizationId("po"), PartyOrganizationKind.WorkingCommittee, "党工委", new UnitId("s"))
            .AddPartyMember(new PartyMemberId("m"), new PersonName("欧阳明月"), new HouseholdId("h1"), new PartyOrganizationId("po"))
            .Build();
        var liaisons = LiaisonAssigner.Assign(chart, new LiaisonOptions { MinHouseholds = 1, MaxHouseholds = 10, AllowAcrossCommunities = true });
        var catalogue = new CatalogueBuilder()
            .Add(new CategoryCode("其他"), "其他", CategoryClass.Ordinary, ResponsibleKind.StreetLevelUnit)
            .Add(new CategoryCode("社区/证明"), "开具证明", CategoryClass.Ordinary, ResponsibleKind.Community)
            .WithTriage(new CategoryCode("其他"))
            .Build();
        var router = new Router(chart, catalogue, liaisons);
        var home = new RequestLocation(new UnitId("b2"), new HouseholdId("h2"));

        Assert.Equal(new PartyMemberId("m"), router.LiaisonOf(home));
        Assert.Equal(Agency.Unit(new UnitId("c1")), router.Route(Channel.HouseholdNetwork, home, new CategoryCode("社区/证明")).Owner);
        Assert.Equal(Agency.Unit(new UnitId("c2")), new Router(chart, catalogue).Route(Channel.HouseholdNetwork, home, new CategoryCode("社区/证明")).Owner);
    }

    [Fact]
    public void Bad_locations_are_refused_naming_the_id_and_the_channel()
    {
        var noUnit = Assert.Throws<ArgumentException>(() => Router.Route(Channel.WalkIn, new RequestLocation(new UnitId("nowhere")), new CategoryCode("物业")));
        var noHousehold = Assert.Throws<ArgumentException>(() => Router.Route(Channel.QrScan, new RequestLocation(XinhuaHome.Unit, new HouseholdId("h-none")), new CategoryCode("物业")));
        var wrongBuilding = Assert.Throws<ArgumentException>(() => Router.Route(Channel.WalkIn, XinhuaHome with { Unit = SampleDistrict.Units.Xinhuaxijie }, new CategoryCode("物业")));
        var networkWithoutHousehold = Assert.Throws<ArgumentException>(() => Router.Route(Channel.HouseholdNetwork, new RequestLocation(SampleDistrict.Units.Xinhuaxijie), new CategoryCode("物业")));

        Assert.Contains("nowhere", noUnit.Message, StringComparison.Ordinal);
        Assert.Contains("WalkIn", noUnit.Message, StringComparison.Ordinal);
        Assert.Contains("h-none", noHousehold.Message, StringComparison.Ordinal);
        Assert.Contains("QrScan", noHousehold.Message, StringComparison.Ordinal);
        Assert.Contains(XinhuaHome.Household!.Value.Value, wrongBuilding.Message, StringComparison.Ordinal);
        Assert.Contains(SampleDistrict.Units.Xinhuaxijie.Value, networkWithoutHousehold.Message, StringComparison.Ordinal);
        Assert.Contains("HouseholdNetwork", networkWithoutHousehold.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Router.Route((Channel)99, XinhuaHome, new CategoryCode("物业")));
        Assert.Throws<ArgumentException>(() => Router.EscalationTarget(Agency.Unit(new UnitId("nowhere")), XinhuaHome, new CategoryCode("物业")));
    }

    [Fact]
    public void A_catalogue_naming_a_department_duty_the_chart_lacks_is_refused_naming_the_category()
    {
        var catalogue = new CatalogueBuilder()
            .Add(new CategoryCode("其他"), "其他", CategoryClass.Ordinary, ResponsibleKind.StreetLevelUnit)
            .Add(new CategoryCode("天文"), "天文", CategoryClass.Ordinary, ResponsibleKind.DistrictDepartment, "观星")
            .WithTriage(new CategoryCode("其他"))
            .Build();

        var error = Assert.Single(Assert.Throws<DataValidationException>(() => new Router(Chart, catalogue)).Errors);
        Assert.Equal("$.categories[1].duty", error.Path);
        Assert.Equal("天文", error.Id);
        Assert.Contains("观星", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Liaisons_of_another_chart_are_refused()
    {
        var other = Organization.BeiyuanSample.Build();

        Assert.Throws<ArgumentException>(() => new Router(Chart, CategoryCatalogue.Default, LiaisonAssigner.Assign(other)));
    }
}
