using System.Text.Json.Serialization;
using Governance.Core.Catalogue;
using Governance.Core.Organization;
using Governance.Core.Requests;
using NodaTime;

namespace Governance.Core.Ledger;

// The facts of a ledger item's life. Every change is one of these, immutable, stamped with the Instant it happened
// and the agency that did it; an item's state is the fold of its events (LedgerItem.Replay). They serialise with
// LedgerEventJson. They carry no residents' personal data: the responsible person is a staff id, whose name and
// work phone are the public contacts of the chart.

/// <summary>Something that happened to a ledger item. The JSON discriminator is <c>type</c>.</summary>
/// <param name="ItemId">The item it happened to.</param>
/// <param name="At">When it happened.</param>
/// <param name="By">Who did it: the unit, office or department that keeps or works on the item.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(LedgerItemOpened), "opened")]
[JsonDerivedType(typeof(LedgerItemProposed), "proposed")]
[JsonDerivedType(typeof(LedgerItemAccepted), "accepted")]
[JsonDerivedType(typeof(MeasureAdded), "measureAdded")]
[JsonDerivedType(typeof(ProgressNoted), "progressNoted")]
[JsonDerivedType(typeof(RequestLinked), "requestLinked")]
[JsonDerivedType(typeof(ResponsibleAssigned), "responsibleAssigned")]
[JsonDerivedType(typeof(DeadlineMoved), "deadlineMoved")]
[JsonDerivedType(typeof(LedgerItemReplied), "replied")]
[JsonDerivedType(typeof(LedgerItemCompleted), "completed")]
[JsonDerivedType(typeof(LedgerItemDropped), "dropped")]
public abstract record LedgerEvent(
    [property: JsonPropertyOrder(-3)] LedgerItemId ItemId,
    [property: JsonPropertyOrder(-2)] Instant At,
    [property: JsonPropertyOrder(-1)] Agency By)
{
    /// <summary>The lifecycle trigger this event fires; <see langword="null"/> for <see cref="LedgerItemOpened"/> and <see cref="LedgerItemProposed"/>, which start the lifecycle.</summary>
    [JsonIgnore]
    public LedgerTrigger? Trigger => this switch
    {
        LedgerItemAccepted => LedgerTrigger.Accept,
        MeasureAdded => LedgerTrigger.AddMeasure,
        ProgressNoted => LedgerTrigger.NoteProgress,
        RequestLinked => LedgerTrigger.LinkRequest,
        ResponsibleAssigned => LedgerTrigger.AssignResponsible,
        DeadlineMoved => LedgerTrigger.MoveDeadline,
        LedgerItemReplied => LedgerTrigger.Reply,
        LedgerItemCompleted => LedgerTrigger.Complete,
        LedgerItemDropped => LedgerTrigger.Drop,
        _ => null,
    };
}

/// <summary>
/// 建立台账: a concern recorded straight onto the ledger with a first measure, a responsible person and a deadline
/// (明确解决措施、责任人、完成时限). The item starts <see cref="LedgerItemStatus.Open"/>.
/// </summary>
/// <param name="ItemId">The new item's id.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">The agency that keeps it on its ledger.</param>
/// <param name="Class">急难愁盼: urgent, difficult, worrying or longed-for.</param>
/// <param name="Category">What it is about, in the catalogue's codes.</param>
/// <param name="Location">Where: a unit and, when it concerns one home, the household.</param>
/// <param name="Title">A short title.</param>
/// <param name="Description">What residents raised.</param>
/// <param name="Origin">How it came onto the ledger.</param>
/// <param name="Basis">What it rests on, for a proactive item the analysis's finding; may be empty.</param>
/// <param name="Measure">The first measure (措施).</param>
/// <param name="Responsible">The responsible person (责任人), a staff member of the chart.</param>
/// <param name="Deadline">The local date by which the outcome is due (完成时限), inclusive.</param>
/// <param name="Request">The resident's request it came from, for <see cref="LedgerOrigin.Request"/>; otherwise usually none.</param>
public sealed record LedgerItemOpened(
    LedgerItemId ItemId, Instant At, Agency By, ConcernClass Class, CategoryCode Category, RequestLocation Location,
    string Title, string Description, LedgerOrigin Origin, string Basis, string Measure,
    StaffId Responsible, LocalDate Deadline, RequestId? Request = null) : LedgerEvent(ItemId, At, By);

