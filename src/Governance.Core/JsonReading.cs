using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using NodaTime.Serialization.SystemTextJson;

namespace Governance.Core;

/// <summary>
/// What every JSON reader of the library does when the parser gives up: recognise the exceptions System.Text.Json
/// raises for bad input (not only <see cref="JsonException"/>: invalid UTF-8 or an unsupported shape surface as
/// others) and turn them into a <see cref="DataError"/> at the path where parsing stopped.
/// </summary>
internal static class JsonReading
{
    public static bool IsInputFailure(Exception e) =>
        e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException
            or FormatException or OverflowException or DecoderFallbackException;

    /// <param name="e">The parser's exception.</param>
    /// <param name="document">What was being read, for the message: "chart", "holiday-cn document".</param>
    /// <param name="explain">Optionally rewrites the parser's message into words the document's author can act on.</param>
    public static DataError ToError(Exception e, string document, Func<string, string>? explain = null)
    {
        if (e is not JsonException json)
        {
            return new DataError("$", null, $"malformed JSON (not valid text for a {document}): {e.Message}");
        }

        var where = json.LineNumber is { } line ? $" (line {line + 1}, byte {json.BytePositionInLine + 1})" : string.Empty;
        var message = json.InnerException?.Message ?? json.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        return new DataError(json.Path ?? "$", null, $"malformed JSON{where}: {(explain is null ? message : explain(message))}");
    }

    /// <summary>
    /// The options of an event family's JSON: its source-generated context's, Chinese text written as itself, the
    /// given enums by name only (the default converter also reads numbers, even ones no member has), and NodaTime
    /// instants and dates as ISO-8601.
    /// </summary>
    public static JsonSerializerOptions EventOptions(JsonSerializerOptions contextOptions, params ReadOnlySpan<JsonConverter> enumsByName)
    {
        var options = new JsonSerializerOptions(contextOptions) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
        foreach (var converter in enumsByName)
        {
            options.Converters.Add(converter);
        }

        options.Converters.Add(NodaConverters.InstantConverter);
        options.Converters.Add(NodaConverters.LocalDateConverter);
        return options;
    }

    /// <summary>
    /// Reads one event of a family: a null document or any parser failure becomes a <see cref="DataValidationException"/>
    /// about <paramref name="document"/> at the path where reading stopped.
    /// </summary>
    public static T ReadEvent<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> type, string document)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, type)
                ?? throw new DataValidationException(document, [new DataError("$", null, "the document is null; an event is a JSON object")]);
        }
        catch (Exception e) when (IsInputFailure(e))
        {
            throw new DataValidationException(document, [ToError(e, document)]);
        }
    }
}
