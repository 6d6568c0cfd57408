using Governance.Core.Organization;
using Governance.Core.Organization.Synthetic;

namespace Governance.Benchmarks.Organization;

/// <summary>The synthetic Tongzhou-sized district (about 720,000 households), generated once per benchmark process.</summary>
internal static class TongzhouSizedChart
{
    private static readonly Lazy<Chart> Instance = new(() => SyntheticChart.Generate(new SyntheticChartOptions()));

    public static Chart Chart => Instance.Value;

    /// <summary><paramref name="count"/> households picked at random (seeded), so queries do not hit one cache line.</summary>
    public static Household[] RandomHouseholds(int count)
    {
        var random = new Random(12345);
        var households = Chart.Households;
        return [.. Enumerable.Range(0, count).Select(_ => households[random.Next(households.Length)])];
    }
}
