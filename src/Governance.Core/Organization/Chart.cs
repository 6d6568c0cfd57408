using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Governance.Core.Organization;

/// <summary>
/// Who exists in a district and how they nest: units from the district down to buildings, households, property
/// companies, subdistrict offices, district departments, staff and the party tree. Immutable and safe to share
/// between threads. Made by <see cref="ChartBuilder"/> or loaded with <see cref="ChartJson"/>.
/// </summary>
/// <remarks>
/// Every structural query is an array walk over an index built once: ancestors, street-level unit, households or
/// party members under a unit and descendant checks take constant time and allocate nothing. Methods that take an
/// entity throw <see cref="ArgumentException"/> when it belongs to another chart.
/// </remarks>
public sealed class Chart
{
    private const int Levels = UnitKindExtensions.LevelCount;

    private readonly Unit[] _units;
    private readonly Household[] _households;
    private readonly PropertyCompany[] _companies;
    private readonly SubdistrictOffice[] _offices;
    private readonly DistrictDepartment[] _departments;
    private readonly StaffMember[] _staff;
    private readonly PartyOrganization[] _partyOrganizations;
    private readonly PartyMember[] _partyMembers;
    private readonly Dictionary<string, EntityRef> _ids;

    private readonly int[] _parent;                 // by unit index; -1 for the district
    private readonly int[] _ancestorAtLevel;        // [unit * Levels + level]: the unit's ancestor-or-self at that level, -1 below it
    private readonly int[] _preorderPosition;       // by unit index: position in _preorder
    private readonly Unit[] _preorder;              // units depth first, children in the order they were added
    private readonly int[] _subtreeEnd;             // by unit index: exclusive end of its subtree in _preorder
    private readonly CompactLists<Unit> _children;  // by unit index
    private readonly int[] _householdBuilding;      // by household index: the building's unit index
    private readonly Household[] _householdsInTreeOrder;
    private readonly int[] _householdsBefore;       // by preorder position (length units + 1): households in buildings before it
    private readonly PartyMember[] _membersInTreeOrder;
    private readonly int[] _membersBefore;          // by preorder position (length units + 1)
    private readonly int[] _partyOrganizationOfUnit; // by unit index; -1 when the unit has none
    private readonly int[] _partyOrganizationUnit;  // by organisation index
    private readonly int[] _partyParent;            // by organisation index; -1 at the top
    private readonly CompactLists<PartyOrganization> _partyChildren;
    private readonly CompactLists<PartyMember> _membersOfOrganization;
    private readonly int[] _memberHousehold;        // by member index
    private readonly CompactLists<PropertyCompany> _companiesOfCommunity; // by unit index
    private readonly CompactLists<SubdistrictOffice> _officesOfUnit;     // by unit index
    private readonly Dictionary<string, StaffMember[]> _staffAt;

