using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Governance.Core.Organization;

namespace Governance.Core.Tests.Organization;

// A chart as plain data: what a test adds to a ChartBuilder, in the order it adds it. Records, so that a test can
// corrupt one field with `with` and keep everything else; ToJson writes the same items in the chart format without
// going through ChartBuilder, so corrupted recipes can be loaded as documents too.

public sealed record UnitRecipe(string Id, UnitKind Kind, string Name, string? Parent);

public sealed record HouseholdRecipe(string Id, string Building, string Address, string? Head, string? Phone, int Residents);

public sealed record PropertyCompanyRecipe(string Id, string Name, string Hotline, ImmutableList<string> Communities);

public sealed record SubdistrictOfficeRecipe(string Id, string Name, string Unit, ImmutableList<string> Duties);

public sealed record DistrictDepartmentRecipe(string Id, string Name, ImmutableList<string> Duties);

public sealed record StaffRecipe(string Id, string Name, string Role, string Phone, AgencyKind AgencyKind, string Agency, ImmutableList<string> Duties);

public sealed record PartyOrganizationRecipe(string Id, PartyOrganizationKind Kind, string Name, string Unit);

public sealed record PartyMemberRecipe(string Id, string Name, string? Phone, string Household, string Organization);

public sealed record ChartRecipe(
    ImmutableList<UnitRecipe> Units,
    ImmutableList<HouseholdRecipe> Households,
    ImmutableList<PropertyCompanyRecipe> PropertyCompanies,
    ImmutableList<SubdistrictOfficeRecipe> SubdistrictOffices,
    ImmutableList<DistrictDepartmentRecipe> DistrictDepartments,
    ImmutableList<StaffRecipe> Staff,
    ImmutableList<PartyOrganizationRecipe> PartyOrganizations,
    ImmutableList<PartyMemberRecipe> PartyMembers)
{
    public static ChartRecipe Empty { get; } = new([], [], [], [], [], [], [], []);

    /// <summary>Adds every item to <paramref name="builder"/> in recipe order, through the public API.</summary>
    public ChartBuilder ApplyTo(ChartBuilder builder)
    {
        foreach (var u in Units)
        {
            builder.AddUnit(new UnitId(u.Id), u.Kind, u.Name, u.Parent is null ? null : new UnitId(u.Parent));
        }

        foreach (var h in Households)
        {
            builder.AddHousehold(new HouseholdId(h.Id), new UnitId(h.Building), h.Address,
                h.Head is null ? null : new PersonName(h.Head), h.Phone is null ? null : new PhoneNumber(h.Phone), h.Residents);
        }

        foreach (var c in PropertyCompanies)
        {
            builder.AddPropertyCompany(new PropertyCompanyId(c.Id), c.Name, c.Communities.Select(id => new UnitId(id)), c.Hotline);
        }

        foreach (var o in SubdistrictOffices)
        {
            builder.AddSubdistrictOffice(new SubdistrictOfficeId(o.Id), o.Name, new UnitId(o.Unit), o.Duties);
        }

        foreach (var d in DistrictDepartments)
        {
            builder.AddDistrictDepartment(new DistrictDepartmentId(d.Id), d.Name, d.Duties);
        }

        foreach (var s in Staff)
        {
            builder.AddStaffMember(new StaffId(s.Id), s.Name, s.Role, s.Phone, new Agency(s.AgencyKind, s.Agency), s.Duties);
        }

        foreach (var o in PartyOrganizations)
        {
            builder.AddPartyOrganization(new PartyOrganizationId(o.Id), o.Kind, o.Name, new UnitId(o.Unit));
        }

        foreach (var m in PartyMembers)
        {
            builder.AddPartyMember(new PartyMemberId(m.Id), new PersonName(m.Name), new HouseholdId(m.Household),
                new PartyOrganizationId(m.Organization), m.Phone is null ? null : new PhoneNumber(m.Phone));
        }

        return builder;
    }

    public Chart Build() => ApplyTo(new ChartBuilder()).Build();

    /// <summary>The recipe as a chart document (format version 1), written independently of <see cref="ChartJson"/>.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("formatVersion", ChartJson.FormatVersion);
            WriteList(w, "units", Units, u =>
            {
                w.WriteString("id", u.Id);
                w.WriteString("kind", u.Kind.ToString());
                w.WriteString("name", u.Name);
                if (u.Parent is not null)
                {
                    w.WriteString("parent", u.Parent);
                }
            });
            WriteList(w, "households", Households, h =>
            {
                w.WriteString("id", h.Id);
                w.WriteString("building", h.Building);
                w.WriteString("address", h.Address);
                if (h.Head is not null)
                {
                    w.WriteString("head", h.Head);
                }

                if (h.Phone is not null)
                {
                    w.WriteString("phone", h.Phone);
                }

                w.WriteNumber("residents", h.Residents);
            });
            WriteList(w, "propertyCompanies", PropertyCompanies, c =>
            {
                w.WriteString("id", c.Id);
                w.WriteString("name", c.Name);
                w.WriteString("hotline", c.Hotline);
                WriteStrings(w, "communities", c.Communities);
            });
            WriteList(w, "subdistrictOffices", SubdistrictOffices, o =>
            {
                w.WriteString("id", o.Id);
                w.WriteString("name", o.Name);
                w.WriteString("unit", o.Unit);
                WriteStrings(w, "duties", o.Duties);
            });
            WriteList(w, "districtDepartments", DistrictDepartments, d =>
            {
                w.WriteString("id", d.Id);
                w.WriteString("name", d.Name);
                WriteStrings(w, "duties", d.Duties);
            });
            WriteList(w, "staff", Staff, s =>
            {
                w.WriteString("id", s.Id);
                w.WriteString("name", s.Name);
                w.WriteString("role", s.Role);
                w.WriteString("phone", s.Phone);
                w.WriteString("agency", s.Agency);
                WriteStrings(w, "duties", s.Duties);
            });
            WriteList(w, "partyOrganizations", PartyOrganizations, o =>
            {
                w.WriteString("id", o.Id);
                w.WriteString("kind", o.Kind.ToString());
                w.WriteString("name", o.Name);
                w.WriteString("unit", o.Unit);
            });
            WriteList(w, "partyMembers", PartyMembers, m =>
            {
                w.WriteString("id", m.Id);
                w.WriteString("name", m.Name);
                if (m.Phone is not null)
                {
                    w.WriteString("phone", m.Phone);
                }

                w.WriteString("household", m.Household);
                w.WriteString("organization", m.Organization);
            });
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Every id with the JSON path of its <c>id</c> field, in the order the chart registers them (document order).</summary>
    public IEnumerable<(string Path, string Id)> IdsInDocumentOrder()
    {
        static IEnumerable<(string, string)> Of<T>(string list, ImmutableList<T> items, Func<T, string> id) =>
            items.Select((item, i) => ($"$.{list}[{i}].id", id(item)));

        return Of("units", Units, u => u.Id)
            .Concat(Of("households", Households, h => h.Id))
            .Concat(Of("propertyCompanies", PropertyCompanies, c => c.Id))
            .Concat(Of("subdistrictOffices", SubdistrictOffices, o => o.Id))
            .Concat(Of("districtDepartments", DistrictDepartments, d => d.Id))
            .Concat(Of("staff", Staff, s => s.Id))
            .Concat(Of("partyOrganizations", PartyOrganizations, o => o.Id))
            .Concat(Of("partyMembers", PartyMembers, m => m.Id));
    }

    /// <summary>An outline for a failing property's report: counts, then the units in recipe order.</summary>
    public override string ToString() =>
        $"{Units.Count} units, {Households.Count} households, {PropertyCompanies.Count} companies, {SubdistrictOffices.Count} offices, "
        + $"{DistrictDepartments.Count} departments, {Staff.Count} staff, {PartyOrganizations.Count} party organisations, "
        + $"{PartyMembers.Count} members; units: "
        + string.Join(", ", Units.Select(u => $"{u.Kind} {u.Id}<{u.Parent}"));

    private static void WriteList<T>(Utf8JsonWriter w, string name, ImmutableList<T> items, Action<T> writeFields)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            writeFields(item);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
