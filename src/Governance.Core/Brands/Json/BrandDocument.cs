using System.Text.Json;
using System.Text.Json.Serialization;

namespace Governance.Core.Brands.Json;

// Brand files as they are on disk (see BrandJson). Every member is nullable so that a missing field is reported by
// the reader with its JSON path, not thrown by the serializer; enums are read as strings by hand for the same reason.
internal sealed class BrandDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public int? Version { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; set; }

    public List<string?>? Channels { get; set; }

    public string? FirstContact { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? ServiceLevels { get; set; }

    public List<string?>? EscalationChain { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LiaisonDto? Liaison { get; set; }
}

internal sealed class LiaisonDto
{
    public int? MinHouseholds { get; set; }

    public int? MaxHouseholds { get; set; }

    public int? SameBuildingCost { get; set; }

    public int? SameGridCost { get; set; }

    public int? SameCommunityCost { get; set; }

    public int? AcrossCommunitiesCost { get; set; }

    public bool? AllowAcrossCommunities { get; set; }
}

internal sealed class BrandRegistryDto
{
    public int? FormatVersion { get; set; }

    public List<BrandDto?>? Brands { get; set; }

    public List<AdoptionDto?>? Adoptions { get; set; }
}

internal sealed class AdoptionDto
{
    public string? Unit { get; set; }

    public string? From { get; set; }

    public string? Brand { get; set; }

    public int? Version { get; set; }
}

// Brand files are written by hand: a misspelt property or a key given twice is an error, not silently ignored.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    AllowDuplicateProperties = false,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    WriteIndented = true)]
[JsonSerializable(typeof(BrandDto))]
[JsonSerializable(typeof(BrandRegistryDto))]
internal sealed partial class BrandJsonContext : JsonSerializerContext
{
}
