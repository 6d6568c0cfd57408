using Governance.Core.Organization;

namespace Governance.Core.Tests.Organization;

public sealed class ChartBuilderLifecycleExamples
{
    [Fact]
    public void A_builder_cannot_be_used_after_it_has_built_a_chart()
    {
        var builder = BeiyuanSample.Recipe.ApplyTo(new ChartBuilder());
        builder.Build();

        Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Throws<InvalidOperationException>(() => builder.AddUnit(new UnitId("songzhuang"), UnitKind.Town, "宋庄镇", new UnitId("tongzhou")));
        Assert.Throws<InvalidOperationException>(() => builder.AddDistrictDepartment(new DistrictDepartmentId("qu-sw"), "区水务局"));
    }

    [Fact]
    public void A_builder_cannot_be_used_after_a_build_that_failed()
    {
        var builder = new ChartBuilder();
        Assert.Throws<DataValidationException>(builder.Build);

        Assert.Throws<InvalidOperationException>(builder.Build);
    }

    [Fact]
    public void Queries_refuse_items_of_another_chart_even_with_the_same_ids()
    {
        var chart = BeiyuanSample.Build();
        var other = BeiyuanSample.Build();
        var unit = other.GetUnit(new UnitId("xinhuaxijie"));
        var household = other.Households[0];
        var organization = other.PartyOrganizations[0];

        Assert.Throws<ArgumentException>(() => chart.ParentOf(unit));
        Assert.Throws<ArgumentException>(() => chart.ChildrenOf(unit).Length);
        Assert.Throws<ArgumentException>(() => chart.DescendantsOf(unit).Length);
        Assert.Throws<ArgumentException>(() => chart.AncestorsOf(unit));
        Assert.Throws<ArgumentException>(() => chart.AncestorsOf(household));
        Assert.Throws<ArgumentException>(() => chart.AncestorOrSelfAt(unit, UnitLevel.District));
        Assert.Throws<ArgumentException>(() => chart.StreetLevelUnitOf(household));
        Assert.Throws<ArgumentException>(() => chart.BuildingOf(household));
        Assert.Throws<ArgumentException>(() => chart.IsWithin(unit, chart.District));
        Assert.Throws<ArgumentException>(() => chart.IsWithin(chart.District, other.District));
        Assert.Throws<ArgumentException>(() => chart.HouseholdsUnder(unit).Length);
        Assert.Throws<ArgumentException>(() => chart.PartyMembersLivingUnder(unit).Length);
        Assert.Throws<ArgumentException>(() => chart.PropertyCompaniesServing(unit).Length);
        Assert.Throws<ArgumentException>(() => chart.SubdistrictOfficesOf(unit).Length);
        Assert.Throws<ArgumentException>(() => chart.PartyOrganizationOf(unit));
        Assert.Throws<ArgumentException>(() => chart.NearestPartyOrganizationOf(unit));
        Assert.Throws<ArgumentException>(() => chart.ParentOf(organization));
        Assert.Throws<ArgumentException>(() => chart.ChildrenOf(organization).Length);
        Assert.Throws<ArgumentException>(() => chart.MembersOf(organization).Length);
        Assert.Throws<ArgumentException>(() => chart.UnitOf(organization));
        Assert.Throws<ArgumentException>(() => chart.HouseholdOf(other.PartyMembers[0]));
        Assert.Throws<ArgumentException>(() => chart.UnitOf(other.SubdistrictOffices[0]));
        Assert.NotNull(chart.ParentOf(chart.GetUnit(new UnitId("xinhuaxijie"))));
    }
}
