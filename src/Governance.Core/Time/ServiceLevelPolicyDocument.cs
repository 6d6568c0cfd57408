using System.Text.Json.Serialization;

namespace Governance.Core.Time;

// A service-level policy file as it is on disk (see ServiceLevelPolicyJson). Every member is nullable so that a missing
// field is reported by the loader with its path, not thrown by the serializer.
internal sealed class ServiceLevelPolicyDto
{
    public string? SameDayCutoff { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? WarningFraction { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? WhistleReportMinutes { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, ResolutionLimitDto?>? Limits { get; set; }
}

internal sealed class ResolutionLimitDto
{
    public string? Clock { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Hours { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Minutes { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Days { get; set; }
}

// Policy files are written by hand: a misspelt property ("warningFracton") or a key given twice is an error, not silently ignored.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    AllowDuplicateProperties = false,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    WriteIndented = true)]
[JsonSerializable(typeof(ServiceLevelPolicyDto))]
internal sealed partial class ServiceLevelPolicyJsonContext : JsonSerializerContext
{
}
