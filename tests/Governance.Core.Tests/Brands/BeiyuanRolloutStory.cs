using Governance.Core.Brands;
using Governance.Core.Organization;
using Governance.Core.Organization.Synthetic;
using Governance.Core.Time;
using NodaTime;
using NodaTime.Testing;

namespace Governance.Core.Tests.Brands;

/// <summary>
/// 北苑街道 piloted 有事您找我 in three communities and planned to roll it out to more communities in 2023: here, two
/// more communities of the subdistrict adopt it on 1 March 2023, and then a second version changes one setting.
/// </summary>
public sealed class BeiyuanRolloutStory
{
    private static readonly UnitId Guoyuan = new("beiyuan-guoyuan");
    private static readonly UnitId Beiyuanjiayuan = new("beiyuan-beiyuanjiayuan");
    private static readonly UnitId[] Pilot = [SampleDistrict.Units.Xinhuaxijie, SampleDistrict.Units.Hounancang, SampleDistrict.Units.Yudailu];
    private static readonly LocalDate PilotStart = new(2022, 6, 1);
    private static readonly LocalDate Rollout = new(2023, 3, 1);
    private static readonly Chart Chart = BuildChart();

    [Fact]
    public void Two_more_communities_adopt_the_pilot_brand_in_2023_and_only_they_and_the_units_below_them_change()
    {
        var clock = new FakeClock(Instant.FromUtc(2023, 2, 28, 4, 0));
        var registry = new BrandRegistry(Chart, clock);
        var pilot = registry.RollOut(BrandPresets.YoushiNinZhaoWo, Pilot, PilotStart);
        Assert.All(pilot.Changes, c => Assert.Equal(BrandChangeKind.Adopted, c.Kind));
        var building = Chart.DescendantsOf(Chart.GetUnit(Guoyuan)).ToArray().Last(u => u.Level == UnitLevel.Building);
        Assert.Null(registry.InForce(Guoyuan));
        Assert.Same(registry.Fallback, registry.PolicyFor(building));

        var report = registry.RollOut(BrandPresets.YoushiNinZhaoWo, [Guoyuan, Beiyuanjiayuan], Rollout);

        Assert.Equal([Guoyuan, Beiyuanjiayuan], report.Changes.Select(c => c.Unit));
        foreach (var change in report.Changes)
        {
            Assert.Equal(BrandChangeKind.Adopted, change.Kind);
            Assert.Null(change.Before);
            Assert.Equal(Enum.GetValues<BrandSetting>(), change.Settings.Select(s => s.Setting));
            Assert.Equal(Chart.DescendantsOf(Chart.GetUnit(change.Unit)).ToArray().Select(u => u.Id), change.Inheriting);
        }

        Assert.Equal("PropertyHotline, Hotline12345, WalkIn, ServiceCalendarPhone", report.Changes[0].Settings[0].After);
        Assert.Equal(14, report.ChangedUnits.Count()); // two communities, each with 2 grids of 2 buildings: 2 × (1 + 2 + 4)
        Assert.Null(registry.InForce(building.Id, Rollout.PlusDays(-1)));
        Assert.Equal(new BrandInForce(BrandPresets.YoushiNinZhaoWo, Guoyuan, Rollout), registry.InForce(building.Id, Rollout));
        Assert.Same(registry.Fallback, registry.PolicyFor(building)); // the clock still says 28 February
        clock.Advance(Duration.FromDays(1));
        Assert.Same(BrandPresets.YoushiNinZhaoWo.ServiceLevels, registry.PolicyFor(building));
        foreach (var unit in Pilot)
        {
            Assert.Equal(new BrandInForce(BrandPresets.YoushiNinZhaoWo, unit, PilotStart), registry.InForce(unit, Rollout));
        }

        Assert.Null(registry.InForce(SampleDistrict.Units.Beiyuan, Rollout)); // the subdistrict itself adopted nothing
        Assert.Equal([.. Pilot, Guoyuan, Beiyuanjiayuan], registry.UnitsAdopting(BrandPresets.YoushiNinZhaoWo.Id, Rollout));
    }

