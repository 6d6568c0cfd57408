using Governance.Core.Catalogue;
using Governance.Core.Organization;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Requests;

/// <summary>
/// 诉求: a resident's request and everything that has happened to it. Its state is the fold of its events:
/// <see cref="Receive"/> starts it, <see cref="Execute"/> decides one command into one event and applies it, and
/// <see cref="Replay"/> rebuilds the same state from the events alone.
/// </summary>
/// <remarks>
/// <para>Rules kept at every step: the owner (first contact) never changes and, until the request is closed, there is
/// exactly one owner and one current handler; terminal statuses are final; a command the lifecycle or a rule refuses
/// throws <see cref="RequestCommandException"/> naming the status and the command, and changes nothing; time never
/// goes backwards; a handler that passed the request on does not get it back until a new fact (a reopen, or the
/// resident's return after a pause).</para>
/// <para>Not thread-safe: one writer per request, as the desk arranges.</para>
/// </remarks>
public sealed class Request
{
    // The state and rules live in a struct that a desk can hold in arrays (see RequestState); this class is its home
    // for a request held on its own, and keeps the history.
    private RequestState _state;

    private Request(RequestReceived received, ServiceLevelPolicy policy) => _state = new RequestState(received, policy, keepHistory: true);

    /// <summary>The request's id.</summary>
    public RequestId Id => _state.Id;

    /// <summary>How it arrived.</summary>
    public Channel Channel => _state.Channel;

    /// <summary>What it is about.</summary>
    public CategoryCode Category => _state.Category;

    /// <summary>The class that sets its resolution limit.</summary>
    public CategoryClass CategoryClass => _state.CategoryClass;

    /// <summary>Where it is about.</summary>
    public RequestLocation Location => _state.Location;

    /// <summary>How to reach the resident. Personal data: prints masked.</summary>
    public ResidentContact Contact => _state.Contact;

    /// <summary>What the resident said.</summary>
    public string Text => _state.Text;

    /// <summary>The 12345 work-order number, when it came as a ticket.</summary>
    public string? TicketNumber => _state.TicketNumber;

    /// <summary>When it was received.</summary>
    public Instant ReceivedAt => _state.ReceivedAt;

    /// <summary>The first contact, who owes the resident an answer until the request is closed (首接负责). Never changes.</summary>
    public Agency Owner => _state.Owner;

    /// <summary>Who works on it now. Changes only by forwarding or escalation.</summary>
    public Agency Handler => _state.Handler;

    /// <summary>True once <see cref="Handler"/> has accepted it; false again after each forward, escalation or reopen.</summary>
    public bool HandlerAccepted => _state.HandlerAccepted;

    /// <summary>Where it stands in the lifecycle.</summary>
    public RequestStatus Status => _state.Status;

    /// <summary>True once it is closed, rejected or merged.</summary>
    public bool IsTerminal => _state.IsTerminal;

    /// <summary>The deadlines now in force (set at receipt; moved by a pause; reset by a reopen).</summary>
    public RequestDeadlines Deadlines => _state.Deadlines;

    /// <summary>The latest explanation given to the resident, if any.</summary>
    public RequestExplained? Explanation => _state.Explanation;

    /// <summary>When the resident was first told why, if ever (even before a reopen).</summary>
    public Instant? FirstExplainedAt => _state.FirstExplainedAt;

    /// <summary>
    /// When the resident first had an answer — the request resolved or explained — since it was received or last
    /// reopened; <see langword="null"/> until then. This decides the same-day rule.
    /// </summary>
    public Instant? AnsweredAt => _state.AnsweredAt;

    /// <summary>When the wait on the resident began, while <see cref="Status"/> is <see cref="RequestStatus.AwaitingResident"/>.</summary>
    public Instant? PausedAt => _state.PausedAt;

    /// <summary>When it was (last) resolved; cleared by a reopen.</summary>
    public Instant? ResolvedAt => _state.ResolvedAt;

    /// <summary>When it was first resolved, even if reopened later.</summary>
    public Instant? FirstResolvedAt => _state.FirstResolvedAt;

    /// <summary>What the resident said on the call-back, once closed.</summary>
    public Satisfaction? Satisfaction => _state.Satisfaction;

    /// <summary>When it reached a terminal status.</summary>
    public Instant? ClosedAt => _state.ClosedAt;

    /// <summary>The request it was merged into, if merged.</summary>
    public RequestId? MergedInto => _state.MergedInto;

    /// <summary>How many times it was forwarded.</summary>
    public int Forwards => _state.Forwards;

    /// <summary>How many times it was escalated.</summary>
    public int Escalations => _state.Escalations;

    /// <summary>How many times it was reopened.</summary>
    public int Reopens => _state.Reopens;

    /// <summary>The agencies that passed it on and may not receive it back until a new fact.</summary>
    public IReadOnlyList<Agency> DeclinedBy => _state.DeclinedBy;

    /// <summary>The district departments summoned to it by whistles (吹哨), oldest first, and how their reports went.</summary>
    public IReadOnlyList<WhistleSummons> Summons => _state.Summons;

    /// <summary>Every event, oldest first; the first is always <see cref="RequestReceived"/>.</summary>
    public IReadOnlyList<RequestEvent> History => _state.History;

    /// <summary>When the last event happened; a command may not be earlier.</summary>
    public Instant LastEventAt => _state.LastEventAt;

    /// <summary>The service-level policy that sets its deadlines.</summary>
    public ServiceLevelPolicy Policy => _state.Policy;

