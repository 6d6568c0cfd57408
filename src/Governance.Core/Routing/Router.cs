using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Governance.Core.Catalogue;
using Governance.Core.Liaison;
using Governance.Core.Organization;
using Governance.Core.Requests;

namespace Governance.Core.Routing;

/// <summary>
/// Decides where a request goes on receipt — its owner (the first contact, 首接负责) and its handler (the nearest body
/// up the tree that the catalogue makes responsible) — and where it goes when escalated. Immutable and safe to share
/// between threads; everything is precomputed per unit when the router is made, so <see cref="Route"/> costs two
/// hash lookups (the location's id, whose table entry holds its unit's route, and the category code) and allocates
/// nothing.
/// </summary>
/// <remarks>
/// <para><b>Owner</b> by channel: <see cref="Channel.PropertyHotline"/> → the property company serving the location's
/// community (the first in chart order when several do; the community when none does);
/// <see cref="Channel.HouseholdNetwork"/> → the community of the household's liaison in <see cref="Liaisons"/> (the
/// household's own community when there is no assignment or the household has no liaison);
/// <see cref="Channel.Hotline12345"/> → the street-level unit; <see cref="Channel.QrScan"/> → the location's unit
/// itself (the unit the QR code hangs on); <see cref="Channel.ServiceCalendarPhone"/>, <see cref="Channel.WalkIn"/>
/// and <see cref="Channel.Proactive"/> (raised by grid and community staff) → the location's community.</para>
/// <para><b>Handler</b> by the category's <see cref="ResponsibleKind"/>, as <see cref="ResponsibleKind"/> documents.
/// A code with no definition and no defined ancestor is routed as <see cref="CategoryCatalogue.Triage"/>.</para>
/// <para>Where a level is missing the nearest one above stands in: a location above community level is its own
/// community, and the district is its own street-level unit.</para>
/// </remarks>
public sealed class Router
{
    // Hot-path tables. A request costs one lookup of its location's id, whose table entry is the household's or unit's
    // row and carries its unit's route (the agencies' ids themselves, so owner and handler need no further reads), and
    // one lookup of its category code; the office and department tables are small and stay in cache.
    private readonly Agency[] _agencies;          // units, then property companies, offices, departments (by chart order)
    private readonly LocationTable _locations;    // units and households by id, each with its unit's route
    private readonly Agency[] _officeByStreetDuty; // [street slot * duty count + duty]: the office, or default when none holds it
    private readonly Agency[] _departmentByDuty;   // by duty: the department, or default when none holds it
    private readonly int[] _departmentIndexByDuty; // by duty: agency index of the department, or -1
    private readonly CategoryRule[] _rules;        // by category index
    private readonly int _dutyCount;
    private readonly int _triage;
    private readonly int _companyBase;
    private readonly int _officeBase;
    private readonly int _departmentBase;

