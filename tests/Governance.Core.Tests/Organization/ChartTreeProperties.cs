using FsCheck.Xunit;
using Governance.Core.Organization;

namespace Governance.Core.Tests.Organization;

/// <summary>The chart's indexed queries agree with naive walks over the recipe's parent links.</summary>
public sealed class ChartTreeProperties
{
    [Property(Arbitrary = [typeof(ChartArbitraries)], MaxTest = 200)]
    public void A_units_ancestors_climb_one_level_at_a_time_to_the_district_as_parent_links_do(ChartRecipe recipe)
    {
        var chart = recipe.Build();
        var parents = recipe.Units.ToDictionary(u => u.Id, u => u.Parent);
        foreach (var unit in chart.Units)
        {
            var ancestors = chart.AncestorsOf(unit);
            var walked = NaiveAncestors(parents, unit.Id.Value).ToList();

            Assert.Equal(walked, ancestors.Select(a => a.Id.Value));
            Assert.Equal(walked, Enumerable.Range(0, ancestors.Count).Select(i => ancestors[i].Id.Value));
            Assert.Equal((int)unit.Level, ancestors.Count);
            var level = unit.Level;
            foreach (var ancestor in ancestors)
            {
                Assert.Equal(level - 1, ancestor.Level);
                level = ancestor.Level;
            }

            if (ancestors.Count > 0)
            {
                Assert.Same(chart.District, ancestors[^1]);
                Assert.Same(chart.ParentOf(unit), ancestors[0]);
            }
            else
            {
                Assert.Same(chart.District, unit);
                Assert.Null(chart.ParentOf(unit));
            }

            Assert.Throws<ArgumentOutOfRangeException>(() => ancestors[ancestors.Count]);
        }
    }

    [Property(Arbitrary = [typeof(ChartArbitraries)], MaxTest = 200)]
    public void A_households_ancestors_start_at_its_building_and_name_its_street_level_unit(ChartRecipe recipe)
    {
        var chart = recipe.Build();
        var parents = recipe.Units.ToDictionary(u => u.Id, u => u.Parent);
        foreach (var household in chart.Households)
        {
            var expected = new[] { household.BuildingId.Value }.Concat(NaiveAncestors(parents, household.BuildingId.Value)).ToList();
            var ancestors = chart.AncestorsOf(household);

            Assert.Equal(expected, ancestors.Select(a => a.Id.Value));
            Assert.Equal(UnitKind.Building, ancestors[0].Kind);
            Assert.Same(chart.BuildingOf(household), ancestors[0]);
            Assert.Same(ancestors[3], chart.StreetLevelUnitOf(household));
            Assert.True(chart.StreetLevelUnitOf(household).Kind.IsStreetLevel());
        }
    }

    [Property(Arbitrary = [typeof(ChartArbitraries)], MaxTest = 200)]
    public void AncestorOrSelfAt_and_StreetLevelUnitOf_pick_the_unit_on_the_parent_walk(ChartRecipe recipe)
    {
        var chart = recipe.Build();
        var parents = recipe.Units.ToDictionary(u => u.Id, u => u.Parent);
        foreach (var unit in chart.Units)
        {
            var selfAndAncestors = new[] { unit.Id.Value }.Concat(NaiveAncestors(parents, unit.Id.Value)).Select(id => chart.GetUnit(new UnitId(id))).ToList();
            foreach (var level in Enum.GetValues<UnitLevel>())
            {
                Assert.Same(selfAndAncestors.SingleOrDefault(u => u.Level == level), chart.AncestorOrSelfAt(unit, level));
            }

            Assert.Same(selfAndAncestors.SingleOrDefault(u => u.Kind.IsStreetLevel()), chart.StreetLevelUnitOf(unit));
        }
    }

    [Property(Arbitrary = [typeof(ChartArbitraries)], MaxTest = 200)]
    public void DescendantsOf_is_a_depth_first_walk_of_the_children_in_the_order_they_were_added(ChartRecipe recipe)
    {
        var chart = recipe.Build();
        foreach (var unit in chart.Units)
        {
            var children = recipe.Units.Where(u => u.Parent == unit.Id.Value).Select(u => u.Id).ToList();
            Assert.Equal(children, chart.ChildrenOf(unit).ToArray().Select(c => c.Id.Value));
            Assert.Equal(NaiveDescendants(recipe, unit.Id.Value), chart.DescendantsOf(unit).ToArray().Select(u => u.Id.Value));
        }

        Assert.Equal(recipe.Units.Count - 1, chart.DescendantsOf(chart.District).Length);
    }

    [Property(Arbitrary = [typeof(ChartArbitraries)], MaxTest = 100)]
    public void IsWithin_holds_exactly_for_the_unit_itself_and_its_ancestors(ChartRecipe recipe)
    {
        var chart = recipe.Build();
        var parents = recipe.Units.ToDictionary(u => u.Id, u => u.Parent);
        foreach (var unit in chart.Units)
        {
            var selfAndAncestors = NaiveAncestors(parents, unit.Id.Value).Append(unit.Id.Value).ToHashSet();
            foreach (var other in chart.Units)
            {
                Assert.Equal(selfAndAncestors.Contains(other.Id.Value), chart.IsWithin(unit, other));
            }
        }
    }

