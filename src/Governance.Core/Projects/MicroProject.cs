using System.Collections.Immutable;
using Governance.Core.Ledger;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Projects;

/// <summary>
/// A project of the micro-project library (微民生微服务项目库): a small work with a theme, a place and a cost, its
/// funding, its progress, its outcome and residents' evaluation, and the ledger items and hotspots it answers. Its
/// state is the fold of its events: <see cref="Propose"/> starts it, <see cref="Execute"/> decides one command into
/// one event and applies it, and <see cref="Replay"/> rebuilds the same state from the events alone.
/// </summary>
/// <remarks>
/// Rules kept at every step: the status changes only as <see cref="MicroProjectLifecycle"/> permits; terminal statuses
/// are final; a funded project's sources sum exactly to its cost; a command the lifecycle or a rule refuses throws
/// <see cref="MicroProjectCommandException"/> naming the project, its status and the command, and changes nothing;
/// time never goes backwards. Amounts are yuan to the fen. Not thread-safe.
/// </remarks>
public sealed class MicroProject
{
    /// <summary>The largest cost accepted, in yuan.</summary>
    public const decimal MaxCost = 100_000_000m;

    private readonly List<MicroProjectEvent> _history = new(capacity: 8);
    private readonly List<ProjectProgressNoted> _progress = [];
    private readonly List<LedgerItemId> _ledgerItems = [];
    private readonly List<HotspotRef> _hotspots = [];

    private MicroProject(MicroProjectProposed proposed, DateTimeZone zone)
    {
        Zone = zone;
        Id = proposed.ProjectId;
        (Title, Description, Theme, Place, Cost, ProposedBy) = (proposed.Title, proposed.Description, proposed.Theme, proposed.Place, proposed.Cost, proposed.By);
        ProposedAt = proposed.At;
        LastEventAt = proposed.At;
        Status = MicroProjectStatus.Proposed;
        _history.Add(proposed);
    }

    /// <summary>The project's id.</summary>
    public MicroProjectId Id { get; }

    /// <summary>A short title.</summary>
    public string Title { get; }

    /// <summary>What will be built or done.</summary>
    public string Description { get; }

    /// <summary>The theme.</summary>
    public ProjectTheme Theme { get; }

    /// <summary>The unit it is in.</summary>
    public UnitId Place { get; }

    /// <summary>The cost proposed, in yuan.</summary>
    public decimal Cost { get; }

    /// <summary>Who proposed it.</summary>
    public Agency ProposedBy { get; }

    /// <summary>When it was proposed.</summary>
    public Instant ProposedAt { get; }

    /// <summary>Where it stands.</summary>
    public MicroProjectStatus Status { get; private set; }

    /// <summary>True once evaluated, rejected or withdrawn.</summary>
    public bool IsTerminal => MicroProjectLifecycle.IsTerminal(Status);

    /// <summary>True once completed (and after evaluation): the project was implemented.</summary>
    public bool IsImplemented => MicroProjectLifecycle.IsImplemented(Status);

    /// <summary>When it was approved; <see langword="null"/> before.</summary>
    public Instant? ApprovedAt { get; private set; }

    /// <summary>The funding plan, each source once, summing to <see cref="Cost"/>; empty before it is funded.</summary>
    public ImmutableArray<Funding> Funding { get; private set; } = [];

    /// <summary>When it was funded; <see langword="null"/> before.</summary>
    public Instant? FundedAt { get; private set; }

    /// <summary>When work started; <see langword="null"/> before.</summary>
    public Instant? StartedAt { get; private set; }

    /// <summary>The progress notes, oldest first.</summary>
    public IReadOnlyList<ProjectProgressNoted> ProgressNotes => _progress;

    /// <summary>When work finished; <see langword="null"/> before. Its local year is the year the project counts towards.</summary>
    public Instant? CompletedAt { get; private set; }

    /// <summary>The local date of <see cref="CompletedAt"/> in <see cref="Zone"/>.</summary>
    public LocalDate? CompletedOn => CompletedAt?.InZone(Zone).Date;

    /// <summary>What was built or done; <see langword="null"/> before completion.</summary>
    public string? Outcome { get; private set; }

    /// <summary>What it cost, in yuan; <see langword="null"/> before completion.</summary>
    public decimal? ActualCost { get; private set; }

    /// <summary>How residents rated it; <see langword="null"/> before evaluation.</summary>
    public Satisfaction? Rating { get; private set; }

