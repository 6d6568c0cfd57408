using System.Collections.Immutable;

namespace Governance.Core.Organization;

/// <summary>
/// Collects the units, households, bodies, staff and party tree of a district and builds an immutable, indexed
/// <see cref="Chart"/>. Adding never throws for bad data: <see cref="Build"/> checks everything at once and throws
/// one <see cref="DataValidationException"/> listing every problem, each with its path (<c>$.units[3].parent</c>,
/// where the index counts the items of that list in the order they were added, which for a loaded document is its
/// JSON path) and id. A builder builds once; using it after <see cref="Build"/> throws
/// <see cref="InvalidOperationException"/>.
/// </summary>
/// <remarks>
/// The rules checked: ids are 1–128 characters without white space or control characters and unique across every
/// kind of item; names are not empty; there is exactly one district and it has no parent; every other unit's parent
/// exists, is a unit, lies exactly one level up (district → street level → community/village → grid → building)
/// and no unit is its own ancestor; households live in buildings, with 0–100 residents; property companies serve
/// at least one community or village; offices belong to a street-level unit; staff work at a unit, company, office
/// or department; a party organisation sits on a unit of its level and a unit has at most one; a party member's
/// household and organisation exist.
/// </remarks>
public sealed class ChartBuilder
{
    internal const int MaxIdLength = 128;
    internal const int MaxResidents = 100;
    private const int UnparsedEnumValue = -1;

    private readonly List<UnitSpec> _units = [];
    private readonly List<HouseholdSpec> _households = [];
    private readonly List<CompanySpec> _companies = [];
    private readonly List<OfficeSpec> _offices = [];
    private readonly List<DepartmentSpec> _departments = [];
    private readonly List<StaffSpec> _staff = [];
    private readonly List<PartyOrganizationSpec> _partyOrganizations = [];
    private readonly List<PartyMemberSpec> _partyMembers = [];
    private readonly List<DataError> _reportedErrors = [];
    private bool _built;

    /// <summary>Adds a unit. <paramref name="parent"/> is <see langword="null"/> only for the district.</summary>
    /// <returns>This builder, for chaining.</returns>
    public ChartBuilder AddUnit(UnitId id, UnitKind kind, string name, UnitId? parent = null)
    {
        CheckNotBuilt();
        ReportIfUnparsedValue(kind, EntityKind.Unit, _units.Count, id.Value, "a unit kind");
        _units.Add(new UnitSpec(_units.Count, id.Value, kind, Preconditions.CheckNotNull(name), parent?.Value));
        return this;
    }

    /// <summary>Adds a household living in the building <paramref name="building"/>.</summary>
    /// <param name="id">The household's id.</param>
    /// <param name="building">The building it lives in.</param>
    /// <param name="address">The door within the building, for example <c>2单元301</c>.</param>
    /// <param name="head">The head of the household, when known.</param>
    /// <param name="phone">The household's contact number, when known.</param>
    /// <param name="residents">How many people live there, 0 to 100.</param>
    /// <returns>This builder, for chaining.</returns>
    public ChartBuilder AddHousehold(HouseholdId id, UnitId building, string address = "", PersonName? head = null, PhoneNumber? phone = null, int residents = 1)
    {
        CheckNotBuilt();
        _households.Add(new HouseholdSpec(_households.Count, id.Value, building.Value, Preconditions.CheckNotNull(address), head, phone, residents));
        return this;
    }

    /// <summary>Adds a property company serving the communities or villages <paramref name="communities"/>.</summary>
    /// <returns>This builder, for chaining.</returns>
    public ChartBuilder AddPropertyCompany(PropertyCompanyId id, string name, IEnumerable<UnitId> communities, string hotline = "")
    {
        CheckNotBuilt();
        Preconditions.CheckNotNull(communities);
        _companies.Add(new CompanySpec(_companies.Count, id.Value, Preconditions.CheckNotNull(name), Preconditions.CheckNotNull(hotline), [.. communities.Select(c => c.Value)]));
        return this;
    }

