using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Governance.Samples.Tongzhou.Simulation;

/// <summary>
/// How far a run got, stored with each hour's events: the options that decide its outcome (to refuse resuming with
/// others) and the simulated people's counters, which are not in the events.
/// </summary>
public sealed record SimulationCheckpoint(
    int FormatVersion, long Seed, int Days, int RequestsPerDay, string Start, string Policy, int HoursDone, long Commands, long Refused)
{
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <exception cref="SimulationException">The text is not a checkpoint of this format.</exception>
    public static SimulationCheckpoint Parse(string json, string where)
    {
        SimulationCheckpoint? checkpoint;
        try
        {
            checkpoint = JsonSerializer.Deserialize<SimulationCheckpoint>(json, Options);
        }
        catch (JsonException e)
        {
            throw new SimulationException($"{where}: the last checkpoint is not a Tongzhou simulation checkpoint ({e.Message}).");
        }

        if (checkpoint is null || checkpoint.FormatVersion != CurrentFormat || checkpoint.Policy is null || checkpoint.Start is null)
        {
            throw new SimulationException($"{where}: the last checkpoint is not a Tongzhou simulation checkpoint of format {CurrentFormat}: {json}");
        }

        return checkpoint;
    }

    public LocalDate StartDate => LocalDatePattern.Iso.Parse(Start).GetValueOrThrow();

    public static string Format(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A run cannot start or go on; the message says why and what to do. Nothing was changed.</summary>
public sealed class SimulationException(string message) : Exception(message);
