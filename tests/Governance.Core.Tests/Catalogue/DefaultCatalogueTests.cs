using Governance.Core.Catalogue;
using Governance.Core.Catalogue.Synthetic;
using Governance.Core.Organization;
using Governance.Core.Organization.Synthetic;
using Governance.Core.Requests;
using Governance.Core.Routing;

namespace Governance.Core.Tests.Catalogue;

/// <summary>The shipped catalogue covers the article's cases and routes every category to a real agency.</summary>
public sealed class DefaultCatalogueTests
{
    [Fact]
    public void The_default_catalogue_has_the_common_categories_and_triages_to_the_street_level_unit()
    {
        var catalogue = CategoryCatalogue.Default;

        Assert.InRange(catalogue.Categories.Length, 60, 90);
        Assert.Equal("其他/待分拣", catalogue.Triage.Code.Value);
        Assert.Equal(ResponsibleKind.StreetLevelUnit, catalogue.Triage.Responsible);
        foreach (var code in new[] { "物业/电梯/困人", "物业/房屋/漏水", "环境/垃圾清运", "绿化/修剪", "停车/小区", "供暖/不热", "供水/停水", "供电/停电",
                     "燃气/泄漏", "违建/私搭乱建", "纠纷/邻里", "噪音/施工", "治安/隐患", "市场/食品安全", "市政/道路/破损", "市政/路灯", "物业/收费", "养老/居家" })
        {
            Assert.True(catalogue.TryGet(new CategoryCode(code), out var definition) && definition.Code.Value == code, code);
        }
    }

    [Fact]
    public void Every_default_category_routes_in_the_sample_district_to_an_agency_that_exists_and_holds_its_duty()
    {
        var chart = SampleDistrict.Chart;
        var router = new Router(chart, CategoryCatalogue.Default);
        var household = chart.HouseholdsUnder(chart.GetUnit(SampleDistrict.Units.Xinhuaxijie))[0];
        var location = new RequestLocation(household.BuildingId, household.Id);

        foreach (var category in CategoryCatalogue.Default.Categories)
        {
            var decision = router.Route(Channel.Hotline12345, location, category.Code);

            Assert.Equal(category.Code, decision.Category);
            Assert.Equal(category.Class, decision.CategoryClass);
            switch (category.Responsible)
            {
                case ResponsibleKind.PropertyCompany:
                    Assert.Equal(Agency.PropertyCompany(SampleDistrict.PropertyCompanies.Beiyuan), decision.Handler);
                    break;
                case ResponsibleKind.Community:
                    Assert.Equal(Agency.Unit(SampleDistrict.Units.Xinhuaxijie), decision.Handler);
                    break;
                case ResponsibleKind.StreetLevelUnit:
                    Assert.Equal(Agency.Unit(SampleDistrict.Units.Beiyuan), decision.Handler);
                    break;
                case ResponsibleKind.SubdistrictOffice:
                    Assert.Equal(AgencyKind.SubdistrictOffice, decision.Handler.Kind);
                    var office = chart.GetSubdistrictOffice(new SubdistrictOfficeId(decision.Handler.Id));
                    Assert.Equal(SampleDistrict.Units.Beiyuan, office.UnitId);
                    Assert.Contains(category.Duty, office.Duties);
                    break;
                case ResponsibleKind.DistrictDepartment:
                    Assert.Equal(AgencyKind.DistrictDepartment, decision.Handler.Kind);
                    Assert.Contains(category.Duty, chart.GetDistrictDepartment(new DistrictDepartmentId(decision.Handler.Id)).Duties);
                    break;
            }
        }
    }

    [Fact]
    public void Every_duty_the_default_catalogue_names_is_held_by_a_standard_office_or_department()
    {
        var chart = SampleDistrict.Chart;
        var held = chart.SubdistrictOffices.SelectMany(o => o.Duties).Concat(chart.DistrictDepartments.SelectMany(d => d.Duties)).ToHashSet();

        Assert.Empty(CategoryCatalogue.Default.Categories.Where(c => c.Duty is not null && !held.Contains(c.Duty)).Select(c => c.ToString()));
    }

    [Fact]
    public void A_synthetic_catalogue_has_the_size_asked_for_and_routes_in_a_synthetic_district()
    {
        var catalogue = SyntheticCatalogue.Create(500, seed: 7);
        var chart = SyntheticChart.Generate(new SyntheticChartOptions { StreetLevelUnits = 2, CommunitiesPerStreetLevelUnit = 2, MinHouseholdsPerGrid = 30, MaxHouseholdsPerGrid = 40 });
        var router = new Router(chart, catalogue);

        Assert.Equal(500, catalogue.Categories.Length);
        Assert.Equal(CatalogueJson.Serialize(catalogue), CatalogueJson.Serialize(SyntheticCatalogue.Create(500, seed: 7)));
        Assert.Single(SyntheticCatalogue.Create(1, seed: 7).Categories);
        foreach (var category in catalogue.Categories)
        {
            Assert.False(router.Route(Channel.WalkIn, new RequestLocation(chart.Households[0].BuildingId, chart.Households[0].Id), category.Code).IsTriage && category != catalogue.Triage);
        }
    }
}
