using Governance.Core.Catalogue;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Ledger;

/// <summary>
/// An item of the ledger of residents' pressing concerns (急难愁盼台账): what the concern is, where, the measures, the
/// responsible person, the deadline, progress, linked requests, the reply to residents and the outcome. Its state is
/// the fold of its events: <see cref="Open"/> or <see cref="Propose"/> starts it, <see cref="Execute"/> decides one
/// command into one event and applies it, and <see cref="Replay"/> rebuilds the same state from the events alone.
/// </summary>
/// <remarks>
/// <para>Rules kept at every step: terminal statuses are final; no item is completed before residents had a reply,
/// and a dropped item's reason stands as its reply and outcome, so every item that leaves the ledger has both
/// (事事有回音，件件有着落); every item on the ledger has a measure, a responsible person and a deadline; a command the
/// lifecycle or a rule refuses throws <see cref="LedgerCommandException"/> naming the item, its status and the
/// command, and changes nothing; time never goes backwards.</para>
/// <para>Deadlines are local dates (完成时限 is a day, not an instant) in <see cref="Zone"/>, Asia/Shanghai by default;
/// an item is overdue from the start of the day after its deadline until it has an outcome. Not thread-safe.</para>
/// </remarks>
public sealed class LedgerItem
{
    private readonly List<LedgerEvent> _history = new(capacity: 8);
    private readonly List<string> _measures = [];
    private readonly List<ProgressNoted> _progress = [];
    private readonly List<RequestId> _linked = [];

    private LedgerItem(LedgerEvent start, DateTimeZone zone)
    {
        Zone = zone;
        Id = start.ItemId;
        StartedAt = start.At;
        LastEventAt = start.At;
        switch (start)
        {
            case LedgerItemOpened o:
                (Class, Category, Location, Title, Description, Origin, Basis) = (o.Class, o.Category, o.Location, o.Title, o.Description, o.Origin, o.Basis);
                Link(o.Request);
                PutOnLedger(o.At, o.Measure, o.Responsible, o.Deadline);
                Status = LedgerItemStatus.Open;
                break;
            case LedgerItemProposed p:
                (Class, Category, Location, Title, Description, Origin, Basis) = (p.Class, p.Category, p.Location, p.Title, p.Description, p.Origin, p.Basis);
                Link(p.Request);
                Status = LedgerItemStatus.Proposed;
                break;
            default:
                throw new ArgumentException("A ledger item starts with 'opened' or 'proposed'.", nameof(start));
        }

        _history.Add(start);
    }

    /// <summary>The item's id.</summary>
    public LedgerItemId Id { get; }

    /// <summary>急难愁盼: urgent, difficult, worrying or longed-for.</summary>
    public ConcernClass Class { get; }

    /// <summary>What it is about.</summary>
    public CategoryCode Category { get; }

    /// <summary>Where: the unit (rolled up the chart in reports) and, when it concerns one home, the household.</summary>
    public RequestLocation Location { get; }

    /// <summary>A short title.</summary>
    public string Title { get; }

    /// <summary>What residents raised.</summary>
    public string Description { get; }

    /// <summary>How it came onto the ledger.</summary>
    public LedgerOrigin Origin { get; }

    /// <summary>What it rests on (for a proactive item, the analysis's finding); may be empty.</summary>
    public string Basis { get; }

    /// <summary>When it was opened or proposed.</summary>
    public Instant StartedAt { get; }

    /// <summary>When it went onto the ledger (opened, or its proposal accepted); <see langword="null"/> while proposed or if dropped as a proposal.</summary>
    public Instant? OnLedgerAt { get; private set; }

    /// <summary>Where it stands in the lifecycle.</summary>
    public LedgerItemStatus Status { get; private set; }

    /// <summary>True once it is completed or dropped.</summary>
    public bool IsTerminal => LedgerLifecycle.IsTerminal(Status);

    /// <summary>The measures (措施), oldest first; at least one once on the ledger.</summary>
    public IReadOnlyList<string> Measures => _measures;

    /// <summary>The responsible person (责任人): a staff member of the chart, whose name and work phone are public contacts. Set once on the ledger.</summary>
    public StaffId? Responsible { get; private set; }

    /// <summary>The local date by which the outcome is due (完成时限), inclusive; set once on the ledger.</summary>
    public LocalDate? Deadline { get; private set; }

    /// <summary>How many times the deadline was moved.</summary>
    public int DeadlineMoves { get; private set; }

