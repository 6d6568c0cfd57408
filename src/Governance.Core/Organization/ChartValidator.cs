using System.Collections.Immutable;

namespace Governance.Core.Organization;

/// <summary>
/// Checks a <see cref="ChartBuilder"/>'s items against the chart rules, collecting every error, and turns them into
/// the entities of a <see cref="Chart"/> when there are none.
/// </summary>
internal sealed class ChartValidator
{
    private readonly ChartBuilder _builder;
    private readonly List<DataError> _errors;
    private readonly Dictionary<string, EntityRef> _ids;

    public ChartValidator(ChartBuilder builder)
    {
        _builder = builder;
        _errors = [.. builder.ReportedErrors];
        var capacity = builder.Units.Count + builder.Households.Count + builder.Companies.Count + builder.Offices.Count
            + builder.Departments.Count + builder.Staff.Count + builder.PartyOrganizations.Count + builder.PartyMembers.Count;
        _ids = new Dictionary<string, EntityRef>(capacity, StringComparer.Ordinal);
    }

    public Chart Validate()
    {
        RegisterIds();
        var units = ValidateUnits();
        var households = ValidateHouseholds(units);
        var companies = ValidateCompanies(units);
        var offices = ValidateOffices(units);
        var departments = ValidateDepartments();
        var staff = ValidateStaff();
        var partyOrganizations = ValidatePartyOrganizations(units);
        var partyMembers = ValidatePartyMembers(households, partyOrganizations);

        if (_errors.Count > 0)
        {
            throw new DataValidationException("chart", _errors.OrderBy(e => e, ErrorOrder.Instance));
        }

        return new Chart(units, households, companies, offices, departments, staff, partyOrganizations, partyMembers, _ids);
    }

    private void Error(EntityKind kind, int index, string? field, string? id, string message) =>
        _errors.Add(new DataError(field is null ? kind.PathOf(index) : $"{kind.PathOf(index)}.{field}", id, message));

    private void RegisterIds()
    {
        Register(EntityKind.Unit, _builder.Units, s => (s.Index, s.Id));
        Register(EntityKind.Household, _builder.Households, s => (s.Index, s.Id));
        Register(EntityKind.PropertyCompany, _builder.Companies, s => (s.Index, s.Id));
        Register(EntityKind.SubdistrictOffice, _builder.Offices, s => (s.Index, s.Id));
        Register(EntityKind.DistrictDepartment, _builder.Departments, s => (s.Index, s.Id));
        Register(EntityKind.StaffMember, _builder.Staff, s => (s.Index, s.Id));
        Register(EntityKind.PartyOrganization, _builder.PartyOrganizations, s => (s.Index, s.Id));
        Register(EntityKind.PartyMember, _builder.PartyMembers, s => (s.Index, s.Id));
    }

    /// <summary>
    /// Registers each item's id under its position in the list (what the entity arrays are indexed by), remembering its
    /// source index for paths: the two differ when a loaded document had null entries.
    /// </summary>
    private void Register<TSpec>(EntityKind kind, IReadOnlyList<TSpec> specs, Func<TSpec, (int SourceIndex, string? Id)> key)
    {
        for (var position = 0; position < specs.Count; position++)
        {
            var (source, id) = key(specs[position]);
            if (!IsValidId(id, out var problem))
            {
                Error(kind, source, "id", id, problem);
            }
            else if (!_ids.TryAdd(id!, new EntityRef(kind, position, source)))
            {
                var first = _ids[id!];
                Error(kind, source, "id", id, $"duplicate id: already used by the {first.Kind.Noun()} at {first.Kind.PathOf(first.SourceIndex)}");
            }
        }
    }