    /// <summary>Adds a business office of the street-level unit <paramref name="unit"/>.</summary>
    /// <returns>This builder, for chaining.</returns>
    public ChartBuilder AddSubdistrictOffice(SubdistrictOfficeId id, string name, UnitId unit, IEnumerable<string>? duties = null)
    {
        CheckNotBuilt();
        _offices.Add(new OfficeSpec(_offices.Count, id.Value, Preconditions.CheckNotNull(name), unit.Value, ToDuties(duties)));
        return this;
    }

    /// <summary>Adds a functional department of the district.</summary>
    /// <returns>This builder, for chaining.</returns>
    public ChartBuilder AddDistrictDepartment(DistrictDepartmentId id, string name, IEnumerable<string>? duties = null)
    {
        CheckNotBuilt();
        _departments.Add(new DepartmentSpec(_departments.Count, id.Value, Preconditions.CheckNotNull(name), ToDuties(duties)));
        return this;
    }

    /// <summary>Adds a staff member working at <paramref name="agency"/>; <paramref name="phone"/> is a public work number.</summary>
    /// <returns>This builder, for chaining.</returns>
    public ChartBuilder AddStaffMember(StaffId id, string name, string role, string phone, Agency agency, IEnumerable<string>? duties = null)
    {
        CheckNotBuilt();
        _staff.Add(new StaffSpec(_staff.Count, id.Value, Preconditions.CheckNotNull(name), Preconditions.CheckNotNull(role), Preconditions.CheckNotNull(phone), agency.Id, agency.Kind, ToDuties(duties)));
        return this;
    }

    /// <summary>Adds a party organisation of kind <paramref name="kind"/> on the unit <paramref name="unit"/>.</summary>
    /// <returns>This builder, for chaining.</returns>
    public ChartBuilder AddPartyOrganization(PartyOrganizationId id, PartyOrganizationKind kind, string name, UnitId unit)
    {
        CheckNotBuilt();
        ReportIfUnparsedValue(kind, EntityKind.PartyOrganization, _partyOrganizations.Count, id.Value, "a party organisation kind");
        _partyOrganizations.Add(new PartyOrganizationSpec(_partyOrganizations.Count, id.Value, kind, Preconditions.CheckNotNull(name), unit.Value));
        return this;
    }

    /// <summary>Adds a party member living in <paramref name="household"/> and belonging to <paramref name="organization"/>.</summary>
    /// <returns>This builder, for chaining.</returns>
    public ChartBuilder AddPartyMember(PartyMemberId id, PersonName name, HouseholdId household, PartyOrganizationId organization, PhoneNumber? phone = null)
    {
        CheckNotBuilt();
        _partyMembers.Add(new PartyMemberSpec(_partyMembers.Count, id.Value, name, phone, household.Value, organization.Value));
        return this;
    }

    /// <summary>
    /// Checks everything added and builds the chart and its indexes. The builder cannot be used afterwards.
    /// </summary>
    /// <exception cref="DataValidationException">Any rule in the remarks of <see cref="ChartBuilder"/> is broken; lists every problem.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built a chart.</exception>
    public Chart Build()
    {
        CheckNotBuilt();
        _built = true;
        return new ChartValidator(this).Validate();
    }

    // Raw additions for the JSON loader: values straight from the document, checked by Build like any other.
    internal void AddUnitRaw(int index, string? id, UnitKind kind, string? name, string? parent) =>
        _units.Add(new UnitSpec(index, id, kind, name, parent));

    internal void AddHouseholdRaw(int index, string? id, string? building, string? address, PersonName? head, PhoneNumber? phone, int residents) =>
        _households.Add(new HouseholdSpec(index, id, building, address ?? string.Empty, head, phone, residents));

    internal void AddPropertyCompanyRaw(int index, string? id, string? name, string? hotline, string?[] communities) =>
        _companies.Add(new CompanySpec(index, id, name, hotline ?? string.Empty, communities));

    internal void AddSubdistrictOfficeRaw(int index, string? id, string? name, string? unit, ImmutableArray<string> duties) =>
        _offices.Add(new OfficeSpec(index, id, name, unit, duties));