    /// <summary>The progress notes, oldest first.</summary>
    public IReadOnlyList<ProgressNoted> ProgressNotes => _progress;

    /// <summary>The residents' requests linked to the item, in the order they were linked; never twice the same.</summary>
    public IReadOnlyList<RequestId> LinkedRequests => _linked;

    /// <summary>What residents were told (答复); for an item dropped without a reply, the reason it was dropped.</summary>
    public string? Reply { get; private set; }

    /// <summary>When residents were first replied to; <see langword="null"/> while unanswered.</summary>
    public Instant? RepliedAt { get; private set; }

    /// <summary>What came of it (结果): the outcome of a completed item, or the reason of a dropped one.</summary>
    public string? Outcome { get; private set; }

    /// <summary>When it was completed or dropped.</summary>
    public Instant? ClosedAt { get; private set; }

    /// <summary>Every event, oldest first; the first is <see cref="LedgerItemOpened"/> or <see cref="LedgerItemProposed"/>.</summary>
    public IReadOnlyList<LedgerEvent> History => _history;

    /// <summary>When the last event happened; a command may not be earlier.</summary>
    public Instant LastEventAt { get; private set; }

    /// <summary>The time zone whose local dates deadlines are (Asia/Shanghai by default).</summary>
    public DateTimeZone Zone { get; }

    /// <summary>
    /// True when residents have had no reply at <paramref name="asOf"/> judged by the current state: the item is on the
    /// ledger (<see cref="LedgerItemStatus.Open"/> or <see cref="LedgerItemStatus.InProgress"/>) and went on it at or
    /// before <paramref name="asOf"/>. Proposed items are not yet owed a reply.
    /// </summary>
    public bool IsUnansweredAt(Instant asOf) => LedgerLifecycle.IsUnanswered(Status) && OnLedgerAt <= asOf;

    /// <summary>
    /// True when, judged by the current state, the item has no outcome and the local date of <paramref name="asOf"/>
    /// in <see cref="Zone"/> is after its deadline (the deadline day itself is not overdue).
    /// </summary>
    public bool IsOverdueAt(Instant asOf) => !IsTerminal && Deadline is { } deadline && asOf.InZone(Zone).Date > deadline;

    /// <summary>
    /// The item as it stood at <paramref name="asOf"/>: this item when nothing happened after it, otherwise a replay of
    /// the events up to and including <paramref name="asOf"/>; <see langword="null"/> when it did not exist yet.
    /// </summary>
    public LedgerItem? AsOf(Instant asOf)
    {
        if (LastEventAt <= asOf)
        {
            return this;
        }

        return StartedAt > asOf ? null : Replay(_history.TakeWhile(e => e.At <= asOf), Zone);
    }

    /// <summary>
    /// Records a concern straight onto the ledger, <see cref="LedgerItemStatus.Open"/>, deadlines in
    /// <paramref name="zone"/> (default: <see cref="WorkingCalendar.Default"/>'s, Asia/Shanghai).
    /// </summary>
    /// <exception cref="ArgumentException">An id, text, agency or staff id is missing, an enum value is undefined, the deadline is before the local date of the command, or a request origin names no request.</exception>
    public static LedgerItem Open(OpenLedgerItem command, DateTimeZone? zone = null)
    {
        Preconditions.CheckNotNull(command);
        zone ??= WorkingCalendar.Default.Zone;
        var opened = new LedgerItemOpened(command.ItemId, command.At, command.By, command.Class, command.Category, command.Location,
            command.Title, command.Description, command.Origin, command.Basis ?? string.Empty, command.Measure,
            command.Responsible, command.Deadline, command.Request);
        if (WellFormedStart(opened) is { } problem)
        {
            throw new ArgumentException($"Ledger item {command.ItemId} cannot be opened: {problem}.", nameof(command));
        }

        var today = command.At.InZone(zone).Date;
        Preconditions.CheckArgument(command.Deadline >= today, nameof(command), $"Ledger item {command.ItemId} cannot be opened: the deadline {command.Deadline:yyyy-MM-dd} is before today ({today:yyyy-MM-dd}).");
        return new LedgerItem(opened, zone);
    }

