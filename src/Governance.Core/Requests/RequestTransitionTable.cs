namespace Governance.Core.Requests;

/// <summary>
/// The lifecycle compiled into a flat table once, by firing every trigger in every status on a machine configured
/// with <see cref="RequestLifecycle"/>'s declaration: so the engine's hot path is one array read, and the table
/// cannot disagree with the declaration (a property test checks every cell against Stateless as well).
/// </summary>
internal static class RequestTransitionTable
{
    private const byte Refused = byte.MaxValue;
    private static readonly int StatusCount = Enum.GetValues<RequestStatus>().Length;
    private static readonly int TriggerCount = Enum.GetValues<RequestTrigger>().Length;
    private static readonly byte[] Next = Compile();

    public static bool TryNext(RequestStatus status, RequestTrigger trigger, out RequestStatus next)
    {
        // Both bounds are checked before multiplying: a huge undefined status would otherwise wrap around in 32 bits
        // and land on another status's row.
        if ((uint)status < (uint)StatusCount && (uint)trigger < (uint)TriggerCount)
        {
            var cell = Next[((int)status * TriggerCount) + (int)trigger];
            if (cell != Refused)
            {
                next = (RequestStatus)cell;
                return true;
            }
        }

        next = status;
        return false;
    }

    private static byte[] Compile()
    {
        var statuses = Enum.GetValues<RequestStatus>();
        var triggers = Enum.GetValues<RequestTrigger>();
        var table = new byte[statuses.Length * triggers.Length];
        Array.Fill(table, Refused);
        foreach (var status in statuses)
        {
            if (status == RequestStatus.Open)
            {
                continue; // the superstate is never a request's own status
            }

            foreach (var trigger in triggers)
            {
                var machine = RequestLifecycle.CreateMachine(status);
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
