using Governance.Core.Organization;

namespace Governance.Core.Liaison;

/// <summary>Why a household's liaison changed between two assignments.</summary>
public enum LiaisonChangeReason
{
    /// <summary>The household is new in the chart and was given a liaison.</summary>
    HouseholdJoined,

    /// <summary>The household is no longer in the chart; its link is gone.</summary>
    HouseholdLeft,

    /// <summary>The previous liaison is no longer in the chart (moved away, died, transferred).</summary>
    LiaisonLeft,

    /// <summary>The previous liaison now lives where the rules do not allow the link (for example in another community).</summary>
    LiaisonOutOfReach,

    /// <summary>The household had no liaison before and has one now.</summary>
    Covered,

    /// <summary>
    /// The previous liaison is still in reach, but the link was moved or dropped to keep the bounds or the coverage
    /// (for example when the liaison would be above the maximum, or another household would stay without a liaison).
    /// </summary>
    Rebalanced,
}

/// <summary>One household whose liaison differs between two assignments, so that it can be told who to call now.</summary>
/// <param name="Household">The household.</param>
/// <param name="Previous">Its liaison before; <see langword="null"/> when it had none.</param>
/// <param name="Current">Its liaison now; <see langword="null"/> when it has none (left, or no member is free).</param>
/// <param name="Reason">Why it changed; the first reason that applies, in the order of <see cref="LiaisonChangeReason"/>.</param>
public sealed record LiaisonChange(HouseholdId Household, PartyMemberId? Previous, PartyMemberId? Current, LiaisonChangeReason Reason);
