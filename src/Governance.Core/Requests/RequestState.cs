using Governance.Core.Catalogue;
using Governance.Core.Organization;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Requests;

/// <summary>
/// The state and rules of one <see cref="Request"/>, as a struct so that a desk holds its open requests in arrays rather
/// than as a million objects for the garbage collector to trace and promote. Never copied: callers work on it by
/// reference (a field of <see cref="Request"/>, or an element of a desk partition's slot array). Its state is the fold
/// of its events: the constructor starts it from the receipt, <see cref="Execute"/> decides one command into one event
/// and applies it, and <see cref="Apply(RequestEvent)"/> applies an event read back.
/// </summary>
/// <remarks>
/// <para>Rules kept at every step: the owner (first contact) never changes and, until the request is closed, there is
/// exactly one owner and one current handler; terminal statuses are final; a command the lifecycle or a rule refuses
/// throws <see cref="RequestCommandException"/> naming the status and the command, and changes nothing; time never
/// goes backwards; a handler that passed the request on does not get it back until a new fact (a reopen, or the
/// resident's return after a pause).</para>
/// <para>Not thread-safe: one writer per request, as the desk arranges.</para>
/// </remarks>
internal struct RequestState
{
    // What happens after acceptance — explanations, pauses, resolution, closure, forwards, whistles — lives in a side
    // object made on the first such event: a request waiting at the desk carries one reference instead of ~110 bytes.
    private RequestProgress? _progress;
    private DeadlineKinds _passed;

    // Instants after receipt are kept as nanoseconds since ReceivedAt (8 bytes instead of 16, or 24 when nullable):
    // a desk holds a million open requests, and these are most of their size. NoInstant marks an unset one.
    private const long NoInstant = long.MinValue;
    private static readonly Duration MaxSpan = Duration.FromDays(200 * 365); // well inside ±292 years of long nanoseconds
    private static readonly long MaxSpanPacked = MaxSpan.ToInt64Nanoseconds();
    private long _lastEventAt;
    private long _sameDay;
    private long _warning;
    private long _resolution;
    private long _answeredAt = NoInstant;
    private long _deskTimerAt = NoDeskTimer;

    // The plain path's later facts (resolved, called back) are kept here rather than in the side object, so that a request
    // resolved and closed at the desk never makes one: 17 bytes here instead of a ~130-byte object promoted by the GC.
    // The first resolution differs from the last only after a reopen (or a second resolve), which keeps it in the side
    // object: that makes the struct 192 bytes, three cache lines, instead of 200.
    private long _resolvedAt = NoInstant;
    private long _closedAt = NoInstant;
    private byte _satisfaction; // Satisfaction + 1; 0 when none

    // The rest is unpacked too: nullable structs and small enums each cost 8 bytes or more when stored as such.
    private readonly UnitId _unit;
    private readonly HouseholdId _household;
    private readonly PersonName _contactName;
    private readonly PhoneNumber _contactPhone;
    private readonly string _ownerId;
    private string _handlerId;
    private readonly byte _ownerKind; // AgencyKind
    private byte _handlerKind; // AgencyKind
    private readonly byte _channel; // Channel
    private readonly byte _categoryClass; // CategoryClass
    private byte _status; // RequestStatus
    private Parts _parts;

    internal RequestState(RequestReceived received, ServiceLevelPolicy policy, bool keepHistory)
        : this(received.RequestId, received.Channel, received.Category, received.CategoryClass, received.Location, received.Contact,
            received.Text, received.TicketNumber, received.At, received.Owner, received.Handler, received.Deadlines, policy)
    {
        if (keepHistory)
        {
            // The history lives in the side object; a request held by the desk keeps none (its events go to the sink).
            _progress = new RequestProgress { History = new List<RequestEvent>(capacity: 8) { received } };
        }
    }

    /// <summary>The state a 'received' event with these fields starts (the desk opens a request this way when nothing keeps the event).</summary>
    private RequestState(RequestId id, Channel channel, CategoryCode category, CategoryClass categoryClass, RequestLocation location,
        ResidentContact contact, string text, string? ticketNumber, Instant at, Agency owner, Agency handler, RequestDeadlines deadlines,
        ServiceLevelPolicy policy)
    {
        Policy = policy;
        Id = id;
        _channel = (byte)channel;
        Category = category;
        _categoryClass = (byte)categoryClass;
        _unit = location.Unit;
        if (location.Household is { } household)
        {
            (_household, _parts) = (household, _parts | Parts.Household);
        }

        if (contact.Name is { } name)
        {
            (_contactName, _parts) = (name, _parts | Parts.ContactName);
        }

        if (contact.Phone is { } phone)
        {
            (_contactPhone, _parts) = (phone, _parts | Parts.ContactPhone);
        }

        Text = text;
        TicketNumber = ticketNumber;
        ReceivedAt = at;
        Preconditions.CheckArgument(Fits(deadlines), "received",
            "The deadlines are more than 200 years from the receipt; a request's instants must lie within 200 years of it.");
        (_ownerKind, _ownerId) = ((byte)owner.Kind, owner.Id);
        (_handlerKind, _handlerId) = ((byte)handler.Kind, handler.Id);
        Deadlines = deadlines;
        Status = RequestStatus.Received;
        LastEventAt = at;
    }

