using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Core.Organization;
using Governance.Core.Requests;

namespace Governance.Core.Ledger;

/// <summary>
/// Reads and writes ledger events as JSON, one object per event with a <c>type</c> discriminator (<c>opened</c>,
/// <c>proposed</c>, <c>accepted</c>, <c>measureAdded</c>, …), camelCase properties, instants as ISO-8601 UTC, dates
/// (deadlines) as <c>yyyy-MM-dd</c>, ids as strings and enums as their names. Writing then reading gives an equal event.
/// </summary>
/// <remarks>
/// Reading throws only <see cref="DataValidationException"/>, naming the JSON path where the document went wrong;
/// unknown properties, missing required ones and numbers for enums are errors.
/// </remarks>
public static class LedgerEventJson
{
    private static readonly LedgerEventJsonContext Context = new(CreateOptions());

    /// <summary>Writes one event as compact JSON.</summary>
    public static string Serialize(LedgerEvent ledgerEvent) =>
        JsonSerializer.Serialize(Preconditions.CheckNotNull(ledgerEvent), Context.LedgerEvent);

    /// <summary>Writes one event as compact UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes(LedgerEvent ledgerEvent) =>
        JsonSerializer.SerializeToUtf8Bytes(Preconditions.CheckNotNull(ledgerEvent), Context.LedgerEvent);

    /// <summary>Reads one event.</summary>
    /// <exception cref="DataValidationException">Not a ledger event of a known type, with every required field.</exception>
    public static LedgerEvent Deserialize(string json)
    {
        Preconditions.CheckNotNull(json);
        return Deserialize(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads one event from UTF-8 JSON.</summary>
    /// <exception cref="DataValidationException">Not a ledger event of a known type, with every required field.</exception>
    public static LedgerEvent Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        return JsonReading.ReadEvent(utf8Json, Context.LedgerEvent, "ledger event");
    }

    private static JsonSerializerOptions CreateOptions() =>
        JsonReading.EventOptions(
            LedgerEventJsonContext.Default.Options,
            new JsonStringEnumConverter<ConcernClass>(allowIntegerValues: false),
            new JsonStringEnumConverter<LedgerOrigin>(allowIntegerValues: false),
            new JsonStringEnumConverter<AgencyKind>(allowIntegerValues: false));
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters =
    [
        typeof(LedgerItemIdJsonConverter), typeof(RequestIdJsonConverter), typeof(UnitIdJsonConverter),
        typeof(HouseholdIdJsonConverter), typeof(CategoryCodeJsonConverter), typeof(StaffIdJsonConverter),
    ])]
[JsonSerializable(typeof(LedgerEvent))]
internal sealed partial class LedgerEventJsonContext : JsonSerializerContext;

internal sealed class LedgerItemIdJsonConverter : StringValueJsonConverter<LedgerItemId>
{
    protected override LedgerItemId Create(string text) => new(text);

    protected override string TextOf(LedgerItemId value) => value.Value;
}

internal sealed class StaffIdJsonConverter : StringValueJsonConverter<StaffId>
{
    protected override StaffId Create(string text) => new(text);

    protected override string TextOf(StaffId value) => value.Value;
}