    /// <summary>Makes a router for <paramref name="chart"/> with <paramref name="catalogue"/> and, optionally, the liaisons of the household network.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="chart"/> or <paramref name="catalogue"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="liaisons"/> was made for another chart.</exception>
    /// <exception cref="DataValidationException">
    /// A category handled by a <see cref="ResponsibleKind.DistrictDepartment"/> names a duty no department of the
    /// chart holds; each error names the category's path in the catalogue (<c>$.categories[3].duty</c>) and its code.
    /// </exception>
    public Router(Chart chart, CategoryCatalogue catalogue, LiaisonAssignment? liaisons = null)
    {
        Chart = Preconditions.CheckNotNull(chart);
        Catalogue = Preconditions.CheckNotNull(catalogue);
        Preconditions.CheckArgument(liaisons is null || ReferenceEquals(liaisons.Chart, chart), nameof(liaisons),
            "The liaison assignment was made for another chart.");
        Liaisons = liaisons;

        var units = chart.Units;
        var companies = chart.PropertyCompanies;
        var offices = chart.SubdistrictOffices;
        var departments = chart.DistrictDepartments;
        _companyBase = units.Length;
        _officeBase = _companyBase + companies.Length;
        _departmentBase = _officeBase + offices.Length;
        _agencies = new Agency[_departmentBase + departments.Length];
        foreach (var u in units)
        {
            _agencies[u.Index] = Agency.Unit(u.Id);
        }

        foreach (var c in companies)
        {
            _agencies[_companyBase + c.Index] = Agency.PropertyCompany(c.Id);
        }

        foreach (var o in offices)
        {
            _agencies[_officeBase + o.Index] = Agency.SubdistrictOffice(o.Id);
        }

        foreach (var d in departments)
        {
            _agencies[_departmentBase + d.Index] = Agency.DistrictDepartment(d.Id);
        }

        // Duties the catalogue names, numbered.
        var duties = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = catalogue.Categories;
        _rules = new CategoryRule[categories.Length];
        foreach (var c in categories)
        {
            var duty = -1;
            if (c.Duty is { } name && !duties.TryGetValue(name, out duty))
            {
                duty = duties.Count;
                duties.Add(name, duty);
            }

            _rules[c.Index] = new CategoryRule(c.Responsible, duty, c.Class);
        }

        _dutyCount = duties.Count;
        _triage = catalogue.Triage.Index;

        _departmentIndexByDuty = new int[_dutyCount];
        Array.Fill(_departmentIndexByDuty, -1);
        foreach (var d in departments)
        {
            foreach (var duty in d.Duties)
            {
                if (duties.TryGetValue(duty, out var k) && _departmentIndexByDuty[k] < 0)
                {
                    _departmentIndexByDuty[k] = _departmentBase + d.Index;
                }
            }
        }

        _departmentByDuty = [.. _departmentIndexByDuty.Select(a => a < 0 ? default : _agencies[a])];

        var errors = new List<DataError>();
        foreach (var c in categories)
        {
            if (c.Responsible == ResponsibleKind.DistrictDepartment && _departmentIndexByDuty[_rules[c.Index].Duty] < 0)
            {
                errors.Add(new DataError($"$.categories[{c.Index}].duty", c.Code.Value,
                    $"no district department of the chart holds the duty '{c.Duty}', so the category has no handler"));
            }
        }

        if (errors.Count > 0)
        {
            throw new DataValidationException("routing (catalogue against chart)", errors);
        }

        // Per unit: itself, its community, its property company, its street-level unit.
        var streetSlot = new int[units.Length];
        var streets = 0;
        foreach (var u in units)
        {
            streetSlot[u.Index] = u.Level == UnitLevel.StreetLevel ? streets++ : -1;
        }

        var routes = new UnitRoute[units.Length];
        foreach (var u in units)
        {
            var community = chart.AncestorOrSelfAt(u, UnitLevel.Community) ?? u;
            var serving = chart.PropertyCompaniesServing(u);
            var street = chart.AncestorOrSelfAt(u, UnitLevel.StreetLevel);
            routes[u.Index] = new UnitRoute(
                CommunityId: community.Id.Value,
                StreetId: (street ?? u).Id.Value,
                CompanyOrCommunity: serving.Length > 0 ? _agencies[_companyBase + serving[0].Index] : _agencies[community.Index],
                StreetSlot: street is null ? -1 : streetSlot[street.Index]);
        }

        var officeIndex = new int[streets * _dutyCount];
        Array.Fill(officeIndex, -1);
        foreach (var o in offices)
        {
            var slot = streetSlot[chart.UnitOf(o).Index];
            foreach (var duty in o.Duties)
            {
                if (duties.TryGetValue(duty, out var k) && officeIndex[(slot * _dutyCount) + k] < 0)
                {
                    officeIndex[(slot * _dutyCount) + k] = _officeBase + o.Index;
                }
            }
        }

        _officeByStreetDuty = [.. officeIndex.Select(a => a < 0 ? default : _agencies[a])];

        var locations = new List<LocationTable.Row>(units.Length + chart.Households.Length);
        foreach (var u in units)
        {
            locations.Add(routes[u.Index].Row(u.Id.Value, u.Index, buildingId: null, networkOwnerId: null));
        }

        foreach (var h in chart.Households)
        {
            var home = liaisons is not null && liaisons.TryGetLiaison(h.Id, out var liaison) ? chart.HouseholdOf(chart.GetPartyMember(liaison)) : h;
            var building = chart.BuildingIndex(h);
            locations.Add(routes[building].Row(h.Id.Value, building, h.BuildingId.Value, routes[chart.BuildingIndex(home)].CommunityId));
        }

        _locations = new LocationTable(locations);
    }