    // Kept by the desk that holds this request (Governance.Core.Desk); unused elsewhere.
    internal long DeskSequence;

    /// <summary><see cref="DeskTimer"/> when the desk has no timer queued for this request: later than any packed instant.</summary>
    internal const long NoDeskTimer = long.MaxValue;

    // The desk compares its timers in this request's packed form (nanoseconds since receipt, NoDeskTimer for none):
    // comparing longs needs no division, where each unpacked Instant costs one.
    internal long DeskTimer
    {
        readonly get => _deskTimerAt;
        set => _deskTimerAt = value;
    }

    internal readonly long LastEventPacked => _lastEventAt;

    internal readonly long SameDayPacked => _sameDay;

    internal readonly long WarningPacked => _warning;

    internal readonly long ResolutionPacked => _resolution;

    internal readonly bool IsAnswered => _answeredAt != NoInstant;

    /// <summary>
    /// <paramref name="instant"/> in this request's packed form, clamped to ±200 years of its receipt (every instant
    /// the request keeps lies within them, so comparisons with its packed instants come out the same).
    /// </summary>
    internal readonly long PackClamped(Instant instant)
    {
        var span = instant - ReceivedAt;
        return span > MaxSpan ? MaxSpanPacked + 1 : span < -MaxSpan ? -MaxSpanPacked - 1 : span.ToInt64Nanoseconds();
    }

    /// <summary>The request's id.</summary>
    public RequestId Id { get; }

    /// <summary>How it arrived.</summary>
    public Channel Channel => (Channel)_channel;

    /// <summary>What it is about.</summary>
    public CategoryCode Category { get; }

    /// <summary>The class that sets its resolution limit.</summary>
    public CategoryClass CategoryClass => (CategoryClass)_categoryClass;

    /// <summary>Where it is about.</summary>
    public RequestLocation Location => new(_unit, (_parts & Parts.Household) != 0 ? _household : null);

    /// <summary>How to reach the resident. Personal data: prints masked.</summary>
    public ResidentContact Contact =>
        new((_parts & Parts.ContactName) != 0 ? _contactName : null, (_parts & Parts.ContactPhone) != 0 ? _contactPhone : null);

    /// <summary>What the resident said.</summary>
    public string Text { get; }

    /// <summary>The 12345 work-order number, when it came as a ticket.</summary>
    public string? TicketNumber { get; }

    /// <summary>When it was received.</summary>
    public Instant ReceivedAt { get; }

    /// <summary>The first contact, who owes the resident an answer until the request is closed (首接负责). Never changes.</summary>
    public Agency Owner => new((AgencyKind)_ownerKind, _ownerId);

    /// <summary>Who works on it now. Changes only by forwarding or escalation.</summary>
    public Agency Handler
    {
        get => new((AgencyKind)_handlerKind, _handlerId);
        private set => (_handlerKind, _handlerId) = ((byte)value.Kind, value.Id);
    }

    /// <summary>True once <see cref="Handler"/> has accepted it; false again after each forward, escalation or reopen.</summary>
    public bool HandlerAccepted
    {
        get => (_parts & Parts.HandlerAccepted) != 0;
        private set => _parts = value ? _parts | Parts.HandlerAccepted : _parts & ~Parts.HandlerAccepted;
    }

    /// <summary>Where it stands in the lifecycle.</summary>
    public RequestStatus Status
    {
        get => (RequestStatus)_status;
        private set => _status = (byte)value;
    }

    /// <summary>True once it is closed, rejected or merged.</summary>
    public bool IsTerminal => RequestLifecycle.IsTerminal(Status);

    /// <summary>The deadlines now in force (set at receipt; moved by a pause; reset by a reopen).</summary>
    public RequestDeadlines Deadlines
    {
        get => new(Unpack(_sameDay), Unpack(_warning), Unpack(_resolution));
        private set => (_sameDay, _warning, _resolution) = (Pack(value.SameDay), Pack(value.Warning), Pack(value.Resolution));
    }

    /// <summary>The latest explanation given to the resident, if any.</summary>
    public RequestExplained? Explanation
    {
        get => _progress?.Explanation;
        private set => Progress.Explanation = value;
    }

    /// <summary>When the resident was first told why, if ever (even before a reopen).</summary>
    public Instant? FirstExplainedAt
    {
        get => UnpackOptional(_progress?.FirstExplainedAt ?? NoInstant);
        private set => Progress.FirstExplainedAt = PackOptional(value);
    }

