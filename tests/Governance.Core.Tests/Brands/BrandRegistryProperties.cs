using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Core.Brands;
using Governance.Core.Organization;
using NodaTime;
using NodaTime.Testing;

namespace Governance.Core.Tests.Brands;

/// <summary>
/// A rollout changes exactly the units it names and the descendants that inherit from them (the rule documented on
/// <see cref="BrandRegistry"/>), from its date on, and reports exactly those changes; a preview or a refused rollout
/// changes nothing.
/// </summary>
public sealed class BrandRegistryProperties
{
    private static readonly Chart Chart = BrandTown.Chart;
    private static readonly int UnitCount = Chart.Units.Length;

    [Property(MaxTest = 300)]
    public Property A_rollout_changes_exactly_the_named_units_and_their_inheriting_descendants_from_its_date_and_reports_them() =>
        Prop.ForAll(Scripts.ToArbitrary(), script =>
        {
            var registry = script.Setup();
            var before = Snapshot(registry);
            var preview = registry.PreviewRollOut(script.Brand, script.Named, script.From);
            Assert.Equal(before, Snapshot(registry));
            var report = registry.RollOut(script.Brand, script.Named, script.From);
            var after = Snapshot(registry);
            var failures = new List<string>();

            foreach (var ((unit, date), now) in after)
            {
                var then = before[(unit, date)];
                if (Key(now) == Key(then))
                {
                    continue;
                }

                if (date < script.From || now is null || !script.Named.Contains(now.AdoptedBy) || !ReferenceEquals(now.Brand, script.Brand))
                {
                    failures.Add($"{unit} on {date:yyyy-MM-dd} changed from {Key(then)} to {Key(now)} ({now?.AdoptedBy}), which the rollout of {script.Brand} from {script.From:yyyy-MM-dd} to [{string.Join(", ", script.Named)}] does not explain");
                }
            }

            foreach (var named in script.Named)
            {
                var now = after[(named, script.From)];
                if (now is null || now.AdoptedBy != named || !ReferenceEquals(now.Brand, script.Brand) || now.Since != script.From)
                {
                    failures.Add($"{named} named in the rollout is under {Key(now)} ({now?.AdoptedBy}) on its date");
                }
            }

            var changedThatDay = Chart.Units.Select(u => u.Id).Where(u => Key(before[(u, script.From)]) != Key(after[(u, script.From)])).ToHashSet();
            var reported = report.ChangedUnits.ToList();
            if (!changedThatDay.SetEquals(reported) || reported.Count != reported.Distinct().Count())
            {
                failures.Add($"changed that day [{string.Join(", ", changedThatDay.Select(u => u.Value).Order(StringComparer.Ordinal))}], reported [{string.Join(", ", reported)}]");
            }

            foreach (var change in report.Changes)
            {
                var then = before[(change.Unit, script.From)];
                var expected = then is null ? BrandChangeKind.Adopted
                    : then.Brand.Id != script.Brand.Id ? BrandChangeKind.Switched
                    : then.Brand.Version != script.Brand.Version ? BrandChangeKind.NewVersion : BrandChangeKind.Unchanged;
                if (change.Kind != expected || !Equals(change.Before, then) || change.Settings.IsEmpty != (expected == BrandChangeKind.Unchanged)
                    || change.Inheriting.Any(u => after[(u, script.From)]?.AdoptedBy != change.Unit))
                {
                    failures.Add($"the report for {change.Unit} is {change}; expected {expected} from {Key(then)}");
                }
            }

            Assert.Equal(preview.Changes.Select(Describe), report.Changes.Select(Describe));
            Assert.True(failures.Count == 0, string.Join("\n", failures));
            return true.Classify(report.Changes.Any(c => c.Kind == BrandChangeKind.Unchanged), "a unit already under the brand")
                .Classify(report.Changes.Any(c => c.Inheriting.Length < Chart.DescendantsOf(Chart.GetUnit(c.Unit)).Length), "a descendant keeps its own brand")
                .Classify(script.Named.Count > 1, "several units named");
        });

