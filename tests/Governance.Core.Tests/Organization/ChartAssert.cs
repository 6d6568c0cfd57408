using Governance.Core.Organization;

namespace Governance.Core.Tests.Organization;

/// <summary>Field-by-field comparisons of charts and recipes, personal data compared raw (Reveal).</summary>
internal static class ChartAssert
{
    public static void Same(Chart expected, Chart actual)
    {
        AssertEach(expected.Units, actual.Units, u => (u.Id, u.Kind, u.Name, u.ParentId));
        AssertEach(expected.Households, actual.Households, h => (h.Id, h.BuildingId, h.Address, h.Head?.Reveal(), h.Phone?.Reveal(), h.Residents));
        AssertEach(expected.PropertyCompanies, actual.PropertyCompanies, c => (c.Id, c.Name, c.Hotline, string.Join("|", c.Communities)));
        AssertEach(expected.SubdistrictOffices, actual.SubdistrictOffices, o => (o.Id, o.Name, o.UnitId, string.Join("|", o.Duties)));
        AssertEach(expected.DistrictDepartments, actual.DistrictDepartments, d => (d.Id, d.Name, string.Join("|", d.Duties)));
        AssertEach(expected.Staff, actual.Staff, s => (s.Id, s.Name, s.Role, s.Phone, s.Agency, string.Join("|", s.Duties)));
        AssertEach(expected.PartyOrganizations, actual.PartyOrganizations, o => (o.Id, o.Kind, o.Name, o.UnitId));
        AssertEach(expected.PartyMembers, actual.PartyMembers, m => (m.Id, m.Name.Reveal(), m.Phone?.Reveal(), m.HouseholdId, m.OrganizationId));
        Assert.Equal(expected.District.Id, actual.District.Id);
    }

    /// <summary>The chart holds exactly the recipe's items, in recipe order, with the recipe's fields.</summary>
    public static void Holds(ChartRecipe recipe, Chart chart)
    {
        AssertEach(recipe.Units, chart.Units, u => (u.Id, u.Kind, u.Name, u.Parent), u => (u.Id.Value, u.Kind, u.Name, u.ParentId?.Value));
        AssertEach(recipe.Households, chart.Households, h => (h.Id, h.Building, h.Address, h.Head, h.Phone, h.Residents),
            h => (h.Id.Value, h.BuildingId.Value, h.Address, h.Head?.Reveal(), h.Phone?.Reveal(), h.Residents));
        AssertEach(recipe.PropertyCompanies, chart.PropertyCompanies, c => (c.Id, c.Name, c.Hotline, string.Join("|", c.Communities)),
            c => (c.Id.Value, c.Name, c.Hotline, string.Join("|", c.Communities)));
        AssertEach(recipe.SubdistrictOffices, chart.SubdistrictOffices, o => (o.Id, o.Name, o.Unit, string.Join("|", o.Duties)),
            o => (o.Id.Value, o.Name, o.UnitId.Value, string.Join("|", o.Duties)));
        AssertEach(recipe.DistrictDepartments, chart.DistrictDepartments, d => (d.Id, d.Name, string.Join("|", d.Duties)),
            d => (d.Id.Value, d.Name, string.Join("|", d.Duties)));
        AssertEach(recipe.Staff, chart.Staff, s => (s.Id, s.Name, s.Role, s.Phone, s.AgencyKind, s.Agency, string.Join("|", s.Duties)),
            s => (s.Id.Value, s.Name, s.Role, s.Phone, s.Agency.Kind, s.Agency.Id, string.Join("|", s.Duties)));
        AssertEach(recipe.PartyOrganizations, chart.PartyOrganizations, o => (o.Id, o.Kind, o.Name, o.Unit),
            o => (o.Id.Value, o.Kind, o.Name, o.UnitId.Value));
        AssertEach(recipe.PartyMembers, chart.PartyMembers, m => (m.Id, m.Name, m.Phone, m.Household, m.Organization),
            m => (m.Id.Value, m.Name.Reveal(), m.Phone?.Reveal(), m.HouseholdId.Value, m.OrganizationId.Value));
    }

    private static void AssertEach<T, TKey>(IReadOnlyList<T> expected, IReadOnlyList<T> actual, Func<T, TKey> fields) =>
        Assert.Equal(expected.Select(fields), actual.Select(fields));

    private static void AssertEach<TRecipe, T, TKey>(IReadOnlyList<TRecipe> recipe, IReadOnlyList<T> actual, Func<TRecipe, TKey> expectedFields, Func<T, TKey> actualFields) =>
        Assert.Equal(recipe.Select(expectedFields), actual.Select(actualFields));
}
