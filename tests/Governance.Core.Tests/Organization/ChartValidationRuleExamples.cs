using Governance.Core.Organization;

namespace Governance.Core.Tests.Organization;

/// <summary>One example per rule in ChartBuilder's remarks, each asserting the exact path and id of the error.</summary>
public sealed class ChartValidationRuleExamples
{
    private static readonly ChartRecipe Sample = BeiyuanSample.Recipe;

    private static DataError SingleError(ChartRecipe recipe)
    {
        var e = Assert.Throws<DataValidationException>(recipe.Build);
        Assert.Equal("chart", e.Subject);
        return Assert.Single(e.Errors);
    }

    private static void AssertError(ChartRecipe recipe, string path, string? id, string messagePart)
    {
        var error = SingleError(recipe);
        Assert.Equal(path, error.Path);
        Assert.Equal(id, error.Id);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    private static ChartRecipe WithUnit(int index, Func<UnitRecipe, UnitRecipe> change) =>
        Sample with { Units = Sample.Units.SetItem(index, change(Sample.Units[index])) };

    [Fact]
    public void The_sample_is_valid() => Assert.Equal(5, Sample.Build().Units.Length);

    [Fact]
    public void A_unit_needs_a_name() =>
        AssertError(WithUnit(2, u => u with { Name = " " }), "$.units[2].name", "xinhuaxijie", "name is missing or empty");

    [Fact]
    public void An_id_has_no_white_space() =>
        AssertError(Sample with { DistrictDepartments = [new("qu cgw", "区城市管理委员会", [])] }, "$.districtDepartments[0].id", "qu cgw", "white space");

    [Fact]
    public void An_id_has_no_control_characters() =>
        AssertError(Sample with { DistrictDepartments = [new("qu\u0001cgw", "区城市管理委员会", [])] }, "$.districtDepartments[0].id", "qu\u0001cgw", "control character");

    [Fact]
    public void An_id_is_at_most_128_characters_long()
    {
        var longest = new string('长', 128);
        Assert.NotNull((Sample with { DistrictDepartments = [new(longest, "区水务局", [])] }).Build().GetDistrictDepartment(new DistrictDepartmentId(longest)));

        var tooLong = longest + "x";
        AssertError(Sample with { DistrictDepartments = [new(tooLong, "区水务局", [])] }, "$.districtDepartments[0].id", tooLong, "129 characters");
    }

    [Fact]
    public void An_id_is_unique_across_kinds() =>
        AssertError(Sample with { DistrictDepartments = [new("beiyuan", "区水务局", [])] }, "$.districtDepartments[0].id", "beiyuan", "already used by the unit at $.units[1]");

    [Fact]
    public void A_chart_has_only_one_district() =>
        AssertError(Sample with { Units = Sample.Units.Add(new("daxing", UnitKind.District, "大兴区", null)) }, "$.units[5].kind", "daxing", "a second district");

    [Fact]
    public void A_chart_has_a_district()
    {
        var recipe = WithUnit(0, u => u with { Kind = UnitKind.Town, Parent = null });

        var e = Assert.Throws<DataValidationException>(recipe.Build);

        var error = Assert.Single(e.Errors, x => x.Path == "$.units");
        Assert.Null(error.Id);
        Assert.Contains("no district", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chart_has_units() => AssertError(ChartRecipe.Empty, "$.units", null, "no units");

    [Fact]
    public void The_district_has_no_parent() =>
        AssertError(WithUnit(0, u => u with { Parent = "beiyuan" }), "$.units[0].parent", "tongzhou", "cannot have a parent");

    [Fact]
    public void Every_other_unit_has_a_parent()
    {
        var e = Assert.Throws<DataValidationException>(WithUnit(2, u => u with { Parent = null }).Build);
        var error = Assert.Single(e.Errors, x => x.Path == "$.units[2].parent");
        Assert.Equal("xinhuaxijie", error.Id);
    }

    [Fact]
    public void A_grid_cannot_hold_a_subdistrict() =>
        AssertError(
            Sample with { Units = Sample.Units.Add(new("songzhuang", UnitKind.Town, "宋庄镇", "xinhuaxijie-grid-1")) },
            "$.units[5].parent", "songzhuang", "wrong nesting: a town must be inside the district, but its parent 'xinhuaxijie-grid-1' is a grid");

    [Fact]
    public void Two_communities_made_each_others_parent_are_a_cycle()
    {
        var recipe = Sample with
        {
            Units = Sample.Units
                .SetItem(2, Sample.Units[2] with { Parent = "yuqiao" })
                .Add(new("yuqiao", UnitKind.Community, "玉桥社区", "xinhuaxijie")),
        };

        var e = Assert.Throws<DataValidationException>(recipe.Build);

        var cycle = Assert.Single(e.Errors, x => x.Message.Contains("cycle", StringComparison.Ordinal));
        Assert.Equal(("$.units[2].parent", "xinhuaxijie"), (cycle.Path, cycle.Id));
        Assert.Contains("xinhuaxijie → yuqiao → xinhuaxijie", cycle.Message, StringComparison.Ordinal);
        Assert.Contains(e.Errors, x => x.Path == "$.units[5].parent" && x.Id == "yuqiao" && x.Message.Contains("wrong nesting", StringComparison.Ordinal));
    }

    [Fact]
    public void Households_live_only_in_buildings() =>
        AssertError(
            Sample with { Households = [Sample.Households[0] with { Building = "xinhuaxijie-grid-1" }] },
            "$.households[0].building", "h-b3-2-301", "households live only in buildings, but 'xinhuaxijie-grid-1' is a grid");

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void A_household_has_0_to_100_residents(int residents) =>
        AssertError(Sample with { Households = [Sample.Households[0] with { Residents = residents }] }, "$.households[0].residents", "h-b3-2-301", "0 to 100");

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void A_household_of_0_or_100_residents_is_allowed(int residents) =>
        Assert.Equal(residents, (Sample with { Households = [Sample.Households[0] with { Residents = residents }] }).Build().Households[0].Residents);

    [Fact]
    public void A_property_company_serves_at_least_one_community() =>
        AssertError(Sample with { PropertyCompanies = [Sample.PropertyCompanies[0] with { Communities = [] }] }, "$.propertyCompanies[0].communities", "pc-xinhua", "at least one");

    [Fact]
    public void A_property_company_serves_communities_not_grids() =>
        AssertError(
            Sample with { PropertyCompanies = [Sample.PropertyCompanies[0] with { Communities = ["xinhuaxijie", "xinhuaxijie-grid-1"] }] },
            "$.propertyCompanies[0].communities[1]", "pc-xinhua", "'xinhuaxijie-grid-1' is a grid");

    [Fact]
    public void An_office_belongs_to_a_street_level_unit_not_a_community() =>
        AssertError(
            Sample with { SubdistrictOffices = [Sample.SubdistrictOffices[0] with { Unit = "xinhuaxijie" }] },
            "$.subdistrictOffices[0].unit", "beiyuan-cgb", "'xinhuaxijie' is a community");

    [Fact]
    public void Staff_do_not_work_at_a_household() =>
        AssertError(
            Sample with { Staff = [Sample.Staff[0] with { Agency = "h-b3-2-301" }] },
            "$.staff[0].agency", "s-wang", "'h-b3-2-301' is a household");

    [Fact]
    public void A_staff_members_agency_is_of_the_kind_named() =>
        AssertError(
            Sample with { Staff = [Sample.Staff[0] with { AgencyKind = AgencyKind.PropertyCompany }] },
            "$.staff[0].agency", "s-wang", "'xinhuaxijie' is a unit");

    [Fact]
    public void A_party_organisation_sits_on_a_unit_of_its_level() =>
        AssertError(
            Sample with { PartyOrganizations = Sample.PartyOrganizations.SetItem(2, Sample.PartyOrganizations[2] with { Kind = PartyOrganizationKind.Group }) },
            "$.partyOrganizations[2].kind", "po-grid-1", "'xinhuaxijie-grid-1' is a grid");

    [Fact]
    public void A_unit_has_at_most_one_party_organisation() =>
        AssertError(
            Sample with { PartyOrganizations = Sample.PartyOrganizations.Add(new("po-b3-2", PartyOrganizationKind.Group, "第二党小组", "xinhuaxijie-b3")) },
            "$.partyOrganizations[4].unit", "po-b3-2", "already has the party organisation 'po-b3'");

    [Fact]
    public void A_party_members_organisation_exists() =>
        AssertError(
            Sample with { PartyMembers = [Sample.PartyMembers[0] with { Organization = "po-nowhere" }] },
            "$.partyMembers[0].organization", "pm-ouyang", "unknown party organisation 'po-nowhere'");

    [Fact]
    public void A_party_members_household_exists() =>
        AssertError(
            Sample with { PartyMembers = [Sample.PartyMembers[0] with { Household = "xinhuaxijie-b3" }] },
            "$.partyMembers[0].household", "pm-ouyang", "'xinhuaxijie-b3' is a unit, not a household");

    [Fact]
    public void Every_problem_is_reported_at_once_in_document_order()
    {
        var recipe = Sample with
        {
            Units = Sample.Units.SetItem(3, Sample.Units[3] with { Name = "" }),
            Households = [Sample.Households[0] with { Residents = 101 }],
            PartyMembers = [Sample.PartyMembers[0] with { Organization = "po-nowhere" }],
        };

        var e = Assert.Throws<DataValidationException>(recipe.Build);

        Assert.Equal(
            ["$.households[0].residents", "$.partyMembers[0].organization", "$.units[3].name"],
            e.Errors.Select(x => x.Path));
        Assert.Contains("3 errors", e.Message, StringComparison.Ordinal);
        Assert.Throws<DataValidationException>(() => ChartJson.Parse(recipe.ToJson()));
        Assert.Equal(e.Errors, Assert.Throws<DataValidationException>(() => ChartJson.Parse(recipe.ToJson())).Errors);
    }
}

public sealed class UndefinedKindExamples
{
    [Theory]
    [InlineData(-1)]
    [InlineData(42)]
    public void A_unit_of_an_undefined_kind_is_refused_as_data(int kind)
    {
        var recipe = BeiyuanSample.Recipe with { Units = BeiyuanSample.Recipe.Units.Add(new("odd", (UnitKind)kind, "怪", "xinhuaxijie-grid-1")) };

        var e = Assert.Throws<DataValidationException>(recipe.Build);

        Assert.Equal(("$.units[5].kind", "odd"), (e.Errors[0].Path, e.Errors[0].Id));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(42)]
    public void A_party_organisation_of_an_undefined_kind_is_refused_as_data(int kind)
    {
        var recipe = BeiyuanSample.Recipe with
        {
            PartyOrganizations = BeiyuanSample.Recipe.PartyOrganizations.SetItem(3, BeiyuanSample.Recipe.PartyOrganizations[3] with { Kind = (PartyOrganizationKind)kind }),
        };

        var e = Assert.Throws<DataValidationException>(recipe.Build);

        Assert.Equal(("$.partyOrganizations[3].kind", "po-b3"), (Assert.Single(e.Errors).Path, e.Errors[0].Id));
    }
}

/// <summary>The builder refuses what the JSON format could not hold, so every chart it builds round-trips.</summary>
public sealed class BuilderAcceptsOnlyWhatJsonCanHoldExamples
{
    [Fact]
    public void An_empty_duty_is_refused_at_its_index()
    {
        var recipe = BeiyuanSample.Recipe with { DistrictDepartments = [new("qu-sw", "区水务局", ["供水", " "])] };

        var error = Assert.Single(Assert.Throws<DataValidationException>(recipe.Build).Errors);

        Assert.Equal(("$.districtDepartments[0].duties[1]", "qu-sw"), (error.Path, error.Id));
    }

    [Fact]
    public void A_default_name_or_phone_for_a_household_is_refused()
    {
        var builder = (BeiyuanSample.Recipe with { Households = [], PartyMembers = [] }).ApplyTo(new ChartBuilder());
        builder.AddHousehold(new HouseholdId("hx"), new UnitId("xinhuaxijie-b3"), head: default(PersonName), phone: default(PhoneNumber));

        var e = Assert.Throws<DataValidationException>(builder.Build);

        Assert.Equal([("$.households[0].head", "hx"), ("$.households[0].phone", "hx")], e.Errors.Select(x => (x.Path, x.Id!)));
    }
}