    /// <summary>
    /// When the resident first had an answer — the request resolved or explained — since it was received or last
    /// reopened; <see langword="null"/> until then. This decides the same-day rule.
    /// </summary>
    public Instant? AnsweredAt
    {
        get => UnpackOptional(_answeredAt);
        private set => _answeredAt = PackOptional(value);
    }

    /// <summary>When the wait on the resident began, while <see cref="Status"/> is <see cref="RequestStatus.AwaitingResident"/>.</summary>
    public Instant? PausedAt
    {
        get => UnpackOptional(_progress?.PausedAt ?? NoInstant);
        private set => Progress.PausedAt = PackOptional(value);
    }

    /// <summary>When it was (last) resolved; cleared by a reopen.</summary>
    public Instant? ResolvedAt
    {
        get => UnpackOptional(_resolvedAt);
        private set => _resolvedAt = PackOptional(value);
    }

    /// <summary>When it was first resolved, even if reopened later.</summary>
    public Instant? FirstResolvedAt =>
        UnpackOptional(_progress is { FirstResolvedAt: not NoInstant } progress ? progress.FirstResolvedAt : _resolvedAt);

    /// <summary>What the resident said on the call-back, once closed.</summary>
    public Satisfaction? Satisfaction
    {
        get => _satisfaction == 0 ? null : (Satisfaction)(_satisfaction - 1);
        private set => _satisfaction = value is { } v ? (byte)(v + 1) : (byte)0;
    }

    /// <summary>When it reached a terminal status.</summary>
    public Instant? ClosedAt
    {
        get => UnpackOptional(_closedAt);
        private set => _closedAt = PackOptional(value);
    }

    /// <summary>The request it was merged into, if merged.</summary>
    public RequestId? MergedInto
    {
        get => _progress?.MergedInto;
        private set => Progress.MergedInto = value;
    }

    /// <summary>How many times it was forwarded.</summary>
    public int Forwards
    {
        get => _progress?.Forwards ?? 0;
        private set => Progress.Forwards = value;
    }

    /// <summary>How many times it was escalated.</summary>
    public int Escalations
    {
        get => _progress?.Escalations ?? 0;
        private set => Progress.Escalations = value;
    }

    /// <summary>How many times it was reopened.</summary>
    public int Reopens
    {
        get => _progress?.Reopens ?? 0;
        private set => Progress.Reopens = value;
    }

    /// <summary>The agencies that passed it on and may not receive it back until a new fact.</summary>
    public IReadOnlyList<Agency> DeclinedBy => (IReadOnlyList<Agency>?)_progress?.DeclinedBy ?? [];

    /// <summary>The district departments summoned to it by whistles (吹哨), oldest first, and how their reports went.</summary>
    public IReadOnlyList<WhistleSummons> Summons => (IReadOnlyList<WhistleSummons>?)_progress?.Summons ?? [];

    /// <summary>Every event, oldest first; the first is always <see cref="RequestReceived"/>.</summary>
    public IReadOnlyList<RequestEvent> History => (IReadOnlyList<RequestEvent>?)_progress?.History ?? [];

    /// <summary>When the last event happened; a command may not be earlier.</summary>
    public Instant LastEventAt
    {
        get => Unpack(_lastEventAt);
        private set => _lastEventAt = Pack(value);
    }

    /// <summary>The service-level policy that sets its deadlines.</summary>
    public ServiceLevelPolicy Policy { get; }

    /// <summary>
    /// True when, at <paramref name="instant"/>, the resident has had an answer since the request was received or last
    /// reopened: <see cref="AnsweredAt"/> is strictly before it. At <see cref="RequestDeadlines.SameDay"/> this is the
    /// same-day rule (当天解决或说明原因).
    /// </summary>
    public bool WasAnsweredBefore(Instant instant) => _answeredAt != NoInstant && Unpack(_answeredAt) < instant;

    /// <summary>True when the deadline of <paramref name="kind"/> now in force has been recorded as passed.</summary>
    public bool HasPassed(DeadlineKind kind) => (_passed & Flag(kind)) != 0;

    internal static string? ReceivedProblem(RequestReceived received) =>
        string.IsNullOrWhiteSpace(received.RequestId.Value) || !IsNamed(received.Owner) || !IsNamed(received.Handler)
            || !Enum.IsDefined(received.Channel) || !Enum.IsDefined(received.CategoryClass)
            ? "a 'received' event names the request, a named owner and handler, a defined channel and category class"
            : null;