    /// <summary>Why it was rejected or withdrawn; <see langword="null"/> otherwise.</summary>
    public string? Reason { get; private set; }

    /// <summary>The ledger items it answers, in the order linked; never twice the same.</summary>
    public IReadOnlyList<LedgerItemId> LedgerItems => _ledgerItems;

    /// <summary>The hotspots it answers, in the order linked; never twice the same.</summary>
    public IReadOnlyList<HotspotRef> Hotspots => _hotspots;

    /// <summary>Every event, oldest first; the first is <see cref="MicroProjectProposed"/>.</summary>
    public IReadOnlyList<MicroProjectEvent> History => _history;

    /// <summary>When the last event happened; a command may not be earlier.</summary>
    public Instant LastEventAt { get; private set; }

    /// <summary>The zone whose local dates decide the year a project counts towards (Asia/Shanghai by default).</summary>
    public DateTimeZone Zone { get; }

    /// <summary>
    /// Proposes a project, <see cref="MicroProjectStatus.Proposed"/>; the year's local dates are in <paramref name="zone"/>
    /// (default: <see cref="WorkingCalendar.Default"/>'s, Asia/Shanghai).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    /// <exception cref="ArgumentException">An id, text or agency is missing, the theme is undefined, or the cost is not more than zero, at most <see cref="MaxCost"/> and to the fen; the message names the project.</exception>
    public static MicroProject Propose(ProposeMicroProject command, DateTimeZone? zone = null)
    {
        Preconditions.CheckNotNull(command);
        var proposed = new MicroProjectProposed(command.ProjectId, command.At, command.By, command.Title, command.Description, command.Theme, command.Place, command.Cost);
        return WellFormedStart(proposed) is { } problem
            ? throw new ArgumentException($"Micro-project {command.ProjectId} cannot be proposed: {problem}.", nameof(command))
            : new MicroProject(proposed, zone ?? WorkingCalendar.Default.Zone);
    }

    /// <summary>Rebuilds a project from its events: the same state as the project that produced them.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null.</exception>
    /// <exception cref="DataValidationException">
    /// The log is empty, does not start with <see cref="MicroProjectProposed"/>, mixes projects, or holds an event the
    /// lifecycle or a rule refuses; the error names the event's position (<c>$[3]</c>).
    /// </exception>
    public static MicroProject Replay(IEnumerable<MicroProjectEvent> events, DateTimeZone? zone = null)
    {
        Preconditions.CheckNotNull(events);
        zone ??= WorkingCalendar.Default.Zone;
        MicroProject? project = null;
        var position = 0;
        foreach (var e in events)
        {
            try
            {
                if (project is null)
                {
                    project = StartFrom(e, zone);
                }
                else
                {
                    Preconditions.CheckArgument(e is not null, nameof(events), "the event is null");
                    project.Apply(e);
                }
            }
            catch (Exception refused) when (refused is MicroProjectCommandException or ArgumentException)
            {
                throw new DataValidationException("micro-project event log", [new DataError($"$[{position}]", e?.ProjectId.Value, refused.Message)]);
            }

            position++;
        }

        return project ?? throw new DataValidationException("micro-project event log", [new DataError("$", null, "the log is empty")]);
    }

    /// <summary>
    /// The project as it stood at <paramref name="asOf"/>: this project when nothing happened after it, otherwise a
    /// replay of the events up to and including <paramref name="asOf"/>; <see langword="null"/> when it was not yet proposed.
    /// </summary>
    public MicroProject? AsOf(Instant asOf) =>
        LastEventAt <= asOf ? this : ProposedAt > asOf ? null : Replay(_history.TakeWhile(e => e.At <= asOf), Zone);

    /// <summary>Decides <paramref name="command"/> into one event and applies it. Refused commands throw and change nothing.</summary>
    /// <returns>The event, already applied; append it to the log.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    /// <exception cref="MicroProjectCommandException">The lifecycle or a rule refuses the command; the message names the project, its status and the command.</exception>
    public MicroProjectEvent Execute(MicroProjectCommand command)
    {
        var e = Decide(command);
        Apply(e);
        return e;
    }