    internal void AddDistrictDepartmentRaw(int index, string? id, string? name, ImmutableArray<string> duties) =>
        _departments.Add(new DepartmentSpec(index, id, name, duties));

    internal void AddStaffMemberRaw(int index, string? id, string? name, string? role, string? phone, string? agency, ImmutableArray<string> duties) =>
        _staff.Add(new StaffSpec(index, id, name, role ?? string.Empty, phone ?? string.Empty, agency, null, duties));

    internal void AddPartyOrganizationRaw(int index, string? id, PartyOrganizationKind kind, string? name, string? unit) =>
        _partyOrganizations.Add(new PartyOrganizationSpec(index, id, kind, name, unit));

    internal void AddPartyMemberRaw(int index, string? id, PersonName name, PhoneNumber? phone, string? household, string? organization) =>
        _partyMembers.Add(new PartyMemberSpec(index, id, name, phone, household, organization));

    /// <summary>The enum value the loader passes for a kind it could not parse (and has reported).</summary>
    internal static TEnum Unparsed<TEnum>()
        where TEnum : struct, Enum => (TEnum)Enum.ToObject(typeof(TEnum), UnparsedEnumValue);

    internal static bool IsUnparsed<TEnum>(TEnum value)
        where TEnum : struct, Enum => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == UnparsedEnumValue;

    /// <summary>Records a problem the loader found before the item reached the builder (a null entry, a bad enum).</summary>
    internal void ReportError(DataError error) => _reportedErrors.Add(error);

    internal IReadOnlyList<UnitSpec> Units => _units;

    internal IReadOnlyList<HouseholdSpec> Households => _households;

    internal IReadOnlyList<CompanySpec> Companies => _companies;

    internal IReadOnlyList<OfficeSpec> Offices => _offices;

    internal IReadOnlyList<DepartmentSpec> Departments => _departments;

    internal IReadOnlyList<StaffSpec> Staff => _staff;

    internal IReadOnlyList<PartyOrganizationSpec> PartyOrganizations => _partyOrganizations;

    internal IReadOnlyList<PartyMemberSpec> PartyMembers => _partyMembers;

    internal IReadOnlyList<DataError> ReportedErrors => _reportedErrors;

    // The validator skips kinds equal to the loader's "unparsed" marker as already reported; a caller passing that
    // value through the public API has had nothing reported yet, so report it here.
    private void ReportIfUnparsedValue<TEnum>(TEnum kind, EntityKind owner, int index, string? id, string what)
        where TEnum : struct, Enum
    {
        if (IsUnparsed(kind))
        {
            _reportedErrors.Add(new DataError($"{owner.PathOf(index)}.kind", id, $"'{kind}' is not {what}"));
        }
    }

    private void CheckNotBuilt() =>
        Preconditions.CheckState(!_built, "This ChartBuilder has already built a chart; create a new builder.");

    private static ImmutableArray<string> ToDuties(IEnumerable<string>? duties) =>
        duties is null ? [] : [.. duties.Select(d => Preconditions.CheckNotNull(d, nameof(duties)))];

    internal readonly record struct UnitSpec(int Index, string? Id, UnitKind Kind, string? Name, string? Parent);

    internal readonly record struct HouseholdSpec(int Index, string? Id, string? Building, string Address, PersonName? Head, PhoneNumber? Phone, int Residents);

    internal readonly record struct CompanySpec(int Index, string? Id, string? Name, string Hotline, string?[] Communities);

    internal readonly record struct OfficeSpec(int Index, string? Id, string? Name, string? Unit, ImmutableArray<string> Duties);

    internal readonly record struct DepartmentSpec(int Index, string? Id, string? Name, ImmutableArray<string> Duties);

    internal readonly record struct StaffSpec(int Index, string? Id, string? Name, string Role, string Phone, string? Agency, AgencyKind? ExpectedKind, ImmutableArray<string> Duties);

    internal readonly record struct PartyOrganizationSpec(int Index, string? Id, PartyOrganizationKind Kind, string? Name, string? Unit);

    internal readonly record struct PartyMemberSpec(int Index, string? Id, PersonName Name, PhoneNumber? Phone, string? Household, string? Organization);
}