    /// <summary>
    /// Proposes a concern for the ledger, <see cref="LedgerItemStatus.Proposed"/>: what the proactive-handling analysis
    /// (未诉先办) calls, with <see cref="LedgerOrigin.Proactive"/> and its finding as the basis.
    /// </summary>
    /// <exception cref="ArgumentException">An id, text or agency is missing, an enum value is undefined, or a request origin names no request.</exception>
    public static LedgerItem Propose(ProposeLedgerItem command, DateTimeZone? zone = null)
    {
        Preconditions.CheckNotNull(command);
        var proposed = new LedgerItemProposed(command.ItemId, command.At, command.By, command.Class, command.Category, command.Location,
            command.Title, command.Description, command.Origin, command.Basis ?? string.Empty, command.Request);
        return WellFormedStart(proposed) is { } problem
            ? throw new ArgumentException($"Ledger item {command.ItemId} cannot be proposed: {problem}.", nameof(command))
            : new LedgerItem(proposed, zone ?? WorkingCalendar.Default.Zone);
    }

    /// <summary>Starts an item from a log's first event; <see cref="ArgumentException"/> names what is wrong with it.</summary>
    internal static LedgerItem StartFrom(LedgerEvent e, DateTimeZone zone) =>
        WellFormedStart(e) is { } problem ? throw new ArgumentException(problem, nameof(e)) : new LedgerItem(e, zone);

    /// <summary>Rebuilds an item from its events: the same state as the item that produced them.</summary>
    /// <exception cref="DataValidationException">
    /// The log is empty, does not start with <see cref="LedgerItemOpened"/> or <see cref="LedgerItemProposed"/>, mixes
    /// items, or holds an event the lifecycle refuses; the error names the event's position (<c>$[3]</c>).
    /// </exception>
    public static LedgerItem Replay(IEnumerable<LedgerEvent> events, DateTimeZone? zone = null)
    {
        Preconditions.CheckNotNull(events);
        zone ??= WorkingCalendar.Default.Zone;
        LedgerItem? item = null;
        var position = 0;
        foreach (var e in events)
        {
            if (e is null)
            {
                throw Invalid(position, null, "the event is null");
            }

            if (item is null)
            {
                if (e.Trigger is not null)
                {
                    throw Invalid(position, e.ItemId.Value, $"a ledger item's log starts with 'opened' or 'proposed', not with {e.GetType().Name}");
                }

                if (WellFormedStart(e) is { } problem)
                {
                    throw Invalid(position, e.ItemId.Value, problem);
                }

                item = new LedgerItem(e, zone);
            }
            else
            {
                try
                {
                    item.Apply(e);
                }
                catch (Exception refused) when (refused is LedgerCommandException or ArgumentException)
                {
                    throw Invalid(position, e.ItemId.Value, refused.Message);
                }
            }

            position++;
        }

        return item ?? throw new DataValidationException("ledger event log", [new DataError("$", null, "the log is empty")]);

        static DataValidationException Invalid(int position, string? id, string message) =>
            new("ledger event log", [new DataError($"$[{position}]", id, message)]);
    }

    /// <summary>Decides <paramref name="command"/> into one event and applies it. Refused commands throw and change nothing.</summary>
    /// <returns>The event, already applied; append it to the log.</returns>
    /// <exception cref="LedgerCommandException">The lifecycle or a rule refuses the command; the message names the item, its status and the command.</exception>
    public LedgerEvent Execute(LedgerCommand command)
    {
        var e = Decide(command);
        Apply(e);
        return e;
    }

