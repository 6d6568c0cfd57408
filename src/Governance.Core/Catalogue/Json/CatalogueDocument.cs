using System.Text.Json.Serialization;

namespace Governance.Core.Catalogue.Json;

// The JSON shape of a category catalogue (format version 1), described for users in catalogue.schema.json.
// Every member is nullable so that a missing field is reported by the loader, with the others.

internal sealed class CatalogueDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public int? FormatVersion { get; set; }

    public string? Triage { get; set; }

    public List<CategoryDocument?>? Categories { get; set; }
}

internal sealed class CategoryDocument
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Class { get; set; }

    public string? Responsible { get; set; }

    public string? Duty { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    MaxDepth = 16)]
[JsonSerializable(typeof(CatalogueDocument))]
internal sealed partial class CatalogueJsonContext : JsonSerializerContext;
