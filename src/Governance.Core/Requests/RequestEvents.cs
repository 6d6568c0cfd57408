using System.Text.Json.Serialization;
using Governance.Core.Catalogue;
using Governance.Core.Organization;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Requests;

// The facts of a request's life. Every change to a request is one of these, immutable, stamped with the Instant it
// happened and the agency that did it; a request's state is the fold of its events (Request.Replay). They serialise
// with RequestEventJson, raw personal data included: an event log is storage, not an export.

/// <summary>Something that happened to a request. The JSON discriminator is <c>type</c>.</summary>
/// <param name="RequestId">The request it happened to.</param>
/// <param name="At">When it happened.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(RequestReceived), "received")]
[JsonDerivedType(typeof(RequestAccepted), "accepted")]
[JsonDerivedType(typeof(RequestForwarded), "forwarded")]
[JsonDerivedType(typeof(RequestEscalated), "escalated")]
[JsonDerivedType(typeof(RequestExplained), "explained")]
[JsonDerivedType(typeof(RequestAwaitingResident), "awaitingResident")]
[JsonDerivedType(typeof(RequestResumed), "resumed")]
[JsonDerivedType(typeof(RequestResolved), "resolved")]
[JsonDerivedType(typeof(RequestCalledBack), "calledBack")]
[JsonDerivedType(typeof(RequestReopened), "reopened")]
[JsonDerivedType(typeof(RequestRejected), "rejected")]
[JsonDerivedType(typeof(RequestMerged), "merged")]
[JsonDerivedType(typeof(RequestDeadlinePassed), "deadlinePassed")]
[JsonDerivedType(typeof(DepartmentSummoned), "departmentSummoned")]
[JsonDerivedType(typeof(DepartmentReported), "departmentReported")]
[JsonDerivedType(typeof(DepartmentReportMissed), "departmentReportMissed")]
public abstract record RequestEvent(
    [property: JsonPropertyOrder(-2)] RequestId RequestId,
    [property: JsonPropertyOrder(-1)] Instant At)
{
    /// <summary>The lifecycle trigger this event fires; <see langword="null"/> for <see cref="RequestReceived"/>, which starts the lifecycle.</summary>
    [JsonIgnore]
    public RequestTrigger? Trigger => this switch
    {
        RequestAccepted => RequestTrigger.Accept,
        RequestForwarded => RequestTrigger.Forward,
        RequestEscalated => RequestTrigger.Escalate,
        RequestExplained => RequestTrigger.Explain,
        RequestAwaitingResident => RequestTrigger.AwaitResident,
        RequestResumed => RequestTrigger.Resume,
        RequestResolved => RequestTrigger.Resolve,
        RequestCalledBack => RequestTrigger.CallBack,
        RequestReopened => RequestTrigger.Reopen,
        RequestRejected => RequestTrigger.Reject,
        RequestMerged => RequestTrigger.Merge,
        RequestDeadlinePassed => RequestTrigger.DeadlinePassed,
        DepartmentSummoned => RequestTrigger.Summon,
        DepartmentReported => RequestTrigger.Report,
        DepartmentReportMissed => RequestTrigger.ReportMissed,
        _ => null,
    };
}

/// <summary>
/// 受理: the first contact received the request and owns the reply to the resident from now until it is closed
/// (照单全收). <paramref name="Handler"/> is who works on it first (often the owner itself).
/// </summary>
/// <param name="RequestId">The new request's id.</param>
/// <param name="At">When it was received; the deadlines count from here.</param>
/// <param name="Channel">How it arrived.</param>
/// <param name="Category">What it is about.</param>
/// <param name="CategoryClass">The class that sets its resolution limit.</param>
/// <param name="Location">Where it is about.</param>
/// <param name="Contact">How to reach the resident (personal data).</param>
/// <param name="Text">What the resident said.</param>
/// <param name="Owner">The first contact, who owes the resident an answer.</param>
/// <param name="Handler">Who works on it first.</param>
/// <param name="Deadlines">The deadlines set at receipt by the service-level policy.</param>
/// <param name="TicketNumber">The 12345 work-order number, for <see cref="Channel.Hotline12345"/>.</param>
/// <param name="Liaison">
/// The household's party-member liaison (联系党员) for a <see cref="Channel.HouseholdNetwork"/> request, whose community
/// is the owner; <see langword="null"/> on other channels or when the household has no liaison.
/// </param>
public sealed record RequestReceived(
    RequestId RequestId, Instant At, Channel Channel, CategoryCode Category, CategoryClass CategoryClass,
    RequestLocation Location, ResidentContact Contact, string Text, Agency Owner, Agency Handler,
    RequestDeadlines Deadlines, string? TicketNumber = null, PartyMemberId? Liaison = null) : RequestEvent(RequestId, At);

/// <summary>签收: the current handler accepted the request.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="At">When.</param>
/// <param name="By">The handler that accepted.</param>
public sealed record RequestAccepted(RequestId RequestId, Instant At, Agency By) : RequestEvent(RequestId, At);

/// <summary>流转: the handler could not solve it and passed it to the responsible handler; the owner is unchanged.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="At">When.</param>
/// <param name="By">The handler that passed it on (it may not receive it back without a new fact).</param>
/// <param name="To">The new handler.</param>
/// <param name="Reason">Why it was passed on.</param>
public sealed record RequestForwarded(RequestId RequestId, Instant At, Agency By, Agency To, string Reason) : RequestEvent(RequestId, At);

