using Governance.Core.Organization;

namespace Governance.Core.Requests;

/// <summary>Where a request is about: a unit (a building, grid, community…) and, when it concerns one home, the household.</summary>
/// <param name="Unit">The unit the request concerns; for a household, its building.</param>
/// <param name="Household">The household, when the request concerns one.</param>
public readonly record struct RequestLocation(UnitId Unit, HouseholdId? Household = null)
{
    /// <summary>Returns the unit id, with the household id after a slash when there is one.</summary>
    public override string ToString() => Household is { } household ? $"{Unit}/{household}" : Unit.ToString();
}
