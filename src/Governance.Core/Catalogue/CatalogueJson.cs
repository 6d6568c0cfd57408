using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Governance.Core.Catalogue.Json;
using Governance.Core.Time;

namespace Governance.Core.Catalogue;

/// <summary>
/// Reads and writes category catalogues in the catalogue JSON format (format version 1, described by
/// <c>schemas/catalogue.schema.json</c> shipped with the package):
/// <c>{"formatVersion": 1, "triage": "其他/待分拣", "categories": [{"code": "物业/电梯", "name": "电梯",
/// "class": "Ordinary", "responsible": "PropertyCompany", "duty": "电梯"}, …]}</c>. <c>class</c>,
/// <c>responsible</c> and <c>duty</c> may be left out to inherit them from the nearest defined ancestor code
/// (rules in <see cref="CatalogueBuilder"/>); enums are their names spelt exactly.
/// </summary>
/// <remarks>
/// <para>Loading throws only <see cref="DataValidationException"/>, whatever the input: malformed JSON is reported at
/// the path and line where parsing stopped; everything else (unknown properties, missing or blank fields, unknown enum
/// names, malformed or duplicate codes, a triage code that is not defined) is reported all at once, each error with
/// its JSON path (<c>$.categories[3].class</c>) and the category's code. Comments and trailing commas are allowed.</para>
/// <para>Writing gives each category's fields only where they differ from what it would inherit, so a written catalogue
/// loads back to the same definitions, and writes the same text.</para>
/// </remarks>
public static class CatalogueJson
{
    /// <summary>The format version this library writes and reads.</summary>
    public const int FormatVersion = 1;

    private const string Subject = "category catalogue";
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
    private static readonly CatalogueJsonContext Compact = new(new JsonSerializerOptions(CatalogueJsonContext.Default.Options) { WriteIndented = false, Encoder = Encoder });
    private static readonly CatalogueJsonContext Indented = new(new JsonSerializerOptions(CatalogueJsonContext.Default.Options) { WriteIndented = true, Encoder = Encoder });

    /// <summary>Loads a catalogue from UTF-8 JSON text.</summary>
    /// <exception cref="DataValidationException">The document is not a valid catalogue; lists every problem found.</exception>
    public static CategoryCatalogue Load(ReadOnlySpan<byte> utf8Json)
    {
        CatalogueDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, Compact.CatalogueDocument);
        }
        catch (Exception e) when (JsonReading.IsInputFailure(e))
        {
            throw new DataValidationException(Subject, [JsonReading.ToError(e, Subject)]);
        }

        return FromDocument(document);
    }

    /// <summary>Loads a catalogue from a stream of UTF-8 JSON; the stream is read to its end and not closed.</summary>
    /// <exception cref="DataValidationException">The document is not a valid catalogue; lists every problem found.</exception>
    /// <exception cref="IOException">Reading the stream failed (a problem of the stream, not of the data).</exception>
    public static CategoryCatalogue Load(Stream utf8Json)
    {
        Preconditions.CheckNotNull(utf8Json);
        CatalogueDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, Compact.CatalogueDocument);
        }
        catch (Exception e) when (JsonReading.IsInputFailure(e))
        {
            throw new DataValidationException(Subject, [JsonReading.ToError(e, Subject)]);
        }

        return FromDocument(document);
    }

    /// <summary>Loads a catalogue from JSON text.</summary>
    /// <exception cref="DataValidationException">The document is not a valid catalogue; lists every problem found.</exception>
    public static CategoryCatalogue Parse(string json)
    {
        Preconditions.CheckNotNull(json);
        return Load(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Writes the catalogue as JSON text, each category giving only the fields it does not inherit.</summary>
    public static string Serialize(CategoryCatalogue catalogue, bool indented = true) =>
        JsonSerializer.Serialize(ToDocument(Preconditions.CheckNotNull(catalogue)), (indented ? Indented : Compact).CatalogueDocument);

    private static CategoryCatalogue FromDocument(CatalogueDocument? document)
    {
        if (document is null)
        {
            throw new DataValidationException(Subject, [new DataError("$", null, "the document is null; a catalogue is a JSON object")]);
        }

        var builder = new CatalogueBuilder();
        if (document.FormatVersion is not { } version)
        {
            builder.ReportError(new DataError("$.formatVersion", null, $"the format version is missing; this library reads version {FormatVersion}"), -1);
        }
        else if (version != FormatVersion)
        {
            builder.ReportError(new DataError("$.formatVersion", null,
                version > FormatVersion
                    ? $"format version {version} is newer than this library reads ({FormatVersion}); upgrade Governance.Core"
                    : $"format version {version} is not supported; this library reads version {FormatVersion}"), -1);
        }

        builder.WithTriageRaw(document.Triage);
        var categories = document.Categories ?? [];
        for (var i = 0; i < categories.Count; i++)
        {
            if (categories[i] is not { } c)
            {
                builder.ReportError(new DataError($"$.categories[{i}]", null, "the entry is null; expected an object"), i);
                continue;
            }

            var categoryClass = ParseEnum<CategoryClass>(builder, i, "class", c.Code, c.Class, out var classReported);
            var responsible = ParseEnum<ResponsibleKind>(builder, i, "responsible", c.Code, c.Responsible, out var responsibleReported);
            builder.AddRaw(i, c.Code, c.Name, categoryClass, classReported, responsible, responsibleReported, c.Duty);
        }

        return builder.Build();
    }

    /// <summary>Null when <paramref name="text"/> is absent (inherit) or not a name (reported).</summary>
    private static TEnum? ParseEnum<TEnum>(CatalogueBuilder builder, int index, string field, string? code, string? text, out bool reported)
        where TEnum : struct, Enum
    {
        reported = false;
        if (text is null)
        {
            return null;
        }

        // Names only: Enum.TryParse would also take "3" or "1,2".
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(value.ToString(), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        builder.ReportError(new DataError($"$.categories[{index}].{field}", code, $"'{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}"), index);
        reported = true;
        return null;
    }

    private static CatalogueDocument ToDocument(CategoryCatalogue catalogue)
    {
        var categories = new List<CategoryDocument?>(catalogue.Categories.Length);
        foreach (var c in catalogue.Categories)
        {
            var parent = NearestDefinedAncestor(catalogue, c.Code.Value);
            categories.Add(new CategoryDocument
            {
                Code = c.Code.Value,
                Name = c.Name,
                Class = parent is not null && parent.Class == c.Class ? null : c.Class.ToString(),
                Responsible = parent is not null && parent.Responsible == c.Responsible ? null : c.Responsible.ToString(),
                Duty = parent is not null && parent.Duty == c.Duty ? null : c.Duty,
            });
        }

        return new CatalogueDocument { FormatVersion = FormatVersion, Triage = catalogue.Triage.Code.Value, Categories = categories };
    }

    private static CategoryDefinition? NearestDefinedAncestor(CategoryCatalogue catalogue, string code)
    {
        var parent = CategoryCodeRules.ParentOf(code);
        return parent is not null && catalogue.TryGet(new CategoryCode(parent), out var definition) ? definition : null;
    }
}