    internal Chart(
        Unit[] units, Household[] households, PropertyCompany[] companies, SubdistrictOffice[] offices,
        DistrictDepartment[] departments, StaffMember[] staff, PartyOrganization[] partyOrganizations,
        PartyMember[] partyMembers, Dictionary<string, EntityRef> ids)
    {
        _units = units;
        _households = households;
        _companies = companies;
        _offices = offices;
        _departments = departments;
        _staff = staff;
        _partyOrganizations = partyOrganizations;
        _partyMembers = partyMembers;
        _ids = ids;

        var n = units.Length;
        _parent = new int[n];
        var district = -1;
        for (var i = 0; i < n; i++)
        {
            _parent[i] = units[i].ParentId is { } p ? ids[p.Value].Index : -1;
            if (_parent[i] < 0)
            {
                district = i;
            }
        }

        District = units[district];
        _children = CompactLists<Unit>.Group(n, n, i => _parent[i], i => units[i]);

        // Depth-first preorder, so that every subtree is one contiguous range.
        _preorder = new Unit[n];
        _preorderPosition = new int[n];
        var stack = new Stack<int>();
        stack.Push(district);
        var position = 0;
        while (stack.Count > 0)
        {
            var u = stack.Pop();
            _preorder[position] = units[u];
            _preorderPosition[u] = position++;
            var kids = _children[u];
            for (var k = kids.Length - 1; k >= 0; k--)
            {
                stack.Push(kids[k].Index);
            }
        }

        _subtreeEnd = new int[n];
        var size = new int[n];
        for (var pos = n - 1; pos >= 0; pos--)
        {
            var u = _preorder[pos].Index;
            size[u]++;
            _subtreeEnd[u] = pos + size[u];
            if (_parent[u] >= 0)
            {
                size[_parent[u]] += size[u];
            }
        }

        _ancestorAtLevel = new int[n * Levels];
        foreach (var unit in _preorder)
        {
            var u = unit.Index;
            var level = (int)unit.Level;
            var row = u * Levels;
            if (_parent[u] >= 0)
            {
                Array.Copy(_ancestorAtLevel, _parent[u] * Levels, _ancestorAtLevel, row, Levels);
            }
            else
            {
                Array.Fill(_ancestorAtLevel, -1, row, Levels);
            }

            _ancestorAtLevel[row + level] = u;
        }

        _householdBuilding = new int[households.Length];
        for (var h = 0; h < households.Length; h++)
        {
            _householdBuilding[h] = ids[households[h].BuildingId.Value].Index;
        }

        (_householdsInTreeOrder, _householdsBefore) = SortByTreePosition(households, h => _householdBuilding[h.Index]);

        _memberHousehold = new int[partyMembers.Length];
        for (var m = 0; m < partyMembers.Length; m++)
        {
            _memberHousehold[m] = ids[partyMembers[m].HouseholdId.Value].Index;
        }

        (_membersInTreeOrder, _membersBefore) = SortByTreePosition(partyMembers, m => _householdBuilding[_memberHousehold[m.Index]]);

        _partyOrganizationOfUnit = new int[n];
        Array.Fill(_partyOrganizationOfUnit, -1);
        _partyOrganizationUnit = new int[partyOrganizations.Length];
        for (var o = 0; o < partyOrganizations.Length; o++)
        {
            var u = ids[partyOrganizations[o].UnitId.Value].Index;
            _partyOrganizationUnit[o] = u;
            _partyOrganizationOfUnit[u] = o;
        }

        _partyParent = new int[partyOrganizations.Length];
        for (var o = 0; o < partyOrganizations.Length; o++)
        {
            _partyParent[o] = -1;
            for (var u = _parent[_partyOrganizationUnit[o]]; u >= 0; u = _parent[u])
            {
                if (_partyOrganizationOfUnit[u] >= 0)
                {
                    _partyParent[o] = _partyOrganizationOfUnit[u];
                    break;
                }
            }
        }

        _partyChildren = CompactLists<PartyOrganization>.Group(partyOrganizations.Length, partyOrganizations.Length, o => _partyParent[o], o => partyOrganizations[o]);
        _membersOfOrganization = CompactLists<PartyMember>.Group(partyOrganizations.Length, partyMembers.Length,
            m => ids[partyMembers[m].OrganizationId.Value].Index, m => partyMembers[m]);

        var serving = companies.SelectMany(c => c.Communities.Select(id => (Community: ids[id.Value].Index, Company: c))).ToArray();
        _companiesOfCommunity = CompactLists<PropertyCompany>.Group(n, serving.Length, i => serving[i].Community, i => serving[i].Company);
        _officesOfUnit = CompactLists<SubdistrictOffice>.Group(n, offices.Length, o => ids[offices[o].UnitId.Value].Index, o => offices[o]);
        _staffAt = staff.GroupBy(s => s.Agency.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The district at the top of the tree.</summary>
    public Unit District { get; }

    /// <summary>Every unit, in the order they were added (for a loaded chart, document order).</summary>
    public ImmutableArray<Unit> Units => ImmutableCollectionsMarshal.AsImmutableArray(_units);

    /// <summary>Every household, in the order they were added.</summary>
    public ImmutableArray<Household> Households => ImmutableCollectionsMarshal.AsImmutableArray(_households);

    /// <summary>Every property company, in the order they were added.</summary>
    public ImmutableArray<PropertyCompany> PropertyCompanies => ImmutableCollectionsMarshal.AsImmutableArray(_companies);

    /// <summary>Every subdistrict office, in the order they were added.</summary>
    public ImmutableArray<SubdistrictOffice> SubdistrictOffices => ImmutableCollectionsMarshal.AsImmutableArray(_offices);

    /// <summary>Every district department, in the order they were added.</summary>
    public ImmutableArray<DistrictDepartment> DistrictDepartments => ImmutableCollectionsMarshal.AsImmutableArray(_departments);

    /// <summary>Every staff member, in the order they were added.</summary>
    public ImmutableArray<StaffMember> Staff => ImmutableCollectionsMarshal.AsImmutableArray(_staff);

    /// <summary>Every party organisation, in the order they were added.</summary>
    public ImmutableArray<PartyOrganization> PartyOrganizations => ImmutableCollectionsMarshal.AsImmutableArray(_partyOrganizations);

    /// <summary>Every party member, in the order they were added.</summary>
    public ImmutableArray<PartyMember> PartyMembers => ImmutableCollectionsMarshal.AsImmutableArray(_partyMembers);

    // ---- Lookups by id -------------------------------------------------------------------------------------

    /// <summary>The unit with id <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No unit has that id; the message names it.</exception>
    public Unit GetUnit(UnitId id) => TryGetUnit(id, out var unit) ? unit : throw NotFound("unit", id.Value);

    /// <summary>Finds the unit with id <paramref name="id"/>; false when there is none.</summary>
    public bool TryGetUnit(UnitId id, [NotNullWhen(true)] out Unit? unit) => TryGet(_units, EntityKind.Unit, id.Value, out unit);

    /// <summary>The household with id <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No household has that id; the message names it.</exception>
    public Household GetHousehold(HouseholdId id) => TryGetHousehold(id, out var household) ? household : throw NotFound("household", id.Value);

    /// <summary>Finds the household with id <paramref name="id"/>; false when there is none.</summary>
    public bool TryGetHousehold(HouseholdId id, [NotNullWhen(true)] out Household? household) => TryGet(_households, EntityKind.Household, id.Value, out household);

    /// <summary>The property company with id <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No property company has that id; the message names it.</exception>
    public PropertyCompany GetPropertyCompany(PropertyCompanyId id) => TryGetPropertyCompany(id, out var company) ? company : throw NotFound("property company", id.Value);

    /// <summary>Finds the property company with id <paramref name="id"/>; false when there is none.</summary>
    public bool TryGetPropertyCompany(PropertyCompanyId id, [NotNullWhen(true)] out PropertyCompany? company) => TryGet(_companies, EntityKind.PropertyCompany, id.Value, out company);

    /// <summary>The subdistrict office with id <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No office has that id; the message names it.</exception>
    public SubdistrictOffice GetSubdistrictOffice(SubdistrictOfficeId id) => TryGetSubdistrictOffice(id, out var office) ? office : throw NotFound("subdistrict office", id.Value);

    /// <summary>Finds the subdistrict office with id <paramref name="id"/>; false when there is none.</summary>
    public bool TryGetSubdistrictOffice(SubdistrictOfficeId id, [NotNullWhen(true)] out SubdistrictOffice? office) => TryGet(_offices, EntityKind.SubdistrictOffice, id.Value, out office);

    /// <summary>The district department with id <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No department has that id; the message names it.</exception>
    public DistrictDepartment GetDistrictDepartment(DistrictDepartmentId id) => TryGetDistrictDepartment(id, out var department) ? department : throw NotFound("district department", id.Value);

    /// <summary>Finds the district department with id <paramref name="id"/>; false when there is none.</summary>
    public bool TryGetDistrictDepartment(DistrictDepartmentId id, [NotNullWhen(true)] out DistrictDepartment? department) => TryGet(_departments, EntityKind.DistrictDepartment, id.Value, out department);

    /// <summary>The staff member with id <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No staff member has that id; the message names it.</exception>
    public StaffMember GetStaffMember(StaffId id) => TryGetStaffMember(id, out var member) ? member : throw NotFound("staff member", id.Value);

    /// <summary>Finds the staff member with id <paramref name="id"/>; false when there is none.</summary>
    public bool TryGetStaffMember(StaffId id, [NotNullWhen(true)] out StaffMember? member) => TryGet(_staff, EntityKind.StaffMember, id.Value, out member);

    /// <summary>The party organisation with id <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No party organisation has that id; the message names it.</exception>
    public PartyOrganization GetPartyOrganization(PartyOrganizationId id) => TryGetPartyOrganization(id, out var organization) ? organization : throw NotFound("party organisation", id.Value);

    /// <summary>Finds the party organisation with id <paramref name="id"/>; false when there is none.</summary>
    public bool TryGetPartyOrganization(PartyOrganizationId id, [NotNullWhen(true)] out PartyOrganization? organization) => TryGet(_partyOrganizations, EntityKind.PartyOrganization, id.Value, out organization);

    /// <summary>The party member with id <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No party member has that id; the message names it.</exception>
    public PartyMember GetPartyMember(PartyMemberId id) => TryGetPartyMember(id, out var member) ? member : throw NotFound("party member", id.Value);

    /// <summary>Finds the party member with id <paramref name="id"/>; false when there is none.</summary>
    public bool TryGetPartyMember(PartyMemberId id, [NotNullWhen(true)] out PartyMember? member) => TryGet(_partyMembers, EntityKind.PartyMember, id.Value, out member);

    // ---- The administrative tree ----------------------------------------------------------------------------

    /// <summary>The unit's parent; <see langword="null"/> for the district.</summary>
    public Unit? ParentOf(Unit unit)
    {
        var parent = _parent[IndexOf(unit)];
        return parent < 0 ? null : _units[parent];
    }

    /// <summary>The unit's children in the order they were added; empty for a building.</summary>
    public ReadOnlySpan<Unit> ChildrenOf(Unit unit) => _children[IndexOf(unit)];

    /// <summary>Every unit below <paramref name="unit"/> (not itself), depth first, children in the order they were added.</summary>
    public ReadOnlySpan<Unit> DescendantsOf(Unit unit)
    {
        var u = IndexOf(unit);
        var start = _preorderPosition[u] + 1;
        return _preorder.AsSpan(start, _subtreeEnd[u] - start);
    }

    /// <summary>The unit's ancestors, its parent first and the district last; empty for the district. Allocates nothing.</summary>
    public AncestorList AncestorsOf(Unit unit)
    {
        var u = IndexOf(unit);
        return new AncestorList(_units, _ancestorAtLevel, u * Levels, (int)_units[u].Level);
    }

    /// <summary>The household's ancestors: its building first, then grid, community, street-level unit and district. Allocates nothing.</summary>
    public AncestorList AncestorsOf(Household household) =>
        new(_units, _ancestorAtLevel, _householdBuilding[IndexOf(household)] * Levels, Levels);

    /// <summary>
    /// The unit at <paramref name="level"/> on the way from <paramref name="unit"/> to the district: the unit itself
    /// when it is at that level, <see langword="null"/> when <paramref name="level"/> is below the unit.
    /// </summary>
    public Unit? AncestorOrSelfAt(Unit unit, UnitLevel level)
    {
        var found = _ancestorAtLevel[(IndexOf(unit) * Levels) + CheckLevel(level)];
        return found < 0 ? null : _units[found];
    }

    /// <summary>The unit at <paramref name="level"/> above the household (its building for <see cref="UnitLevel.Building"/>).</summary>
    public Unit AncestorAt(Household household, UnitLevel level) =>
        _units[_ancestorAtLevel[(_householdBuilding[IndexOf(household)] * Levels) + CheckLevel(level)]];

    /// <summary>The subdistrict, town or township a unit belongs to (itself if it is one); <see langword="null"/> for the district.</summary>
    public Unit? StreetLevelUnitOf(Unit unit) => AncestorOrSelfAt(unit, UnitLevel.StreetLevel);

    /// <summary>The subdistrict, town or township the household belongs to.</summary>
    public Unit StreetLevelUnitOf(Household household) => AncestorAt(household, UnitLevel.StreetLevel);

    /// <summary>The building the household lives in.</summary>
    public Unit BuildingOf(Household household) => _units[_householdBuilding[IndexOf(household)]];

    /// <summary>True when <paramref name="unit"/> is <paramref name="ancestor"/> or lies below it. Constant time.</summary>
    public bool IsWithin(Unit unit, Unit ancestor)
    {
        var position = _preorderPosition[IndexOf(unit)];
        var a = IndexOf(ancestor);
        return position >= _preorderPosition[a] && position < _subtreeEnd[a];
    }

    /// <summary>Every household living in buildings at or below <paramref name="unit"/>, in tree order. Constant time.</summary>
    public ReadOnlySpan<Household> HouseholdsUnder(Unit unit) => SubtreeSlice(_householdsInTreeOrder, _householdsBefore, IndexOf(unit));

    /// <summary>Every party member living in a household at or below <paramref name="unit"/>, in tree order. Constant time.</summary>
    public ReadOnlySpan<PartyMember> PartyMembersLivingUnder(Unit unit) => SubtreeSlice(_membersInTreeOrder, _membersBefore, IndexOf(unit));

    // ---- Bodies beside the tree ---------------------------------------------------------------------------

    /// <summary>
    /// The property companies serving the community or village <paramref name="unit"/> belongs to (itself, or the
    /// one above a grid or building); empty above the community level or when no company serves it.
    /// </summary>
    public ReadOnlySpan<PropertyCompany> PropertyCompaniesServing(Unit unit)
    {
        var community = _ancestorAtLevel[(IndexOf(unit) * Levels) + (int)UnitLevel.Community];
        return community < 0 ? [] : _companiesOfCommunity[community];
    }

    /// <summary>The business offices of the street-level unit <paramref name="unit"/> belongs to (itself, or the one above it).</summary>
    public ReadOnlySpan<SubdistrictOffice> SubdistrictOfficesOf(Unit unit)
    {
        var streetLevel = _ancestorAtLevel[(IndexOf(unit) * Levels) + (int)UnitLevel.StreetLevel];
        return streetLevel < 0 ? [] : _officesOfUnit[streetLevel];
    }

    /// <summary>The street-level unit the office belongs to.</summary>
    public Unit UnitOf(SubdistrictOffice office) => _units[_ids[CheckOwned(_offices, office, office.Index).UnitId.Value].Index];

    /// <summary>The staff working at <paramref name="agency"/>, in the order they were added; empty when none.</summary>
    public ReadOnlySpan<StaffMember> StaffAt(Agency agency) =>
        agency.Id is not null && _staffAt.TryGetValue(agency.Id, out var staff) && staff[0].Agency.Kind == agency.Kind ? staff : [];

    // ---- The party tree ------------------------------------------------------------------------------------

    /// <summary>The party organisation on exactly this unit; <see langword="null"/> when it has none.</summary>
    public PartyOrganization? PartyOrganizationOf(Unit unit)
    {
        var o = _partyOrganizationOfUnit[IndexOf(unit)];
        return o < 0 ? null : _partyOrganizations[o];
    }

    /// <summary>The party organisation on this unit or, failing that, on its nearest ancestor that has one.</summary>
    public PartyOrganization? NearestPartyOrganizationOf(Unit unit)
    {
        for (var u = IndexOf(unit); u >= 0; u = _parent[u])
        {
            if (_partyOrganizationOfUnit[u] >= 0)
            {
                return _partyOrganizations[_partyOrganizationOfUnit[u]];
            }
        }

        return null;
    }

    /// <summary>The unit the party organisation sits on.</summary>
    public Unit UnitOf(PartyOrganization organization) => _units[_partyOrganizationUnit[IndexOf(organization)]];

    /// <summary>
    /// The organisation above in the party tree: the one on the nearest ancestor unit that has one;
    /// <see langword="null"/> at the top.
    /// </summary>
    public PartyOrganization? ParentOf(PartyOrganization organization)
    {
        var parent = _partyParent[IndexOf(organization)];
        return parent < 0 ? null : _partyOrganizations[parent];
    }

    /// <summary>The organisations directly below in the party tree.</summary>
    public ReadOnlySpan<PartyOrganization> ChildrenOf(PartyOrganization organization) => _partyChildren[IndexOf(organization)];

    /// <summary>The members belonging to the organisation, in the order they were added.</summary>
    public ReadOnlySpan<PartyMember> MembersOf(PartyOrganization organization) => _membersOfOrganization[IndexOf(organization)];

    /// <summary>The household the member lives in.</summary>
    public Household HouseholdOf(PartyMember member) => _households[_memberHousehold[CheckOwned(_partyMembers, member, member.Index).Index]];

    // ---- Internals -------------------------------------------------------------------------------------------

    internal int UnitCount => _units.Length;

    /// <summary>The index of the item of <paramref name="kind"/> with id <paramref name="id"/>, or -1; one lookup, no entity read (hot path).</summary>
    internal int IndexOf(EntityKind kind, string? id) =>
        id is not null && _ids.TryGetValue(id, out var found) && found.Kind == kind ? found.Index : -1;

    internal int ParentIndex(int unit) => _parent[unit];

    /// <summary>The unit index of the building the household lives in; no ownership check (hot path).</summary>
    internal int BuildingIndex(Household household) => _householdBuilding[household.Index];

    private ReadOnlySpan<T> SubtreeSlice<T>(T[] inTreeOrder, int[] before, int unit)
    {
        var start = before[_preorderPosition[unit]];
        return inTreeOrder.AsSpan(start, before[_subtreeEnd[unit]] - start);
    }

    /// <summary>Sorts items by the preorder position of the building they are in (stable) and counts them per position.</summary>
    private (T[] Sorted, int[] Before) SortByTreePosition<T>(T[] items, Func<T, int> buildingOf)
    {
        var before = new int[_units.Length + 1];
        var positions = new int[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            positions[i] = _preorderPosition[buildingOf(items[i])];
            before[positions[i] + 1]++;
        }

        for (var p = 1; p < before.Length; p++)
        {
            before[p] += before[p - 1];
        }

        var next = (int[])before.Clone();
        var sorted = new T[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            sorted[next[positions[i]]++] = items[i];
        }

        return (sorted, before);
    }

    private bool TryGet<T>(T[] items, EntityKind kind, string? id, [NotNullWhen(true)] out T? item)
        where T : class
    {
        if (id is not null && _ids.TryGetValue(id, out var found) && found.Kind == kind)
        {
            item = items[found.Index];
            return true;
        }

        item = null;
        return false;
    }

    private static KeyNotFoundException NotFound(string noun, string? id) => new($"The chart has no {noun} with id '{id}'.");

    private static int CheckLevel(UnitLevel level) =>
        (uint)level < Levels ? (int)level : throw new ArgumentOutOfRangeException(nameof(level), level, "Not a defined unit level.");

    private int IndexOf(Unit unit) => CheckOwned(_units, unit, unit.Index).Index;

    private int IndexOf(Household household) => CheckOwned(_households, household, household.Index).Index;

    private int IndexOf(PartyOrganization organization) => CheckOwned(_partyOrganizations, organization, organization.Index).Index;

    private static T CheckOwned<T>(T[] items, T item, int index)
        where T : class
    {
        Preconditions.CheckNotNull(item);
        if ((uint)index >= (uint)items.Length || !ReferenceEquals(items[index], item))
        {
            throw new ArgumentException($"{item} belongs to another chart.", nameof(item));
        }

        return item;
    }
}
