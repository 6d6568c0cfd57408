using Governance.Core.Catalogue;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Routing;

namespace Governance.Benchmarks.Routing;

/// <summary>
/// The same routing rules as <see cref="Router"/> (without liaisons), done the obvious way: a linear scan of the
/// category rules for the exact code or the longest ancestor code, parent-by-parent walks up the tree, and linear
/// searches of the chart's companies, offices and departments for the one serving the community or holding the duty.
/// </summary>
internal sealed class NaiveRouter(Chart chart, CategoryCatalogue catalogue)
{
    private readonly CategoryDefinition[] _rules = [.. catalogue.Categories];

    public RoutingDecision Route(Channel channel, RequestLocation location, CategoryCode category)
    {
        var unit = location.Household is { } household ? chart.BuildingOf(chart.GetHousehold(household)) : chart.GetUnit(location.Unit);
        var found = FindRule(category.Value);
        var triage = found is null || found == catalogue.Triage;
        var rule = found ?? catalogue.Triage;
        var community = Up(unit, UnitLevel.Community);
        var street = Up(unit, UnitLevel.StreetLevel);
        var communityAgency = Agency.Unit(community.Id);
        var companyOrCommunity = CompanyServing(community) is { } company ? Agency.PropertyCompany(company.Id) : communityAgency;
        var owner = channel switch
        {
            Channel.PropertyHotline => companyOrCommunity,
            Channel.Hotline12345 => Agency.Unit(street.Id),
            Channel.QrScan => Agency.Unit(unit.Id),
            _ => communityAgency,
        };
        var handler = rule.Responsible switch
        {
            ResponsibleKind.PropertyCompany => companyOrCommunity,
            ResponsibleKind.Community => communityAgency,
            ResponsibleKind.SubdistrictOffice => OfficeOf(street, rule.Duty) is { } office ? Agency.SubdistrictOffice(office.Id) : Agency.Unit(street.Id),
            ResponsibleKind.DistrictDepartment => Agency.DistrictDepartment(DepartmentWith(rule.Duty!)!.Id),
            _ => Agency.Unit(street.Id),
        };
        return new RoutingDecision(owner, handler, found is null ? catalogue.Triage.Code : category, rule.Class, triage);
    }

    private CategoryDefinition? FindRule(string? code)
    {
        CategoryDefinition? best = null;
        foreach (var rule in _rules)
        {
            var candidate = rule.Code.Value;
            if (code == candidate)
            {
                return rule;
            }

            if (code is not null && code.Length > candidate.Length && code[candidate.Length] == '/' && code.StartsWith(candidate, StringComparison.Ordinal)
                && (best is null || candidate.Length > best.Code.Value.Length))
            {
                best = rule;
            }
        }

        return best;
    }

    /// <summary>The unit's ancestor-or-self at <paramref name="level"/>, or the unit itself when it is above that level.</summary>
    private Unit Up(Unit unit, UnitLevel level)
    {
        var current = unit;
        while (current.Level > level)
        {
            current = chart.GetUnit(current.ParentId!.Value);
        }

        return current;
    }

    private PropertyCompany? CompanyServing(Unit community)
    {
        foreach (var company in chart.PropertyCompanies)
        {
            if (company.Communities.Contains(community.Id))
            {
                return company;
            }
        }

        return null;
    }

    private SubdistrictOffice? OfficeOf(Unit street, string? duty)
    {
        if (duty is null)
        {
            return null;
        }

        foreach (var office in chart.SubdistrictOffices)
        {
            if (office.UnitId == street.Id && office.Duties.Contains(duty))
            {
                return office;
            }
        }

        return null;
    }

    private DistrictDepartment? DepartmentWith(string duty)
    {
        foreach (var department in chart.DistrictDepartments)
        {
            if (department.Duties.Contains(duty))
            {
                return department;
            }
        }

        return null;
    }
}
