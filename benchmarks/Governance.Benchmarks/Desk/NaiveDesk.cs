using Governance.Core.Catalogue;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Time;
using NodaTime;
using Stateless;

namespace Governance.Benchmarks.Desk;

/// <summary>
/// The baseline the desk is measured against: for each request, a linear scan of the catalogue's rules for its
/// category and a walk up the tree searching the offices and departments linearly for its duty, a Stateless machine configured
/// for it, and a dictionary of open requests; the same four steps and the same events as the desk.
/// </summary>
internal sealed class NaiveDesk(Chart chart, CategoryCatalogue catalogue)
{
    private readonly List<CategoryDefinition> _rules = [.. catalogue.Categories];

    public int RunDay(RequestSubmission[] submissions, Instant morning)
    {
        var policy = ServiceLevelPolicy.Default;
        var open = new Dictionary<RequestId, (StateMachine<RequestStatus, RequestTrigger> Machine, List<RequestEvent> Events, Agency Owner, Agency Handler)>();
        foreach (var s in submissions)
        {
            var rule = _rules.Find(r => r.Code == s.Category) ?? catalogue.Triage;
            var unit = chart.GetUnit(s.Location.Unit);
            var handler = ResponsibleFor(rule, unit);
            var owner = handler;
            var received = new RequestReceived(s.Id, morning, s.Channel, rule.Code, rule.Class, s.Location, s.Contact, s.Text, owner, handler,
                policy.DeadlinesFor(rule.Class, morning), s.TicketNumber);
            open.Add(s.Id, (RequestLifecycle.CreateMachine(RequestStatus.Received), [received], owner, handler));
        }

        var closed = 0;
        foreach (var (id, request) in open)
        {
            Fire(request.Machine, request.Events, new RequestAccepted(id, morning + Duration.FromMinutes(30), request.Handler));
            Fire(request.Machine, request.Events, new RequestResolved(id, morning + Duration.FromMinutes(90), request.Handler, "已处理"));
            Fire(request.Machine, request.Events, new RequestCalledBack(id, morning + Duration.FromHours(5), request.Owner, Satisfaction.Satisfied, string.Empty));
            closed += request.Machine.State == RequestStatus.Closed ? 1 : 0;
        }

        return closed;
    }

    private static void Fire(StateMachine<RequestStatus, RequestTrigger> machine, List<RequestEvent> events, RequestEvent e)
    {
        machine.Fire(e.Trigger!.Value);
        events.Add(e);
    }

    /// <summary>Walks up from the unit, searching every office and department linearly for the rule's duty.</summary>
    private Agency ResponsibleFor(CategoryDefinition rule, Unit unit)
    {
        for (Unit? at = unit; at is not null; at = at.ParentId is { } parent ? chart.GetUnit(parent) : null)
        {
            foreach (var office in chart.SubdistrictOffices)
            {
                if (office.UnitId == at.Id && office.Duties.Contains(rule.Duty ?? string.Empty))
                {
                    return Agency.SubdistrictOffice(office.Id);
                }
            }

            if (at.Level == UnitLevel.StreetLevel)
            {
                foreach (var department in chart.DistrictDepartments)
                {
                    if (department.Duties.Contains(rule.Duty ?? string.Empty))
                    {
                        return Agency.DistrictDepartment(department.Id);
                    }
                }

                return Agency.Unit(at.Id);
            }
        }

        return Agency.Unit(chart.District.Id);
    }
}