    /// <summary>
    /// Receives a submission routed by the desk: the category and class come from the routing decision,
    /// <paramref name="deadlines"/> are <paramref name="policy"/>'s for them at <paramref name="at"/> (the desk reuses
    /// them across a batch), and the request keeps no history (its events go to the desk's sink). The caller has checked
    /// the submission (<see cref="CheckSubmission"/>).
    /// </summary>
    /// <returns>The receipt, and the state it starts, for the desk's slot.</returns>
    internal static RequestReceived ReceiveAtDesk(out RequestState state, RequestSubmission submission, Agency owner, Agency handler,
        CategoryCode category, CategoryClass categoryClass, PartyMemberId? liaison, Instant at, ServiceLevelPolicy policy, RequestDeadlines deadlines)
    {
        var received = new RequestReceived(submission.Id, at, submission.Channel, category, categoryClass,
            submission.Location, submission.Contact, submission.Text ?? string.Empty, owner, handler,
            deadlines, submission.TicketNumber, liaison);
        state = new RequestState(received, policy, keepHistory: false);
        return received;
    }

    /// <summary>
    /// The state <see cref="ReceiveAtDesk"/> starts, without making the receipt: a batch with no sink has nobody to
    /// give it to. The caller has checked the submission.
    /// </summary>
    internal static RequestState OpenAtDesk(RequestSubmission submission, Agency owner, Agency handler, CategoryCode category,
        CategoryClass categoryClass, Instant at, ServiceLevelPolicy policy, RequestDeadlines deadlines) =>
        new(submission.Id, submission.Channel, category, categoryClass, submission.Location, submission.Contact,
            submission.Text ?? string.Empty, submission.TicketNumber, at, owner, handler, deadlines, policy);

    /// <summary>What the desk checks of a submission itself before it opens it (<see cref="ReceiveAtDesk"/>, <see cref="OpenAtDesk"/>).</summary>
    /// <exception cref="ArgumentException">The submission has an empty id or an undefined channel.</exception>
    internal static void CheckSubmission(RequestSubmission submission)
    {
        if (string.IsNullOrEmpty(submission.Id.Value) || !Enum.IsDefined(submission.Channel))
        {
            throw new ArgumentException($"A submission needs an id and a defined channel: {submission}.", nameof(submission));
        }
    }

    /// <summary>
    /// Starts a request held by a desk from its receipt read back from a log: the state <see cref="ReceiveAtDesk"/> made,
    /// keeping no history (the log is the history).
    /// </summary>
    /// <exception cref="ArgumentException">The receipt is malformed, or its deadlines lie more than 200 years after it.</exception>
    internal static RequestState RestoreAtDesk(RequestReceived received, ServiceLevelPolicy policy) =>
        ReceivedProblem(received) is { } problem
            ? throw new ArgumentException($"Request {received.RequestId}: {problem}.", nameof(received))
            : new RequestState(received, policy, keepHistory: false);

    /// <summary>
    /// Decides <paramref name="command"/> into one event and applies it. Refused commands throw and change nothing.
    /// </summary>
    /// <returns>The event, already applied; append it to the log.</returns>
    /// <exception cref="RequestCommandException">The lifecycle or a rule refuses the command; the message names the status and the command.</exception>
    public RequestEvent Execute(RequestCommand command)
    {
        var e = Decide(command);
        Apply(e, decided: true);
        return e;
    }

    /// <summary>Decides <paramref name="command"/> into the event it would produce, without applying it.</summary>
    /// <exception cref="RequestCommandException">The lifecycle or a rule refuses the command.</exception>
    public RequestEvent Decide(RequestCommand command)
    {
        Preconditions.CheckNotNull(command);
        var trigger = command.Trigger;
        if (!RequestLifecycle.CanFire(Status, trigger))
        {
            throw Refuse(trigger, IsTerminal ? $"the lifecycle permits nothing in {Status}" : $"the lifecycle does not permit {trigger} in {Status}");
        }

        var at = PackClamped(command.At);
        if (at < _lastEventAt)
        {
            throw Refuse(trigger, $"{command.At} is before the request's last event at {LastEventAt}");
        }

        if (at > MaxSpanPacked)
        {
            throw Refuse(trigger, $"{command.At} is more than 200 years after the request was received at {ReceivedAt}");
        }

        return command switch
        {
            AcceptRequest c => DecideAccept(c),
            ForwardRequest c => DecidePassOn(c.By, c.To, c.Reason, trigger) ?? new RequestForwarded(Id, c.At, c.By, c.To, c.Reason),
            EscalateRequest c => DecidePassOn(c.By, c.To, c.Reason, trigger) ?? new RequestEscalated(Id, c.At, c.By, c.To, c.Reason),
            ExplainRequest c => DecideExplain(c),
            AwaitResident c => DecideAwait(c),
            ResumeRequest c => RequireHandler(c.By, trigger) ?? new RequestResumed(Id, c.At, c.By, c.Note ?? string.Empty, Policy.Resume(Deadlines, CategoryClass, PausedAt!.Value, c.At)),
            ResolveRequest c => RequireHandlerOrOwner(c.By, trigger) ?? RequireText(c.Summary, "a summary of what was done", trigger) ?? new RequestResolved(Id, c.At, c.By, c.Summary),
            CallBackResident c => RequireNamed(c.By, trigger) ?? new RequestCalledBack(Id, c.At, c.By, CheckDefined(c.Satisfaction, trigger), c.Comment ?? string.Empty),
            ReopenRequest c => RequireNamed(c.By, trigger) ?? RequireText(c.Reason, "the new fact", trigger) ?? new RequestReopened(Id, c.At, c.By, c.Reason, Policy.DeadlinesFor(CategoryClass, c.At)),
            RejectRequest c => RequireHandlerOrOwner(c.By, trigger) ?? RequireText(c.Explanation, "what the resident is told", trigger) ?? new RequestRejected(Id, c.At, c.By, CheckDefined(c.Reason, trigger), c.Explanation),
            MergeRequest c => DecideMerge(c),
            RecordDeadlinePassed c => DecideDeadline(c),
            SummonDepartment c => DecideSummon(c),
            ReportToWhistle c => DecideReport(c),
            RecordReportMissed c => DecideReportMissed(c),
            _ => throw Refuse(trigger, $"{command.GetType().Name} is not a request command this version knows"),
        };
    }

