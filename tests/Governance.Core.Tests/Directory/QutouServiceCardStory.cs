using Governance.Core.Catalogue;
using Governance.Core.Directory;
using Governance.Core.Organization;
using Governance.Core.Routing;

namespace Governance.Core.Tests.Directory;

/// <summary>
/// 渠头村 (于家务乡) printed a service card (便民卡) with the village committee's phones and duties, and its 12345 tickets
/// fell: the card for 渠头村 in the sample district, with the default catalogue.
/// </summary>
public sealed class QutouServiceCardStory
{
    private static readonly ServiceDirectory Directory = new(new Router(SampleDistrict.Chart, CategoryCatalogue.Default));
    private static readonly ContactCard Card = Directory.CardFor(SampleDistrict.Units.Qutou);
    private static readonly Agency Qutou = Agency.Unit(SampleDistrict.Units.Qutou);

    [Fact]
    public void The_card_prints_the_village_director_and_the_township_publicity_member_with_their_phones_and_duties()
    {
        var yan = Assert.Single(Card.LocalStaff, s => s.Name == "闫刚");
        Assert.Equal(("村委会主任", "010-0000-0301"), (yan.Role, yan.Phone));
        Assert.Equal(["村务", "12345工单"], yan.Duties.ToArray());
        var meng = Assert.Single(Card.LocalStaff, s => s.Name == "孟慧");
        Assert.Contains("便民服务年历", meng.Duties);
        Assert.True(Card.LocalStaff.IndexOf(yan) < Card.LocalStaff.IndexOf(meng), "the village's own staff come before the township's");
    }

    [Fact]
    public void The_village_committee_comes_first_and_answers_for_property_matters_because_no_property_company_serves_a_village()
    {
        Assert.Equal("渠头村", Card.Unit.Name);
        Assert.Equal(Qutou, Card.Groups[0].Handler);
        Assert.Equal(Qutou, Card.EntryFor(new CategoryCode("物业/电梯/故障")).Handler);
        Assert.Equal(Qutou, Card.EntryFor(new CategoryCode("环境")).Handler);
    }

    [Fact]
    public void A_dispute_goes_to_the_committee_member_whose_duties_name_mediation()
    {
        var entry = Card.EntryFor(new CategoryCode("纠纷"));

        Assert.Equal(Qutou, entry.Handler);
        Assert.Equal(ContactSource.StaffByDuty, entry.Source);
        Assert.Contains("矛盾调解", entry.Duties);
        Assert.Equal("村委会主任", entry.Role);
    }

    [Fact]
    public void An_unknown_category_reads_as_triage_at_the_township_and_heating_as_the_district_department()
    {
        var unknown = Card.EntryFor(new CategoryCode("外星人"));
        Assert.Equal(CategoryCatalogue.Default.Triage.Code, unknown.Category);
        Assert.Equal(Agency.Unit(SampleDistrict.Units.Yujiawu), unknown.Handler);
        Assert.Equal("于家务乡", unknown.HandlerName);

        var heating = Card.EntryFor(new CategoryCode("供暖"));
        Assert.Equal(AgencyKind.DistrictDepartment, heating.Handler.Kind);
        Assert.Equal(ContactSource.StaffByDuty, heating.Source);
    }

    [Fact]
    public void An_agency_with_no_staff_phone_falls_back_to_12345()
    {
        var chart = new ChartBuilder()
            .AddUnit(new UnitId("d"), UnitKind.District, "区")
            .AddUnit(new UnitId("s"), UnitKind.Township, "乡", new UnitId("d"))
            .AddUnit(new UnitId("v"), UnitKind.Village, "村", new UnitId("s"))
            .Build();
        var catalogue = new CatalogueBuilder()
            .Add(new CategoryCode("其他"), "其他", Core.Time.CategoryClass.Ordinary, ResponsibleKind.Community)
            .WithTriage(new CategoryCode("其他"))
            .Build();

        var entry = Assert.Single(new ServiceDirectory(new Router(chart, catalogue)).CardFor(new UnitId("v")).Entries);

        Assert.Equal((ContactSource.CityHotline, ServiceDirectory.CityHotline, ServiceDirectory.CityHotlineName), (entry.Source, entry.Phone, entry.Name));
        Assert.Null(entry.Staff);
    }

    [Fact]
    public void A_unit_or_household_outside_the_chart_is_refused_by_name()
    {
        var unit = Assert.Throws<ArgumentException>(() => Directory.CardFor(new UnitId("no-such-village")));
        Assert.Contains("'no-such-village'", unit.Message);
        var household = Assert.Throws<ArgumentException>(() => Directory.CardFor(new HouseholdId("no-such-home")));
        Assert.Contains("'no-such-home'", household.Message);
    }

    [Fact]
    public void A_household_in_xinhuaxijie_calls_the_property_company_member_in_charge_of_lifts_and_its_own_data_is_not_on_the_card()
    {
        var chart = SampleDistrict.Chart;
        var household = chart.HouseholdsUnder(chart.GetUnit(SampleDistrict.Units.Xinhuaxijie))[0];

        var card = Directory.CardFor(household.Id);

        Assert.Same(household, card.Household);
        var lift = card.EntryFor(new CategoryCode("物业/电梯/故障"));
        Assert.Equal(Agency.PropertyCompany(SampleDistrict.PropertyCompanies.Beiyuan), lift.Handler);
        Assert.Equal(ContactSource.StaffByDuty, lift.Source);
        Assert.Contains("电梯", lift.Duties);
        Assert.Equal(lift.Handler, chart.GetStaffMember(lift.Staff!.Value).Agency);
        Assert.Contains(card.LocalStaff, s => s.Agency == Agency.Unit(SampleDistrict.Units.Xinhuaxijie));
        if (household.Phone is { } phone)
        {
            Assert.DoesNotContain(card.Entries, e => e.Phone == phone.Reveal());
        }

        if (household.Head is { } head)
        {
            Assert.DoesNotContain(card.Entries, e => e.Name == head.Reveal());
        }
    }
}
