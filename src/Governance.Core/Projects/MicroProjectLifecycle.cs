using Stateless;
using Stateless.Graph;

namespace Governance.Core.Projects;

/// <summary>
/// The micro-project lifecycle, declared once with Stateless and read as a table. Everything else — the transition
/// table projects run on, <see cref="CanFire"/>, the diagrams in <c>docs/project-lifecycle.*</c> — is derived from it.
/// </summary>
/// <remarks>
/// The path is proposed → approved → funded → in progress → completed → evaluated, one step at a time: no project is
/// funded before it is approved, started before its whole cost is funded, or evaluated before it is completed. Until
/// it is completed (<see cref="MicroProjectStatus.Active"/>) a project may be withdrawn with a reason and linked to the
/// ledger items and hotspots it answers; a proposal may be rejected. <see cref="MicroProjectStatus.Evaluated"/>,
/// <see cref="MicroProjectStatus.Rejected"/> and <see cref="MicroProjectStatus.Withdrawn"/> permit nothing.
/// </remarks>
public static class MicroProjectLifecycle
{
    /// <summary>The declaration. Read it top to bottom: each line is one permitted move.</summary>
    private static void Declare(StateMachine<MicroProjectStatus, MicroProjectTrigger> machine)
    {
        machine.Configure(MicroProjectStatus.Active)
            .Permit(MicroProjectTrigger.Withdraw, MicroProjectStatus.Withdrawn)
            .InternalTransition(MicroProjectTrigger.AnswerLedgerItem, static _ => { })
            .InternalTransition(MicroProjectTrigger.AnswerHotspot, static _ => { });

        machine.Configure(MicroProjectStatus.Proposed).SubstateOf(MicroProjectStatus.Active)
            .Permit(MicroProjectTrigger.Approve, MicroProjectStatus.Approved)
            .Permit(MicroProjectTrigger.Reject, MicroProjectStatus.Rejected);

        machine.Configure(MicroProjectStatus.Approved).SubstateOf(MicroProjectStatus.Active)
            .Permit(MicroProjectTrigger.Fund, MicroProjectStatus.Funded);

        machine.Configure(MicroProjectStatus.Funded).SubstateOf(MicroProjectStatus.Active)
            .Permit(MicroProjectTrigger.Start, MicroProjectStatus.InProgress);

        machine.Configure(MicroProjectStatus.InProgress).SubstateOf(MicroProjectStatus.Active)
            .InternalTransition(MicroProjectTrigger.NoteProgress, static _ => { })
            .Permit(MicroProjectTrigger.Complete, MicroProjectStatus.Completed);

        machine.Configure(MicroProjectStatus.Completed)
            .Permit(MicroProjectTrigger.Evaluate, MicroProjectStatus.Evaluated);

        machine.Configure(MicroProjectStatus.Evaluated);
        machine.Configure(MicroProjectStatus.Rejected);
        machine.Configure(MicroProjectStatus.Withdrawn);
    }

    /// <summary>True when <paramref name="trigger"/> is permitted in <paramref name="status"/>. Constant time, allocates nothing.</summary>
    public static bool CanFire(MicroProjectStatus status, MicroProjectTrigger trigger) => MicroProjectTransitionTable.TryNext(status, trigger, out _);

    /// <summary>
    /// The status after <paramref name="trigger"/> fires in <paramref name="status"/>; false when the lifecycle does not
    /// permit it. Constant time, allocates nothing.
    /// </summary>
    public static bool TryGetNext(MicroProjectStatus status, MicroProjectTrigger trigger, out MicroProjectStatus next) =>
        MicroProjectTransitionTable.TryNext(status, trigger, out next);

    /// <summary>True for <see cref="MicroProjectStatus.Evaluated"/>, <see cref="MicroProjectStatus.Rejected"/> and <see cref="MicroProjectStatus.Withdrawn"/>.</summary>
    public static bool IsTerminal(MicroProjectStatus status) =>
        status is MicroProjectStatus.Evaluated or MicroProjectStatus.Rejected or MicroProjectStatus.Withdrawn;

    /// <summary>True for <see cref="MicroProjectStatus.Completed"/> and <see cref="MicroProjectStatus.Evaluated"/>: the project was implemented.</summary>
    public static bool IsImplemented(MicroProjectStatus status) => status is MicroProjectStatus.Completed or MicroProjectStatus.Evaluated;

    /// <summary>The triggers permitted in <paramref name="status"/>, in declaration order of <see cref="MicroProjectTrigger"/>.</summary>
    public static IReadOnlyList<MicroProjectTrigger> PermittedTriggers(MicroProjectStatus status) =>
        [.. Enum.GetValues<MicroProjectTrigger>().Where(t => CanFire(status, t))];

    /// <summary>The lifecycle as a Graphviz DOT graph (what <c>docs/project-lifecycle.dot</c> holds).</summary>
    public static string ToDotGraph() => UmlDotGraph.Format(CreateMachine(MicroProjectStatus.Proposed).GetInfo());

    /// <summary>The lifecycle as a Mermaid state diagram (what <c>docs/project-lifecycle.mmd</c> holds).</summary>
    public static string ToMermaidGraph() => MermaidGraph.Format(CreateMachine(MicroProjectStatus.Proposed).GetInfo());

    /// <summary>
    /// A Stateless machine configured with the declaration, starting in <paramref name="status"/>. Used to derive the
    /// transition table and the diagrams, and by tests as the reference; never handed to users.
    /// </summary>
    internal static StateMachine<MicroProjectStatus, MicroProjectTrigger> CreateMachine(MicroProjectStatus status)
    {
        var machine = new StateMachine<MicroProjectStatus, MicroProjectTrigger>(status);
        Declare(machine);
        return machine;
    }
}

/// <summary>
/// The project lifecycle compiled into a flat table once, by firing every trigger in every status on a machine
/// configured with <see cref="MicroProjectLifecycle"/>'s declaration: one array read per command, and the table cannot
/// disagree with the declaration (a test checks every cell against Stateless as well).
/// </summary>
internal static class MicroProjectTransitionTable
{
    private const byte Refused = byte.MaxValue;
    private static readonly int StatusCount = Enum.GetValues<MicroProjectStatus>().Length;
    private static readonly int TriggerCount = Enum.GetValues<MicroProjectTrigger>().Length;
    private static readonly byte[] Next = Compile();

    public static bool TryNext(MicroProjectStatus status, MicroProjectTrigger trigger, out MicroProjectStatus next)
    {
        // Both bounds are checked before multiplying, so an undefined value never lands on another status's row.
        if ((uint)status < (uint)StatusCount && (uint)trigger < (uint)TriggerCount)
        {
            var cell = Next[((int)status * TriggerCount) + (int)trigger];
            if (cell != Refused)
            {
                next = (MicroProjectStatus)cell;
                return true;
            }
        }

        next = status;
        return false;
    }

    private static byte[] Compile()
    {
        var statuses = Enum.GetValues<MicroProjectStatus>();
        var triggers = Enum.GetValues<MicroProjectTrigger>();
        var table = new byte[statuses.Length * triggers.Length];
        Array.Fill(table, Refused);
        foreach (var status in statuses)
        {
            if (status == MicroProjectStatus.Active)
            {
                continue; // the superstate is never a project's own status
            }

            foreach (var trigger in triggers)
            {
                var machine = MicroProjectLifecycle.CreateMachine(status);
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