    private RequestEvent DecideAccept(AcceptRequest c)
    {
        if (RequireHandler(c.By, RequestTrigger.Accept) is { } refused)
        {
            return refused;
        }

        return HandlerAccepted
            ? throw Refuse(RequestTrigger.Accept, $"{Handler} has already accepted it")
            : new RequestAccepted(Id, c.At, c.By);
    }

    // A resume returns the request to Accepted, so only a handler that has accepted it may pause it: otherwise the
    // request would come back Accepted by a handler that never accepted it, and could then never be accepted.
    private RequestAwaitingResident DecideAwait(AwaitResident c)
    {
        RequireHandler(c.By, RequestTrigger.AwaitResident);
        return HandlerAccepted
            ? new RequestAwaitingResident(Id, c.At, c.By, CheckDefined(c.Reason, RequestTrigger.AwaitResident), c.Note ?? string.Empty)
            : throw Refuse(RequestTrigger.AwaitResident, $"{Handler} has not accepted it; a handler waits on the resident only once it has accepted the request");
    }

    /// <summary>The checks shared by forwarding and escalation; null when they pass (callers then build the event).</summary>
    private RequestEvent? DecidePassOn(Agency by, Agency to, string reason, RequestTrigger trigger)
    {
        if ((RequireHandler(by, trigger) ?? RequireText(reason, "the reason it is passed on", trigger)) is { } refused)
        {
            return refused;
        }

        if (!IsNamed(to))
        {
            throw Refuse(trigger, "the new handler names no agency");
        }

        if (to == Handler)
        {
            throw Refuse(trigger, $"{to} is already the handler");
        }

        return _progress?.DeclinedBy?.Contains(to) == true
            ? throw Refuse(trigger, $"{to} already passed this request on; it may not get it back without a new fact (a reopen, or the resident's return)")
            : null;
    }

    private RequestExplained DecideExplain(ExplainRequest c)
    {
        RequireHandlerOrOwner(c.By, RequestTrigger.Explain);
        RequireText(c.Reason, "what the resident is told", RequestTrigger.Explain);
        var today = c.At.InZone(Policy.Calendar.Zone).Date;
        return c.PromisedBy < today
            ? throw Refuse(RequestTrigger.Explain, $"the promised date {c.PromisedBy:yyyy-MM-dd} is before today ({today:yyyy-MM-dd})")
            : new RequestExplained(Id, c.At, c.By, c.Reason, c.PromisedBy);
    }

    private RequestMerged DecideMerge(MergeRequest c)
    {
        RequireHandlerOrOwner(c.By, RequestTrigger.Merge);
        if (string.IsNullOrWhiteSpace(c.Into.Value) || c.Into == Id)
        {
            throw Refuse(RequestTrigger.Merge, "a request is merged into another request");
        }

        return new RequestMerged(Id, c.At, c.By, c.Into);
    }

    private RequestDeadlinePassed DecideDeadline(RecordDeadlinePassed c)
    {
        var kind = CheckDefined(c.Deadline, RequestTrigger.DeadlinePassed);
        var due = kind switch
        {
            DeadlineKind.Warning => Deadlines.Warning,
            DeadlineKind.SameDay => Deadlines.SameDay,
            _ => Deadlines.Resolution,
        };
        if (c.At < due)
        {
            throw Refuse(RequestTrigger.DeadlinePassed, $"the {kind} deadline is {due}, after {c.At}");
        }

        if (Status == RequestStatus.AwaitingResident)
        {
            throw Refuse(RequestTrigger.DeadlinePassed, "the clock is paused while the request waits on the resident; the deadlines move when it resumes");
        }

        if (kind == DeadlineKind.SameDay && AnsweredAt is { } answered && answered < due)
        {
            throw Refuse(RequestTrigger.DeadlinePassed, $"the resident was answered at {answered}, before the same-day deadline: nothing was missed");
        }

        return HasPassed(kind)
            ? throw Refuse(RequestTrigger.DeadlinePassed, $"the {kind} deadline was already recorded as passed")
            : new RequestDeadlinePassed(Id, c.At, kind);
    }

