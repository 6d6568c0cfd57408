// PLACEHOLDER so the desk compiles while the router is built on branch `routing`; replaced by that branch on merge.
using Governance.Core.Catalogue;
using Governance.Core.Liaison;
using Governance.Core.Organization;
using Governance.Core.Requests;

namespace Governance.Core.Routing;

/// <summary>Placeholder.</summary>
public sealed class Router
{
    /// <summary>Placeholder.</summary>
    public Router(Chart chart, LiaisonAssignment? liaisons = null)
    {
        Chart = chart;
        Liaisons = liaisons;
    }

    /// <summary>Placeholder.</summary>
    public Chart Chart { get; }

    /// <summary>Placeholder.</summary>
    public LiaisonAssignment? Liaisons { get; }

    /// <summary>Placeholder.</summary>
    public RoutingDecision Route(Channel channel, RequestLocation location, CategoryCode category)
    {
        var street = Chart.StreetLevelUnitOf(Chart.GetUnit(location.Unit)) ?? Chart.District;
        var agency = Agency.Unit(street.Id);
        return new RoutingDecision(agency, agency, category, Time.CategoryClass.Ordinary, false);
    }

    /// <summary>Placeholder.</summary>
    public Agency? EscalationTarget(Agency from, RequestLocation location, CategoryCode category) => null;
}
