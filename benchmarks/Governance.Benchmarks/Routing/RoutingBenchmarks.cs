using BenchmarkDotNet.Attributes;
using Governance.Core.Catalogue;
using Governance.Core.Catalogue.Synthetic;
using Governance.Core.Organization;
using Governance.Core.Organization.Synthetic;
using Governance.Core.Requests;
using Governance.Core.Routing;

namespace Governance.Benchmarks.Routing;

/// <summary>
/// Per-decision cost of <see cref="Router.Route"/> (target under 100 ns and 0 bytes) on synthetic districts of about
/// 10,000 and 100,000 units with a 500-category catalogue, over <see cref="Decisions"/> pre-generated requests: every
/// channel, 60% from households and 40% from units of every level, 85% known codes, 10% unknown sub-codes routed as
/// their parent and 5% unknown codes (triage). The baseline routes the same requests the way a model without
/// precomputed tables would: a linear scan of the category rules and walks up the tree with linear searches for the
/// company, office and department.
/// </summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private const int Decisions = 1024;

    private Router _router = null!;
    private NaiveRouter _naive = null!;
    private RoutingInput[] _inputs = [];

    /// <summary>Units in the district (the chart has at least this many).</summary>
    [Params(10_000, 100_000)]
    public int Units { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var chart = SyntheticChart.Generate(OptionsFor(Units));
        var catalogue = SyntheticCatalogue.Create(500, seed: 2022);
        _router = new Router(chart, catalogue);
        _naive = new NaiveRouter(chart, catalogue);
        _inputs = RoutingInput.Generate(chart, catalogue, Decisions, seed: 12345);
        foreach (var input in _inputs)
        {
            var fast = _router.Route(input.Channel, input.Location, input.Category);
            var slow = _naive.Route(input.Channel, input.Location, input.Category);
            if (fast != slow)
            {
                throw new InvalidOperationException($"The naive router disagrees on {input}: {fast} != {slow}");
            }
        }

        Console.WriteLine($"// {chart.Units.Length} units, {chart.Households.Length} households, {catalogue}");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Decisions, Description = "linear rule scan + tree walks (naive)")]
    public int Naive()
    {
        var sum = 0;
        foreach (var input in _inputs)
        {
            sum += Use(_naive.Route(input.Channel, input.Location, input.Category));
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Decisions, Description = "Router.Route")]
    public int Route()
    {
        var sum = 0;
        foreach (var input in _inputs)
        {
            sum += Use(_router.Route(input.Channel, input.Location, input.Category));
        }

        return sum;
    }

    /// <summary>
    /// A district of at least <paramref name="units"/> units: 20 street-level units, communities of 50 grids with one
    /// building each (one household per building, so the household count stays about half the unit count).
    /// </summary>
    internal static SyntheticChartOptions OptionsFor(int units)
    {
        const int Streets = 20, Grids = 50, UnitsPerCommunity = 1 + (2 * Grids);
        var communities = (units - 1 - Streets + UnitsPerCommunity - 1) / UnitsPerCommunity;
        return new SyntheticChartOptions
        {
            StreetLevelUnits = Streets,
            CommunitiesPerStreetLevelUnit = Math.Max(1, (communities + Streets - 1) / Streets),
            MinGridsPerCommunity = Grids,
            MaxGridsPerCommunity = Grids,
            MinHouseholdsPerGrid = 1,
            MaxHouseholdsPerGrid = 1,
        };
    }

    private static int Use(in RoutingDecision decision) => decision.Handler.Id.Length + (int)decision.Owner.Kind + (decision.IsTriage ? 1 : 0);
}

/// <summary>One request to route.</summary>
internal readonly record struct RoutingInput(Channel Channel, RequestLocation Location, CategoryCode Category)
{
    public static RoutingInput[] Generate(Chart chart, CategoryCatalogue catalogue, int count, int seed)
    {
        var random = new Random(seed);
        var channels = Enum.GetValues<Channel>();
        var inputs = new RoutingInput[count];
        for (var i = 0; i < count; i++)
        {
            RequestLocation location;
            if (random.Next(10) < 6)
            {
                var household = chart.Households[random.Next(chart.Households.Length)];
                location = new RequestLocation(household.BuildingId, household.Id);
            }
            else
            {
                location = new RequestLocation(chart.Units[random.Next(chart.Units.Length)].Id);
            }

            var channel = channels[random.Next(channels.Length)];
            if (channel == Channel.HouseholdNetwork && location.Household is null)
            {
                channel = Channel.WalkIn;
            }

            var known = catalogue.Categories[random.Next(catalogue.Categories.Length)].Code;
            var roll = random.Next(100);
            var category = roll < 85 ? known : roll < 95 ? new CategoryCode($"{known.Value}/未收录{i}") : new CategoryCode($"未知类别{i}/子类");
            inputs[i] = new RoutingInput(channel, location, category);
        }

        return inputs;
    }
}
