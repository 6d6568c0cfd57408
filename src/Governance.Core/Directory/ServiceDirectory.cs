using System.Collections.Immutable;
using Governance.Core.Catalogue;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Routing;

namespace Governance.Core.Directory;

/// <summary>
/// 便民卡: for any unit or household, whom to contact for which category — built on a <see cref="Routing.Router"/>, so
/// the card and routing read the same catalogue and chart and can never disagree: the handler of every entry is the
/// one <see cref="Router.Route"/> picks for that category there. Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// <para>For each category the handler is routed as a request on <see cref="Channel.ServiceCalendarPhone"/> (the
/// channel of the card's own phone numbers; the handler does not depend on the channel). Whom to call at the handler,
/// best first: a staff member with a phone whose duties name the category — its duty, its code or an ancestor code, or
/// its name, compared ordinally — then the first staff member with a phone, then a property company's public hotline,
/// then the city's 12345 hotline (<see cref="CityHotline"/>), so every entry has a number to dial.</para>
/// <para>Staff names and work phones are public and printed as they are (see <see cref="StaffMember"/>); residents'
/// names and phones never appear on a card.</para>
/// </remarks>
public sealed class ServiceDirectory
{
    /// <summary>The city's hotline (12345市民服务热线), the last resort on every card.</summary>
    public const string CityHotline = "12345";

    /// <summary>The name printed beside <see cref="CityHotline"/>.</summary>
    public const string CityHotlineName = "12345市民服务热线";

    /// <summary>Makes a directory that reads <paramref name="router"/>'s chart and catalogue and asks it for every handler.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="router"/> is null.</exception>
    public ServiceDirectory(Router router)
    {
        Router = Preconditions.CheckNotNull(router);
    }

    /// <summary>The router every handler on a card comes from.</summary>
    public Router Router { get; }

    /// <summary>The chart the directory reads (the router's).</summary>
    public Chart Chart => Router.Chart;

    /// <summary>The card for the unit <paramref name="unit"/> (a building, grid, community, village…).</summary>
    /// <exception cref="ArgumentException">The unit is not in the chart; the message names its id.</exception>
    public ContactCard CardFor(UnitId unit)
    {
        Preconditions.CheckArgument(Chart.TryGetUnit(unit, out var u), nameof(unit), $"The unit '{unit}' is not in the chart the service directory reads.");
        return Build(u, null);
    }

    /// <summary>The card for the household <paramref name="household"/>, routed at its building with the household named.</summary>
    /// <exception cref="ArgumentException">The household is not in the chart; the message names its id.</exception>
    public ContactCard CardFor(HouseholdId household)
    {
        Preconditions.CheckArgument(Chart.TryGetHousehold(household, out var h), nameof(household),
            $"The household '{household}' is not in the chart the service directory reads.");
        return Build(Chart.BuildingOf(h), h);
    }

    /// <summary>The display name of <paramref name="agency"/> in the chart: its unit's, company's, office's or department's name.</summary>
    /// <exception cref="ArgumentException"><paramref name="agency"/> is not an agency of the chart.</exception>
    public string NameOf(Agency agency) => agency.Kind switch
    {
        AgencyKind.Unit when Chart.TryGetUnit(new UnitId(agency.Id), out var u) => u.Name,
        AgencyKind.PropertyCompany when Chart.TryGetPropertyCompany(new PropertyCompanyId(agency.Id), out var c) => c.Name,
        AgencyKind.SubdistrictOffice when Chart.TryGetSubdistrictOffice(new SubdistrictOfficeId(agency.Id), out var o) => o.Name,
        AgencyKind.DistrictDepartment when Chart.TryGetDistrictDepartment(new DistrictDepartmentId(agency.Id), out var d) => d.Name,
        _ => throw new ArgumentException($"{agency} is not an agency of the chart the service directory reads.", nameof(agency)),
    };

    private ContactCard Build(Unit unit, Household? household)
    {
        var location = new RequestLocation(unit.Id, household?.Id);
        var categories = Router.Catalogue.Categories;
        var entries = ImmutableArray.CreateBuilder<ContactEntry>(categories.Length);
        var names = new Dictionary<Agency, string>();
        foreach (var category in categories)
        {
            var handler = Router.Route(Channel.ServiceCalendarPhone, location, category.Code).Handler;
            if (!names.TryGetValue(handler, out var handlerName))
            {
                handlerName = NameOf(handler);
                names.Add(handler, handlerName);
            }

            entries.Add(ContactAt(handler, handlerName, category));
        }

        var all = entries.MoveToImmutable();
        var groups = all
            .Select((entry, order) => (entry, order))
            .GroupBy(x => x.entry.Handler)
            .OrderBy(g => Rank(g.Key))
            .ThenBy(g => g.Min(x => x.order))
            .Select(g => new ContactGroup(g.Key, names[g.Key], [.. g.Select(x => x.entry)]))
            .ToImmutableArray();
        var local = ImmutableArray.CreateBuilder<StaffMember>();
        local.AddRange(Chart.StaffAt(Agency.Unit(unit.Id)));
        foreach (var ancestor in Chart.AncestorsOf(unit))
        {
            if (ancestor.Level == UnitLevel.District)
            {
                break;
            }

            local.AddRange(Chart.StaffAt(Agency.Unit(ancestor.Id)));
        }

        return new ContactCard(Router.Catalogue, unit, household, local.ToImmutable(), all, groups);
    }

    private ContactEntry ContactAt(Agency handler, string handlerName, CategoryDefinition category)
    {
        StaffMember? first = null;
        foreach (var staff in Chart.StaffAt(handler))
        {
            if (staff.Phone.Length == 0)
            {
                continue;
            }

            if (Names(staff, category))
            {
                return new ContactEntry(category, handler, handlerName, ContactSource.StaffByDuty, staff, staff.Name, staff.Role, staff.Phone);
            }

            first ??= staff;
        }

        if (first is not null)
        {
            return new ContactEntry(category, handler, handlerName, ContactSource.Staff, first, first.Name, first.Role, first.Phone);
        }

        if (handler.Kind == AgencyKind.PropertyCompany && Chart.GetPropertyCompany(new PropertyCompanyId(handler.Id)) is { Hotline.Length: > 0 } company)
        {
            return new ContactEntry(category, handler, handlerName, ContactSource.AgencyHotline, null, company.Name, "服务热线", company.Hotline);
        }

        return new ContactEntry(category, handler, handlerName, ContactSource.CityHotline, null, CityHotlineName, "服务热线", CityHotline);
    }

    /// <summary>Does one of the staff member's duties name the category: its duty, its code or an ancestor code, or its name?</summary>
    private static bool Names(StaffMember staff, CategoryDefinition category)
    {
        var code = category.Code.Value;
        foreach (var duty in staff.Duties)
        {
            if (duty.Length == 0)
            {
                continue;
            }

            if (string.Equals(duty, category.Duty, StringComparison.Ordinal)
                || string.Equals(duty, category.Name, StringComparison.Ordinal)
                || string.Equals(duty, code, StringComparison.Ordinal)
                || (code.Length > duty.Length && code[duty.Length] == '/' && code.StartsWith(duty, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Nearest first: the location's own units up to its community, its property company, street level, offices, departments.</summary>
    private int Rank(Agency agency) => agency.Kind switch
    {
        AgencyKind.Unit => Chart.GetUnit(new UnitId(agency.Id)).Level switch
        {
            UnitLevel.StreetLevel => 2,
            UnitLevel.District => 5,
            _ => 0,
        },
        AgencyKind.PropertyCompany => 1,
        AgencyKind.SubdistrictOffice => 3,
        _ => 4,
    };
}
