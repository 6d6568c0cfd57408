using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Core.Catalogue;
using Governance.Core.Liaison;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Routing;
using Governance.Core.Tests.Organization;
using Governance.Core.Time;

namespace Governance.Core.Tests.Routing;

/// <summary>Invariants of routing and escalation on random charts, with a catalogue of every kind over the chart's duties.</summary>
public sealed class RoutingProperties
{
    private static readonly string[] OfficeDuties = ["环境卫生", "城市管理", "12345", "gas.leak", "water/outage", "噪音 扰民", "没有人管"];

    /// <summary>A category of every kind; department categories only for duties some department of the chart holds.</summary>
    internal static CategoryCatalogue CatalogueFor(Chart chart)
    {
        var builder = new CatalogueBuilder()
            .Add(new CategoryCode("其他/待分拣"), "待分拣", CategoryClass.Ordinary, ResponsibleKind.StreetLevelUnit)
            .Add(new CategoryCode("物业"), "物业", CategoryClass.Ordinary, ResponsibleKind.PropertyCompany, "gas.leak")
            .Add(new CategoryCode("物业/电梯"), "电梯", CategoryClass.Emergency)
            .Add(new CategoryCode("社区"), "社区", CategoryClass.Complex, ResponsibleKind.Community)
            .Add(new CategoryCode("街道"), "街道", CategoryClass.Ordinary, ResponsibleKind.StreetLevelUnit, "城市管理")
            .WithTriage(new CategoryCode("其他/待分拣"));
        foreach (var duty in OfficeDuties)
        {
            builder.Add(new CategoryCode($"科室/{duty}"), duty, CategoryClass.Ordinary, ResponsibleKind.SubdistrictOffice, duty);
        }

        foreach (var duty in chart.DistrictDepartments.SelectMany(d => d.Duties).Distinct())
        {
            builder.Add(new CategoryCode($"部门/{duty}"), duty, CategoryClass.Utilities, ResponsibleKind.DistrictDepartment, duty);
        }

        return builder.Build();
    }

    internal static IEnumerable<RequestLocation> Locations(Chart chart) =>
        chart.Units.Select(u => new RequestLocation(u.Id)).Concat(chart.Households.Select(h => new RequestLocation(h.BuildingId, h.Id)));

    private static IEnumerable<CategoryCode> Codes(CategoryCatalogue catalogue) =>
        catalogue.Categories.Select(c => c.Code).Append(new CategoryCode("物业/电梯/异响")).Append(new CategoryCode("未知"));

    private static Router RouterFor(ChartRecipe recipe, bool withLiaisons)
    {
        var chart = recipe.Build();
        var liaisons = withLiaisons ? LiaisonAssigner.Assign(chart, new LiaisonOptions { MinHouseholds = 1, MaxHouseholds = 3, AllowAcrossCommunities = true }) : null;
        return new Router(chart, CatalogueFor(chart), liaisons);
    }

    private static Unit LocationUnit(Chart chart, RequestLocation location) => chart.GetUnit(location.Unit);

    /// <summary>Does the agency exist in the chart, as the kind it claims?</summary>
    private static bool Exists(Chart chart, Agency agency) => agency.Kind switch
    {
        AgencyKind.Unit => chart.TryGetUnit(new UnitId(agency.Id), out _),
        AgencyKind.PropertyCompany => chart.TryGetPropertyCompany(new PropertyCompanyId(agency.Id), out _),
        AgencyKind.SubdistrictOffice => chart.TryGetSubdistrictOffice(new SubdistrictOfficeId(agency.Id), out _),
        _ => chart.TryGetDistrictDepartment(new DistrictDepartmentId(agency.Id), out _),
    };

    /// <summary>Property company 0 &lt; building 1 &lt; grid 2 &lt; community 3 &lt; street-level unit or office 4 &lt; district or department 5.</summary>
    private static int Rank(Chart chart, Agency agency) => agency.Kind switch
    {
        AgencyKind.PropertyCompany => 0,
        AgencyKind.Unit => 5 - (int)chart.GetUnit(new UnitId(agency.Id)).Level,
        AgencyKind.SubdistrictOffice => 4,
        _ => 5,
    };

    [Property(Arbitrary = [typeof(ChartArbitraries)], MaxTest = 150)]
    public void Every_decision_has_an_owner_and_a_handler_near_the_location(ChartRecipe recipe, bool withLiaisons)
    {
        var router = RouterFor(recipe, withLiaisons);
        var chart = router.Chart;
        foreach (var location in Locations(chart))
        {
            var unit = LocationUnit(chart, location);
            foreach (var channel in Enum.GetValues<Channel>())
            {
                if (channel == Channel.HouseholdNetwork && location.Household is null)
                {
                    Assert.Throws<ArgumentException>(() => router.Route(channel, location, new CategoryCode("物业")));
                    continue;
                }

                foreach (var code in Codes(router.Catalogue))
                {
                    var decision = router.Route(channel, location, code);
                    Assert.True(Exists(chart, decision.Owner), $"owner {decision.Owner}");
                    Assert.True(Exists(chart, decision.Handler), $"handler {decision.Handler}");
                    Assert.True(IsNear(chart, unit, decision.Handler), $"{decision.Handler} is not near {location}");
                    if (channel != Channel.HouseholdNetwork)
                    {
                        Assert.True(IsNear(chart, unit, decision.Owner), $"{decision.Owner} is not near {location}");
                    }

                    Assert.Equal(!router.Catalogue.TryGet(code, out var d) || d == router.Catalogue.Triage, decision.IsTriage);
                    Assert.Equal(router.Catalogue.Resolve(code).Class, decision.CategoryClass);
                }
            }
        }
    }

