using NodaTime;

namespace Governance.Samples.Tongzhou.Simulation;

/// <summary>What decides a run besides its policy: the seed, how many days, how many requests a day, the first day.</summary>
/// <param name="Seed">Every request's script is a pure function of this seed, its day and its index.</param>
/// <param name="Days">Simulated days; at least 1.</param>
/// <param name="RequestsPerDay">The base number of requests a day (more in summer and winter, fewer on days off); at least 1.</param>
/// <param name="Start">The first simulated day; the run starts at its local midnight (Asia/Shanghai).</param>
public sealed record SimulationSettings(long Seed, int Days, int RequestsPerDay, LocalDate Start)
{
    public const long DefaultSeed = 20221;
    public const int DefaultDays = 30;
    public const int DefaultRequestsPerDay = 2000;

    /// <summary>The first day by default: 1 November 2023, so that a month's run sees the heating season start.</summary>
    public static readonly LocalDate DefaultStart = new(2023, 11, 1);
}