    /// <summary>The chart the router routes in.</summary>
    public Chart Chart { get; }

    /// <summary>The catalogue that says who handles which category.</summary>
    public CategoryCatalogue Catalogue { get; }

    /// <summary>The liaisons of the household network (党员联户); <see langword="null"/> when none were given.</summary>
    public LiaisonAssignment? Liaisons { get; }

    /// <summary>
    /// Routes a request received on <paramref name="channel"/> about <paramref name="location"/> in
    /// <paramref name="category"/>: owner by channel, handler by the catalogue (rules in the remarks on the class). A
    /// code with no definition and no defined ancestor is routed as the catalogue's triage category:
    /// <see cref="RoutingDecision.Category"/> is then the triage code. <see cref="RoutingDecision.IsTriage"/> is true
    /// whenever the request is routed as the triage category. Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The location's unit or household is not in the chart, its unit is not the household's building, or a
    /// <see cref="Channel.HouseholdNetwork"/> request has no household; the message names the id and the channel.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channel"/> is not a defined channel.</exception>
    public RoutingDecision Route(Channel channel, RequestLocation location, CategoryCode category) => RouteIndexed(channel, location, category, out _);

    /// <summary>As <see cref="Route(Channel, RequestLocation, CategoryCode)"/>, also giving the chart index of the location's unit (so the desk need not look it up again).</summary>
    internal RoutingDecision RouteIndexed(Channel channel, RequestLocation location, CategoryCode category, out int unit) =>
        RouteIndexed(channel, location, LocationHash(location), category, out unit);

    /// <summary>
    /// The hash under which routing looks <paramref name="location"/> up (of its household's id, else its unit's): a
    /// batch computes it once per item, for <see cref="PrefetchLocation"/> and routing.
    /// </summary>
    internal static int LocationHash(RequestLocation location) => LocationTable.HashOf(KeyOf(location));

    /// <summary>Asks the processor to fetch the table entry of the location hashed <paramref name="hash"/> (a hint: it changes nothing).</summary>
    internal void PrefetchLocation(int hash) => _locations.Prefetch(hash);

    /// <summary>The id routing looks a location up by: its household's, else its unit's.</summary>
    internal static string? KeyOf(RequestLocation location) => location.Household is { } household ? household.Value : location.Unit.Value;

    /// <summary>As <see cref="RouteIndexed(Channel, RequestLocation, CategoryCode, out int)"/>, with the location's <see cref="LocationHash"/>.</summary>
    internal RoutingDecision RouteIndexed(Channel channel, RequestLocation location, int hash, CategoryCode category, out int unit)
    {
        ref readonly var route = ref _locations[Locate(location, hash, channel)];
        unit = route.Unit;
        var c = Catalogue.IndexOf(category.Value);
        if (c < 0)
        {
            c = _triage;
            category = Catalogue.Triage.Code;
        }

        ref readonly var rule = ref _rules[c];
        var owner = channel switch
        {
            Channel.PropertyHotline => route.CompanyOrCommunity,
            Channel.HouseholdNetwork => new Agency(AgencyKind.Unit, route.NetworkOwnerId ?? ThrowNoHousehold(location)),
            Channel.Hotline12345 => new Agency(AgencyKind.Unit, route.StreetId),
            Channel.QrScan => new Agency(AgencyKind.Unit, route.UnitId),
            Channel.ServiceCalendarPhone or Channel.WalkIn or Channel.Proactive => new Agency(AgencyKind.Unit, route.CommunityId),
            _ => ThrowChannel(channel),
        };

        var handler = rule.Kind switch
        {
            ResponsibleKind.PropertyCompany => route.CompanyOrCommunity,
            ResponsibleKind.Community => new Agency(AgencyKind.Unit, route.CommunityId),
            ResponsibleKind.SubdistrictOffice => OfficeOrStreet(route, rule),
            ResponsibleKind.DistrictDepartment => _departmentByDuty[rule.Duty],
            _ => new Agency(AgencyKind.Unit, route.StreetId),
        };

        return new RoutingDecision(owner, handler, category, rule.Class, c == _triage);
    }

