using Governance.Core.Ledger;
using Governance.Core.Organization;
using Governance.Core.Requests;
using NodaTime;

namespace Governance.Core.Projects;

// What someone asks to do to a micro-project. MicroProject.Execute decides whether the lifecycle and the rules allow it
// and, if so, turns it into exactly one event; otherwise it throws MicroProjectCommandException and changes nothing.

/// <summary>
/// Proposes a project for the library (<see cref="MicroProject.Propose"/>): title and description required; the cost
/// in yuan more than zero, at most 100,000,000 and to the fen (two decimal places).
/// </summary>
/// <param name="ProjectId">The new project's id.</param>
/// <param name="By">Who proposes it (a community, a subdistrict office…).</param>
/// <param name="At">When.</param>
/// <param name="Title">A short title, for example 口袋公园.</param>
/// <param name="Description">What will be built or done.</param>
/// <param name="Theme">The theme.</param>
/// <param name="Place">The unit it is in (a community, a grid, a building…).</param>
/// <param name="Cost">What it will cost, in yuan.</param>
public sealed record ProposeMicroProject(
    MicroProjectId ProjectId, Agency By, Instant At, string Title, string Description, ProjectTheme Theme, UnitId Place, decimal Cost);

/// <summary>A command to a micro-project: who asks and when (never before the project's last event).</summary>
/// <param name="By">The agency that acts.</param>
/// <param name="At">When.</param>
public abstract record MicroProjectCommand(Agency By, Instant At)
{
    /// <summary>The lifecycle trigger the command fires.</summary>
    public abstract MicroProjectTrigger Trigger { get; }
}

/// <summary>Approves a proposal into the library (立项); <paramref name="Note"/> may be empty.</summary>
/// <param name="By">Who approves.</param>
/// <param name="At">When.</param>
/// <param name="Note">What the approval says.</param>
public sealed record ApproveMicroProject(Agency By, Instant At, string Note = "") : MicroProjectCommand(By, At)
{
    /// <inheritdoc/>
    public override MicroProjectTrigger Trigger => MicroProjectTrigger.Approve;
}

/// <summary>Rejects a proposal; the reason is required.</summary>
/// <param name="By">Who rejects.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why.</param>
public sealed record RejectMicroProject(Agency By, Instant At, string Reason) : MicroProjectCommand(By, At)
{
    /// <inheritdoc/>
    public override MicroProjectTrigger Trigger => MicroProjectTrigger.Reject;
}

/// <summary>
/// Sets the funding plan of an approved project: at least one source, each source once, each amount more than zero and
/// to the fen, summing exactly to the cost.
/// </summary>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
/// <param name="Sources">The sources and their amounts.</param>
public sealed record FundMicroProject(Agency By, Instant At, IReadOnlyList<Funding> Sources) : MicroProjectCommand(By, At)
{
    /// <inheritdoc/>
    public override MicroProjectTrigger Trigger => MicroProjectTrigger.Fund;
}

/// <summary>Starts work on a funded project.</summary>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
public sealed record StartMicroProject(Agency By, Instant At) : MicroProjectCommand(By, At)
{
    /// <inheritdoc/>
    public override MicroProjectTrigger Trigger => MicroProjectTrigger.Start;
}

/// <summary>Notes progress on a project in progress; the note is required.</summary>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
/// <param name="Note">What was done.</param>
public sealed record NoteProjectProgress(Agency By, Instant At, string Note) : MicroProjectCommand(By, At)
{
    /// <inheritdoc/>
    public override MicroProjectTrigger Trigger => MicroProjectTrigger.NoteProgress;
}

/// <summary>Finishes a project in progress (完工); the outcome is required, the actual cost at least zero and to the fen.</summary>
/// <param name="By">Who.</param>
/// <param name="At">When; its local year is the year the project counts towards.</param>
/// <param name="Outcome">What was built or done.</param>
/// <param name="ActualCost">What it cost, in yuan.</param>
public sealed record CompleteMicroProject(Agency By, Instant At, string Outcome, decimal ActualCost) : MicroProjectCommand(By, At)
{
    /// <inheritdoc/>
    public override MicroProjectTrigger Trigger => MicroProjectTrigger.Complete;
}

/// <summary>Records residents' evaluation of a completed project (居民评议); the summary is required.</summary>
/// <param name="By">Who collected it.</param>
/// <param name="At">When.</param>
/// <param name="Rating">How residents rated it.</param>
/// <param name="Summary">What they said.</param>
public sealed record EvaluateMicroProject(Agency By, Instant At, Satisfaction Rating, string Summary) : MicroProjectCommand(By, At)
{
    /// <inheritdoc/>
    public override MicroProjectTrigger Trigger => MicroProjectTrigger.Evaluate;
}

/// <summary>Withdraws a project before completion; the reason is required.</summary>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why.</param>
public sealed record WithdrawMicroProject(Agency By, Instant At, string Reason) : MicroProjectCommand(By, At)
{
    /// <inheritdoc/>
    public override MicroProjectTrigger Trigger => MicroProjectTrigger.Withdraw;
}

/// <summary>Links the project to a ledger item it answers; refused when already linked.</summary>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
/// <param name="Item">The ledger item.</param>
public sealed record AnswerLedgerItem(Agency By, Instant At, LedgerItemId Item) : MicroProjectCommand(By, At)
{
    /// <inheritdoc/>
    public override MicroProjectTrigger Trigger => MicroProjectTrigger.AnswerLedgerItem;
}

/// <summary>Links the project to a hotspot it answers; refused when already linked.</summary>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
/// <param name="Hotspot">The hotspot.</param>
public sealed record AnswerHotspot(Agency By, Instant At, HotspotRef Hotspot) : MicroProjectCommand(By, At)
{
    /// <inheritdoc/>
    public override MicroProjectTrigger Trigger => MicroProjectTrigger.AnswerHotspot;
}

/// <summary>
/// The one exception for a command a micro-project refuses: the lifecycle does not permit it in the project's status,
/// or a rule forbids it (a missing reason, funding that does not add up, time going backwards). The message names the
/// project, its status and the command. When it is thrown the project is unchanged.
/// </summary>
public sealed class MicroProjectCommandException : InvalidOperationException
{
    internal MicroProjectCommandException(MicroProjectId projectId, MicroProjectStatus status, MicroProjectTrigger trigger, string problem)
        : base($"Micro-project {projectId} ({status}) refuses {trigger}: {problem}")
    {
        ProjectId = projectId;
        Status = status;
        Trigger = trigger;
        Problem = problem;
    }

    /// <summary>The project that refused.</summary>
    public MicroProjectId ProjectId { get; }

    /// <summary>Its status when it refused.</summary>
    public MicroProjectStatus Status { get; }

    /// <summary>The trigger of the refused command.</summary>
    public MicroProjectTrigger Trigger { get; }

    /// <summary>Why, in words: for example "the lifecycle permits nothing in Evaluated".</summary>
    public string Problem { get; }
}