    /// <summary>Decides <paramref name="command"/> into the event it would produce, without applying it.</summary>
    /// <exception cref="LedgerCommandException">The lifecycle or a rule refuses the command.</exception>
    public LedgerEvent Decide(LedgerCommand command)
    {
        Preconditions.CheckNotNull(command);
        var trigger = command.Trigger;
        if (!LedgerLifecycle.CanFire(Status, trigger))
        {
            throw Refuse(trigger, IsTerminal ? $"the lifecycle permits nothing in {Status}" : $"the lifecycle does not permit {trigger} in {Status}");
        }

        if (!IsNamed(command.By))
        {
            throw Refuse(trigger, "the command names no agency");
        }

        if (command.At < LastEventAt)
        {
            throw Refuse(trigger, $"{command.At} is before the item's last event at {LastEventAt}");
        }

        return command switch
        {
            AcceptLedgerItem c => RequireText(c.Measure, "a measure", trigger) ?? RequireStaff(c.Responsible, trigger)
                ?? RequireDeadline(c.Deadline, c.At, trigger) ?? new LedgerItemAccepted(Id, c.At, c.By, c.Measure, c.Responsible, c.Deadline),
            AddMeasure c => RequireText(c.Measure, "the measure", trigger)
                ?? (_measures.Contains(c.Measure) ? throw Refuse(trigger, $"the measure '{c.Measure}' is already listed") : new MeasureAdded(Id, c.At, c.By, c.Measure)),
            NoteProgress c => RequireText(c.Note, "what was done", trigger) ?? new ProgressNoted(Id, c.At, c.By, c.Note),
            LinkRequest c => RequireText(c.Request.Value, "the request's id", trigger)
                ?? (_linked.Contains(c.Request) ? throw Refuse(trigger, $"request {c.Request} is already linked") : new RequestLinked(Id, c.At, c.By, c.Request)),
            AssignResponsible c => RequireStaff(c.Responsible, trigger) ?? RequireText(c.Reason, "the reason", trigger)
                ?? (c.Responsible == Responsible ? throw Refuse(trigger, $"{c.Responsible} is already responsible") : new ResponsibleAssigned(Id, c.At, c.By, c.Responsible, c.Reason)),
            MoveDeadline c => RequireText(c.Reason, "the reason", trigger) ?? RequireDeadline(c.Deadline, c.At, trigger)
                ?? (c.Deadline == Deadline ? throw Refuse(trigger, $"the deadline is already {c.Deadline:yyyy-MM-dd}") : new DeadlineMoved(Id, c.At, c.By, c.Deadline, c.Reason)),
            ReplyToResidents c => RequireText(c.Reply, "what residents are told", trigger) ?? new LedgerItemReplied(Id, c.At, c.By, c.Reply),
            CompleteLedgerItem c => RequireText(c.Outcome, "the outcome", trigger) ?? new LedgerItemCompleted(Id, c.At, c.By, c.Outcome),
            DropLedgerItem c => RequireText(c.Reason, "the reason residents are told", trigger) ?? new LedgerItemDropped(Id, c.At, c.By, c.Reason),
            _ => throw Refuse(trigger, $"{command.GetType().Name} is not a ledger command this library knows"),
        };
    }

    /// <summary>
    /// Applies an event, decided by <see cref="Decide"/> or read from the log. Checks that it belongs to this item, does
    /// not go back in time, is permitted by the lifecycle and is well formed; otherwise throws and changes nothing.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="e"/> starts a log ('opened' or 'proposed').</exception>
    /// <exception cref="LedgerCommandException">The event does not fit this item's state, or is malformed.</exception>
    public void Apply(LedgerEvent e)
    {
        Preconditions.CheckNotNull(e);
        if (e.Trigger is not { } trigger)
        {
            throw new ArgumentException($"Ledger item {Id} has already started; '{e.GetType().Name}' only starts a log.", nameof(e));
        }

        if (WellFormed(e) is { } malformed)
        {
            throw Refuse(trigger, $"the event is malformed: {malformed}");
        }

        if (e.ItemId != Id)
        {
            throw Refuse(trigger, $"the event belongs to ledger item {e.ItemId}");
        }

        if (e.At < LastEventAt)
        {
            throw Refuse(trigger, $"the event at {e.At} is before the item's last event at {LastEventAt}");
        }

        if (!LedgerLifecycle.TryGetNext(Status, trigger, out var next))
        {
            throw Refuse(trigger, IsTerminal ? $"the lifecycle permits nothing in {Status}" : $"the lifecycle does not permit {trigger} in {Status}");
        }

        if (e is RequestLinked { Request: var request } && _linked.Contains(request))
        {
            throw Refuse(trigger, $"request {request} is already linked");
        }

        switch (e)
        {
            case LedgerItemAccepted a:
                PutOnLedger(a.At, a.Measure, a.Responsible, a.Deadline);
                break;
            case MeasureAdded m:
                _measures.Add(m.Measure);
                break;
            case ProgressNoted p:
                _progress.Add(p);
                break;
            case RequestLinked r:
                _linked.Add(r.Request);
                break;
            case ResponsibleAssigned r:
                Responsible = r.Responsible;
                break;
            case DeadlineMoved d:
                Deadline = d.Deadline;
                DeadlineMoves++;
                break;
            case LedgerItemReplied r:
                Reply = r.Reply;
                RepliedAt = r.At;
                break;
            case LedgerItemCompleted c:
                Outcome = c.Outcome;
                ClosedAt = c.At;
                break;
            case LedgerItemDropped d:
                if (RepliedAt is null)
                {
                    Reply = d.Reason;
                    RepliedAt = d.At;
                }

                Outcome = d.Reason;
                ClosedAt = d.At;
                break;
        }

        Status = next;
        LastEventAt = e.At;
        _history.Add(e);
    }