    [Fact]
    public void A_second_version_that_shortens_the_whistle_limit_reports_only_the_service_levels_as_changed()
    {
        var registry = new BrandRegistry(Chart, new FakeClock(Instant.FromUtc(2023, 6, 1, 4, 0)));
        registry.RollOut(BrandPresets.YoushiNinZhaoWo, Pilot, PilotStart);
        registry.RollOut(BrandPresets.YoushiNinZhaoWo, [Guoyuan, Beiyuanjiayuan], Rollout);
        var v2 = BrandPresets.YoushiNinZhaoWo.ToBuilder()
            .WithServiceLevels(ServiceLevelPolicy.Default.ToBuilder().WithWhistleReportLimit(Duration.FromMinutes(20)).Build())
            .Build();

        var report = registry.RollOut(v2, [.. Pilot, Guoyuan, Beiyuanjiayuan], new LocalDate(2023, 7, 1));

        Assert.Equal(2, v2.Version);
        Assert.All(report.Changes, c =>
        {
            Assert.Equal(BrandChangeKind.NewVersion, c.Kind);
            var setting = Assert.Single(c.Settings);
            Assert.Equal(BrandSetting.ServiceLevels, setting.Setting);
            Assert.Contains("whistle report within 30 min", setting.Before, StringComparison.Ordinal);
            Assert.Contains("whistle report within 20 min", setting.After, StringComparison.Ordinal);
        });
        Assert.Equal(1, registry.InForce(Guoyuan, new LocalDate(2023, 6, 30))!.Brand.Version);
        Assert.Equal(Duration.FromMinutes(20), registry.PolicyFor(Chart.GetUnit(Guoyuan), new LocalDate(2023, 7, 1)).WhistleReportLimit);
        Assert.Same(v2, registry.Latest(BrandPresets.YoushiNinZhaoWo.Id));
    }

    [Fact]
    public void A_subdistrict_wide_brand_reaches_only_the_communities_without_their_own()
    {
        var registry = new BrandRegistry(Chart, new FakeClock(Instant.FromUtc(2023, 6, 1, 4, 0)));
        registry.RollOut(BrandPresets.YoushiNinZhaoWo, Pilot, PilotStart);

        var report = registry.RollOut(BrandPresets.HuLianWang, [SampleDistrict.Units.Beiyuan], Rollout);

        var change = Assert.Single(report.Changes);
        var expected = Chart.DescendantsOf(Chart.GetUnit(SampleDistrict.Units.Beiyuan)).ToArray()
            .Where(u => !Pilot.Any(p => u.Id == p || Chart.IsWithin(u, Chart.GetUnit(p)))).Select(u => u.Id);
        Assert.Equal(expected, change.Inheriting);
        Assert.Contains(Guoyuan, change.Inheriting);
        Assert.Equal(BrandPresets.YoushiNinZhaoWo, registry.InForce(SampleDistrict.Units.Yudailu, Rollout)!.Brand);
        Assert.Equal(BrandPresets.HuLianWang, registry.InForce(Guoyuan, Rollout)!.Brand);

        registry.Withdraw(SampleDistrict.Units.Yudailu, new LocalDate(2023, 9, 1));
        Assert.Equal(new BrandInForce(BrandPresets.HuLianWang, SampleDistrict.Units.Beiyuan, Rollout), registry.InForce(SampleDistrict.Units.Yudailu, new LocalDate(2023, 9, 1)));
    }

    /// <summary>The sample district with two more communities in 北苑街道, each with two grids of two buildings, served by the subdistrict's company.</summary>
    private static Chart BuildChart()
    {
        var builder = SampleDistrict.CreateBuilder();
        foreach (var (id, name) in new[] { (Guoyuan, "果园社区"), (Beiyuanjiayuan, "北苑家园社区") })
        {
            builder.AddUnit(id, UnitKind.Community, name, SampleDistrict.Units.Beiyuan);
            for (var g = 1; g <= 2; g++)
            {
                var grid = new UnitId($"{id}-g{g}");
                builder.AddUnit(grid, UnitKind.Grid, $"{name}第{g}网格", id);
                for (var b = 1; b <= 2; b++)
                {
                    builder.AddUnit(new UnitId($"{grid}-b{b}"), UnitKind.Building, $"{g}区{b}号楼", grid);
                }
            }
        }

        SyntheticChart.AddPropertyCompany(builder, new Random(7), new PropertyCompanyId("beiyuan-wuye-2"), "北苑第二物业", [Guoyuan, Beiyuanjiayuan]);
        return builder.Build();
    }
}
