using Stateless;
using Stateless.Graph;

namespace Governance.Core.Requests;

/// <summary>
/// The request lifecycle, declared once with Stateless and read as a table. Everything else — the transition table
/// the engine runs on, <see cref="CanFire"/>, the diagrams in <c>docs/</c> — is derived from this declaration.
/// </summary>
/// <remarks>
/// Any open request can be resolved, rejected (the resident is still told why), merged into another, pass a
/// deadline, or have district departments summoned to it (吹哨), report (报到) or miss their report. A request is forwarded or escalated by its handler and must be accepted by the next one; the owner
/// (first contact) never changes and keeps the duty to explain. Terminal statuses (<see cref="RequestStatus.Closed"/>,
/// <see cref="RequestStatus.Rejected"/>, <see cref="RequestStatus.Merged"/>) permit nothing.
/// </remarks>
public static class RequestLifecycle
{
    /// <summary>The declaration. Read it top to bottom: each line is one permitted move.</summary>
    private static void Declare(StateMachine<RequestStatus, RequestTrigger> machine)
    {
        machine.Configure(RequestStatus.Open)
            .Permit(RequestTrigger.Resolve, RequestStatus.Resolved)
            .Permit(RequestTrigger.Reject, RequestStatus.Rejected)
            .Permit(RequestTrigger.Merge, RequestStatus.Merged)
            .InternalTransition(RequestTrigger.DeadlinePassed, static _ => { })
            .InternalTransition(RequestTrigger.Summon, static _ => { })
            .InternalTransition(RequestTrigger.Report, static _ => { })
            .InternalTransition(RequestTrigger.ReportMissed, static _ => { });

        machine.Configure(RequestStatus.Received).SubstateOf(RequestStatus.Open)
            .Permit(RequestTrigger.Accept, RequestStatus.Accepted)
            .Permit(RequestTrigger.Forward, RequestStatus.Forwarded)
            .Permit(RequestTrigger.Escalate, RequestStatus.Forwarded)
            .Permit(RequestTrigger.Explain, RequestStatus.Explained);

        machine.Configure(RequestStatus.Accepted).SubstateOf(RequestStatus.Open)
            .Permit(RequestTrigger.Forward, RequestStatus.Forwarded)
            .Permit(RequestTrigger.Escalate, RequestStatus.Forwarded)
            .Permit(RequestTrigger.Explain, RequestStatus.Explained)
            .Permit(RequestTrigger.AwaitResident, RequestStatus.AwaitingResident);

        machine.Configure(RequestStatus.Forwarded).SubstateOf(RequestStatus.Open)
            .Permit(RequestTrigger.Accept, RequestStatus.Accepted)
            .PermitReentry(RequestTrigger.Forward)
            .PermitReentry(RequestTrigger.Escalate)
            .Permit(RequestTrigger.Explain, RequestStatus.Explained);

        machine.Configure(RequestStatus.Explained).SubstateOf(RequestStatus.Open)
            .Permit(RequestTrigger.Accept, RequestStatus.Accepted)
            .Permit(RequestTrigger.Forward, RequestStatus.Forwarded)
            .Permit(RequestTrigger.Escalate, RequestStatus.Forwarded)
            .PermitReentry(RequestTrigger.Explain)
            .Permit(RequestTrigger.AwaitResident, RequestStatus.AwaitingResident);

        machine.Configure(RequestStatus.AwaitingResident).SubstateOf(RequestStatus.Open)
            .Permit(RequestTrigger.Resume, RequestStatus.Accepted);

        machine.Configure(RequestStatus.Reopened).SubstateOf(RequestStatus.Open)
            .Permit(RequestTrigger.Accept, RequestStatus.Accepted)
            .Permit(RequestTrigger.Forward, RequestStatus.Forwarded)
            .Permit(RequestTrigger.Escalate, RequestStatus.Forwarded)
            .Permit(RequestTrigger.Explain, RequestStatus.Explained);

        machine.Configure(RequestStatus.Resolved)
            .Permit(RequestTrigger.CallBack, RequestStatus.Closed)
            .Permit(RequestTrigger.Reopen, RequestStatus.Reopened);

        machine.Configure(RequestStatus.Closed);
        machine.Configure(RequestStatus.Rejected);
        machine.Configure(RequestStatus.Merged);
    }

    /// <summary>True when <paramref name="trigger"/> is permitted in <paramref name="status"/>. Constant time, allocates nothing.</summary>
    public static bool CanFire(RequestStatus status, RequestTrigger trigger) => RequestTransitionTable.TryNext(status, trigger, out _);

    /// <summary>
    /// The status after <paramref name="trigger"/> fires in <paramref name="status"/>; false when the lifecycle does not
    /// permit it. Constant time, allocates nothing.
    /// </summary>
    public static bool TryGetNext(RequestStatus status, RequestTrigger trigger, out RequestStatus next) =>
        RequestTransitionTable.TryNext(status, trigger, out next);

    /// <summary>True for <see cref="RequestStatus.Closed"/>, <see cref="RequestStatus.Rejected"/> and <see cref="RequestStatus.Merged"/>.</summary>
    public static bool IsTerminal(RequestStatus status) =>
        status is RequestStatus.Closed or RequestStatus.Rejected or RequestStatus.Merged;

    /// <summary>The triggers permitted in <paramref name="status"/>, in declaration order of <see cref="RequestTrigger"/>.</summary>
    public static IReadOnlyList<RequestTrigger> PermittedTriggers(RequestStatus status) =>
        [.. Enum.GetValues<RequestTrigger>().Where(t => CanFire(status, t))];

    /// <summary>The lifecycle as a Graphviz DOT graph (what <c>docs/request-lifecycle.dot</c> holds).</summary>
    public static string ToDotGraph() => UmlDotGraph.Format(CreateMachine(RequestStatus.Received).GetInfo());

    /// <summary>The lifecycle as a Mermaid state diagram (what <c>docs/request-lifecycle.mmd</c> holds).</summary>
    public static string ToMermaidGraph() => MermaidGraph.Format(CreateMachine(RequestStatus.Received).GetInfo());

    /// <summary>
    /// A Stateless machine configured with the declaration, starting in <paramref name="status"/>. Used to derive the
    /// transition table and the diagrams, and by tests and benchmarks as the reference; never handed to users.
    /// </summary>
    internal static StateMachine<RequestStatus, RequestTrigger> CreateMachine(RequestStatus status)
    {
        var machine = new StateMachine<RequestStatus, RequestTrigger>(status);
        Declare(machine);
        return machine;
    }
}
