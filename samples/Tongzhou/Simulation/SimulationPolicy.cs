using Governance.Core.Liaison;
using Governance.Core.Time;

namespace Governance.Samples.Tongzhou.Simulation;

/// <summary>
/// What a district can change and compare on the same seed: the service levels the desk keeps, how far and how soon
/// handlers escalate by hand and whether street-level units may blow the whistle, and the liaison bounds of 党员联户.
/// Read from a policy file with <see cref="SimulationPolicyJson"/>.
/// </summary>
/// <param name="ServiceLevels">Deadlines by category class, same-day cut-off, warning, whistle report limit.</param>
/// <param name="Escalation">How handlers escalate by hand.</param>
/// <param name="Liaison">The bounds and costs of the liaison assignment.</param>
public sealed record SimulationPolicy(ServiceLevelPolicy ServiceLevels, EscalationLimits Escalation, LiaisonOptions Liaison)
{
    /// <summary>The library's defaults: <see cref="ServiceLevelPolicy.Default"/>, <see cref="EscalationLimits.Default"/>, <see cref="LiaisonOptions.Default"/>.</summary>
    public static SimulationPolicy Default { get; } = new(ServiceLevelPolicy.Default, EscalationLimits.Default, LiaisonOptions.Default);
}

/// <summary>How the simulated handlers escalate a request they cannot solve themselves.</summary>
/// <param name="MaxLevels">How many levels a request may be escalated by hand, 0 to 4 (the desk's automatic escalations on missed deadlines are not limited by this). Default 2.</param>
/// <param name="AfterWorkingHours">Office hours a handler works on a complex request before escalating it, more than 0 and at most 200. Default 4.</param>
/// <param name="Whistles">Whether a street-level unit or its office may summon a district department (吹哨) to an escalated complex request. Default true.</param>
public sealed record EscalationLimits(int MaxLevels = 2, double AfterWorkingHours = 4, bool Whistles = true)
{
    /// <summary>Escalate up to two levels after four office hours; whistles allowed.</summary>
    public static EscalationLimits Default { get; } = new();
}
