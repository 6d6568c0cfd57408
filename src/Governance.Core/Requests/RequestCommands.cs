using Governance.Core.Organization;
using NodaTime;

namespace Governance.Core.Requests;

// What someone asks to do to a request. Request.Execute decides whether the lifecycle and the rules allow it and,
// if so, turns it into exactly one event; otherwise it throws RequestCommandException and changes nothing.

/// <summary>A command to a request: who asks, when, and why.</summary>
/// <param name="At">When; never before the request's last event.</param>
public abstract record RequestCommand(Instant At)
{
    /// <summary>The lifecycle trigger the command fires.</summary>
    public abstract RequestTrigger Trigger { get; }
}

/// <summary>The current handler accepts the request. Refused if it already has.</summary>
/// <param name="By">The current handler.</param>
/// <param name="At">When.</param>
public sealed record AcceptRequest(Agency By, Instant At) : RequestCommand(At)
{
    /// <inheritdoc/>
    public override RequestTrigger Trigger => RequestTrigger.Accept;
}

/// <summary>
/// The current handler passes the request to <paramref name="To"/>. Refused when <paramref name="To"/> is the handler
/// itself or an agency that already passed this request on (until a new fact: a reopen or the resident's return).
/// </summary>
/// <param name="By">The current handler.</param>
/// <param name="At">When.</param>
/// <param name="To">The responsible handler.</param>
/// <param name="Reason">Why; required.</param>
public sealed record ForwardRequest(Agency By, Instant At, Agency To, string Reason) : RequestCommand(At)
{
    /// <inheritdoc/>
    public override RequestTrigger Trigger => RequestTrigger.Forward;
}

/// <summary>The current handler hands the request up to <paramref name="To"/>; the same refusals as <see cref="ForwardRequest"/>.</summary>
/// <param name="By">The current handler.</param>
/// <param name="At">When.</param>
/// <param name="To">The handler one level up, or the summoned department.</param>
/// <param name="Reason">Why; required.</param>
public sealed record EscalateRequest(Agency By, Instant At, Agency To, string Reason) : RequestCommand(At)
{
    /// <inheritdoc/>
    public override RequestTrigger Trigger => RequestTrigger.Escalate;
}

/// <summary>
/// The owner or the handler tells the resident why it is not solved yet and by when it will be.
/// <paramref name="PromisedBy"/> may not be before the local date of <paramref name="At"/>.
/// </summary>
/// <param name="By">The owner or the current handler.</param>
/// <param name="At">When the resident was told.</param>
/// <param name="Reason">What they were told; required.</param>
/// <param name="PromisedBy">The local date by which an outcome is promised.</param>
public sealed record ExplainRequest(Agency By, Instant At, string Reason, LocalDate PromisedBy) : RequestCommand(At)
{
    /// <inheritdoc/>
    public override RequestTrigger Trigger => RequestTrigger.Explain;
}

/// <summary>
/// The current handler waits on the resident; the resolution clock pauses. Refused until the handler has accepted the
/// request, because the resume returns it to <see cref="RequestStatus.Accepted"/>.
/// </summary>
/// <param name="By">The current handler, which has accepted the request.</param>
/// <param name="At">When the wait begins.</param>
/// <param name="Reason">Why.</param>
/// <param name="Note">Details; may be empty.</param>
public sealed record AwaitResident(Agency By, Instant At, PauseReason Reason, string Note) : RequestCommand(At)
{
    /// <inheritdoc/>
    public override RequestTrigger Trigger => RequestTrigger.AwaitResident;
}

/// <summary>The resident is back; the current handler resumes and the deadlines move by the paused time.</summary>
/// <param name="By">The current handler.</param>
/// <param name="At">When work resumes.</param>
/// <param name="Note">What changed; may be empty.</param>
public sealed record ResumeRequest(Agency By, Instant At, string Note) : RequestCommand(At)
{
    /// <inheritdoc/>
    public override RequestTrigger Trigger => RequestTrigger.Resume;
}

/// <summary>The current handler, or the owner, resolves the request.</summary>
/// <param name="By">The current handler or the owner.</param>
/// <param name="At">When.</param>
/// <param name="Summary">What was done; required.</param>
public sealed record ResolveRequest(Agency By, Instant At, string Summary) : RequestCommand(At)
{
    /// <inheritdoc/>
    public override RequestTrigger Trigger => RequestTrigger.Resolve;
}

