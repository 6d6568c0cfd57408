using Governance.Core.Catalogue;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Desk;

/// <summary>One command in a batch for <see cref="RequestDesk.ExecuteBatch"/>: the request it is for and the command.</summary>
/// <param name="RequestId">The open request.</param>
/// <param name="Command">What to do; its <see cref="RequestCommand.At"/> says when.</param>
public readonly record struct DeskCommand(RequestId RequestId, RequestCommand Command);

/// <summary>An item of a batch that was refused; it changed nothing, and the rest of the batch went ahead.</summary>
/// <param name="Index">Its position in the batch.</param>
/// <param name="RequestId">The request it named.</param>
/// <param name="Problem">What was wrong, naming the request, its state and the command where they apply.</param>
/// <param name="Exception">The exception a single call would have thrown.</param>
public sealed record DeskFailure(int Index, RequestId RequestId, string Problem, Exception Exception);

/// <summary>What a batch did: how many items went through and which were refused.</summary>
/// <param name="Count">Items in the batch.</param>
/// <param name="Failures">The refused items, in batch order; empty when all went through.</param>
/// <param name="Events">
/// How many events the batch produced (including timer events caught up before a command): the events the same items
/// one by one would have produced, whether or not the desk has a sink. A desk without one does not make the receipt
/// objects of a submit batch, since nothing would keep them, but counts them all the same.
/// </param>
public sealed record DeskBatchResult(int Count, IReadOnlyList<DeskFailure> Failures, int Events)
{
    /// <summary>Items that went through.</summary>
    public int Succeeded => Count - Failures.Count;
}

/// <summary>
/// What the desk knows of one open request: a read-only copy, taken under the desk's lock, that later commands do not
/// change. Personal data (the contact) is not in it.
/// </summary>
/// <param name="Id">The request.</param>
/// <param name="Channel">How it arrived.</param>
/// <param name="Category">What it is about (the triage category when routing matched nothing).</param>
/// <param name="CategoryClass">The class that sets its resolution limit.</param>
/// <param name="Location">Where it is about.</param>
/// <param name="Owner">The first contact, who owes the resident an answer (首接负责).</param>
/// <param name="Handler">Who works on it now.</param>
/// <param name="HandlerAccepted">
/// True once <paramref name="Handler"/> has accepted it; false again after each forward, escalation or reopen. An
/// explained request may or may not have been accepted, so its status alone does not say whether the handler still owes
/// an accept.
/// </param>
/// <param name="Status">Where it stands.</param>
/// <param name="ReceivedAt">When it was received.</param>
/// <param name="Deadlines">The deadlines in force.</param>
/// <param name="AnsweredAt">When the resident first had an answer since receipt or the last reopen.</param>
/// <param name="Escalations">How many times it was escalated (by hand or automatically).</param>
/// <param name="PendingReports">District departments summoned by a whistle that have not reported yet.</param>
public sealed record DeskRequest(
    RequestId Id, Channel Channel, CategoryCode Category, CategoryClass CategoryClass, RequestLocation Location,
    Agency Owner, Agency Handler, bool HandlerAccepted, RequestStatus Status, Instant ReceivedAt, RequestDeadlines Deadlines, Instant? AnsweredAt,
    int Escalations, IReadOnlyList<DistrictDepartmentId> PendingReports)
{
    internal static DeskRequest Of(ref RequestState r)
    {
        List<DistrictDepartmentId>? pending = null;
        foreach (var s in r.Summons)
        {
            if (s.ReportedAt is null)
            {
                (pending ??= []).Add(s.Department);
            }
        }

        return new DeskRequest(r.Id, r.Channel, r.Category, r.CategoryClass, r.Location, r.Owner, r.Handler, r.HandlerAccepted, r.Status,
            r.ReceivedAt, r.Deadlines, r.AnsweredAt, r.Escalations, (IReadOnlyList<DistrictDepartmentId>?)pending ?? []);
    }
}

/// <summary>
/// Which open requests <see cref="RequestDesk.Query"/> returns: every condition set must hold; an empty query returns
/// every open request.
/// </summary>
public sealed record DeskQuery
{
    /// <summary>Requests located at this unit or anywhere below it.</summary>
    public UnitId? Unit { get; init; }

    /// <summary>Requests whose current handler is this agency.</summary>
    public Agency? Handler { get; init; }

    /// <summary>Requests owned (first heard) by this agency.</summary>
    public Agency? Owner { get; init; }

    /// <summary>Requests in this status.</summary>
    public RequestStatus? Status { get; init; }
}
