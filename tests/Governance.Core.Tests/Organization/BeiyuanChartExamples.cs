using Governance.Core.Organization;

namespace Governance.Core.Tests.Organization;

/// <summary>The queries answer what the article implies about a household in 北苑街道's 新华西街 community.</summary>
public sealed class BeiyuanChartExamples
{
    private readonly Chart _chart = BeiyuanSample.Build();

    private Household Household => _chart.GetHousehold(new HouseholdId("h-b3-2-301"));

    [Fact]
    public void A_household_in_Xinhuaxijie_belongs_to_the_Beiyuan_subdistrict()
    {
        var beiyuan = _chart.GetUnit(new UnitId("beiyuan"));

        Assert.Same(beiyuan, _chart.StreetLevelUnitOf(Household));
        Assert.Same(beiyuan, _chart.StreetLevelUnitOf(_chart.BuildingOf(Household)));
        Assert.Equal("北苑街道", beiyuan.Name);
        Assert.Equal(
            ["xinhuaxijie-b3", "xinhuaxijie-grid-1", "xinhuaxijie", "beiyuan", "tongzhou"],
            _chart.AncestorsOf(Household).Select(u => u.Id.Value));
        Assert.Same(_chart.District, _chart.GetUnit(new UnitId("tongzhou")));
    }

    [Fact]
    public void The_property_company_serving_Xinhuaxijie_is_found_from_the_households_building()
    {
        var company = Assert.Single(_chart.PropertyCompaniesServing(_chart.BuildingOf(Household)).ToArray());

        Assert.Equal("pc-xinhua", company.Id.Value);
        Assert.Equal("400-810-1234", company.Hotline);
        Assert.Empty(_chart.PropertyCompaniesServing(_chart.GetUnit(new UnitId("beiyuan"))).ToArray());
        Assert.Empty(_chart.PropertyCompaniesServing(_chart.District).ToArray());
    }

    [Fact]
    public void The_party_tree_runs_from_the_working_committee_to_the_buildings_group_and_its_member()
    {
        var member = _chart.GetPartyMember(new PartyMemberId("pm-ouyang"));
        var group = _chart.GetPartyOrganization(member.OrganizationId);
        var branch = _chart.ParentOf(group);
        var generalBranch = _chart.ParentOf(branch!);
        var workingCommittee = _chart.ParentOf(generalBranch!);

        Assert.Equal(
            [PartyOrganizationKind.Group, PartyOrganizationKind.Branch, PartyOrganizationKind.GeneralBranch, PartyOrganizationKind.WorkingCommittee],
            new[] { group, branch, generalBranch, workingCommittee }.Select(o => o!.Kind));
        Assert.Null(_chart.ParentOf(workingCommittee!));
        Assert.Same(_chart.GetUnit(new UnitId("beiyuan")), _chart.UnitOf(workingCommittee!));
        Assert.Equal([generalBranch!], _chart.ChildrenOf(workingCommittee!).ToArray());
        Assert.Equal([member], _chart.MembersOf(group).ToArray());
        Assert.Same(Household, _chart.HouseholdOf(member));
        Assert.Equal([member], _chart.PartyMembersLivingUnder(_chart.GetUnit(new UnitId("beiyuan"))).ToArray());
        Assert.Null(_chart.PartyOrganizationOf(_chart.District));
        Assert.Null(_chart.NearestPartyOrganizationOf(_chart.District));
    }

    [Fact]
    public void Offices_and_staff_are_found_from_the_units_they_serve()
    {
        var community = _chart.GetUnit(new UnitId("xinhuaxijie"));
        var office = Assert.Single(_chart.SubdistrictOfficesOf(community).ToArray());

        Assert.Equal("城市管理办公室", office.Name);
        Assert.Same(_chart.GetUnit(new UnitId("beiyuan")), _chart.UnitOf(office));
        Assert.Empty(_chart.SubdistrictOfficesOf(_chart.District).ToArray());
        Assert.Equal("王书记", Assert.Single(_chart.StaffAt(Agency.Unit(community.Id)).ToArray()).Name);
        Assert.Empty(_chart.StaffAt(Agency.PropertyCompany(new PropertyCompanyId("xinhuaxijie"))).ToArray());
    }

    [Fact]
    public void Looking_up_an_id_of_another_kind_finds_nothing()
    {
        Assert.False(_chart.TryGetUnit(new UnitId("h-b3-2-301"), out _));
        Assert.False(_chart.TryGetHousehold(new HouseholdId("beiyuan"), out _));
        var missing = Assert.Throws<KeyNotFoundException>(() => _chart.GetUnit(new UnitId("pc-xinhua")));
        Assert.Contains("pc-xinhua", missing.Message, StringComparison.Ordinal);
    }
}
