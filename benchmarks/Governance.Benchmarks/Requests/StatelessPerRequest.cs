using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Time;
using NodaTime;
using Stateless;

namespace Governance.Benchmarks.Requests;

/// <summary>
/// The naive design the issue measures against: each request carries its own Stateless machine, configured with
/// the same declaration, and fires it for every transition. It records the same events as <see cref="Request"/>
/// so that the two do the same domain work and differ only in how the lifecycle is run.
/// </summary>
internal sealed class StatelessPerRequest
{
    private readonly StateMachine<RequestStatus, RequestTrigger> _machine;
    private readonly List<RequestEvent> _history = new(capacity: 8);

    public StatelessPerRequest(RequestSubmission submission, Agency owner, Agency handler, Instant at, ServiceLevelPolicy policy)
    {
        _machine = RequestLifecycle.CreateMachine(RequestStatus.Received);
        _history.Add(new RequestReceived(submission.Id, at, submission.Channel, submission.Category, submission.CategoryClass,
            submission.Location, submission.Contact, submission.Text, owner, handler, policy.DeadlinesFor(submission.CategoryClass, at), submission.TicketNumber));
    }

    public RequestStatus Status => _machine.State;

    public int Events => _history.Count;

    public void Execute(RequestEvent e)
    {
        if (!_machine.CanFire(e.Trigger!.Value))
        {
            throw new InvalidOperationException($"{_machine.State} refuses {e.Trigger}");
        }

        _machine.Fire(e.Trigger.Value);
        _history.Add(e);
    }
}