    /// <summary>
    /// The router's own id table (not the chart's dictionary) finds every unit and household by an equal id, not only
    /// the chart's own string, and refuses an id of any other kind — a household's id as a unit, a unit's or a property
    /// company's as a household — as well as unknown ids and a household named with another building.
    /// </summary>
    [Property(Arbitrary = [typeof(ChartArbitraries)], MaxTest = 150)]
    public void Every_unit_and_household_is_found_by_its_id_and_nothing_else_is(ChartRecipe recipe)
    {
        var router = RouterFor(recipe, withLiaisons: false);
        var chart = router.Chart;
        static string Copy(string id) => new(id.AsSpan()); // equal, but not the chart's instance
        var code = new CategoryCode("社区");
        foreach (var unit in chart.Units)
        {
            var decision = router.Route(Channel.QrScan, new RequestLocation(new UnitId(Copy(unit.Id.Value))), code);
            Assert.Equal(Agency.Unit(unit.Id), decision.Owner); // a QR code's owner is the unit it hangs on
            var asHousehold = new RequestLocation(unit.Id, new HouseholdId(unit.Id.Value));
            Assert.Contains("not in the chart", Assert.Throws<ArgumentException>(() => router.Route(Channel.QrScan, asHousehold, code)).Message);
        }

        foreach (var household in chart.Households)
        {
            var building = chart.BuildingOf(household);
            var location = new RequestLocation(new UnitId(Copy(building.Id.Value)), new HouseholdId(Copy(household.Id.Value)));
            Assert.Equal(Agency.Unit(building.Id), router.Route(Channel.QrScan, location, code).Owner);
            var asUnit = new RequestLocation(new UnitId(household.Id.Value));
            Assert.Contains($"the unit '{household.Id.Value}', which is not in the chart", Assert.Throws<ArgumentException>(() => router.Route(Channel.QrScan, asUnit, code)).Message);
            if (chart.Units.FirstOrDefault(u => u.Level == UnitLevel.Building && u != building) is { } other)
            {
                var elsewhere = new RequestLocation(other.Id, household.Id);
                Assert.Contains($"lives in the building '{building.Id}'", Assert.Throws<ArgumentException>(() => router.Route(Channel.QrScan, elsewhere, code)).Message);
            }
        }

        foreach (var company in chart.PropertyCompanies)
        {
            var asHousehold = new RequestLocation(chart.Units[0].Id, new HouseholdId(company.Id.Value));
            Assert.Contains($"the household '{company.Id.Value}', which is not in the chart", Assert.Throws<ArgumentException>(() => router.Route(Channel.QrScan, asHousehold, code)).Message);
        }

        Assert.Throws<ArgumentException>(() => router.Route(Channel.QrScan, new RequestLocation(new UnitId("没有这个单位")), code));
        Assert.Throws<ArgumentException>(() => router.Route(Channel.QrScan, new RequestLocation(default(UnitId)), code));
    }

    [Property(Arbitrary = [typeof(ChartArbitraries)], MaxTest = 150)]
    public void Escalation_from_any_handler_or_owner_goes_strictly_up_and_ends_within_five_steps(ChartRecipe recipe)
    {
        var router = RouterFor(recipe, withLiaisons: false);
        var chart = router.Chart;
        foreach (var location in Locations(chart))
        {
            foreach (var code in Codes(router.Catalogue))
            {
                foreach (var start in Enum.GetValues<Channel>().Where(c => c != Channel.HouseholdNetwork).SelectMany(c => new[] { router.Route(c, location, code).Owner, router.Route(c, location, code).Handler }).Distinct())
                {
                    var current = start;
                    var steps = 0;
                    while (router.EscalationTarget(current, location, code) is { } next)
                    {
                        Assert.True(Exists(chart, next), $"{next}");
                        Assert.True(Rank(chart, next) > Rank(chart, current), $"{current} → {next} is not up");
                        current = next;
                        Assert.True(++steps <= 5, $"chain from {start} longer than 5");
                    }
                }
            }
        }
    }

    /// <summary>A location's row, which holds its unit's route, is the 64 bytes the table's memory estimate counts on.</summary>
    [Fact]
    public void A_location_row_holding_its_units_route_is_64_bytes() => Assert.Equal(64, Unsafe.SizeOf<LocationTable.Row>());

    [Property(Arbitrary = [typeof(ChartArbitraries)], MaxTest = 100)]
    public Property Routing_allocates_nothing(ChartRecipe recipe)
    {
        var router = RouterFor(recipe, withLiaisons: true);
        var locations = Locations(router.Chart).ToArray();
        var codes = Codes(router.Catalogue).ToArray();
        router.Route(Channel.WalkIn, locations[0], codes[0]);
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var location in locations)
        {
            foreach (var code in codes)
            {
                router.Route(Channel.PropertyHotline, location, code);
            }
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before == 0).Label("bytes allocated while routing");
    }

    /// <summary>The location's unit or an ancestor, an office of its street-level unit, a company serving it, or a department.</summary>
    private static bool IsNear(Chart chart, Unit unit, Agency agency) => agency.Kind switch
    {
        AgencyKind.Unit => chart.IsWithin(unit, chart.GetUnit(new UnitId(agency.Id))),
        AgencyKind.SubdistrictOffice => chart.SubdistrictOfficesOf(unit).ToArray().Any(o => o.Id.Value == agency.Id),
        AgencyKind.PropertyCompany => chart.PropertyCompaniesServing(unit).ToArray().Any(c => c.Id.Value == agency.Id),
        _ => true,
    };
}
