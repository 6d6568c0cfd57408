using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Core.Insights;
using Governance.Core.Ledger;
using Governance.Core.Organization;
using Governance.Core.Requests;

namespace Governance.Core.Projects;

/// <summary>
/// Reads and writes micro-project events as JSON, one object per event with a <c>type</c> discriminator
/// (<c>proposed</c>, <c>approved</c>, <c>funded</c>, …), camelCase properties, instants as ISO-8601 UTC, dates as
/// <c>yyyy-MM-dd</c>, amounts as JSON numbers of yuan, ids as strings and enums as their names. Writing then reading
/// gives an equal event.
/// </summary>
/// <remarks>
/// Reading throws only <see cref="DataValidationException"/>, naming the JSON path where the document went wrong;
/// unknown properties, missing required ones and numbers for enums are errors.
/// </remarks>
public static class MicroProjectEventJson
{
    private static readonly MicroProjectEventJsonContext Context = new(CreateOptions());

    /// <summary>Writes one event as compact JSON.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="projectEvent"/> is null.</exception>
    public static string Serialize(MicroProjectEvent projectEvent) =>
        JsonSerializer.Serialize(Preconditions.CheckNotNull(projectEvent), Context.MicroProjectEvent);

    /// <summary>Reads one event.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DataValidationException">Not a micro-project event of a known type, with every required field.</exception>
    public static MicroProjectEvent Deserialize(string json)
    {
        Preconditions.CheckNotNull(json);
        return JsonReading.ReadEvent(Encoding.UTF8.GetBytes(json), Context.MicroProjectEvent, "micro-project event");
    }

    private static JsonSerializerOptions CreateOptions() =>
        JsonReading.EventOptions(
            MicroProjectEventJsonContext.Default.Options,
            new JsonStringEnumConverter<ProjectTheme>(allowIntegerValues: false),
            new JsonStringEnumConverter<FundingSource>(allowIntegerValues: false),
            new JsonStringEnumConverter<Satisfaction>(allowIntegerValues: false),
            new JsonStringEnumConverter<HotspotKind>(allowIntegerValues: false),
            new JsonStringEnumConverter<AgencyKind>(allowIntegerValues: false));
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(MicroProjectIdJsonConverter), typeof(LedgerItemIdJsonConverter), typeof(UnitIdJsonConverter), typeof(CategoryCodeJsonConverter)])]
[JsonSerializable(typeof(MicroProjectEvent))]
internal sealed partial class MicroProjectEventJsonContext : JsonSerializerContext;

internal sealed class MicroProjectIdJsonConverter : StringValueJsonConverter<MicroProjectId>
{
    protected override MicroProjectId Create(string text) => new(text);

    protected override string TextOf(MicroProjectId value) => value.Value;
}
