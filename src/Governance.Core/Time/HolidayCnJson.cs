using System.Text.Json.Serialization;

namespace Governance.Core.Time;

// The holiday-cn file as it is on disk (https://github.com/NateScarlet/holiday-cn, schema.json). Every member is
// nullable so that a missing field is reported by the loader with its path, not thrown by the serializer.
internal sealed class HolidayCnFileDto
{
    public int? Year { get; set; }

    public List<string?>? Papers { get; set; }

    public List<HolidayCnDayDto?>? Days { get; set; }
}

internal sealed class HolidayCnDayDto
{
    public string? Name { get; set; }

    public string? Date { get; set; }

    public bool? IsOffDay { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(HolidayCnFileDto))]
internal sealed partial class HolidayCnJsonContext : JsonSerializerContext
{
}