    /// <summary>
    /// True when, at <paramref name="instant"/>, the resident has had an answer since the request was received or last
    /// reopened: <see cref="AnsweredAt"/> is strictly before it. At <see cref="RequestDeadlines.SameDay"/> this is the
    /// same-day rule (当天解决或说明原因).
    /// </summary>
    public bool WasAnsweredBefore(Instant instant) => _state.WasAnsweredBefore(instant);

    /// <summary>True when the deadline of <paramref name="kind"/> now in force has been recorded as passed.</summary>
    public bool HasPassed(DeadlineKind kind) => _state.HasPassed(kind);

    /// <summary>
    /// Decides <paramref name="command"/> into one event and applies it. Refused commands throw and change nothing.
    /// </summary>
    /// <returns>The event, already applied; append it to the log.</returns>
    /// <exception cref="RequestCommandException">The lifecycle or a rule refuses the command; the message names the status and the command.</exception>
    public RequestEvent Execute(RequestCommand command) => _state.Execute(command);

    /// <summary>Decides <paramref name="command"/> into the event it would produce, without applying it.</summary>
    /// <exception cref="RequestCommandException">The lifecycle or a rule refuses the command.</exception>
    public RequestEvent Decide(RequestCommand command) => _state.Decide(command);

    /// <summary>
    /// Applies an event, decided by <see cref="Decide"/> or read from the log. Checks that it belongs to this request,
    /// does not go back in time, is permitted by the lifecycle and is well formed (named agencies, defined enum values,
    /// the reasons its command requires); otherwise throws and changes nothing. It does not re-judge who was allowed to
    /// act: that was decided when the event was made.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="e"/> is a <see cref="RequestReceived"/>: that only starts a log.</exception>
    /// <exception cref="RequestCommandException">The event does not fit this request's state, or is malformed.</exception>
    public void Apply(RequestEvent e) => _state.Apply(e);

    /// <summary>
    /// Receives a submission: <paramref name="owner"/> (the first contact) owns it, <paramref name="handler"/> works on it
    /// first, and <paramref name="policy"/> sets its deadlines from <paramref name="at"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The submission has an empty id, or an agency names nothing.</exception>
    public static Request Receive(RequestSubmission submission, Agency owner, Agency handler, Instant at, ServiceLevelPolicy policy)
    {
        Preconditions.CheckNotNull(submission);
        Preconditions.CheckNotNull(policy);
        // Messages are built only on failure: this is the hot path of every receipt.
        if (string.IsNullOrEmpty(submission.Id.Value) || string.IsNullOrEmpty(submission.Category.Value)
            || !Enum.IsDefined(submission.CategoryClass) || !Enum.IsDefined(submission.Channel))
        {
            throw new ArgumentException(
                $"A submission needs an id, a category (the catalogue's triage category when none fits), a defined category class and channel: {submission}.",
                nameof(submission));
        }

        Preconditions.CheckArgument(RequestState.IsNamed(owner), nameof(owner), "Every request has an owner: the first contact.");
        Preconditions.CheckArgument(RequestState.IsNamed(handler), nameof(handler), "Every request has a handler.");
        var received = new RequestReceived(submission.Id, at, submission.Channel, submission.Category, submission.CategoryClass,
            submission.Location, submission.Contact, submission.Text ?? string.Empty, owner, handler,
            policy.DeadlinesFor(submission.CategoryClass, at), submission.TicketNumber);
        return new Request(received, policy);
    }

    /// <summary>
    /// Rebuilds a request from its events: the same state as the request that produced them. The deadlines are the
    /// ones the events carry; <paramref name="policy"/> sets those of commands executed from now on.
    /// </summary>
    /// <exception cref="DataValidationException">
    /// The log is empty, does not start with <see cref="RequestReceived"/>, mixes requests, or holds an event the
    /// lifecycle refuses; each error names the event's position (<c>$[3]</c>).
    /// </exception>
    public static Request Replay(IEnumerable<RequestEvent> events, ServiceLevelPolicy policy)
    {
        Preconditions.CheckNotNull(events);
        Preconditions.CheckNotNull(policy);
        Request? request = null;
        var position = 0;
        foreach (var e in events)
        {
            if (e is null)
            {
                throw Invalid(position, null, "the event is null");
            }

            if (request is null)
            {
                if (e is not RequestReceived received)
                {
                    throw Invalid(position, e.RequestId.Value, $"a request's log starts with 'received', not with {e.GetType().Name}");
                }

                if (RequestState.ReceivedProblem(received) is { } problem)
                {
                    throw Invalid(position, received.RequestId.Value, problem);
                }

                try
                {
                    request = new Request(received, policy);
                }
                catch (ArgumentException refused)
                {
                    throw Invalid(position, received.RequestId.Value, refused.Message);
                }
            }
            else
            {
                try
                {
                    request.Apply(e);
                }
                catch (Exception refused) when (refused is RequestCommandException or ArgumentException)
                {
                    throw Invalid(position, e.RequestId.Value, refused.Message);
                }
            }

            position++;
        }

        return request ?? throw new DataValidationException("request event log", [new DataError("$", null, "the log is empty")]);

        static DataValidationException Invalid(int position, string? id, string message) =>
            new("request event log", [new DataError($"$[{position}]", id, message)]);
    }

    /// <summary>Returns the id, status, owner and handler; never personal data.</summary>
    public override string ToString() => _state.ToString();
}