    [Property(MaxTest = 100)]
    public Property A_refused_rollout_changes_nothing() =>
        Prop.ForAll(Scripts.ToArbitrary(), Gen.Elements("nowhere", "twice").ToArbitrary(), (script, fault) =>
        {
            var registry = script.Setup();
            var before = Snapshot(registry);
            var brands = registry.Brands.ToList();
            var units = fault == "twice" ? [.. script.Named, script.Named[0]] : script.Named.Append(new UnitId("nowhere")).ToList();

            var refused = Assert.Throws<ArgumentException>(() => registry.RollOut(script.Brand, units, script.From));

            Assert.Contains(fault == "twice" ? "named twice" : "'nowhere'", refused.Message, StringComparison.Ordinal);
            Assert.Equal(before, Snapshot(registry));
            Assert.Equal(brands, registry.Brands);
        });

    [Fact]
    public void A_brand_whose_id_and_version_are_known_with_other_settings_is_refused_and_changes_nothing()
    {
        var registry = new BrandRegistry(Chart, new FakeClock(Instant.FromUtc(2023, 1, 1, 0, 0)));
        registry.Adopt(new UnitId("s1"), BrandTown.Brands[0], BrandTown.Start);
        var impostor = new BrandBuilder(new BrandId("a"), "甲").WithChannels(Governance.Core.Requests.Channel.WalkIn).Build();

        var refused = Assert.Throws<ArgumentException>(() => registry.RollOut(impostor, [new UnitId("s2")], BrandTown.Start));

        Assert.Contains("甲 (a v1)", refused.Message, StringComparison.Ordinal);
        Assert.Null(registry.InForce(new UnitId("s2"), BrandTown.Start));
        Assert.Single(registry.Brands);
    }

    internal static Gen<Script> Scripts =>
        from count in Gen.Choose(0, 12)
        from setup in Gen.ListOf(Step, count)
        from brand in Gen.Choose(0, BrandTown.Brands.Length - 1)
        from named in Gen.Shuffle(Enumerable.Range(0, UnitCount).ToArray()).SelectMany(order => Gen.Choose(1, 5).Select(n => order.Take(n).ToArray()))
        from start in Gen.Choose(0, 10)
        select new Script([.. setup], BrandTown.Brands[brand], [.. named.Select(i => Chart.Units[i].Id)], BrandTown.Start.PlusDays(start));

    private static Gen<(int Unit, int? Brand, int Day)> Step =>
        from unit in Gen.Choose(0, UnitCount - 1)
        from brand in Gen.Frequency((4, Gen.Choose(0, BrandTown.Brands.Length - 1).Select(b => (int?)b)), (1, Gen.Constant((int?)null)))
        from day in Gen.Choose(0, 10)
        select (unit, brand, day);

    private static Dictionary<(UnitId, LocalDate), BrandInForce?> Snapshot(BrandRegistry registry)
    {
        var snapshot = new Dictionary<(UnitId, LocalDate), BrandInForce?>();
        foreach (var unit in Chart.Units)
        {
            for (var day = -1; day <= 12; day++)
            {
                var date = BrandTown.Start.PlusDays(day);
                snapshot[(unit.Id, date)] = registry.InForce(unit.Id, date);
            }
        }

        return snapshot;
    }

    private static string Describe(BrandChange c) => $"{c} {string.Join(", ", c.Settings)} {string.Join(", ", c.Inheriting)}";

    private static string Key(BrandInForce? inForce) => inForce is null ? "(none)" : $"{inForce.Brand.Id} v{inForce.Brand.Version}";

    internal sealed record Script(IReadOnlyList<(int Unit, int? Brand, int Day)> Steps, Brand Brand, IReadOnlyList<UnitId> Named, LocalDate From)
    {
        public BrandRegistry Setup()
        {
            var registry = new BrandRegistry(Chart, new FakeClock(Instant.FromUtc(2023, 1, 1, 0, 0)));
            foreach (var (unit, brand, day) in Steps)
            {
                if (brand is { } b)
                {
                    registry.Adopt(Chart.Units[unit].Id, BrandTown.Brands[b], BrandTown.Start.PlusDays(day));
                }
                else
                {
                    registry.Withdraw(Chart.Units[unit].Id, BrandTown.Start.PlusDays(day));
                }
            }

            return registry;
        }

        public override string ToString() =>
            $"setup [{string.Join("; ", Steps.Select(s => $"{Chart.Units[s.Unit].Id} {(s.Brand is { } b ? BrandTown.Brands[b].ToString() : "withdraw")} +{s.Day}"))}], roll out {Brand} to [{string.Join(", ", Named)}] from {From:yyyy-MM-dd}";
    }
}