    /// <summary>
    /// The liaison of the household <paramref name="location"/> names, whose community owns what the household submits
    /// through the household network; <see langword="null"/> when the location names no household, no liaisons were
    /// given, or the household has no liaison.
    /// </summary>
    /// <exception cref="ArgumentException">The location's unit or household is not in the chart, or its unit is not the household's building.</exception>
    public PartyMemberId? LiaisonOf(RequestLocation location)
    {
        var at = Locate(location, LocationHash(location), null);
        return _locations[at].IsHousehold && Liaisons is not null && Liaisons.TryGetLiaison(location.Household!.Value, out var liaison) ? liaison : null;
    }

    /// <summary>
    /// The next agency up the escalation chain for a request about <paramref name="location"/> in
    /// <paramref name="category"/>, held by <paramref name="from"/>: a property company → the location's community; a
    /// building or grid → its community; a community or village → the office of its street-level unit holding the
    /// category's duty, or the street-level unit when no office holds it (or the category names no duty); a
    /// street-level unit or an office → the first district department holding the duty; <see langword="null"/> when
    /// there is none, and for a department or the district (the top). Every step goes strictly up, so a chain ends
    /// within five steps. An unknown code escalates as the triage category.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="from"/> is not an agency of the chart, or the location is not in it (as for <see cref="Route"/>).</exception>
    public Agency? EscalationTarget(Agency from, RequestLocation location, CategoryCode category)
    {
        ref readonly var route = ref _locations[Locate(location, LocationHash(location), null)];
        var c = Catalogue.IndexOf(category.Value);
        var rule = _rules[c < 0 ? _triage : c];
        var next = from.Kind switch
        {
            AgencyKind.PropertyCompany when Chart.TryGetPropertyCompany(new PropertyCompanyId(from.Id), out _) => UpFromCommunityLevel(Chart.GetUnit(new UnitId(route.CommunityId)).Index, rule),
            AgencyKind.Unit when Chart.TryGetUnit(new UnitId(from.Id), out var u) => u.Level switch
            {
                UnitLevel.Building or UnitLevel.Grid => Chart.GetUnit(new UnitId(RowOf(u.Id).CommunityId)).Index,
                UnitLevel.Community => OfficeOrStreetIndex(RowOf(u.Id), rule),
                UnitLevel.StreetLevel => rule.Duty < 0 ? -1 : _departmentIndexByDuty[rule.Duty],
                _ => -1,
            },
            AgencyKind.SubdistrictOffice when Chart.TryGetSubdistrictOffice(new SubdistrictOfficeId(from.Id), out _) => rule.Duty < 0 ? -1 : _departmentIndexByDuty[rule.Duty],
            AgencyKind.DistrictDepartment when Chart.TryGetDistrictDepartment(new DistrictDepartmentId(from.Id), out _) => -1,
            _ => throw new ArgumentException($"{from} is not an agency of the chart.", nameof(from)),
        };

        return next < 0 ? null : _agencies[next];
    }

    /// <summary>
    /// The district department a whistle (吹哨) about a request in <paramref name="category"/> calls to report (报到): the
    /// first department, in chart order, holding the category's duty, which is also where escalation from a street-level
    /// unit or an office arrives; <see langword="null"/> when the category names no duty or no department holds it. The
    /// category is the one <see cref="CategoryCatalogue.Resolve"/> finds, as in <see cref="Route"/>: the code's nearest
    /// defined ancestor, else the triage category.
    /// </summary>
    public DistrictDepartmentId? DepartmentFor(CategoryCode category)
    {
        var c = Catalogue.IndexOf(category.Value);
        var duty = _rules[c < 0 ? _triage : c].Duty;
        return duty < 0 || _departmentIndexByDuty[duty] < 0 ? null : new DistrictDepartmentId(_agencies[_departmentIndexByDuty[duty]].Id);
    }

