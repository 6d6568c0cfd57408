namespace Governance.Core.Requests;

/// <summary>
/// The lifecycle compiled into a flat table once, by firing every trigger in every status on a machine configured
/// with <see cref="RequestLifecycle"/>'s declaration: so the engine's hot path is one array read, and the table
/// cannot disagree with the declaration (a property test checks every cell against Stateless as well).
/// </summary>
internal static class RequestTransitionTable
{
    private const byte Refused = byte.MaxValue;
    private static readonly int TriggerCount = Enum.GetValues<RequestTrigger>().Length;
    private static readonly byte[] Next = Compile();

    public static bool TryNext(RequestStatus status, RequestTrigger trigger, out RequestStatus next)
    {
        var cell = (uint)status * (uint)TriggerCount + (uint)trigger;
        if (cell < (uint)Next.Length && (uint)trigger < (uint)TriggerCount && Next[cell] != Refused)
        {
            next = (RequestStatus)Next[cell];
            return true;
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
