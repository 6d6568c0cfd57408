using Stateless;
using Stateless.Graph;

namespace Governance.Core.Ledger;

/// <summary>
/// The ledger item lifecycle, declared once with Stateless and read as a table. Everything else — the transition
/// table items run on, <see cref="CanFire"/>, the diagrams in <c>docs/ledger-lifecycle.*</c> — is derived from it.
/// </summary>
/// <remarks>
/// The rule it enforces is the article's 事事有回音，件件有着落: every item gets a reply and an outcome. An outcome
/// (<see cref="LedgerTrigger.Complete"/>) is permitted only in <see cref="LedgerItemStatus.Replied"/>, so no item is
/// completed without a reply; the only other way off the ledger is <see cref="LedgerTrigger.Drop"/>, whose required
/// reason is what residents are told. Terminal statuses (<see cref="LedgerItemStatus.Completed"/>,
/// <see cref="LedgerItemStatus.Dropped"/>) permit nothing.
/// </remarks>
public static class LedgerLifecycle
{
    /// <summary>The declaration. Read it top to bottom: each line is one permitted move.</summary>
    private static void Declare(StateMachine<LedgerItemStatus, LedgerTrigger> machine)
    {
        machine.Configure(LedgerItemStatus.Proposed)
            .Permit(LedgerTrigger.Accept, LedgerItemStatus.Open)
            .Permit(LedgerTrigger.Drop, LedgerItemStatus.Dropped)
            .InternalTransition(LedgerTrigger.LinkRequest, static _ => { });

        machine.Configure(LedgerItemStatus.OnLedger)
            .Permit(LedgerTrigger.Drop, LedgerItemStatus.Dropped)
            .InternalTransition(LedgerTrigger.AddMeasure, static _ => { })
            .InternalTransition(LedgerTrigger.NoteProgress, static _ => { })
            .InternalTransition(LedgerTrigger.LinkRequest, static _ => { })
            .InternalTransition(LedgerTrigger.AssignResponsible, static _ => { })
            .InternalTransition(LedgerTrigger.MoveDeadline, static _ => { });

        machine.Configure(LedgerItemStatus.Open).SubstateOf(LedgerItemStatus.OnLedger)
            .Permit(LedgerTrigger.NoteProgress, LedgerItemStatus.InProgress)
            .Permit(LedgerTrigger.Reply, LedgerItemStatus.Replied);

        machine.Configure(LedgerItemStatus.InProgress).SubstateOf(LedgerItemStatus.OnLedger)
            .Permit(LedgerTrigger.Reply, LedgerItemStatus.Replied);

        machine.Configure(LedgerItemStatus.Replied).SubstateOf(LedgerItemStatus.OnLedger)
            .Permit(LedgerTrigger.Complete, LedgerItemStatus.Completed);

        machine.Configure(LedgerItemStatus.Completed);
        machine.Configure(LedgerItemStatus.Dropped);
    }

    /// <summary>True when <paramref name="trigger"/> is permitted in <paramref name="status"/>. Constant time, allocates nothing.</summary>
    public static bool CanFire(LedgerItemStatus status, LedgerTrigger trigger) => LedgerTransitionTable.TryNext(status, trigger, out _);

    /// <summary>
    /// The status after <paramref name="trigger"/> fires in <paramref name="status"/>; false when the lifecycle does not
    /// permit it. Constant time, allocates nothing.
    /// </summary>
    public static bool TryGetNext(LedgerItemStatus status, LedgerTrigger trigger, out LedgerItemStatus next) =>
        LedgerTransitionTable.TryNext(status, trigger, out next);

    /// <summary>True for <see cref="LedgerItemStatus.Completed"/> and <see cref="LedgerItemStatus.Dropped"/>.</summary>
    public static bool IsTerminal(LedgerItemStatus status) => status is LedgerItemStatus.Completed or LedgerItemStatus.Dropped;

    /// <summary>True for <see cref="LedgerItemStatus.Open"/> and <see cref="LedgerItemStatus.InProgress"/>: on the ledger, residents not yet answered.</summary>
    public static bool IsUnanswered(LedgerItemStatus status) => status is LedgerItemStatus.Open or LedgerItemStatus.InProgress;

    /// <summary>The triggers permitted in <paramref name="status"/>, in declaration order of <see cref="LedgerTrigger"/>.</summary>
    public static IReadOnlyList<LedgerTrigger> PermittedTriggers(LedgerItemStatus status) =>
        [.. Enum.GetValues<LedgerTrigger>().Where(t => CanFire(status, t))];

    /// <summary>The lifecycle as a Graphviz DOT graph (what <c>docs/ledger-lifecycle.dot</c> holds).</summary>
    public static string ToDotGraph() => UmlDotGraph.Format(CreateMachine(LedgerItemStatus.Proposed).GetInfo());

    /// <summary>The lifecycle as a Mermaid state diagram (what <c>docs/ledger-lifecycle.mmd</c> holds).</summary>
    public static string ToMermaidGraph() => MermaidGraph.Format(CreateMachine(LedgerItemStatus.Proposed).GetInfo());

    /// <summary>
    /// A Stateless machine configured with the declaration, starting in <paramref name="status"/>. Used to derive the
    /// transition table and the diagrams, and by tests as the reference; never handed to users.
    /// </summary>
    internal static StateMachine<LedgerItemStatus, LedgerTrigger> CreateMachine(LedgerItemStatus status)
    {
        var machine = new StateMachine<LedgerItemStatus, LedgerTrigger>(status);
        Declare(machine);
        return machine;
    }
}
