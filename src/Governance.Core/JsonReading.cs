using System.Text;
using System.Text.Json;

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
}
