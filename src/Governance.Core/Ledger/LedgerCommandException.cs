namespace Governance.Core.Ledger;

/// <summary>
/// The one exception for a command a ledger item refuses: the lifecycle does not permit it in the item's status, or a
/// rule forbids it (a missing reason, a deadline in the past, time going backwards). The message names the item, its
/// status and the command. When it is thrown the item is unchanged.
/// </summary>
public sealed class LedgerCommandException : InvalidOperationException
{
    internal LedgerCommandException(LedgerItemId itemId, LedgerItemStatus status, LedgerTrigger trigger, string problem)
        : base($"Ledger item {itemId} ({status}) refuses {trigger}: {problem}")
    {
        ItemId = itemId;
        Status = status;
        Trigger = trigger;
        Problem = problem;
    }

    /// <summary>The item that refused.</summary>
    public LedgerItemId ItemId { get; }

    /// <summary>Its status when it refused.</summary>
    public LedgerItemStatus Status { get; }

    /// <summary>The trigger of the refused command.</summary>
    public LedgerTrigger Trigger { get; }

    /// <summary>Why, in words: for example "the lifecycle permits nothing in Completed".</summary>
    public string Problem { get; }
}
