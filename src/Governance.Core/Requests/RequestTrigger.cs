namespace Governance.Core.Requests;

/// <summary>What can happen to a request; each command fires one trigger (see <see cref="RequestLifecycle"/>).</summary>
public enum RequestTrigger
{
    /// <summary>The current handler accepts (签收) the request.</summary>
    Accept,

    /// <summary>The current handler cannot solve it and forwards it (流转) to the responsible handler, with a reason.</summary>
    Forward,

    /// <summary>The current handler hands it one level up (上报), or a whistle summons a department, with a reason.</summary>
    Escalate,

    /// <summary>The resident is told why it is not solved today, and by when it will be (说明原因).</summary>
    Explain,

    /// <summary>The handler waits on the resident: unreachable, or asked for more information. Pauses the clock.</summary>
    AwaitResident,

    /// <summary>The resident is back; the clock resumes with the paused time added.</summary>
    Resume,

    /// <summary>The matter is solved (办结).</summary>
    Resolve,

    /// <summary>The resident is called back (回访) and gives their satisfaction; closes the request.</summary>
    CallBack,

    /// <summary>A resolved request is reopened because the problem persists.</summary>
    Reopen,

    /// <summary>The request is rejected (malicious, duplicate, out of scope); the resident is told why.</summary>
    Reject,

    /// <summary>The request is merged into another one about the same matter.</summary>
    Merge,

    /// <summary>A deadline passed (warning, same-day or resolution); recorded without changing the status.</summary>
    DeadlinePassed,

    /// <summary>吹哨: a district department is summoned to the request; it must report within the policy's limit.</summary>
    Summon,

    /// <summary>报到: a summoned department reports (late if after its limit).</summary>
    Report,

    /// <summary>A summoned department's report limit passed without a report; counts against the department.</summary>
    ReportMissed,
}