    private DepartmentSummoned DecideSummon(SummonDepartment c)
    {
        RequireHandlerOrOwner(c.By, RequestTrigger.Summon);
        RequireText(c.Reason, "why the department is needed", RequestTrigger.Summon);
        if (c.By.Kind is not (AgencyKind.Unit or AgencyKind.SubdistrictOffice))
        {
            throw Refuse(RequestTrigger.Summon, $"a whistle is blown by a street-level unit or its office, not by {c.By}");
        }

        if (string.IsNullOrWhiteSpace(c.Department.Value))
        {
            throw Refuse(RequestTrigger.Summon, "the command names no department");
        }

        return LatestSummons(c.Department) is { ReportedAt: null } pending
            ? throw Refuse(RequestTrigger.Summon, $"{c.Department} was summoned at {pending.SummonedAt} and has not reported yet")
            : new DepartmentSummoned(Id, c.At, c.By, c.Department, c.At + Policy.WhistleReportLimit, c.Reason);
    }

    private DepartmentReported DecideReport(ReportToWhistle c) => LatestSummons(c.Department) switch
    {
        null => throw Refuse(RequestTrigger.Report, $"{c.Department} was not summoned"),
        { ReportedAt: { } reported } => throw Refuse(RequestTrigger.Report, $"{c.Department} already reported at {reported}"),
        _ => new DepartmentReported(Id, c.At, c.Department),
    };

    private DepartmentReportMissed DecideReportMissed(RecordReportMissed c) => LatestSummons(c.Department) switch
    {
        null => throw Refuse(RequestTrigger.ReportMissed, $"{c.Department} was not summoned"),
        { ReportedAt: { } reported } => throw Refuse(RequestTrigger.ReportMissed, $"{c.Department} reported at {reported}"),
        { Missed: true } => throw Refuse(RequestTrigger.ReportMissed, $"{c.Department}'s miss was already recorded"),
        { ReportBy: var due } when c.At < due => throw Refuse(RequestTrigger.ReportMissed, $"{c.Department}'s report is due at {due}, after {c.At}"),
        _ => new DepartmentReportMissed(Id, c.At, c.Department),
    };

    /// <summary>The latest summons of <paramref name="department"/>, or null.</summary>
    private readonly WhistleSummons? LatestSummons(DistrictDepartmentId department) =>
        LatestSummonsIndex(department) is var i and >= 0 ? _progress!.Summons![i] : null;

