namespace Governance.Core.Ledger;

/// <summary>
/// The ledger lifecycle compiled into a flat table once, by firing every trigger in every status on a machine
/// configured with <see cref="LedgerLifecycle"/>'s declaration: one array read per command, and the table cannot
/// disagree with the declaration (a test checks every cell against Stateless as well).
/// </summary>
internal static class LedgerTransitionTable
{
    private const byte Refused = byte.MaxValue;
    private static readonly int StatusCount = Enum.GetValues<LedgerItemStatus>().Length;
    private static readonly int TriggerCount = Enum.GetValues<LedgerTrigger>().Length;
    private static readonly byte[] Next = Compile();

    public static bool TryNext(LedgerItemStatus status, LedgerTrigger trigger, out LedgerItemStatus next)
    {
        // Both bounds are checked before multiplying, so an undefined value never lands on another status's row.
        if ((uint)status < (uint)StatusCount && (uint)trigger < (uint)TriggerCount)
        {
            var cell = Next[((int)status * TriggerCount) + (int)trigger];
            if (cell != Refused)
            {
                next = (LedgerItemStatus)cell;
                return true;
            }
        }

        next = status;
        return false;
    }

    private static byte[] Compile()
    {
        var statuses = Enum.GetValues<LedgerItemStatus>();
        var triggers = Enum.GetValues<LedgerTrigger>();
        var table = new byte[statuses.Length * triggers.Length];
        Array.Fill(table, Refused);
        foreach (var status in statuses)
        {
            if (status == LedgerItemStatus.OnLedger)
            {
                continue; // the superstate is never an item's own status
            }

            foreach (var trigger in triggers)
            {
                var machine = LedgerLifecycle.CreateMachine(status);
                if (machine.CanFire(trigger))
                {
                    machine.Fire(trigger);
                    table[((int)status * triggers.Length) + (int)trigger] = (byte)machine.State;
                }
            }
        }

        return table;
    }
}
