using Governance.Core.Organization;

namespace Governance.Core.Liaison;

/// <summary>How near a liaison lives to a household: the lowest unit that holds both.</summary>
public enum LiaisonRelation
{
    /// <summary>The same building (楼门).</summary>
    SameBuilding,

    /// <summary>Another building of the same grid.</summary>
    SameGrid,

    /// <summary>Another grid of the same community or village.</summary>
    SameCommunity,

    /// <summary>Another community of the same street-level unit (only with <see cref="LiaisonOptions.AllowAcrossCommunities"/>).</summary>
    AcrossCommunities,
}

/// <summary>One household linked to its liaison, with how near they live and what the link costs under the options used.</summary>
/// <param name="Household">The household.</param>
/// <param name="Liaison">The party member who looks after it.</param>
/// <param name="Relation">How near the liaison lives.</param>
/// <param name="Cost">The cost of the link under the options the assignment was made with.</param>
public readonly record struct LiaisonLink(HouseholdId Household, PartyMemberId Liaison, LiaisonRelation Relation, int Cost);