    /// <summary>The latest summons of <paramref name="department"/>, by reference: Apply calls it only once LatestSummons found one.</summary>
    private readonly ref WhistleSummons LatestSummonsRef(DistrictDepartmentId department) =>
        ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_progress!.Summons)[LatestSummonsIndex(department)];

    private readonly int LatestSummonsIndex(DistrictDepartmentId department)
    {
        var summons = _progress?.Summons;
        for (var i = (summons?.Count ?? 0) - 1; i >= 0; i--)
        {
            if (summons![i].Department == department)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Applies an event, decided by <see cref="Decide"/> or read from the log. Checks that it belongs to this request,
    /// does not go back in time, is permitted by the lifecycle and is well formed (named agencies, defined enum values,
    /// the reasons its command requires); otherwise throws and changes nothing. It does not re-judge who was allowed to
    /// act: that was decided when the event was made.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="e"/> is a <see cref="RequestReceived"/>: that only starts a log.</exception>
    /// <exception cref="RequestCommandException">The event does not fit this request's state, or is malformed.</exception>
    public void Apply(RequestEvent e) => Apply(e, decided: false);

    /// <summary>
    /// Applies an event; one <paramref name="decided"/> by <see cref="Decide"/> just now skips the checks Decide already
    /// made of the same facts (well formed, this request's, permitted by the lifecycle, summoned department). A log's
    /// events get every check (property tests replay live events through them).
    /// </summary>
    private void Apply(RequestEvent e, bool decided)
    {
        Preconditions.CheckNotNull(e);
        if (e.Trigger is not { } trigger)
        {
            throw new ArgumentException($"Request {Id} is already received; a 'received' event only starts a log.", nameof(e));
        }

        if (!decided && WellFormed(e) is { } malformed)
        {
            throw Refuse(trigger, $"the event is malformed: {malformed}");
        }

        if (!decided && e.RequestId != Id)
        {
            throw Refuse(trigger, $"the event belongs to request {e.RequestId}");
        }

        var at = PackClamped(e.At);
        if (at < _lastEventAt)
        {
            throw Refuse(trigger, $"the event at {e.At} is before the request's last event at {LastEventAt}");
        }

        var deadlines = e switch
        {
            RequestResumed r => r.Deadlines,
            RequestReopened r => r.Deadlines,
            _ => (RequestDeadlines?)null,
        };
        if (at > MaxSpanPacked || (deadlines is { } moved && !Fits(moved)) || (e is DepartmentSummoned summoned && !Fits(summoned.ReportBy)))
        {
            throw Refuse(trigger, $"the event or its deadlines (or report limit) lie more than 200 years after the request was received at {ReceivedAt}");
        }

        if (!RequestLifecycle.TryGetNext(Status, trigger, out var next))
        {
            throw Refuse(trigger, IsTerminal ? $"the lifecycle permits nothing in {Status}" : $"the lifecycle does not permit {trigger} in {Status}");
        }

        var reporting = decided ? null : e switch
        {
            DepartmentReported r => r.Department,
            DepartmentReportMissed m => m.Department,
            _ => (DistrictDepartmentId?)null,
        };
        if (reporting is { } department && LatestSummons(department) is null)
        {
            throw Refuse(trigger, $"{department} was not summoned");
        }

        switch (e)
        {
            case RequestAccepted:
                HandlerAccepted = true;
                break;
            case RequestForwarded f:
                PassOn(f.By, f.To);
                Forwards++;
                break;
            case RequestEscalated x:
                PassOn(x.By, x.To);
                Escalations++;
                break;
            case RequestExplained x:
                Explanation = x;
                FirstExplainedAt ??= x.At;
                AnsweredAt ??= x.At;
                break;
            case RequestAwaitingResident a:
                PausedAt = a.At;
                break;
            case RequestResumed r:
                PausedAt = null;
                _progress?.DeclinedBy?.Clear(); // the resident's return is a new fact
                SetDeadlines(r.Deadlines);
                break;
            case RequestResolved r:
                KeepFirstResolution();
                ResolvedAt = r.At;
                AnsweredAt ??= r.At;
                break;
            case RequestCalledBack c:
                Satisfaction = c.Satisfaction;
                ClosedAt = c.At;
                break;
            case RequestReopened r:
                KeepFirstResolution();
                ResolvedAt = null;
                AnsweredAt = null; // the reopened matter needs a new answer by its new same-day deadline
                HandlerAccepted = false;
                Reopens++;
                _progress?.DeclinedBy?.Clear();
                SetDeadlines(r.Deadlines);
                break;
            case RequestRejected r:
                ClosedAt = r.At;
                break;
            case RequestMerged m:
                MergedInto = m.Into;
                ClosedAt = m.At;
                break;
            case RequestDeadlinePassed d:
                _passed |= Flag(d.Deadline);
                break;
            case DepartmentSummoned w:
                (Progress.Summons ??= []).Add(new WhistleSummons(w.Department, w.At, w.ReportBy, null, false));
                break;
            case DepartmentReported r:
                {
                    ref var summons = ref LatestSummonsRef(r.Department);
                    summons = summons with { ReportedAt = r.At };
                    break;
                }

            case DepartmentReportMissed m:
                {
                    ref var summons = ref LatestSummonsRef(m.Department);
                    summons = summons with { Missed = true };
                    break;
                }
        }

        Status = next;
        _lastEventAt = at;
        _progress?.History?.Add(e);
    }

    /// <summary>What is wrong with an event's own fields, whatever the state; null when nothing is.</summary>
    private static string? WellFormed(RequestEvent e)
    {
        static bool Text(string? text) => !string.IsNullOrWhiteSpace(text);
        return e switch
        {
            RequestAccepted a when !IsNamed(a.By) => "it names no agency",
            RequestForwarded f when !IsNamed(f.By) || !IsNamed(f.To) || !Text(f.Reason) => "a forward names both agencies and a reason",
            RequestEscalated x when !IsNamed(x.By) || !IsNamed(x.To) || !Text(x.Reason) => "an escalation names both agencies and a reason",
            RequestExplained x when !IsNamed(x.By) || !Text(x.Reason) => "an explanation names an agency and what the resident was told",
            RequestAwaitingResident a when !IsNamed(a.By) || !Enum.IsDefined(a.Reason) => "a wait names an agency and a defined reason",
            RequestResumed r when !IsNamed(r.By) => "it names no agency",
            RequestResolved r when !IsNamed(r.By) || !Text(r.Summary) => "a resolution names an agency and what was done",
            RequestCalledBack c when !IsNamed(c.By) || !Enum.IsDefined(c.Satisfaction) => "a call-back names an agency and a defined satisfaction",
            RequestReopened r when !IsNamed(r.By) || !Text(r.Reason) => "a reopen names an agency and the new fact",
            RequestRejected r when !IsNamed(r.By) || !Enum.IsDefined(r.Reason) || !Text(r.Explanation) => "a rejection names an agency, a defined reason and what the resident was told",
            RequestMerged m when !IsNamed(m.By) || !Text(m.Into.Value) || m.Into == m.RequestId => "a merge names an agency and another request",
            RequestDeadlinePassed d when !Enum.IsDefined(d.Deadline) => "the deadline kind is not defined",
            DepartmentSummoned w when !IsNamed(w.By) || !Text(w.Department.Value) || !Text(w.Reason) || w.ReportBy < w.At => "a summons names an agency, a department, a reason and a report limit after it",
            DepartmentReported r when !Text(r.Department.Value) => "it names no department",
            DepartmentReportMissed m when !Text(m.Department.Value) => "it names no department",
            _ => null,
        };
    }

    /// <summary>Returns the id, status, owner and handler; never personal data.</summary>
    public override string ToString() => $"{Id} {Status} owner={Owner} handler={Handler}";

    private void PassOn(Agency by, Agency to)
    {
        var declined = Progress.DeclinedBy ??= [];
        if (!declined.Contains(by))
        {
            declined.Add(by);
        }

        Handler = to;
        HandlerAccepted = false;
    }

    private RequestProgress Progress => _progress ??= new RequestProgress();

    private readonly bool Fits(Instant instant) => instant - ReceivedAt is var span && span <= MaxSpan && span >= -MaxSpan;

    private readonly bool Fits(RequestDeadlines deadlines) => Fits(deadlines.SameDay) && Fits(deadlines.Warning) && Fits(deadlines.Resolution);

    private readonly long Pack(Instant instant) => (instant - ReceivedAt).ToInt64Nanoseconds();

    /// <summary>The instant a packed value (not <see cref="NoInstant"/>) stands for.</summary>
    internal readonly Instant Unpack(long nanoseconds) => ReceivedAt + Duration.FromNanoseconds(nanoseconds);

    private readonly long PackOptional(Instant? instant) => instant is { } value ? Pack(value) : NoInstant;

    private readonly Instant? UnpackOptional(long nanoseconds) => nanoseconds == NoInstant ? null : Unpack(nanoseconds);

    private void SetDeadlines(RequestDeadlines deadlines)
    {
        Deadlines = deadlines;
        _passed = DeadlineKinds.None; // moved deadlines can pass again
    }

    private RequestEvent? RequireHandler(Agency by, RequestTrigger trigger) =>
        by == Handler ? null : throw Refuse(trigger, $"only the current handler {Handler} may do this, not {Describe(by)}");

    private RequestEvent? RequireHandlerOrOwner(Agency by, RequestTrigger trigger) =>
        by == Handler || by == Owner ? null : throw Refuse(trigger, $"only the current handler {Handler} or the owner {Owner} may do this, not {Describe(by)}");

    private RequestEvent? RequireNamed(Agency by, RequestTrigger trigger) =>
        IsNamed(by) ? null : throw Refuse(trigger, "the command names no agency");

    private RequestEvent? RequireText(string? text, string what, RequestTrigger trigger) =>
        string.IsNullOrWhiteSpace(text) ? throw Refuse(trigger, $"{what} is required") : null;

    private T CheckDefined<T>(T value, RequestTrigger trigger)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw Refuse(trigger, $"{value} is not a {typeof(T).Name}");

    private RequestCommandException Refuse(RequestTrigger trigger, string problem) => new(Id, Status, trigger, problem);

    internal static bool IsNamed(Agency agency) => !string.IsNullOrEmpty(agency.Id) && Enum.IsDefined(agency.Kind);

    private static string Describe(Agency agency) => IsNamed(agency) ? agency.ToString() : "an unnamed agency";

    private static DeadlineKinds Flag(DeadlineKind kind) => (DeadlineKinds)(1 << (int)kind);

    /// <summary>
    /// Moves the first resolution into the side object before the last one changes (a reopen clears it, a second resolve
    /// replaces it); until then <see cref="FirstResolvedAt"/> reads the last one, which is the same instant.
    /// </summary>
    private void KeepFirstResolution()
    {
        if (_resolvedAt != NoInstant && _progress is not { FirstResolvedAt: not NoInstant })
        {
            Progress.FirstResolvedAt = _resolvedAt;
        }
    }

    [Flags]
    private enum Parts : byte
    {
        None = 0,
        Household = 1,
        ContactName = 2,
        ContactPhone = 4,
        HandlerAccepted = 8,
    }

    [Flags]
    private enum DeadlineKinds : byte
    {
        None = 0,
    }
}

/// <summary>The part of a request's state that only events after acceptance set; instants as in <see cref="Request"/>.</summary>
internal sealed class RequestProgress
{
    public long FirstResolvedAt = long.MinValue; // set only once the last resolution is about to change
    public RequestExplained? Explanation;
    public long FirstExplainedAt = long.MinValue;
    public long PausedAt = long.MinValue;
    public RequestId? MergedInto;
    public int Forwards;
    public int Escalations;
    public int Reopens;
    public List<Agency>? DeclinedBy; // most requests are never passed on: made on the first forward
    public List<WhistleSummons>? Summons; // made on the first whistle
    public List<RequestEvent>? History; // null for a request held by the desk
}
