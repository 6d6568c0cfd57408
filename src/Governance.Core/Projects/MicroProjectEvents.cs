using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Governance.Core.Ledger;
using Governance.Core.Organization;
using Governance.Core.Requests;
using NodaTime;

namespace Governance.Core.Projects;

// The facts of a micro-project's life. Every change is one of these, immutable, stamped with the Instant it happened
// and the agency that did it; a project's state is the fold of its events (MicroProject.Replay). They serialise with
// MicroProjectEventJson.

/// <summary>Something that happened to a micro-project. The JSON discriminator is <c>type</c>.</summary>
/// <param name="ProjectId">The project it happened to.</param>
/// <param name="At">When it happened.</param>
/// <param name="By">Who did it.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(MicroProjectProposed), "proposed")]
[JsonDerivedType(typeof(MicroProjectApproved), "approved")]
[JsonDerivedType(typeof(MicroProjectRejected), "rejected")]
[JsonDerivedType(typeof(MicroProjectFunded), "funded")]
[JsonDerivedType(typeof(MicroProjectStarted), "started")]
[JsonDerivedType(typeof(ProjectProgressNoted), "progressNoted")]
[JsonDerivedType(typeof(MicroProjectCompleted), "completed")]
[JsonDerivedType(typeof(MicroProjectEvaluated), "evaluated")]
[JsonDerivedType(typeof(MicroProjectWithdrawn), "withdrawn")]
[JsonDerivedType(typeof(LedgerItemAnswered), "ledgerItemAnswered")]
[JsonDerivedType(typeof(HotspotAnswered), "hotspotAnswered")]
public abstract record MicroProjectEvent(
    [property: JsonPropertyOrder(-3)] MicroProjectId ProjectId,
    [property: JsonPropertyOrder(-2)] Instant At,
    [property: JsonPropertyOrder(-1)] Agency By)
{
    /// <summary>The lifecycle trigger this event fires; <see langword="null"/> for <see cref="MicroProjectProposed"/>, which starts the lifecycle.</summary>
    [JsonIgnore]
    public MicroProjectTrigger? Trigger => this switch
    {
        MicroProjectApproved => MicroProjectTrigger.Approve,
        MicroProjectRejected => MicroProjectTrigger.Reject,
        MicroProjectFunded => MicroProjectTrigger.Fund,
        MicroProjectStarted => MicroProjectTrigger.Start,
        ProjectProgressNoted => MicroProjectTrigger.NoteProgress,
        MicroProjectCompleted => MicroProjectTrigger.Complete,
        MicroProjectEvaluated => MicroProjectTrigger.Evaluate,
        MicroProjectWithdrawn => MicroProjectTrigger.Withdraw,
        LedgerItemAnswered => MicroProjectTrigger.AnswerLedgerItem,
        HotspotAnswered => MicroProjectTrigger.AnswerHotspot,
        _ => null,
    };
}

/// <summary>申报: a project proposed for the library. It starts <see cref="MicroProjectStatus.Proposed"/>.</summary>
/// <param name="ProjectId">The new project's id.</param>
/// <param name="At">When.</param>
/// <param name="By">Who proposed it.</param>
/// <param name="Title">A short title.</param>
/// <param name="Description">What will be built or done.</param>
/// <param name="Theme">The theme.</param>
/// <param name="Place">The unit it is in.</param>
/// <param name="Cost">The cost in yuan.</param>
public sealed record MicroProjectProposed(
    MicroProjectId ProjectId, Instant At, Agency By, string Title, string Description, ProjectTheme Theme, UnitId Place, decimal Cost)
    : MicroProjectEvent(ProjectId, At, By);

/// <summary>立项: approved into the library.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Note">What the approval says; may be empty.</param>
public sealed record MicroProjectApproved(MicroProjectId ProjectId, Instant At, Agency By, string Note) : MicroProjectEvent(ProjectId, At, By);

/// <summary>Not approved. Terminal.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Reason">Why.</param>
public sealed record MicroProjectRejected(MicroProjectId ProjectId, Instant At, Agency By, string Reason) : MicroProjectEvent(ProjectId, At, By);

/// <summary>The funding plan: sources, each once, summing exactly to the cost. Equal when the sources are equal in order.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Sources">The sources and their amounts.</param>
public sealed record MicroProjectFunded(MicroProjectId ProjectId, Instant At, Agency By, ImmutableArray<Funding> Sources) : MicroProjectEvent(ProjectId, At, By)
{
    /// <summary>True when every field is equal, the sources element by element.</summary>
    public bool Equals(MicroProjectFunded? other) =>
        other is not null && base.Equals(other) && Sources.SequenceEqual(other.Sources);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Sources.Length);
}

/// <summary>实施: work started.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record MicroProjectStarted(MicroProjectId ProjectId, Instant At, Agency By) : MicroProjectEvent(ProjectId, At, By);

/// <summary>Progress noted.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Note">What was done.</param>
public sealed record ProjectProgressNoted(MicroProjectId ProjectId, Instant At, Agency By, string Note) : MicroProjectEvent(ProjectId, At, By);

/// <summary>完工: work finished; the project counts towards the target of this event's local year.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Outcome">What was built or done.</param>
/// <param name="ActualCost">What it cost, in yuan.</param>
public sealed record MicroProjectCompleted(MicroProjectId ProjectId, Instant At, Agency By, string Outcome, decimal ActualCost) : MicroProjectEvent(ProjectId, At, By);

/// <summary>评议: residents evaluated the finished project. Terminal.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="At">When.</param>
/// <param name="By">Who collected it.</param>
/// <param name="Rating">How residents rated it.</param>
/// <param name="Summary">What they said.</param>
public sealed record MicroProjectEvaluated(MicroProjectId ProjectId, Instant At, Agency By, Satisfaction Rating, string Summary) : MicroProjectEvent(ProjectId, At, By);

/// <summary>Withdrawn before completion. Terminal.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Reason">Why.</param>
public sealed record MicroProjectWithdrawn(MicroProjectId ProjectId, Instant At, Agency By, string Reason) : MicroProjectEvent(ProjectId, At, By);

/// <summary>The project was linked to a ledger item it answers.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Item">The ledger item.</param>
public sealed record LedgerItemAnswered(MicroProjectId ProjectId, Instant At, Agency By, LedgerItemId Item) : MicroProjectEvent(ProjectId, At, By);

/// <summary>The project was linked to a hotspot it answers.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Hotspot">The hotspot.</param>
public sealed record HotspotAnswered(MicroProjectId ProjectId, Instant At, Agency By, HotspotRef Hotspot) : MicroProjectEvent(ProjectId, At, By);
