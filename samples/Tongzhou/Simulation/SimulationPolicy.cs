using Governance.Core.Brands;
using Governance.Core.Liaison;
using Governance.Core.Organization;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Samples.Tongzhou.Simulation;

/// <summary>
/// What a district can change and compare on the same seed: the service levels the desk keeps, how far and how soon
/// handlers escalate by hand and whether street-level units may blow the whistle, the liaison bounds of 党员联户, and
/// which units work under which brand (一街一社区一品牌) from when. Read from a policy file with <see cref="SimulationPolicyJson"/>.
/// </summary>
/// <param name="ServiceLevels">Deadlines by category class, same-day cut-off, warning, whistle report limit: the service levels of units with no brand in force.</param>
/// <param name="Escalation">How handlers escalate by hand.</param>
/// <param name="Liaison">The bounds and costs of the liaison assignment.</param>
/// <param name="Brands">The brand rollouts, applied in order to a <see cref="Governance.Core.Brands.BrandRegistry"/> over the sample chart; a request gets the service levels of the brand in force for its unit on the day it is received.</param>
public sealed record SimulationPolicy(ServiceLevelPolicy ServiceLevels, EscalationLimits Escalation, LiaisonOptions Liaison, IReadOnlyList<BrandRollout> Brands)
{
    /// <summary>
    /// The sample district's brands: 有事您找我 piloted by 北苑's 新华西街社区 from 1 June 2022 and rolled out to 后南仓社区
    /// and 玉带路社区 on 15 November 2023 (inside the default run); 户联网 adopted by the whole of 潞邑街道 from 1 January 2022.
    /// </summary>
    public static IReadOnlyList<BrandRollout> DefaultBrands { get; } =
    [
        new(BrandPresets.YoushiNinZhaoWo.Id, [SampleDistrict.Units.Xinhuaxijie], new LocalDate(2022, 6, 1)),
        new(BrandPresets.YoushiNinZhaoWo.Id, [SampleDistrict.Units.Hounancang, SampleDistrict.Units.Yudailu], new LocalDate(2023, 11, 15)),
        new(BrandPresets.HuLianWang.Id, [SampleDistrict.Units.Luyi], new LocalDate(2022, 1, 1)),
    ];

    /// <summary>The library's defaults (<see cref="ServiceLevelPolicy.Default"/>, <see cref="EscalationLimits.Default"/>, <see cref="LiaisonOptions.Default"/>) and <see cref="DefaultBrands"/>.</summary>
    public static SimulationPolicy Default { get; } = new(ServiceLevelPolicy.Default, EscalationLimits.Default, LiaisonOptions.Default, DefaultBrands);

    /// <summary>
    /// A brand registry over <paramref name="chart"/> with <see cref="ServiceLevels"/> as the fallback and every rollout
    /// of <see cref="Brands"/> applied in order.
    /// </summary>
    /// <exception cref="ArgumentException">A rollout names a unit twice or a unit not in the chart.</exception>
    public BrandRegistry BrandRegistry(Chart chart, IClock clock)
    {
        var registry = new BrandRegistry(chart, clock, ServiceLevels);
        foreach (var rollout in Brands)
        {
            registry.RollOut(rollout.Brand, rollout.Units, rollout.From);
        }

        return registry;
    }
}

/// <summary>One brand rollout of a policy: from <paramref name="From"/>, the units adopt the preset <paramref name="BrandId"/> (<see cref="BrandPresets"/>).</summary>
/// <param name="BrandId">The id of one of <see cref="BrandPresets.All"/>.</param>
/// <param name="Units">The adopting units, at least one, each once; units below them that have no brand of their own follow them.</param>
/// <param name="From">The first local date they work under it.</param>
public sealed record BrandRollout(BrandId BrandId, IReadOnlyList<UnitId> Units, LocalDate From)
{
    /// <summary>The preset brand <see cref="BrandId"/> names.</summary>
    /// <exception cref="KeyNotFoundException">No preset has that id.</exception>
    public Brand Brand => Preset(BrandId) ?? throw new KeyNotFoundException($"No brand preset '{BrandId}'.");

    /// <summary>The preset with id <paramref name="id"/>, or null.</summary>
    public static Brand? Preset(BrandId id) => BrandPresets.All.FirstOrDefault(b => b.Id == id);
}

/// <summary>How the simulated handlers escalate a request they cannot solve themselves.</summary>
/// <param name="MaxLevels">How many levels a request may be escalated by hand, 0 to 4 (the desk's automatic escalations on missed deadlines are not limited by this). Default 2.</param>
/// <param name="AfterWorkingHours">Office hours a handler works on a complex request before escalating it, more than 0 and at most 200. Default 4.</param>
/// <param name="Whistles">Whether a street-level unit or its office may summon a district department (吹哨) to an escalated complex request. Default true.</param>
public sealed record EscalationLimits(int MaxLevels = 2, double AfterWorkingHours = 4, bool Whistles = true)
{
    /// <summary>Escalate up to two levels after four office hours; whistles allowed.</summary>
    public static EscalationLimits Default { get; } = new();
}
