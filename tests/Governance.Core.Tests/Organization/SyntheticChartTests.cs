using Governance.Core.Organization;
using Governance.Core.Organization.Synthetic;

namespace Governance.Core.Tests.Organization;

public sealed class SyntheticChartTests
{
    private static readonly SyntheticChartOptions Small = new()
    {
        Seed = 7,
        StreetLevelUnits = 4,
        CommunitiesPerStreetLevelUnit = 5,
        MinHouseholdsPerGrid = 50,
        MaxHouseholdsPerGrid = 120,
    };

    [Fact]
    public void The_same_options_give_the_same_chart_and_another_seed_another()
    {
        var first = ChartJson.Serialize(SyntheticChart.Generate(Small), PersonalDataExport.Reveal);
        var second = ChartJson.Serialize(SyntheticChart.Generate(Small), PersonalDataExport.Reveal);
        var other = ChartJson.Serialize(SyntheticChart.Generate(Small with { Seed = 8 }), PersonalDataExport.Reveal);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Sizes_stay_within_the_options()
    {
        var chart = SyntheticChart.Generate(Small);

        var streets = chart.ChildrenOf(chart.District);
        Assert.Equal(Small.StreetLevelUnits, streets.Length);
        foreach (var street in streets)
        {
            var communities = chart.ChildrenOf(street);
            Assert.Equal(Small.CommunitiesPerStreetLevelUnit, communities.Length);
            foreach (var community in communities)
            {
                var grids = chart.ChildrenOf(community);
                Assert.InRange(grids.Length, Small.MinGridsPerCommunity, Small.MaxGridsPerCommunity);
                foreach (var grid in grids)
                {
                    // A community's households are spread evenly over its grids, so each grid stays within the range.
                    Assert.InRange(chart.HouseholdsUnder(grid).Length, Small.MinHouseholdsPerGrid, Small.MaxHouseholdsPerGrid);
                    foreach (var building in chart.ChildrenOf(grid))
                    {
                        Assert.InRange(chart.HouseholdsUnder(building).Length, 1, ChartPopulator.MaxHouseholdsPerBuilding);
                    }
                }
            }
        }
    }

    [Fact]
    public void The_default_options_give_a_Tongzhou_sized_district()
    {
        var chart = SyntheticChart.Generate();

        Assert.Equal(20, chart.ChildrenOf(chart.District).Length);
        Assert.Equal(600, chart.Units.Count(u => u.Level == UnitLevel.Community));
        Assert.InRange(chart.Households.Length, 600_000, 800_000);
        Assert.Equal(chart.Households.Length, chart.HouseholdsUnder(chart.District).Length);
    }

    [Theory]
    [InlineData(nameof(SyntheticChartOptions.StreetLevelUnits))]
    [InlineData(nameof(SyntheticChartOptions.MaxGridsPerCommunity))]
    [InlineData(nameof(SyntheticChartOptions.MaxHouseholdsPerGrid))]
    [InlineData(nameof(SyntheticChartOptions.PartyMemberShare))]
    public void Options_out_of_range_are_refused_naming_the_option(string option)
    {
        var options = option switch
        {
            nameof(SyntheticChartOptions.StreetLevelUnits) => Small with { StreetLevelUnits = 0 },
            nameof(SyntheticChartOptions.MaxGridsPerCommunity) => Small with { MinGridsPerCommunity = 4, MaxGridsPerCommunity = 3 },
            nameof(SyntheticChartOptions.MaxHouseholdsPerGrid) => Small with { MinHouseholdsPerGrid = 10, MaxHouseholdsPerGrid = 9 },
            _ => Small with { PartyMemberShare = 1.5 },
        };

        var error = Assert.Throws<ArgumentException>(() => SyntheticChart.Generate(options));
        Assert.Equal(option, error.ParamName);
    }
}
