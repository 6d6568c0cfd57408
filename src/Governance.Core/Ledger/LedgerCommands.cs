using Governance.Core.Catalogue;
using Governance.Core.Organization;
using Governance.Core.Requests;
using NodaTime;

namespace Governance.Core.Ledger;

// What someone asks to do to a ledger item. LedgerItem.Execute decides whether the lifecycle and the rules allow it
// and, if so, turns it into exactly one event; otherwise it throws LedgerCommandException and changes nothing.

/// <summary>
/// Records a concern straight onto the ledger (<see cref="LedgerItem.Open"/>). Every text but
/// <paramref name="Basis"/> is required; <paramref name="Deadline"/> may not be before the local date of
/// <paramref name="At"/>; <see cref="LedgerOrigin.Request"/> needs <paramref name="Request"/>.
/// </summary>
/// <param name="ItemId">The new item's id.</param>
/// <param name="By">The agency that keeps it on its ledger.</param>
/// <param name="At">When.</param>
/// <param name="Class">急难愁盼 class.</param>
/// <param name="Category">What it is about.</param>
/// <param name="Location">Where.</param>
/// <param name="Title">A short title.</param>
/// <param name="Description">What residents raised.</param>
/// <param name="Measure">The first measure.</param>
/// <param name="Responsible">The responsible person.</param>
/// <param name="Deadline">The deadline, inclusive.</param>
/// <param name="Origin">How it came onto the ledger.</param>
/// <param name="Basis">What it rests on; optional.</param>
/// <param name="Request">The request it came from, if any.</param>
public sealed record OpenLedgerItem(
    LedgerItemId ItemId, Agency By, Instant At, ConcernClass Class, CategoryCode Category, RequestLocation Location,
    string Title, string Description, string Measure, StaffId Responsible, LocalDate Deadline,
    LedgerOrigin Origin = LedgerOrigin.Collected, string? Basis = null, RequestId? Request = null);

/// <summary>
/// Proposes a concern for the ledger (<see cref="LedgerItem.Propose"/>); the proactive-handling analysis proposes with
/// <see cref="LedgerOrigin.Proactive"/> and its finding as <paramref name="Basis"/>. Title and description are required;
/// <see cref="LedgerOrigin.Request"/> needs <paramref name="Request"/>.
/// </summary>
/// <param name="ItemId">The new item's id.</param>
/// <param name="By">The agency whose ledger it is proposed for.</param>
/// <param name="At">When.</param>
/// <param name="Class">急难愁盼 class.</param>
/// <param name="Category">What it is about.</param>
/// <param name="Location">Where.</param>
/// <param name="Title">A short title.</param>
/// <param name="Description">What the concern is.</param>
/// <param name="Origin">Who proposes it.</param>
/// <param name="Basis">What the proposal rests on; optional.</param>
/// <param name="Request">The request it came from, if any.</param>
public sealed record ProposeLedgerItem(
    LedgerItemId ItemId, Agency By, Instant At, ConcernClass Class, CategoryCode Category, RequestLocation Location,
    string Title, string Description, LedgerOrigin Origin = LedgerOrigin.Proactive, string? Basis = null, RequestId? Request = null);

/// <summary>A command to a ledger item: who asks and when (never before the item's last event).</summary>
/// <param name="By">The agency that acts.</param>
/// <param name="At">When.</param>
public abstract record LedgerCommand(Agency By, Instant At)
{
    /// <summary>The lifecycle trigger the command fires.</summary>
    public abstract LedgerTrigger Trigger { get; }
}

/// <summary>Accepts a proposed item onto the ledger; the deadline may not be before the local date of <paramref name="At"/>.</summary>
/// <param name="By">Who accepts.</param>
/// <param name="At">When.</param>
/// <param name="Measure">The first measure; required.</param>
/// <param name="Responsible">The responsible person.</param>
/// <param name="Deadline">The deadline, inclusive.</param>
public sealed record AcceptLedgerItem(Agency By, Instant At, string Measure, StaffId Responsible, LocalDate Deadline) : LedgerCommand(By, At)
{
    /// <inheritdoc/>
    public override LedgerTrigger Trigger => LedgerTrigger.Accept;
}

/// <summary>Adds a measure; refused when the item already lists the same measure.</summary>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
/// <param name="Measure">The measure; required.</param>
public sealed record AddMeasure(Agency By, Instant At, string Measure) : LedgerCommand(By, At)
{
    /// <inheritdoc/>
    public override LedgerTrigger Trigger => LedgerTrigger.AddMeasure;
}

/// <summary>Notes progress.</summary>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
/// <param name="Note">What was done; required.</param>
public sealed record NoteProgress(Agency By, Instant At, string Note) : LedgerCommand(By, At)
{
    /// <inheritdoc/>
    public override LedgerTrigger Trigger => LedgerTrigger.NoteProgress;
}

/// <summary>Links a resident's request; refused when it is already linked.</summary>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
/// <param name="Request">The request.</param>
public sealed record LinkRequest(Agency By, Instant At, RequestId Request) : LedgerCommand(By, At)
{
    /// <inheritdoc/>
    public override LedgerTrigger Trigger => LedgerTrigger.LinkRequest;
}

/// <summary>Makes another staff member responsible; refused when it is the same person or there is no reason.</summary>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
/// <param name="Responsible">The new responsible person.</param>
/// <param name="Reason">Why; required.</param>
public sealed record AssignResponsible(Agency By, Instant At, StaffId Responsible, string Reason) : LedgerCommand(By, At)
{
    /// <inheritdoc/>
    public override LedgerTrigger Trigger => LedgerTrigger.AssignResponsible;
}

/// <summary>Moves the deadline; refused when it is unchanged, before the local date of <paramref name="At"/>, or there is no reason.</summary>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
/// <param name="Deadline">The new deadline, inclusive.</param>
/// <param name="Reason">Why; required.</param>
public sealed record MoveDeadline(Agency By, Instant At, LocalDate Deadline, string Reason) : LedgerCommand(By, At)
{
    /// <inheritdoc/>
    public override LedgerTrigger Trigger => LedgerTrigger.MoveDeadline;
}

/// <summary>Replies to residents (答复).</summary>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
/// <param name="Reply">What residents are told; required.</param>
public sealed record ReplyToResidents(Agency By, Instant At, string Reply) : LedgerCommand(By, At)
{
    /// <inheritdoc/>
    public override LedgerTrigger Trigger => LedgerTrigger.Reply;
}

/// <summary>Records the outcome (结果); only after the reply.</summary>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
/// <param name="Outcome">What came of it; required.</param>
public sealed record CompleteLedgerItem(Agency By, Instant At, string Outcome) : LedgerCommand(By, At)
{
    /// <inheritdoc/>
    public override LedgerTrigger Trigger => LedgerTrigger.Complete;
}

/// <summary>Drops the item; the reason is what residents are told.</summary>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why; required.</param>
public sealed record DropLedgerItem(Agency By, Instant At, string Reason) : LedgerCommand(By, At)
{
    /// <inheritdoc/>
    public override LedgerTrigger Trigger => LedgerTrigger.Drop;
}
