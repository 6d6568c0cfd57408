using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Core.Catalogue;
using Governance.Core.Organization;
using NodaTime;

namespace Governance.Core.Requests;

/// <summary>
/// Reads and writes request events as JSON, one object per event with a <c>type</c> discriminator
/// (<c>received</c>, <c>accepted</c>, <c>forwarded</c>, …), instants as ISO-8601 UTC (<c>2023-03-01T02:00:00Z</c>),
/// dates as <c>yyyy-MM-dd</c>, ids as strings and enums as their names. Writing then reading gives an equal event.
/// </summary>
/// <remarks>
/// Events are storage, not an export: residents' names and phone numbers are written raw so that the resident can be
/// called back after a replay. Protect event logs as personal data. Reading throws only
/// <see cref="DataValidationException"/>, naming the JSON path where the document went wrong.
/// </remarks>
public static class RequestEventJson
{
    private static readonly RequestEventJsonContext Context = new(CreateOptions());

    /// <summary>Writes one event as compact JSON.</summary>
    public static string Serialize(RequestEvent requestEvent) =>
        JsonSerializer.Serialize(Preconditions.CheckNotNull(requestEvent), Context.RequestEvent);

    /// <summary>Writes one event as compact UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes(RequestEvent requestEvent) =>
        JsonSerializer.SerializeToUtf8Bytes(Preconditions.CheckNotNull(requestEvent), Context.RequestEvent);

    /// <summary>Reads one event.</summary>
    /// <exception cref="DataValidationException">Not a request event of a known type, with every required field.</exception>
    public static RequestEvent Deserialize(string json)
    {
        Preconditions.CheckNotNull(json);
        return Deserialize(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads one event from UTF-8 JSON.</summary>
    /// <exception cref="DataValidationException">Not a request event of a known type, with every required field.</exception>
    public static RequestEvent Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        return JsonReading.ReadEvent(utf8Json, Context.RequestEvent, "request event");
    }

    private static JsonSerializerOptions CreateOptions() =>
        JsonReading.EventOptions(
            RequestEventJsonContext.Default.Options,
            new JsonStringEnumConverter<Channel>(allowIntegerValues: false),
            new JsonStringEnumConverter<Time.CategoryClass>(allowIntegerValues: false),
            new JsonStringEnumConverter<AgencyKind>(allowIntegerValues: false),
            new JsonStringEnumConverter<Satisfaction>(allowIntegerValues: false),
            new JsonStringEnumConverter<PauseReason>(allowIntegerValues: false),
            new JsonStringEnumConverter<RejectionReason>(allowIntegerValues: false),
            new JsonStringEnumConverter<DeadlineKind>(allowIntegerValues: false));
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
        typeof(RequestIdJsonConverter), typeof(UnitIdJsonConverter), typeof(HouseholdIdJsonConverter),
        typeof(CategoryCodeJsonConverter), typeof(PersonNameJsonConverter), typeof(PhoneNumberJsonConverter),
        typeof(DistrictDepartmentIdJsonConverter), typeof(PartyMemberIdJsonConverter),
    ])]
[JsonSerializable(typeof(RequestEvent))]
internal sealed partial class RequestEventJsonContext : JsonSerializerContext;

/// <summary>Writes a string-valued id or code as a bare JSON string.</summary>
internal abstract class StringValueJsonConverter<T> : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(T).Name}.");
        }

        var text = reader.GetString();
        return string.IsNullOrEmpty(text) ? throw new JsonException($"{typeof(T).Name} cannot be empty.") : Create(text);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(TextOf(value));

    protected abstract T Create(string text);

    protected abstract string TextOf(T value);
}

internal sealed class RequestIdJsonConverter : StringValueJsonConverter<RequestId>
{
    protected override RequestId Create(string text) => new(text);

    protected override string TextOf(RequestId value) => value.Value;
}

internal sealed class UnitIdJsonConverter : StringValueJsonConverter<UnitId>
{
    protected override UnitId Create(string text) => new(text);

    protected override string TextOf(UnitId value) => value.Value;
}

internal sealed class HouseholdIdJsonConverter : StringValueJsonConverter<HouseholdId>
{
    protected override HouseholdId Create(string text) => new(text);

    protected override string TextOf(HouseholdId value) => value.Value;
}

internal sealed class DistrictDepartmentIdJsonConverter : StringValueJsonConverter<DistrictDepartmentId>
{
    protected override DistrictDepartmentId Create(string text) => new(text);

    protected override string TextOf(DistrictDepartmentId value) => value.Value;
}

internal sealed class PartyMemberIdJsonConverter : StringValueJsonConverter<PartyMemberId>
{
    protected override PartyMemberId Create(string text) => new(text);

    protected override string TextOf(PartyMemberId value) => value.Value;
}

internal sealed class CategoryCodeJsonConverter : StringValueJsonConverter<CategoryCode>
{
    protected override CategoryCode Create(string text) => new(text);

    protected override string TextOf(CategoryCode value) => value.Value;
}

/// <summary>Stores a name raw: an event log must keep what it needs to reach the resident again.</summary>
internal sealed class PersonNameJsonConverter : StringValueJsonConverter<PersonName>
{
    protected override PersonName Create(string text) =>
        string.IsNullOrWhiteSpace(text) ? throw new JsonException("A person's name cannot be blank.") : new PersonName(text);

    protected override string TextOf(PersonName value) => value.Reveal();
}

/// <summary>Stores a phone number raw, for the same reason.</summary>
internal sealed class PhoneNumberJsonConverter : StringValueJsonConverter<PhoneNumber>
{
    protected override PhoneNumber Create(string text) =>
        PhoneNumber.IsValid(text) ? new PhoneNumber(text) : throw new JsonException($"'{text}' is not a phone number.");

    protected override string TextOf(PhoneNumber value) => value.Reveal();
}
