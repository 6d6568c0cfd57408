using Governance.Core.Brands;
using Governance.Core.Organization;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Tests.Brands;

/// <summary>A small district for brand tests: 2 subdistricts, 3 communities, 2 grids each, 2 buildings per grid (24 units).</summary>
internal static class BrandTown
{
    public static readonly Chart Chart = Build();

    public static readonly LocalDate Start = new(2023, 1, 1);

    /// <summary>Four brand versions that differ in every setting but one or two: A v1, A v2 (whistle 20 min), B v1, C v1.</summary>
    public static readonly Brand[] Brands =
    [
        new BrandBuilder(new BrandId("a"), "甲").Build(),
        new BrandBuilder(new BrandId("a"), "甲").Build().ToBuilder()
            .WithServiceLevels(new ServiceLevelPolicyBuilder().WithWhistleReportLimit(Duration.FromMinutes(20)).Build()).Build(),
        BrandPresets.YoushiNinZhaoWo,
        BrandPresets.HuLianWang,
    ];

    private static Chart Build()
    {
        var builder = new ChartBuilder().AddUnit(new UnitId("d"), UnitKind.District, "区");
        foreach (var (street, communities) in new[] { ("s1", 2), ("s2", 1) })
        {
            builder.AddUnit(new UnitId(street), UnitKind.Subdistrict, street + "街道", new UnitId("d"));
            for (var c = 1; c <= communities; c++)
            {
                var community = $"{street}-c{c}";
                builder.AddUnit(new UnitId(community), UnitKind.Community, community + "社区", new UnitId(street));
                for (var g = 1; g <= 2; g++)
                {
                    var grid = $"{community}-g{g}";
                    builder.AddUnit(new UnitId(grid), UnitKind.Grid, grid + "网格", new UnitId(community));
                    for (var b = 1; b <= 2; b++)
                    {
                        builder.AddUnit(new UnitId($"{grid}-b{b}"), UnitKind.Building, $"{b}号楼", new UnitId(grid));
                    }
                }
            }
        }

        return builder.Build();
    }
}
