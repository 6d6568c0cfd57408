using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Governance.Core.Organization.Json;

namespace Governance.Core.Organization;

/// <summary>
/// Reads and writes charts in the chart JSON format (format version 1, described by <c>schemas/chart.schema.json</c>
/// shipped with the package): one object with flat lists <c>units</c>, <c>households</c>,
/// <c>propertyCompanies</c>, <c>subdistrictOffices</c>, <c>districtDepartments</c>, <c>staff</c>,
/// <c>partyOrganizations</c> and <c>partyMembers</c>, items referring to each other by id, enums as strings.
/// </summary>
/// <remarks>
/// <para>Loading checks the whole document and throws only <see cref="DataValidationException"/>, whatever the
/// input: malformed or truncated JSON is reported at the path and line where parsing stopped; everything else
/// (missing fields, unknown properties, unknown references, bad nesting, cycles) is reported all at once, each
/// error with its JSON path and the offending id.</para>
/// <para>Writing produces the same lists in chart order, so a chart written with
/// <see cref="PersonalDataExport.Reveal"/> and loaded again is the same chart, and writes the same text.
/// Residents' names and phones are masked unless the caller asks for <see cref="PersonalDataExport.Reveal"/>.</para>
/// </remarks>
public static class ChartJson
{
    /// <summary>The format version this library writes and reads.</summary>
    public const int FormatVersion = 1;

    // Chinese names are written as themselves, not as \u escapes; characters unsafe in HTML are still escaped.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
    private static readonly ChartJsonContext Compact = new(new JsonSerializerOptions(ChartJsonContext.Default.Options) { WriteIndented = false, Encoder = Encoder });
    private static readonly ChartJsonContext Indented = new(new JsonSerializerOptions(ChartJsonContext.Default.Options) { WriteIndented = true, Encoder = Encoder });

