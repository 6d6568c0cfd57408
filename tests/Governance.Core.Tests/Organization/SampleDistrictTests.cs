using Governance.Core.Organization;

namespace Governance.Core.Tests.Organization;

public sealed class SampleDistrictTests
{
    private static readonly Chart Chart = SampleDistrict.Chart;

    [Fact]
    public void The_article_places_are_in_the_sample_with_their_kinds_and_parents()
    {
        (UnitId Id, string Name, UnitKind Kind, UnitId? Parent)[] expected =
        [
            (SampleDistrict.Units.Tongzhou, "通州区", UnitKind.District, null),
            (SampleDistrict.Units.Beiyuan, "北苑街道", UnitKind.Subdistrict, SampleDistrict.Units.Tongzhou),
            (SampleDistrict.Units.Xinhuaxijie, "新华西街社区", UnitKind.Community, SampleDistrict.Units.Beiyuan),
            (SampleDistrict.Units.Hounancang, "后南仓社区", UnitKind.Community, SampleDistrict.Units.Beiyuan),
            (SampleDistrict.Units.Yudailu, "玉带路社区", UnitKind.Community, SampleDistrict.Units.Beiyuan),
            (SampleDistrict.Units.Luyi, "潞邑街道", UnitKind.Subdistrict, SampleDistrict.Units.Tongzhou),
            (SampleDistrict.Units.Tongruijiayuan, "通瑞嘉苑社区", UnitKind.Community, SampleDistrict.Units.Luyi),
            (SampleDistrict.Units.Yujiawu, "于家务乡", UnitKind.Township, SampleDistrict.Units.Tongzhou),
            (SampleDistrict.Units.Qutou, "渠头村", UnitKind.Village, SampleDistrict.Units.Yujiawu),
            (SampleDistrict.Units.Majuqiao, "马驹桥镇", UnitKind.Town, SampleDistrict.Units.Tongzhou),
            (SampleDistrict.Units.Yuqiao, "玉桥街道", UnitKind.Subdistrict, SampleDistrict.Units.Tongzhou),
            (SampleDistrict.Units.Liyuan, "梨园镇", UnitKind.Town, SampleDistrict.Units.Tongzhou),
        ];

        foreach (var (id, name, kind, parent) in expected)
        {
            var unit = Chart.GetUnit(id);
            Assert.Equal(name, unit.Name);
            Assert.Equal(kind, unit.Kind);
            Assert.Equal(parent, unit.ParentId);
        }
    }

    [Fact]
    public void Tongruijiayuan_has_about_1200_households_and_more_than_3000_residents()
    {
        var households = Chart.HouseholdsUnder(Chart.GetUnit(SampleDistrict.Units.Tongruijiayuan));
        var residents = 0;
        foreach (var household in households)
        {
            residents += household.Residents;
        }

        Assert.Equal(1_200, households.Length);
        Assert.InRange(residents, 3_001, 6_000);
    }

    [Fact]
    public void The_three_Beiyuan_pilot_communities_share_one_property_company_whose_manager_is_named_in_the_article()
    {
        foreach (var id in new[] { SampleDistrict.Units.Xinhuaxijie, SampleDistrict.Units.Hounancang, SampleDistrict.Units.Yudailu })
        {
            var companies = Chart.PropertyCompaniesServing(Chart.GetUnit(id));
            Assert.Equal(SampleDistrict.PropertyCompanies.Beiyuan, Assert.Single(companies.ToArray()).Id);
        }

        var staff = Chart.StaffAt(Agency.PropertyCompany(SampleDistrict.PropertyCompanies.Beiyuan)).ToArray();
        Assert.Contains(staff, s => s.Name == "程绍军" && s.Role == "物业经理");
    }

    [Fact]
    public void Every_household_of_Tongruijiayuan_has_the_party_tree_above_it_up_to_the_Luyi_working_committee()
    {
        foreach (var household in Chart.HouseholdsUnder(Chart.GetUnit(SampleDistrict.Units.Tongruijiayuan)))
        {
            var group = Chart.PartyOrganizationOf(Chart.BuildingOf(household));
            Assert.NotNull(group);
            var kinds = new List<PartyOrganizationKind>();
            for (var o = group; o is not null; o = Chart.ParentOf(o))
            {
                kinds.Add(o.Kind);
            }

            Assert.Equal([PartyOrganizationKind.Group, PartyOrganizationKind.Branch, PartyOrganizationKind.GeneralBranch, PartyOrganizationKind.WorkingCommittee], kinds);
            Assert.Equal(SampleDistrict.Units.Luyi, Chart.UnitOf(Chart.NearestPartyOrganizationOf(Chart.GetUnit(SampleDistrict.Units.Luyi))!).Id);
        }
    }

    [Fact]
    public void Party_members_number_between_a_fifth_and_a_tenth_of_households_so_liaisons_of_5_to_10_households_are_feasible()
    {
        foreach (var street in Chart.ChildrenOf(Chart.District))
        {
            var households = Chart.HouseholdsUnder(street).Length;
            var members = Chart.PartyMembersLivingUnder(street).Length;
            Assert.InRange(members, households / 10, households / 5);
        }
    }

    [Fact]
    public void The_sample_is_the_same_every_time_it_is_built()
    {
        var again = SampleDistrict.CreateBuilder().Build();
        Assert.Equal(ChartJson.Serialize(Chart, PersonalDataExport.Reveal), ChartJson.Serialize(again, PersonalDataExport.Reveal));
    }

    [Fact]
    public void Generated_phone_numbers_cannot_reach_anyone()
    {
        foreach (var household in Chart.Households)
        {
            if (household.Phone is { } phone)
            {
                Assert.StartsWith("100", phone.Reveal(), StringComparison.Ordinal);
            }
        }

        Assert.All(Chart.Staff, s => Assert.StartsWith("010-0000-", s.Phone, StringComparison.Ordinal));
    }
}
