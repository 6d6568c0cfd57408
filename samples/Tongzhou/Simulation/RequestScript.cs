using Governance.Core.Organization;
using Governance.Core.Requests;
using NodaTime;

namespace Governance.Samples.Tongzhou.Simulation;

/// <summary>What one step of a request's script asks for; the command itself is decided when the step runs, from the request's state then.</summary>
internal enum StepKind : byte
{
    Accept,
    Reject,
    Escalate,
    Summon,
    Report,
    Explain,
    AwaitResident,
    Resume,
    Resolve,
    Reopen,
    CallBack,
}

/// <summary>One scheduled step: when, and what.</summary>
internal readonly record struct ScriptStep(Instant At, StepKind Kind);

/// <summary>
/// Everything that will happen to request (day, index) of a run: its submission and arrival, then the steps its
/// handlers and its resident take, each at a fixed instant. A pure function of (seed, day, index) and the policy's
/// escalation limits (<see cref="ScriptGenerator"/>), so after a resume the pending steps of an open request are
/// regenerated rather than stored.
/// </summary>
internal sealed class RequestScript
{
    public required int Day { get; init; }

    public required int Index { get; init; }

    public required Instant Arrival { get; init; }

    public required RequestSubmission Submission { get; init; }

    /// <summary>The steps in the order they run (by instant; ties in the order they were planned).</summary>
    public required ScriptStep[] Steps { get; init; }

    /// <summary>The department a whistle summons, when the script has one.</summary>
    public DistrictDepartmentId? Department { get; init; }

    /// <summary>The date an explanation promises an outcome by.</summary>
    public LocalDate PromisedBy { get; init; }

    public RejectionReason RejectionReason { get; init; }

    /// <summary>What the resident says at the (last) call-back.</summary>
    public Satisfaction Satisfaction { get; init; }

    public RequestId Id => Submission.Id;

    public static RequestId IdOf(int day, int index) => new($"d{day}-r{index}");

    /// <summary>Reads (day, index) back from an id made by <see cref="IdOf"/>.</summary>
    public static bool TryParseId(RequestId id, out int day, out int index)
    {
        day = index = -1;
        var text = id.Value;
        var dash = text?.IndexOf("-r", StringComparison.Ordinal) ?? -1;
        return text is not null && text.StartsWith('d') && dash > 1
            && int.TryParse(text.AsSpan(1, dash - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out day)
            && int.TryParse(text.AsSpan(dash + 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out index);
    }
}