    internal static bool IsValidId(string? id, out string problem)
    {
        if (string.IsNullOrEmpty(id))
        {
            problem = "the id is missing or empty";
            return false;
        }

        if (id.Length > ChartBuilder.MaxIdLength)
        {
            problem = $"the id is {id.Length} characters long; at most {ChartBuilder.MaxIdLength} are allowed";
            return false;
        }

        foreach (var c in id)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                problem = "the id contains white space or a control character";
                return false;
            }
        }

        problem = string.Empty;
        return true;
    }

    /// <summary>Resolves <paramref name="id"/> to an item of <paramref name="expected"/>, reporting at the referring field otherwise.</summary>
    private int Resolve(EntityKind owner, int ownerIndex, string field, string? ownerId, string? id, EntityKind expected)
    {
        if (string.IsNullOrEmpty(id))
        {
            Error(owner, ownerIndex, field, ownerId, $"the {expected.Noun()} reference is missing");
            return -1;
        }

        if (!_ids.TryGetValue(id, out var target))
        {
            Error(owner, ownerIndex, field, ownerId, $"unknown {expected.Noun()} '{id}'");
            return -1;
        }

        if (target.Kind != expected)
        {
            Error(owner, ownerIndex, field, ownerId, $"'{id}' is a {target.Kind.Noun()}, not a {expected.Noun()}");
            return -1;
        }

        return target.Index;
    }

    private void CheckName(EntityKind kind, int index, string? id, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            Error(kind, index, "name", id, "the name is missing or empty");
        }
    }

    private void CheckPhone(EntityKind kind, int index, string? id, PhoneNumber? phone)
    {
        if (phone is { } p && p.Reveal().Length == 0)
        {
            Error(kind, index, "phone", id, "the phone number is empty");
        }
    }

    private void CheckDuties(EntityKind kind, int index, string? id, ImmutableArray<string> duties)
    {
        for (var d = 0; d < duties.Length; d++)
        {
            if (string.IsNullOrWhiteSpace(duties[d]))
            {
                Error(kind, index, $"duties[{d}]", id, "a duty is null or empty");
            }
        }
    }

    private Unit[] ValidateUnits()
    {
        var specs = _builder.Units;
        var units = new Unit[specs.Count];
        var parents = new int[specs.Count];
        var districts = new List<int>();

        for (var i = 0; i < specs.Count; i++)
        {
            var s = specs[i];
            CheckName(EntityKind.Unit, s.Index, s.Id, s.Name);
            parents[i] = -1;
            if (!Enum.IsDefined(s.Kind))
            {
                if (!ChartBuilder.IsUnparsed(s.Kind))
                {
                    Error(EntityKind.Unit, s.Index, "kind", s.Id, $"'{s.Kind}' is not a unit kind");
                }

                continue;
            }

            if (s.Kind == UnitKind.District)
            {
                districts.Add(i);
                if (s.Parent is not null)
                {
                    Error(EntityKind.Unit, s.Index, "parent", s.Id, "the district is the top of the tree and cannot have a parent");
                }

                continue;
            }

            if (s.Parent is null)
            {
                Error(EntityKind.Unit, s.Index, "parent", s.Id, $"a {KindWord(s.Kind)} needs a parent {ParentWord(s.Kind)}");
                continue;
            }

            var parent = Resolve(EntityKind.Unit, s.Index, "parent", s.Id, s.Parent, EntityKind.Unit);
            if (parent < 0)
            {
                continue;
            }

            parents[i] = parent;
            var parentKind = specs[parent].Kind;
            if (Enum.IsDefined(parentKind) && parentKind.Level() != s.Kind.Level() - 1)
            {
                Error(EntityKind.Unit, s.Index, "parent", s.Id,
                    $"wrong nesting: a {KindWord(s.Kind)} must be inside {ParentWord(s.Kind)}, but its parent '{s.Parent}' is a {KindWord(parentKind)}");
            }
        }

        if (districts.Count == 0 && specs.Count > 0)
        {
            _errors.Add(new DataError("$.units", null, "the chart has no district: exactly one unit of kind District is required"));
        }
        else if (specs.Count == 0)
        {
            _errors.Add(new DataError("$.units", null, "the chart has no units: at least the district is required"));
        }

        foreach (var extra in districts.Skip(1))
        {
            Error(EntityKind.Unit, specs[extra].Index, "kind", specs[extra].Id,
                $"a second district: the chart already has '{specs[districts[0]].Id}'; a chart describes one district");
        }

        ReportCycles(specs, parents);

        for (var i = 0; i < specs.Count; i++)
        {
            var s = specs[i];
            units[i] = new Unit(i, new UnitId(s.Id ?? string.Empty), s.Kind, s.Name ?? string.Empty, s.Parent is null ? null : new UnitId(s.Parent));
        }

        return units;
    }

    private void ReportCycles(IReadOnlyList<ChartBuilder.UnitSpec> specs, int[] parents)
    {
        // 0 = unvisited, 1 = on the current walk, 2 = done. Each cycle is reported once, at its first unit in document order.
        var state = new byte[parents.Length];
        var walk = new List<int>();
        for (var start = 0; start < parents.Length; start++)
        {
            walk.Clear();
            var node = start;
            while (node >= 0 && state[node] == 0)
            {
                state[node] = 1;
                walk.Add(node);
                node = parents[node];
            }

            if (node >= 0 && state[node] == 1)
            {
                var cycle = walk.Skip(walk.IndexOf(node)).ToList();
                var first = cycle.Min();
                var rotated = cycle.Skip(cycle.IndexOf(first)).Concat(cycle.Take(cycle.IndexOf(first))).Append(first);
                Error(EntityKind.Unit, specs[first].Index, "parent", specs[first].Id,
                    "a cycle of parents: " + string.Join(" → ", rotated.Select(u => specs[u].Id)));
            }

            foreach (var n in walk)
            {
                state[n] = 2;
            }
        }
    }

    /// <summary>The unit's level, or null when its kind was not understood (already reported).</summary>
    private static UnitLevel? LevelOf(Unit unit) => Enum.IsDefined(unit.Kind) ? unit.Level : null;

    private static string KindWord(UnitKind kind) => kind switch
    {
        UnitKind.District => "district",
        UnitKind.Subdistrict => "subdistrict",
        UnitKind.Town => "town",
        UnitKind.Township => "township",
        UnitKind.Community => "community",
        UnitKind.Village => "village",
        UnitKind.Grid => "grid",
        UnitKind.Building => "building",
        _ => kind.ToString(),
    };

    private static string ParentWord(UnitKind kind) => kind.Level() switch
    {
        UnitLevel.StreetLevel => "the district",
        UnitLevel.Community => "a subdistrict, town or township",
        UnitLevel.Grid => "a community or village",
        UnitLevel.Building => "a grid",
        _ => "nothing",
    };

    private Household[] ValidateHouseholds(Unit[] units)
    {
        var specs = _builder.Households;
        var households = new Household[specs.Count];
        for (var i = 0; i < specs.Count; i++)
        {
            var s = specs[i];
            var building = Resolve(EntityKind.Household, s.Index, "building", s.Id, s.Building, EntityKind.Unit);
            if (building >= 0 && LevelOf(units[building]) is { } buildingLevel && buildingLevel != UnitLevel.Building)
            {
                Error(EntityKind.Household, s.Index, "building", s.Id,
                    $"households live only in buildings, but '{s.Building}' is a {KindWord(units[building].Kind)}");
            }

            // default(PersonName) / default(PhoneNumber) reach here only from code; the JSON format cannot hold them.
            if (s.Head is { } head && head.Reveal().Length == 0)
            {
                Error(EntityKind.Household, s.Index, "head", s.Id, "the name is missing or empty");
            }

            CheckPhone(EntityKind.Household, s.Index, s.Id, s.Phone);
            if (s.Residents is < 0 or > ChartBuilder.MaxResidents)
            {
                Error(EntityKind.Household, s.Index, "residents", s.Id, $"{s.Residents} residents; a household has 0 to {ChartBuilder.MaxResidents}");
            }

            // A resolved reference reuses the unit's own id string, so the document's copies can be collected.
            var buildingId = building >= 0 ? units[building].Id : new UnitId(s.Building ?? string.Empty);
            households[i] = new Household(i, new HouseholdId(s.Id ?? string.Empty), buildingId, s.Address, s.Head, s.Phone, s.Residents);
        }

        return households;
    }

    private PropertyCompany[] ValidateCompanies(Unit[] units)
    {
        var specs = _builder.Companies;
        var companies = new PropertyCompany[specs.Count];
        for (var i = 0; i < specs.Count; i++)
        {
            var s = specs[i];
            CheckName(EntityKind.PropertyCompany, s.Index, s.Id, s.Name);
            if (s.Communities.Length == 0)
            {
                Error(EntityKind.PropertyCompany, s.Index, "communities", s.Id, "a property company serves at least one community or village");
            }

            for (var c = 0; c < s.Communities.Length; c++)
            {
                var community = Resolve(EntityKind.PropertyCompany, s.Index, $"communities[{c}]", s.Id, s.Communities[c], EntityKind.Unit);
                if (community >= 0 && LevelOf(units[community]) is { } communityLevel && communityLevel != UnitLevel.Community)
                {
                    Error(EntityKind.PropertyCompany, s.Index, $"communities[{c}]", s.Id,
                        $"a property company serves communities or villages, but '{s.Communities[c]}' is a {KindWord(units[community].Kind)}");
                }
            }

            companies[i] = new PropertyCompany(i, new PropertyCompanyId(s.Id ?? string.Empty), s.Name ?? string.Empty, s.Hotline,
                [.. s.Communities.Select(c => new UnitId(c ?? string.Empty))]);
        }

        return companies;
    }

    private SubdistrictOffice[] ValidateOffices(Unit[] units)
    {
        var specs = _builder.Offices;
        var offices = new SubdistrictOffice[specs.Count];
        for (var i = 0; i < specs.Count; i++)
        {
            var s = specs[i];
            CheckName(EntityKind.SubdistrictOffice, s.Index, s.Id, s.Name);
            CheckDuties(EntityKind.SubdistrictOffice, s.Index, s.Id, s.Duties);
            var unit = Resolve(EntityKind.SubdistrictOffice, s.Index, "unit", s.Id, s.Unit, EntityKind.Unit);
            if (unit >= 0 && LevelOf(units[unit]) is { } officeLevel && officeLevel != UnitLevel.StreetLevel)
            {
                Error(EntityKind.SubdistrictOffice, s.Index, "unit", s.Id,
                    $"an office belongs to a subdistrict, town or township, but '{s.Unit}' is a {KindWord(units[unit].Kind)}");
            }

            offices[i] = new SubdistrictOffice(i, new SubdistrictOfficeId(s.Id ?? string.Empty), s.Name ?? string.Empty, new UnitId(s.Unit ?? string.Empty), s.Duties);
        }

        return offices;
    }

    private DistrictDepartment[] ValidateDepartments()
    {
        var specs = _builder.Departments;
        var departments = new DistrictDepartment[specs.Count];
        for (var i = 0; i < specs.Count; i++)
        {
            var s = specs[i];
            CheckName(EntityKind.DistrictDepartment, s.Index, s.Id, s.Name);
            CheckDuties(EntityKind.DistrictDepartment, s.Index, s.Id, s.Duties);
            departments[i] = new DistrictDepartment(i, new DistrictDepartmentId(s.Id ?? string.Empty), s.Name ?? string.Empty, s.Duties);
        }

        return departments;
    }

    private StaffMember[] ValidateStaff()
    {
        var specs = _builder.Staff;
        var staff = new StaffMember[specs.Count];
        for (var i = 0; i < specs.Count; i++)
        {
            var s = specs[i];
            CheckName(EntityKind.StaffMember, s.Index, s.Id, s.Name);
            CheckDuties(EntityKind.StaffMember, s.Index, s.Id, s.Duties);
            var kind = AgencyKind.Unit;
            if (string.IsNullOrEmpty(s.Agency))
            {
                Error(EntityKind.StaffMember, s.Index, "agency", s.Id, "the agency reference is missing");
            }
            else if (!_ids.TryGetValue(s.Agency, out var target))
            {
                Error(EntityKind.StaffMember, s.Index, "agency", s.Id, $"unknown agency '{s.Agency}'");
            }
            else if (ToAgencyKind(target.Kind) is not { } found)
            {
                Error(EntityKind.StaffMember, s.Index, "agency", s.Id,
                    $"'{s.Agency}' is a {target.Kind.Noun()}; staff work at a unit, property company, subdistrict office or district department");
            }
            else if (s.ExpectedKind is { } expected && expected != found)
            {
                Error(EntityKind.StaffMember, s.Index, "agency", s.Id, $"'{s.Agency}' is a {target.Kind.Noun()}, not a {expected}");
            }
            else
            {
                kind = found;
            }

            staff[i] = new StaffMember(i, new StaffId(s.Id ?? string.Empty), s.Name ?? string.Empty, s.Role, s.Phone, new Agency(kind, s.Agency ?? string.Empty), s.Duties);
        }

        return staff;
    }

    private static AgencyKind? ToAgencyKind(EntityKind kind) => kind switch
    {
        EntityKind.Unit => AgencyKind.Unit,
        EntityKind.PropertyCompany => AgencyKind.PropertyCompany,
        EntityKind.SubdistrictOffice => AgencyKind.SubdistrictOffice,
        EntityKind.DistrictDepartment => AgencyKind.DistrictDepartment,
        _ => null,
    };

    private PartyOrganization[] ValidatePartyOrganizations(Unit[] units)
    {
        var specs = _builder.PartyOrganizations;
        var organizations = new PartyOrganization[specs.Count];
        var onUnit = new Dictionary<int, int>();
        for (var i = 0; i < specs.Count; i++)
        {
            var s = specs[i];
            CheckName(EntityKind.PartyOrganization, s.Index, s.Id, s.Name);
            var unit = Resolve(EntityKind.PartyOrganization, s.Index, "unit", s.Id, s.Unit, EntityKind.Unit);
            if (!Enum.IsDefined(s.Kind))
            {
                if (!ChartBuilder.IsUnparsed(s.Kind))
                {
                    Error(EntityKind.PartyOrganization, s.Index, "kind", s.Id, $"'{s.Kind}' is not a party organisation kind");
                }
            }
            else if (unit >= 0 && LevelOf(units[unit]) is { } unitLevel && unitLevel != s.Kind.UnitLevel())
            {
                Error(EntityKind.PartyOrganization, s.Index, "kind", s.Id,
                    $"a {s.Kind} sits on a unit at the {s.Kind.UnitLevel()} level, but '{s.Unit}' is a {KindWord(units[unit].Kind)}");
            }

            if (unit >= 0 && !onUnit.TryAdd(unit, i))
            {
                var first = specs[onUnit[unit]];
                Error(EntityKind.PartyOrganization, s.Index, "unit", s.Id,
                    $"unit '{s.Unit}' already has the party organisation '{first.Id}' ({EntityKind.PartyOrganization.PathOf(first.Index)}); a unit has at most one");
            }

            organizations[i] = new PartyOrganization(i, new PartyOrganizationId(s.Id ?? string.Empty), s.Kind, s.Name ?? string.Empty, new UnitId(s.Unit ?? string.Empty));
        }

        return organizations;
    }

    private PartyMember[] ValidatePartyMembers(Household[] households, PartyOrganization[] organizations)
    {
        var specs = _builder.PartyMembers;
        var members = new PartyMember[specs.Count];
        for (var i = 0; i < specs.Count; i++)
        {
            var s = specs[i];
            if (string.IsNullOrWhiteSpace(s.Name.Reveal()))
            {
                Error(EntityKind.PartyMember, s.Index, "name", s.Id, "the name is missing or empty");
            }

            CheckPhone(EntityKind.PartyMember, s.Index, s.Id, s.Phone);
            var household = Resolve(EntityKind.PartyMember, s.Index, "household", s.Id, s.Household, EntityKind.Household);
            var organization = Resolve(EntityKind.PartyMember, s.Index, "organization", s.Id, s.Organization, EntityKind.PartyOrganization);
            members[i] = new PartyMember(i, new PartyMemberId(s.Id ?? string.Empty), s.Name, s.Phone,
                household >= 0 ? households[household].Id : new HouseholdId(s.Household ?? string.Empty),
                organization >= 0 ? organizations[organization].Id : new PartyOrganizationId(s.Organization ?? string.Empty));
        }

        return members;
    }

    /// <summary>Orders errors by list, then by index, then by field, so reports read in document order.</summary>
    private sealed class ErrorOrder : IComparer<DataError>
    {
        public static readonly ErrorOrder Instance = new();

        public int Compare(DataError? x, DataError? y) => ComparePaths(x?.Path ?? string.Empty, y?.Path ?? string.Empty);

        private static int ComparePaths(string a, string b)
        {
            // Compare "$.units[12].parent" and "$.units[3]" numerically inside brackets.
            int i = 0, j = 0;
            while (i < a.Length && j < b.Length)
            {
                if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
                {
                    var si = i;
                    var sj = j;
                    while (i < a.Length && char.IsAsciiDigit(a[i]))
                    {
                        i++;
                    }

                    while (j < b.Length && char.IsAsciiDigit(b[j]))
                    {
                        j++;
                    }

                    var byLength = (i - si).CompareTo(j - sj);
                    if (byLength != 0)
                    {
                        return byLength;
                    }

                    var byDigits = string.CompareOrdinal(a, si, b, sj, i - si);
                    if (byDigits != 0)
                    {
                        return byDigits;
                    }

                    continue;
                }

                if (a[i] != b[j])
                {
                    return a[i].CompareTo(b[j]);
                }

                i++;
                j++;
            }

            return (a.Length - i).CompareTo(b.Length - j);
        }
    }
}
