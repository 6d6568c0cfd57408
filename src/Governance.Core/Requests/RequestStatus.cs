namespace Governance.Core.Requests;

/// <summary>
/// Where a request stands in its lifecycle (declared in <see cref="RequestLifecycle"/>). <see cref="Closed"/>,
/// <see cref="Rejected"/> and <see cref="Merged"/> are terminal: no command moves a request out of them.
/// </summary>
public enum RequestStatus
{
    /// <summary>The superstate of every open status; a request is never in it itself.</summary>
    Open,

    /// <summary>Received by its first contact (the owner), not yet accepted by a handler.</summary>
    Received,

    /// <summary>The current handler has accepted it and is working on it.</summary>
    Accepted,

    /// <summary>Forwarded or escalated to another handler, which has not accepted it yet.</summary>
    Forwarded,

    /// <summary>The resident has been told why it is not solved yet, and by when it will be (说明原因).</summary>
    Explained,

    /// <summary>Waiting on the resident (unreachable, or asked for more information); the resolution clock is paused.</summary>
    AwaitingResident,

    /// <summary>Resolved (办结), awaiting the call-back to the resident.</summary>
    Resolved,

    /// <summary>Reopened after resolution (the problem persists); needs a handler again, with new deadlines.</summary>
    Reopened,

    /// <summary>Called back and closed, with the resident's satisfaction. Terminal.</summary>
    Closed,

    /// <summary>Rejected as malicious, a duplicate or out of scope; the resident was still told why. Terminal.</summary>
    Rejected,

    /// <summary>Merged into another request about the same matter. Terminal.</summary>
    Merged,
}