/// <summary>上报 / 吹哨: the handler handed it one level up, or summoned a department; the owner is unchanged.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="At">When.</param>
/// <param name="By">The handler that escalated it.</param>
/// <param name="To">The new handler, one level up.</param>
/// <param name="Reason">Why it was escalated.</param>
public sealed record RequestEscalated(RequestId RequestId, Instant At, Agency By, Agency To, string Reason) : RequestEvent(RequestId, At);

/// <summary>说明原因: the resident was told why it is not solved yet, and by when it will be.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="At">When the resident was told.</param>
/// <param name="By">Who told them: the owner or the handler.</param>
/// <param name="Reason">What they were told.</param>
/// <param name="PromisedBy">The local date by which an outcome was promised.</param>
public sealed record RequestExplained(RequestId RequestId, Instant At, Agency By, string Reason, LocalDate PromisedBy) : RequestEvent(RequestId, At);

/// <summary>The handler is waiting on the resident; the resolution clock stops until <see cref="RequestResumed"/>.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="At">When the wait began.</param>
/// <param name="By">The handler.</param>
/// <param name="Reason">Why it waits.</param>
/// <param name="Note">Details, for example the times the resident was called.</param>
public sealed record RequestAwaitingResident(RequestId RequestId, Instant At, Agency By, PauseReason Reason, string Note) : RequestEvent(RequestId, At);

/// <summary>The resident is back; work resumes with the deadlines moved by the paused time.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="At">When work resumed.</param>
/// <param name="By">The handler.</param>
/// <param name="Note">What changed.</param>
/// <param name="Deadlines">The deadlines after the pause, from the service-level policy.</param>
public sealed record RequestResumed(RequestId RequestId, Instant At, Agency By, string Note, RequestDeadlines Deadlines) : RequestEvent(RequestId, At);

/// <summary>办结: the matter is solved.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="At">When.</param>
/// <param name="By">The handler or the owner.</param>
/// <param name="Summary">What was done.</param>
public sealed record RequestResolved(RequestId RequestId, Instant At, Agency By, string Summary) : RequestEvent(RequestId, At);

/// <summary>回访: the resident was called back and gave their satisfaction; the request is closed.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="At">When.</param>
/// <param name="By">Who called.</param>
/// <param name="Satisfaction">What the resident said.</param>
/// <param name="Comment">The resident's words, if any.</param>
public sealed record RequestCalledBack(RequestId RequestId, Instant At, Agency By, Satisfaction Satisfaction, string Comment) : RequestEvent(RequestId, At);

/// <summary>The resolved request is reopened; new deadlines count from now and earlier refusals no longer bind.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="At">When.</param>
/// <param name="By">Who reopened it.</param>
/// <param name="Reason">Why (the new fact).</param>
/// <param name="Deadlines">The new deadlines, from the service-level policy.</param>
public sealed record RequestReopened(RequestId RequestId, Instant At, Agency By, string Reason, RequestDeadlines Deadlines) : RequestEvent(RequestId, At);

/// <summary>The request is rejected; <paramref name="Explanation"/> is what the resident was told.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="At">When.</param>
/// <param name="By">The handler or the owner.</param>
/// <param name="Reason">Why.</param>
/// <param name="Explanation">What the resident was told.</param>
public sealed record RequestRejected(RequestId RequestId, Instant At, Agency By, RejectionReason Reason, string Explanation) : RequestEvent(RequestId, At);

/// <summary>The request is merged into <paramref name="Into"/>, which carries the matter from now on.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="At">When.</param>
/// <param name="By">Who merged it.</param>
/// <param name="Into">The request that carries on.</param>
public sealed record RequestMerged(RequestId RequestId, Instant At, Agency By, RequestId Into) : RequestEvent(RequestId, At);

/// <summary>A deadline passed while the request was open; recorded by the desk as its clock advances.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="At">When it was recorded (at or after the deadline).</param>
/// <param name="Deadline">Which deadline.</param>
public sealed record RequestDeadlinePassed(RequestId RequestId, Instant At, DeadlineKind Deadline) : RequestEvent(RequestId, At);

/// <summary>吹哨: <paramref name="By"/> summoned a district department to the request; it must report by <paramref name="ReportBy"/>.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="At">When the whistle was blown.</param>
/// <param name="By">The street-level unit (or its office) that blew it.</param>
/// <param name="Department">The department summoned.</param>
/// <param name="ReportBy">When its report is due: <paramref name="At"/> plus the policy's whistle report limit.</param>
/// <param name="Reason">Why the department is needed.</param>
public sealed record DepartmentSummoned(RequestId RequestId, Instant At, Agency By, DistrictDepartmentId Department, Instant ReportBy, string Reason) : RequestEvent(RequestId, At);

/// <summary>报到: a summoned department reported; late when <paramref name="At"/> is after its report limit.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="At">When it reported.</param>
/// <param name="Department">The department.</param>
public sealed record DepartmentReported(RequestId RequestId, Instant At, DistrictDepartmentId Department) : RequestEvent(RequestId, At);

/// <summary>A summoned department's report limit passed without a report; it counts against that department.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="At">When the miss was recorded (at or after the limit).</param>
/// <param name="Department">The department.</param>
public sealed record DepartmentReportMissed(RequestId RequestId, Instant At, DistrictDepartmentId Department) : RequestEvent(RequestId, At);