    /// <summary>Decides <paramref name="command"/> into the event it would produce, without applying it.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    /// <exception cref="MicroProjectCommandException">The lifecycle or a rule refuses the command.</exception>
    public MicroProjectEvent Decide(MicroProjectCommand command)
    {
        Preconditions.CheckNotNull(command);
        var trigger = command.Trigger;
        MicroProjectEvent e = command switch
        {
            ApproveMicroProject c => new MicroProjectApproved(Id, c.At, c.By, c.Note ?? string.Empty),
            RejectMicroProject c => new MicroProjectRejected(Id, c.At, c.By, c.Reason),
            FundMicroProject c => new MicroProjectFunded(Id, c.At, c.By, c.Sources is null ? default : [.. c.Sources]),
            StartMicroProject c => new MicroProjectStarted(Id, c.At, c.By),
            NoteProjectProgress c => new ProjectProgressNoted(Id, c.At, c.By, c.Note),
            CompleteMicroProject c => new MicroProjectCompleted(Id, c.At, c.By, c.Outcome, c.ActualCost),
            EvaluateMicroProject c => new MicroProjectEvaluated(Id, c.At, c.By, c.Rating, c.Summary),
            WithdrawMicroProject c => new MicroProjectWithdrawn(Id, c.At, c.By, c.Reason),
            AnswerLedgerItem c => new LedgerItemAnswered(Id, c.At, c.By, c.Item),
            AnswerHotspot c => new HotspotAnswered(Id, c.At, c.By, c.Hotspot),
            _ => throw Refuse(trigger, $"{command.GetType().Name} is not a micro-project command this library knows"),
        };
        Check(e, trigger);
        return e;
    }

    /// <summary>
    /// Applies an event, decided by <see cref="Decide"/> or read from the log. Checks that it belongs to this project,
    /// does not go back in time, is permitted by the lifecycle and keeps every rule; otherwise throws and changes nothing.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="e"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="e"/> starts a log (<see cref="MicroProjectProposed"/>) or belongs to another project.</exception>
    /// <exception cref="MicroProjectCommandException">The event does not fit this project's state, or breaks a rule.</exception>
    public void Apply(MicroProjectEvent e)
    {
        Preconditions.CheckNotNull(e);
        if (e.Trigger is not { } trigger)
        {
            throw new ArgumentException($"Micro-project {Id} has already been proposed; '{e.GetType().Name}' only starts a log.", nameof(e));
        }

        Preconditions.CheckArgument(e.ProjectId == Id, nameof(e), $"The event belongs to micro-project {e.ProjectId}, not {Id}.");
        Check(e, trigger);
        MicroProjectLifecycle.TryGetNext(Status, trigger, out var next);
        switch (e)
        {
            case MicroProjectApproved a:
                ApprovedAt = a.At;
                break;
            case MicroProjectRejected r:
                Reason = r.Reason;
                break;
            case MicroProjectFunded f:
                Funding = f.Sources;
                FundedAt = f.At;
                break;
            case MicroProjectStarted s:
                StartedAt = s.At;
                break;
            case ProjectProgressNoted p:
                _progress.Add(p);
                break;
            case MicroProjectCompleted c:
                (Outcome, ActualCost, CompletedAt) = (c.Outcome, c.ActualCost, c.At);
                break;
            case MicroProjectEvaluated v:
                Rating = v.Rating;
                break;
            case MicroProjectWithdrawn w:
                Reason = w.Reason;
                break;
            case LedgerItemAnswered l:
                _ledgerItems.Add(l.Item);
                break;
            case HotspotAnswered h:
                _hotspots.Add(h.Hotspot);
                break;
        }

        Status = next;
        LastEventAt = e.At;
        _history.Add(e);
    }

    /// <summary>Returns the id, status, theme and title.</summary>
    public override string ToString() => $"{Id} {Status} {Theme} {Title}";

    /// <summary>Starts a project from a log's first event; <see cref="ArgumentException"/> says what is wrong with it.</summary>
    internal static MicroProject StartFrom(MicroProjectEvent? e, DateTimeZone zone) => e switch
    {
        null => throw new ArgumentException("the event is null", nameof(e)),
        MicroProjectProposed p when WellFormedStart(p) is { } problem => throw new ArgumentException(problem, nameof(e)),
        MicroProjectProposed p => new MicroProject(p, zone),
        _ => throw new ArgumentException($"a micro-project's log starts with 'proposed', not with {e.GetType().Name}", nameof(e)),
    };

    /// <summary>Whether <paramref name="amount"/> is a sum of money to the fen: no more than two decimal places.</summary>
    internal static bool ToTheFen(decimal amount) => decimal.Round(amount, 2) == amount;