    /// <summary>Returns the id, status, class and title; never personal data.</summary>
    public override string ToString() => $"{Id} {Status} {Class} {Title}";

    /// <summary>What is wrong with a starting event's own fields; null when nothing is.</summary>
    private static string? WellFormedStart(LedgerEvent e)
    {
        static bool Text(string? text) => !string.IsNullOrWhiteSpace(text);
        var (cls, category, location, title, description, origin, basis, request) = e switch
        {
            LedgerItemOpened o => (o.Class, o.Category, o.Location, o.Title, o.Description, o.Origin, o.Basis, o.Request),
            LedgerItemProposed p => (p.Class, p.Category, p.Location, p.Title, p.Description, p.Origin, p.Basis, p.Request),
            _ => default,
        };
        return e switch
        {
            not (LedgerItemOpened or LedgerItemProposed) => "a ledger item's log starts with 'opened' or 'proposed'",
            _ when !Text(e.ItemId.Value) => "it names no item",
            _ when !IsNamed(e.By) => "it names no agency",
            _ when !Enum.IsDefined(cls) || !Enum.IsDefined(origin) => "the class or the origin is not defined",
            _ when !Text(category.Value) || !Text(location.Unit.Value) => "it needs a category and a unit",
            _ when location.Household is { } household && !Text(household.Value) => "the household id is empty",
            _ when !Text(title) || !Text(description) => "it needs a title and a description",
            _ when basis is null => "the basis is null (empty when there is none)",
            _ when request is { } r && !Text(r.Value) => "the request id is empty",
            _ when origin == LedgerOrigin.Request && request is null => "an item from a resident's request names the request",
            LedgerItemOpened o when !Text(o.Measure) || !Text(o.Responsible.Value) => "an opened item has a measure and a responsible person",
            _ => null,
        };
    }

    /// <summary>What is wrong with an event's own fields, whatever the state; null when nothing is.</summary>
    private static string? WellFormed(LedgerEvent e)
    {
        static bool Text(string? text) => !string.IsNullOrWhiteSpace(text);
        return e switch
        {
            _ when !IsNamed(e.By) => "it names no agency",
            LedgerItemAccepted a when !Text(a.Measure) || !Text(a.Responsible.Value) => "an acceptance names a measure and a responsible person",
            MeasureAdded m when !Text(m.Measure) => "the measure is empty",
            ProgressNoted p when !Text(p.Note) => "the note is empty",
            RequestLinked r when !Text(r.Request.Value) => "it names no request",
            ResponsibleAssigned r when !Text(r.Responsible.Value) || !Text(r.Reason) => "a reassignment names the person and a reason",
            DeadlineMoved d when !Text(d.Reason) => "a moved deadline has a reason",
            LedgerItemReplied r when !Text(r.Reply) => "the reply is empty",
            LedgerItemCompleted c when !Text(c.Outcome) => "the outcome is empty",
            LedgerItemDropped d when !Text(d.Reason) => "a drop has a reason",
            _ => null,
        };
    }

    private void PutOnLedger(Instant at, string measure, StaffId responsible, LocalDate deadline)
    {
        OnLedgerAt = at;
        _measures.Add(measure);
        Responsible = responsible;
        Deadline = deadline;
    }

    private void Link(RequestId? request)
    {
        if (request is { } r)
        {
            _linked.Add(r);
        }
    }

    private LedgerEvent? RequireText(string? text, string what, LedgerTrigger trigger) =>
        string.IsNullOrWhiteSpace(text) ? throw Refuse(trigger, $"{what} is required") : null;

    private LedgerEvent? RequireStaff(StaffId staff, LedgerTrigger trigger) =>
        string.IsNullOrWhiteSpace(staff.Value) ? throw Refuse(trigger, "a responsible person (a staff id) is required") : null;

    private LedgerEvent? RequireDeadline(LocalDate deadline, Instant at, LedgerTrigger trigger)
    {
        var today = at.InZone(Zone).Date;
        return deadline < today ? throw Refuse(trigger, $"the deadline {deadline:yyyy-MM-dd} is before today ({today:yyyy-MM-dd})") : null;
    }

    private LedgerCommandException Refuse(LedgerTrigger trigger, string problem) => new(Id, Status, trigger, problem);

    private static bool IsNamed(Agency agency) => !string.IsNullOrEmpty(agency.Id) && Enum.IsDefined(agency.Kind);
}
