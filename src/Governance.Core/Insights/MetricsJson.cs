using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Governance.Core.Requests;
using NodaTime.Serialization.SystemTextJson;

namespace Governance.Core.Insights;

/// <summary>
/// Writes metrics as JSON with stable camelCase field names (System.Text.Json source generation, so it is trimming- and
/// AOT-safe). Every field is always written, <c>null</c> included, so a consumer's schema never changes shape.
/// </summary>
/// <remarks>
/// <para>
/// A report is <c>{ "asOf", "options", "units": [...], "handlers": [...], "departments": [...] }</c>. A unit is
/// <c>{ "unit", "name", "level", "parent", "figures" }</c>; a handler <c>{ "handler": { "kind", "id" }, "figures" }</c>;
/// a department <c>{ "department", "summoned", "reported", "reportedLate", "reportsMissed" }</c>. Figures are
/// <c>{ "counts": {...}, "responseRate", "resolutionRate", "satisfactionRate", "compositeScore", "sameDayRate",
/// "timeToResolveMedian", "timeToResolveP90" }</c>, the counts named as the <see cref="MetricsCounts"/> properties.
/// </para>
/// <para>
/// Rates are numbers in [0, 1] or <c>null</c>; instants are ISO-8601 UTC (<c>2023-03-01T02:00:00Z</c>); durations are
/// total hours, minutes and seconds (NodaTime's <c>-H:mm:ss.FFFFFFFFF</c>: <c>2:30:00</c> is two and a half hours,
/// <c>50:00:00</c> two days and two hours); ids are
/// strings and enums their names (<c>"Community"</c>, <c>"PropertyCompany"</c>).
/// </para>
/// </remarks>
public static class MetricsJson
{
    private static readonly MetricsJsonContext Context = new(CreateOptions());

    /// <summary>Writes a whole report as indented JSON.</summary>
    public static string Serialize(MetricsReport report) =>
        JsonSerializer.Serialize(Preconditions.CheckNotNull(report), Context.MetricsReport);

    /// <summary>Writes one unit's figures as indented JSON.</summary>
    public static string Serialize(UnitMetrics unit) =>
        JsonSerializer.Serialize(Preconditions.CheckNotNull(unit), Context.UnitMetrics);

    /// <summary>Writes one handler's figures as indented JSON.</summary>
    public static string Serialize(HandlerMetrics handler) =>
        JsonSerializer.Serialize(Preconditions.CheckNotNull(handler), Context.HandlerMetrics);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(MetricsJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        options.Converters.Add(NodaConverters.InstantConverter);
        options.Converters.Add(NodaConverters.DurationConverter);
        return options;
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(UnitIdJsonConverter), typeof(DistrictDepartmentIdJsonConverter)])]
[JsonSerializable(typeof(MetricsReport))]
[JsonSerializable(typeof(UnitMetrics))]
[JsonSerializable(typeof(HandlerMetrics))]
internal sealed partial class MetricsJsonContext : JsonSerializerContext;