    [Property(Arbitrary = [typeof(ChartArbitraries)], MaxTest = 200)]
    public void HouseholdsUnder_a_unit_are_the_households_whose_building_is_within_it(ChartRecipe recipe)
    {
        var chart = recipe.Build();
        var parents = recipe.Units.ToDictionary(u => u.Id, u => u.Parent);
        foreach (var unit in chart.Units)
        {
            var expected = recipe.Households
                .Where(h => h.Building == unit.Id.Value || NaiveAncestors(parents, h.Building).Contains(unit.Id.Value))
                .Select(h => h.Id).ToList();
            var actual = chart.HouseholdsUnder(unit).ToArray().Select(h => h.Id.Value).ToList();

            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(expected.ToHashSet(), actual.ToHashSet());
        }

        Assert.Equal(recipe.Households.Count, chart.HouseholdsUnder(chart.District).Length);
    }

    [Property(Arbitrary = [typeof(ChartArbitraries)], MaxTest = 200)]
    public void PartyMembersLivingUnder_a_unit_are_the_members_whose_household_is_within_it(ChartRecipe recipe)
    {
        var chart = recipe.Build();
        var parents = recipe.Units.ToDictionary(u => u.Id, u => u.Parent);
        var buildingOf = recipe.Households.ToDictionary(h => h.Id, h => h.Building);
        foreach (var unit in chart.Units)
        {
            var expected = recipe.PartyMembers
                .Where(m => buildingOf[m.Household] == unit.Id.Value || NaiveAncestors(parents, buildingOf[m.Household]).Contains(unit.Id.Value))
                .Select(m => m.Id).ToList();
            var actual = chart.PartyMembersLivingUnder(unit).ToArray().Select(m => m.Id.Value).ToList();

            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(expected.ToHashSet(), actual.ToHashSet());
        }

        foreach (var member in chart.PartyMembers)
        {
            Assert.Equal(member.HouseholdId, chart.HouseholdOf(member).Id);
        }
    }

    [Property(Arbitrary = [typeof(ChartArbitraries)], MaxTest = 200)]
    public void The_party_tree_mirrors_the_units_each_organisation_under_the_nearest_ancestor_that_has_one(ChartRecipe recipe)
    {
        var chart = recipe.Build();
        var parents = recipe.Units.ToDictionary(u => u.Id, u => u.Parent);
        var organizationOnUnit = recipe.PartyOrganizations.ToDictionary(o => o.Unit, o => o.Id);
        foreach (var organization in chart.PartyOrganizations)
        {
            var unit = chart.UnitOf(organization);
            Assert.Equal(organization.UnitId, unit.Id);
            Assert.Same(organization, chart.PartyOrganizationOf(unit));
            Assert.Same(organization, chart.NearestPartyOrganizationOf(unit));
            Assert.Equal(organization.Kind.UnitLevel(), unit.Level);

            var expectedParent = NaiveAncestors(parents, unit.Id.Value).Select(a => organizationOnUnit.GetValueOrDefault(a)).FirstOrDefault(o => o is not null);
            Assert.Equal(expectedParent, chart.ParentOf(organization)?.Id.Value);

            var expectedChildren = recipe.PartyOrganizations.Where(o => chart.ParentOf(chart.GetPartyOrganization(new PartyOrganizationId(o.Id))) == organization).Select(o => o.Id);
            Assert.Equal(expectedChildren, chart.ChildrenOf(organization).ToArray().Select(o => o.Id.Value));
            Assert.Equal(recipe.PartyMembers.Where(m => m.Organization == organization.Id.Value).Select(m => m.Id),
                chart.MembersOf(organization).ToArray().Select(m => m.Id.Value));
        }

        foreach (var unit in chart.Units)
        {
            var expected = new[] { unit.Id.Value }.Concat(NaiveAncestors(parents, unit.Id.Value)).Select(a => organizationOnUnit.GetValueOrDefault(a)).FirstOrDefault(o => o is not null);
            Assert.Equal(expected, chart.NearestPartyOrganizationOf(unit)?.Id.Value);
        }
    }

    [Property(Arbitrary = [typeof(ChartArbitraries)], MaxTest = 200)]
    public void Property_companies_offices_and_staff_are_found_from_the_units_they_serve(ChartRecipe recipe)
    {
        var chart = recipe.Build();
        foreach (var unit in chart.Units)
        {
            var community = chart.AncestorOrSelfAt(unit, UnitLevel.Community);
            var companies = community is null ? [] : recipe.PropertyCompanies.Where(c => c.Communities.Contains(community.Id.Value)).Select(c => c.Id).ToList();
            Assert.Equal(companies, chart.PropertyCompaniesServing(unit).ToArray().Select(c => c.Id.Value));

            var street = chart.StreetLevelUnitOf(unit);
            var offices = street is null ? [] : recipe.SubdistrictOffices.Where(o => o.Unit == street.Id.Value).Select(o => o.Id).ToList();
            Assert.Equal(offices, chart.SubdistrictOfficesOf(unit).ToArray().Select(o => o.Id.Value));
        }

        foreach (var staff in chart.Staff)
        {
            Assert.Contains(staff, chart.StaffAt(staff.Agency).ToArray());
            Assert.Equal(recipe.Staff.Where(s => s.Agency == staff.Agency.Id).Select(s => s.Id), chart.StaffAt(staff.Agency).ToArray().Select(s => s.Id.Value));
        }
    }

    /// <summary>Parent, grandparent, … up to the district, by following parent links one at a time.</summary>
    private static IEnumerable<string> NaiveAncestors(Dictionary<string, string?> parents, string unit)
    {
        for (var p = parents[unit]; p is not null; p = parents[p])
        {
            yield return p;
        }
    }

    private static List<string> NaiveDescendants(ChartRecipe recipe, string unit)
    {
        var result = new List<string>();
        foreach (var child in recipe.Units.Where(u => u.Parent == unit))
        {
            result.Add(child.Id);
            result.AddRange(NaiveDescendants(recipe, child.Id));
        }

        return result;
    }
}