/// <summary>Anyone (the owner, or the 12345 centre) calls the resident back; closes the request.</summary>
/// <param name="By">Who called.</param>
/// <param name="At">When.</param>
/// <param name="Satisfaction">What the resident said.</param>
/// <param name="Comment">The resident's words; may be empty.</param>
public sealed record CallBackResident(Agency By, Instant At, Satisfaction Satisfaction, string Comment) : RequestCommand(At)
{
    /// <inheritdoc/>
    public override RequestTrigger Trigger => RequestTrigger.CallBack;
}

/// <summary>Reopens a resolved request because the problem persists; new deadlines count from <paramref name="At"/>.</summary>
/// <param name="By">Who reopens it.</param>
/// <param name="At">When.</param>
/// <param name="Reason">The new fact; required.</param>
public sealed record ReopenRequest(Agency By, Instant At, string Reason) : RequestCommand(At)
{
    /// <inheritdoc/>
    public override RequestTrigger Trigger => RequestTrigger.Reopen;
}

/// <summary>The current handler, or the owner, rejects the request and tells the resident why.</summary>
/// <param name="By">The current handler or the owner.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why.</param>
/// <param name="Explanation">What the resident is told; required.</param>
public sealed record RejectRequest(Agency By, Instant At, RejectionReason Reason, string Explanation) : RequestCommand(At)
{
    /// <inheritdoc/>
    public override RequestTrigger Trigger => RequestTrigger.Reject;
}

/// <summary>Merges the request into another about the same matter.</summary>
/// <param name="By">Who merges it: the current handler or the owner.</param>
/// <param name="At">When.</param>
/// <param name="Into">The request that carries on; not this one.</param>
public sealed record MergeRequest(Agency By, Instant At, RequestId Into) : RequestCommand(At)
{
    /// <inheritdoc/>
    public override RequestTrigger Trigger => RequestTrigger.Merge;
}

/// <summary>
/// Records that a deadline has passed. Refused before the deadline, and when that deadline was already recorded
/// (a deadline moved by a pause or a reopen can pass again).
/// </summary>
/// <param name="At">When it is recorded; at or after the deadline.</param>
/// <param name="Deadline">Which deadline.</param>
public sealed record RecordDeadlinePassed(Instant At, DeadlineKind Deadline) : RequestCommand(At)
{
    /// <inheritdoc/>
    public override RequestTrigger Trigger => RequestTrigger.DeadlinePassed;
}

/// <summary>
/// 吹哨: the handler or the owner (in practice the street-level unit or its office) summons a district department to
/// the request; it must report within the policy's whistle report limit. Refused for a department already summoned
/// and not yet reported, and for an agency that is itself a department.
/// </summary>
/// <param name="By">The handler or the owner; a unit or a subdistrict office.</param>
/// <param name="At">When.</param>
/// <param name="Department">The department summoned.</param>
/// <param name="Reason">Why it is needed; required.</param>
public sealed record SummonDepartment(Agency By, Instant At, DistrictDepartmentId Department, string Reason) : RequestCommand(At)
{
    /// <inheritdoc/>
    public override RequestTrigger Trigger => RequestTrigger.Summon;
}

/// <summary>报到: a summoned department reports. Refused when it was not summoned or has already reported.</summary>
/// <param name="Department">The department reporting.</param>
/// <param name="At">When; after its limit the report is late (and its miss may already be recorded).</param>
public sealed record ReportToWhistle(DistrictDepartmentId Department, Instant At) : RequestCommand(At)
{
    /// <inheritdoc/>
    public override RequestTrigger Trigger => RequestTrigger.Report;
}

/// <summary>Records that a summoned department missed its report limit. Refused before the limit, after a report, or twice.</summary>
/// <param name="At">When it is recorded; at or after the limit.</param>
/// <param name="Department">The department.</param>
public sealed record RecordReportMissed(Instant At, DistrictDepartmentId Department) : RequestCommand(At)
{
    /// <inheritdoc/>
    public override RequestTrigger Trigger => RequestTrigger.ReportMissed;
}

/// <summary>What a resident (or a proactive member of staff) submits: the request before it has an owner.</summary>
/// <param name="Id">The request's id; unique where it is received.</param>
/// <param name="Channel">How it arrived.</param>
/// <param name="Category">What it is about.</param>
/// <param name="CategoryClass">The class that sets its resolution limit.</param>
/// <param name="Location">Where it is about.</param>
/// <param name="Contact">How to reach the resident (personal data); may be <see cref="ResidentContact.None"/>.</param>
/// <param name="Text">What the resident said.</param>
/// <param name="TicketNumber">The 12345 work-order number, when it came as a ticket.</param>
public sealed record RequestSubmission(
    RequestId Id, Channel Channel, Catalogue.CategoryCode Category, Time.CategoryClass CategoryClass,
    RequestLocation Location, ResidentContact Contact, string Text, string? TicketNumber = null);
