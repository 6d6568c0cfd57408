using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Governance.Samples.Tongzhou.Reporting;

/// <summary>Writes and reads the report as JSON: camelCase names, every field written (null included), Chinese as is.</summary>
public static class ReportJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Serialize(SimulationReport report) => JsonSerializer.Serialize(report, Options);

    public static SimulationReport Deserialize(string json) =>
        JsonSerializer.Deserialize<SimulationReport>(json, Options) ?? throw new JsonException("The report is null.");
}