    /// <summary>Loads a chart from UTF-8 JSON text.</summary>
    /// <exception cref="DataValidationException">The document is not a valid chart; lists every problem found.</exception>
    public static Chart Load(ReadOnlySpan<byte> utf8Json)
    {
        ChartDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, Compact.ChartDocument);
        }
        catch (Exception e) when (JsonReading.IsInputFailure(e))
        {
            throw new DataValidationException("chart", [JsonReading.ToError(e, "chart")]);
        }

        return FromDocument(document);
    }

    /// <summary>Loads a chart from a stream of UTF-8 JSON; the stream is read to its end and not closed.</summary>
    /// <exception cref="DataValidationException">The document is not a valid chart; lists every problem found.</exception>
    /// <exception cref="IOException">Reading the stream failed (a problem of the stream, not of the data).</exception>
    public static Chart Load(Stream utf8Json)
    {
        Preconditions.CheckNotNull(utf8Json);
        ChartDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, Compact.ChartDocument);
        }
        catch (Exception e) when (JsonReading.IsInputFailure(e))
        {
            throw new DataValidationException("chart", [JsonReading.ToError(e, "chart")]);
        }

        return FromDocument(document);
    }

    /// <summary>Loads a chart from JSON text.</summary>
    /// <exception cref="DataValidationException">The document is not a valid chart; lists every problem found.</exception>
    public static Chart Parse(string json)
    {
        Preconditions.CheckNotNull(json);
        return Load(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Writes the chart as JSON text; residents' personal data is masked unless <paramref name="personalData"/> says otherwise.</summary>
    public static string Serialize(Chart chart, PersonalDataExport personalData = PersonalDataExport.Masked, bool indented = true)
    {
        var context = indented ? Indented : Compact;
        return JsonSerializer.Serialize(ToDocument(Preconditions.CheckNotNull(chart), personalData), context.ChartDocument);
    }

    /// <summary>Writes the chart as UTF-8 JSON to <paramref name="utf8Json"/>, which is left open.</summary>
    public static void Write(Chart chart, Stream utf8Json, PersonalDataExport personalData = PersonalDataExport.Masked, bool indented = true)
    {
        Preconditions.CheckNotNull(utf8Json);
        var context = indented ? Indented : Compact;
        JsonSerializer.Serialize(utf8Json, ToDocument(Preconditions.CheckNotNull(chart), personalData), context.ChartDocument);
    }

    private static Chart FromDocument(ChartDocument? document)
    {
        if (document is null)
        {
            throw new DataValidationException("chart", [new DataError("$", null, "the document is null; a chart is a JSON object")]);
        }

        var builder = new ChartBuilder();
        if (document.FormatVersion is not { } version)
        {
            builder.ReportError(new DataError("$.formatVersion", null, $"the format version is missing; this library reads version {FormatVersion}"));
        }
        else if (version != FormatVersion)
        {
            builder.ReportError(new DataError("$.formatVersion", null,
                version > FormatVersion
                    ? $"format version {version} is newer than this library reads ({FormatVersion}); upgrade Governance.Core"
                    : $"format version {version} is not supported; this library reads version {FormatVersion}"));
        }

        // A missing list of units is reported by Build, as a chart with no units.
        ForEach(builder, document.Units, "units", (i, u) => builder.AddUnitRaw(i, u.Id, ParseEnum<UnitKind>(builder, $"$.units[{i}].kind", u.Id, u.Kind), u.Name, u.Parent));
        ForEach(builder, document.Households, "households", (i, h) => builder.AddHouseholdRaw(i, h.Id, h.Building, h.Address,
            ParseName(builder, $"$.households[{i}].head", h.Id, h.Head),
            ParsePhone(builder, $"$.households[{i}].phone", h.Id, h.Phone),
            h.Residents ?? 1));
        ForEach(builder, document.PropertyCompanies, "propertyCompanies", (i, c) => builder.AddPropertyCompanyRaw(i, c.Id, c.Name, c.Hotline,
            c.Communities?.ToArray() ?? []));
        ForEach(builder, document.SubdistrictOffices, "subdistrictOffices", (i, o) => builder.AddSubdistrictOfficeRaw(i, o.Id, o.Name, o.Unit,
            Duties(builder, $"$.subdistrictOffices[{i}].duties", o.Id, o.Duties)));
        ForEach(builder, document.DistrictDepartments, "districtDepartments", (i, d) => builder.AddDistrictDepartmentRaw(i, d.Id, d.Name,
            Duties(builder, $"$.districtDepartments[{i}].duties", d.Id, d.Duties)));
        ForEach(builder, document.Staff, "staff", (i, s) => builder.AddStaffMemberRaw(i, s.Id, s.Name, s.Role, s.Phone, s.Agency,
            Duties(builder, $"$.staff[{i}].duties", s.Id, s.Duties)));
        ForEach(builder, document.PartyOrganizations, "partyOrganizations", (i, o) => builder.AddPartyOrganizationRaw(i, o.Id,
            ParseEnum<PartyOrganizationKind>(builder, $"$.partyOrganizations[{i}].kind", o.Id, o.Kind), o.Name, o.Unit));
        ForEach(builder, document.PartyMembers, "partyMembers", (i, m) => builder.AddPartyMemberRaw(i, m.Id,
            string.IsNullOrWhiteSpace(m.Name) ? default : new PersonName(m.Name), // a missing name is reported by Build
            ParsePhone(builder, $"$.partyMembers[{i}].phone", m.Id, m.Phone), m.Household, m.Organization));

        return builder.Build();
    }

    private static void ForEach<T>(ChartBuilder builder, List<T?>? items, string list, Action<int, T> add)
        where T : class
    {
        if (items is null)
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item)
            {
                add(i, item);
            }
            else
            {
                builder.ReportError(new DataError($"$.{list}[{i}]", null, "the entry is null; expected an object"));
            }
        }
    }

    private static TEnum ParseEnum<TEnum>(ChartBuilder builder, string path, string? id, string? text)
        where TEnum : struct, Enum
    {
        // Names only: Enum.TryParse would also take "3" or "1,2".
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(value.ToString(), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        var allowed = string.Join(", ", Enum.GetNames<TEnum>());
        builder.ReportError(new DataError(path, id, text is null ? $"the kind is missing; one of {allowed}" : $"'{text}' is not one of {allowed}"));
        return ChartBuilder.Unparsed<TEnum>();
    }

    private static PersonName? ParseName(ChartBuilder builder, string path, string? id, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            return new PersonName(text);
        }

        if (text is not null)
        {
            builder.ReportError(new DataError(path, id, "the name is missing or empty"));
        }

        return null;
    }

    private static PhoneNumber? ParsePhone(ChartBuilder builder, string path, string? id, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (PhoneNumber.IsValid(text))
        {
            return new PhoneNumber(text);
        }

        builder.ReportError(new DataError(path, id, $"not a phone number (3 to 32 characters: digits, spaces, '-', '*' and a leading '+')"));
        return null;
    }

    private static ImmutableArray<string> Duties(ChartBuilder builder, string path, string? id, List<string?>? duties)
    {
        if (duties is null)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<string>(duties.Count);
        for (var i = 0; i < duties.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(duties[i]))
            {
                builder.ReportError(new DataError($"{path}[{i}]", id, "a duty is null or empty"));
            }
            else
            {
                result.Add(duties[i]!);
            }
        }

        return result.DrainToImmutable();
    }

    private static ChartDocument ToDocument(Chart chart, PersonalDataExport personalData)
    {
        var reveal = personalData == PersonalDataExport.Reveal;
        string? Name(PersonName? name) => name is { } n ? (reveal ? n.Reveal() : n.Masked) : null;
        string? Phone(PhoneNumber? phone) => phone is { } p ? (reveal ? p.Reveal() : p.Masked) : null;
        static List<string?>? DutiesOf(ImmutableArray<string> duties) => duties.IsEmpty ? null : [.. duties];

        return new ChartDocument
        {
            FormatVersion = FormatVersion,
            Units = [.. chart.Units.Select(u => new UnitDocument { Id = u.Id.Value, Kind = u.Kind.ToString(), Name = u.Name, Parent = u.ParentId?.Value })],
            Households = [.. chart.Households.Select(h => new HouseholdDocument
            {
                Id = h.Id.Value, Building = h.BuildingId.Value, Address = h.Address.Length == 0 ? null : h.Address,
                Head = Name(h.Head), Phone = Phone(h.Phone), Residents = h.Residents,
            })],
            PropertyCompanies = [.. chart.PropertyCompanies.Select(c => new PropertyCompanyDocument
            {
                Id = c.Id.Value, Name = c.Name, Hotline = c.Hotline.Length == 0 ? null : c.Hotline, Communities = [.. c.Communities.Select(u => (string?)u.Value)],
            })],
            SubdistrictOffices = [.. chart.SubdistrictOffices.Select(o => new SubdistrictOfficeDocument { Id = o.Id.Value, Name = o.Name, Unit = o.UnitId.Value, Duties = DutiesOf(o.Duties) })],
            DistrictDepartments = [.. chart.DistrictDepartments.Select(d => new DistrictDepartmentDocument { Id = d.Id.Value, Name = d.Name, Duties = DutiesOf(d.Duties) })],
            Staff = [.. chart.Staff.Select(s => new StaffMemberDocument
            {
                Id = s.Id.Value, Name = s.Name, Role = s.Role.Length == 0 ? null : s.Role, Phone = s.Phone.Length == 0 ? null : s.Phone,
                Agency = s.Agency.Id, Duties = DutiesOf(s.Duties),
            })],
            PartyOrganizations = [.. chart.PartyOrganizations.Select(o => new PartyOrganizationDocument { Id = o.Id.Value, Kind = o.Kind.ToString(), Name = o.Name, Unit = o.UnitId.Value })],
            PartyMembers = [.. chart.PartyMembers.Select(m => new PartyMemberDocument
            {
                Id = m.Id.Value, Name = Name(m.Name), Phone = Phone(m.Phone), Household = m.HouseholdId.Value, Organization = m.OrganizationId.Value,
            })],
        };
    }
}