    /// <summary>From a property company: the community, unless the location has none (then the step above it).</summary>
    private int UpFromCommunityLevel(int community, in CategoryRule rule) =>
        Chart.Units[community].Level == UnitLevel.Community ? community
        : Chart.Units[community].Level == UnitLevel.StreetLevel ? (rule.Duty < 0 ? -1 : _departmentIndexByDuty[rule.Duty])
        : -1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Agency OfficeOrStreet(in LocationTable.Row route, in CategoryRule rule)
    {
        if (route.StreetSlot >= 0 && rule.Duty >= 0)
        {
            var office = _officeByStreetDuty[(route.StreetSlot * _dutyCount) + rule.Duty];
            if (office.Id is not null)
            {
                return office;
            }
        }

        return new Agency(AgencyKind.Unit, route.StreetId);
    }

    /// <summary>As <see cref="OfficeOrStreet"/>, as an agency index (escalation, off the hot path).</summary>
    private int OfficeOrStreetIndex(in LocationTable.Row route, in CategoryRule rule)
    {
        var agency = OfficeOrStreet(route, rule);
        return agency.Kind == AgencyKind.Unit ? Chart.GetUnit(new UnitId(agency.Id)).Index : _officeBase + Chart.GetSubdistrictOffice(new SubdistrictOfficeId(agency.Id)).Index;
    }

    /// <summary>The row of the unit <paramref name="id"/>, which must be in the chart.</summary>
    private ref readonly LocationTable.Row RowOf(UnitId id) => ref _locations[_locations.Find(id.Value, LocationTable.HashOf(id.Value))];

    /// <summary>
    /// The table position of the location's row: its household's when it names one (checked against its unit), else its
    /// unit's; <paramref name="hash"/> is its <see cref="LocationHash"/>.
    /// </summary>
    private int Locate(RequestLocation location, int hash, Channel? channel)
    {
        if (location.Household is { } id)
        {
            var household = _locations.Find(id.Value, hash);
            if (household < 0 || !_locations[household].IsHousehold)
            {
                return ThrowNotInChart("household", id.Value, channel);
            }

            ref readonly var row = ref _locations[household];
            if (!string.Equals(row.BuildingId, location.Unit.Value, StringComparison.Ordinal))
            {
                return ThrowWrongBuilding(location, row.BuildingId!, channel);
            }

            return household;
        }

        var unit = _locations.Find(location.Unit.Value, hash);
        return unit >= 0 && !_locations[unit].IsHousehold ? unit : ThrowNotInChart("unit", location.Unit.Value, channel);
    }

    private static string On(Channel? channel) => channel is { } c ? $" (channel {c})" : string.Empty;

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ThrowNotInChart(string noun, string? id, Channel? channel) =>
        throw new ArgumentException($"The location names the {noun} '{id}', which is not in the chart{On(channel)}.", "location");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ThrowWrongBuilding(RequestLocation location, string building, Channel? channel) =>
        throw new ArgumentException(
            $"The location names the unit '{location.Unit}' and the household '{location.Household}', which lives in the building '{building}'{On(channel)}; a household's location is its building.",
            nameof(location));

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string ThrowNoHousehold(RequestLocation location) =>
        throw new ArgumentException(
            $"A request on the channel {Channel.HouseholdNetwork} comes from a household, but the location names only the unit '{location.Unit}'.",
            nameof(location));

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Agency ThrowChannel(Channel channel) =>
        throw new ArgumentOutOfRangeException(nameof(channel), channel, "Not a defined channel.");

    /// <summary>Where a request about a unit goes, while the router is made: copied into the unit's and its households' rows.</summary>
    private readonly record struct UnitRoute(string CommunityId, string StreetId, Agency CompanyOrCommunity, int StreetSlot)
    {
        public LocationTable.Row Row(string id, int unit, string? buildingId, string? networkOwnerId) =>
            new(LocationTable.HashOf(id), unit, id, buildingId, networkOwnerId, CommunityId, StreetId, CompanyOrCommunity.Id,
                CompanyOrCommunity.Kind == AgencyKind.PropertyCompany, StreetSlot);
    }

    private readonly record struct CategoryRule(ResponsibleKind Kind, int Duty, Time.CategoryClass Class);
}