    private static string? WellFormedStart(MicroProjectProposed p) => p switch
    {
        _ when string.IsNullOrWhiteSpace(p.ProjectId.Value) => "it names no project",
        _ when !IsNamed(p.By) => "it names no agency",
        _ when string.IsNullOrWhiteSpace(p.Title) || string.IsNullOrWhiteSpace(p.Description) => "it needs a title and a description",
        _ when !Enum.IsDefined(p.Theme) => $"{(int)p.Theme} is not a defined theme",
        _ when string.IsNullOrWhiteSpace(p.Place.Value) => "it names no place",
        _ when p.Cost <= 0 || p.Cost > MaxCost || !ToTheFen(p.Cost) =>
            $"the cost ¥{p.Cost} is not more than zero, at most ¥{MaxCost:0} and to the fen",
        _ => null,
    };

    private static bool IsNamed(Agency agency) => Enum.IsDefined(agency.Kind) && !string.IsNullOrWhiteSpace(agency.Id);

    /// <summary>Every check an event must pass in the current state; throws the refusal, changes nothing.</summary>
    private void Check(MicroProjectEvent e, MicroProjectTrigger trigger)
    {
        if (!MicroProjectLifecycle.CanFire(Status, trigger))
        {
            throw Refuse(trigger, IsTerminal ? $"the lifecycle permits nothing in {Status}" : $"the lifecycle does not permit {trigger} in {Status}");
        }

        if (!IsNamed(e.By))
        {
            throw Refuse(trigger, "the command names no agency");
        }

        if (e.At < LastEventAt)
        {
            throw Refuse(trigger, $"{e.At} is before the project's last event at {LastEventAt}");
        }

        var problem = e switch
        {
            MicroProjectRejected r when string.IsNullOrWhiteSpace(r.Reason) => "a rejection has a reason",
            MicroProjectWithdrawn w when string.IsNullOrWhiteSpace(w.Reason) => "a withdrawal has a reason",
            MicroProjectApproved a when a.Note is null => "the note is null (empty when there is none)",
            MicroProjectFunded f => FundingProblem(f.Sources),
            ProjectProgressNoted p when string.IsNullOrWhiteSpace(p.Note) => "the note says what was done",
            MicroProjectCompleted c when string.IsNullOrWhiteSpace(c.Outcome) => "the outcome says what was built or done",
            MicroProjectCompleted c when c.ActualCost < 0 || c.ActualCost > MaxCost || !ToTheFen(c.ActualCost) =>
                $"the actual cost ¥{c.ActualCost} is not between zero and ¥{MaxCost:0} to the fen",
            MicroProjectEvaluated v when !Enum.IsDefined(v.Rating) => $"{(int)v.Rating} is not a defined rating",
            MicroProjectEvaluated v when string.IsNullOrWhiteSpace(v.Summary) => "the evaluation says what residents said",
            LedgerItemAnswered l when string.IsNullOrWhiteSpace(l.Item.Value) => "it names no ledger item",
            LedgerItemAnswered l when _ledgerItems.Contains(l.Item) => $"ledger item {l.Item} is already linked",
            HotspotAnswered h when string.IsNullOrWhiteSpace(h.Hotspot.Unit.Value) || string.IsNullOrWhiteSpace(h.Hotspot.Category.Value)
                || !Enum.IsDefined(h.Hotspot.Kind) || h.Hotspot.WindowEnd < h.Hotspot.WindowStart => "the hotspot needs a kind, a unit, a category and a window",
            HotspotAnswered h when _hotspots.Contains(h.Hotspot) => $"hotspot {h.Hotspot} is already linked",
            _ => null,
        };
        if (problem is not null)
        {
            throw Refuse(trigger, problem);
        }
    }

    private string? FundingProblem(ImmutableArray<Funding> sources)
    {
        if (sources.IsDefaultOrEmpty)
        {
            return "a funding plan has at least one source";
        }

        foreach (var source in sources)
        {
            if (!Enum.IsDefined(source.Source))
            {
                return $"{(int)source.Source} is not a defined funding source";
            }

            if (source.Amount <= 0 || source.Amount > MaxCost || !ToTheFen(source.Amount))
            {
                return $"{source.Source}'s amount ¥{source.Amount} is not more than zero, at most ¥{MaxCost:0} and to the fen";
            }
        }

        if (sources.Select(s => s.Source).Distinct().Count() != sources.Length)
        {
            return "each source is listed once";
        }

        var total = sources.Sum(s => s.Amount);
        return total == Cost ? null : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the sources sum to ¥{total:0.00}, not the cost ¥{Cost:0.00}");
    }

    private MicroProjectCommandException Refuse(MicroProjectTrigger trigger, string problem) => new(Id, Status, trigger, problem);
}