/// <summary>
/// A concern proposed for the ledger, by staff or by the proactive-handling analysis (未诉先办), awaiting acceptance.
/// The item starts <see cref="LedgerItemStatus.Proposed"/>.
/// </summary>
/// <param name="ItemId">The new item's id.</param>
/// <param name="At">When it was proposed.</param>
/// <param name="By">The agency whose ledger it is proposed for.</param>
/// <param name="Class">急难愁盼: urgent, difficult, worrying or longed-for.</param>
/// <param name="Category">What it is about.</param>
/// <param name="Location">Where.</param>
/// <param name="Title">A short title.</param>
/// <param name="Description">What the concern is.</param>
/// <param name="Origin">Who proposes it: <see cref="LedgerOrigin.Proactive"/> for the analysis.</param>
/// <param name="Basis">What the proposal rests on (for example "12 requests about street lights in 30 days"); may be empty.</param>
/// <param name="Request">The resident's request it came from, for <see cref="LedgerOrigin.Request"/>.</param>
public sealed record LedgerItemProposed(
    LedgerItemId ItemId, Instant At, Agency By, ConcernClass Class, CategoryCode Category, RequestLocation Location,
    string Title, string Description, LedgerOrigin Origin, string Basis, RequestId? Request = null) : LedgerEvent(ItemId, At, By);

/// <summary>A proposed item accepted onto the ledger with its first measure, responsible person and deadline.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="At">When.</param>
/// <param name="By">Who accepted it.</param>
/// <param name="Measure">The first measure.</param>
/// <param name="Responsible">The responsible person.</param>
/// <param name="Deadline">The local date by which the outcome is due, inclusive.</param>
public sealed record LedgerItemAccepted(LedgerItemId ItemId, Instant At, Agency By, string Measure, StaffId Responsible, LocalDate Deadline)
    : LedgerEvent(ItemId, At, By);

/// <summary>A measure (措施) added to the plan.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Measure">The measure.</param>
public sealed record MeasureAdded(LedgerItemId ItemId, Instant At, Agency By, string Measure) : LedgerEvent(ItemId, At, By);

/// <summary>Progress noted (进展); the first note moves an open item to in progress.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Note">What was done.</param>
public sealed record ProgressNoted(LedgerItemId ItemId, Instant At, Agency By, string Note) : LedgerEvent(ItemId, At, By);

/// <summary>A resident's request linked to the item (the same concern, raised again or elsewhere).</summary>
/// <param name="ItemId">The item.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Request">The request.</param>
public sealed record RequestLinked(LedgerItemId ItemId, Instant At, Agency By, RequestId Request) : LedgerEvent(ItemId, At, By);

/// <summary>Another staff member became the responsible person.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Responsible">The new responsible person.</param>
/// <param name="Reason">Why.</param>
public sealed record ResponsibleAssigned(LedgerItemId ItemId, Instant At, Agency By, StaffId Responsible, string Reason) : LedgerEvent(ItemId, At, By);

/// <summary>The deadline was moved; an overdue item stops being overdue only this way or by an outcome.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Deadline">The new deadline, inclusive.</param>
/// <param name="Reason">Why.</param>
public sealed record DeadlineMoved(LedgerItemId ItemId, Instant At, Agency By, LocalDate Deadline, string Reason) : LedgerEvent(ItemId, At, By);

/// <summary>答复: residents were given a reply (事事有回音).</summary>
/// <param name="ItemId">The item.</param>
/// <param name="At">When.</param>
/// <param name="By">Who replied.</param>
/// <param name="Reply">What residents were told.</param>
public sealed record LedgerItemReplied(LedgerItemId ItemId, Instant At, Agency By, string Reply) : LedgerEvent(ItemId, At, By);

/// <summary>结果: the outcome, recorded after the reply (件件有着落). Terminal.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Outcome">What came of it.</param>
public sealed record LedgerItemCompleted(LedgerItemId ItemId, Instant At, Agency By, string Outcome) : LedgerEvent(ItemId, At, By);

/// <summary>The item was dropped; <paramref name="Reason"/> is what residents are told, and stands as the reply (when none was given) and the outcome. Terminal.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Reason">Why, as told to residents.</param>
public sealed record LedgerItemDropped(LedgerItemId ItemId, Instant At, Agency By, string Reason) : LedgerEvent(ItemId, At, By);
