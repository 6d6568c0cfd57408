using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Core.Insights;
using Governance.Core.Organization;
using Governance.Core.Requests;
using NodaTime;

namespace Governance.Core.Tests.Insights;

/// <summary>The hotspot finder's and trend's promises, checked on random receipts in two communities of the sample district.</summary>
public sealed class HotspotProperties
{
    private static readonly Chart Chart = SampleDistrict.Chart;
    private static readonly LocalDate AsOfDate = new(2023, 10, 20);
    private static readonly Instant AsOf = Receipts.At(AsOfDate);
    private static readonly DateInterval AllDates = new(new LocalDate(2020, 1, 1), new LocalDate(2024, 1, 31));

    /// <summary>Where receipts may be: every unit of 新华西街社区 and 后南仓社区 (community, grids, buildings) and 北苑街道 itself.</summary>
    private static readonly Unit[] Places =
    [
        .. new[] { SampleDistrict.Units.Xinhuaxijie, SampleDistrict.Units.Hounancang }
            .SelectMany(c => Chart.DescendantsOf(Chart.GetUnit(c)).ToArray().Prepend(Chart.GetUnit(c))),
        Chart.GetUnit(SampleDistrict.Units.Beiyuan),
    ];

    private static readonly string[] Categories = ["供暖/不热", "供暖/漏水", "物业/电梯/故障", "环境/噪音"];
    private static readonly Channel[] Channels = [Channel.Hotline12345, Channel.Hotline12345, Channel.WalkIn, Channel.ServiceCalendarPhone];

    public readonly record struct Spec(int Place, int Category, int DaysBefore, int Channel);

    /// <summary>Mostly in the last 120 days or in past Novembers, and often in a few buildings, so that thresholds are crossed; some over three years.</summary>
    private static readonly Gen<Spec> SpecGen =
        from place in Gen.Frequency((3, Gen.Choose(0, 5)), (1, Gen.Choose(0, Places.Length - 1)))
        from category in Gen.Choose(0, Categories.Length - 1)
        from days in Gen.Frequency((4, Gen.Choose(-3, 120)), (1, Gen.Choose(0, 1200)), (2, NovemberBefore))
        from channel in Gen.Choose(0, Channels.Length - 1)
        select new Spec(place, category, days, channel);

    /// <summary>A day in November 2020, 2021 or 2022, as days before the report's date: material for the seasonal rule.</summary>
    private static readonly Gen<int> NovemberBefore =
        from year in Gen.Choose(2020, 2022)
        from day in Gen.Choose(1, 30)
        select Period.DaysBetween(new LocalDate(year, 11, day), AsOfDate);

    private static Arbitrary<Spec[]> Specs => Gen.Sized(n => Gen.ArrayOf(SpecGen, n * 2)).ToArbitrary();

    private static RequestReceived ToEvent(Spec s, int i) =>
        Receipts.Received($"p{i}", Places[s.Place].Id, Categories[s.Category], AsOfDate.PlusDays(-s.DaysBefore), Channels[s.Channel]);

    private static List<RequestReceived> Events(Spec[] specs) => [.. specs.Select(ToEvent)];

    private static RequestHotspots Project(IEnumerable<RequestEvent> events)
    {
        var projection = new RequestHotspots(Chart);
        projection.ApplyRange(events);
        return projection;
    }

    [Property(MaxTest = 100)]
    public Property A_parents_trend_is_the_sum_of_its_childrens_plus_its_own_requests() => Prop.ForAll(Specs, specs =>
    {
        var events = Events(specs);
        var projection = Project(events);
        var failures = new List<string>();
        foreach (var period in new[] { TrendPeriod.Month, TrendPeriod.Week })
        {
            foreach (var parent in Places.Append(Chart.District))
            {
                var children = Chart.ChildrenOf(parent).ToArray();
                var trend = projection.Trend(parent.Id, AllDates, period);
                var childTrends = children.Select(c => projection.Trend(c.Id, AllDates, period)).ToArray();
                for (var i = 0; i < trend.Points.Count; i++)
                {
                    var point = trend.Points[i];
                    var own = events.Where(e => e.Location.Unit == parent.Id && point.Period.Contains(Receipts.LocalDate(e))).ToList();
                    var hotline = childTrends.Sum(t => t.Points[i].Hotline12345) + own.Count(e => e.Channel == Channel.Hotline12345);
                    var all = childTrends.Sum(t => t.Points[i].AllChannels) + own.Count;
                    if (hotline != point.Hotline12345 || all != point.AllChannels)
                    {
                        failures.Add($"{parent.Name} {period} {point.Period}: {point.Hotline12345}/{point.AllChannels}, children + own {hotline}/{all}");
                    }
                }
            }
        }

        var district = projection.Trend(Chart.District.Id, AllDates);
        var total = district.Points.Sum(p => p.AllChannels) == events.Count;
        return (failures.Count == 0 && total).Label(string.Join("\n", failures.Take(5)));
    });

    [Property(MaxTest = 100)]
    public Property One_more_request_never_removes_a_recurring_hotspot_it_stays_at_its_unit_or_moves_to_a_child_that_explains_it() =>
        Prop.ForAll(Specs, SpecGen.ToArbitrary(), (specs, extra) =>
        {
            var events = Events(specs);
            var before = Project(events).Find(AsOf).Where(h => h.Kind == HotspotKind.Recurring).ToList();
            var after = Project(events.Append(ToEvent(extra, specs.Length))).Find(AsOf).Where(h => h.Kind == HotspotKind.Recurring).ToList();
            var lost = before.Where(b => !after.Any(a => a.Category == b.Category && a.Count >= 1
                && (a.Unit == b.Unit ? a.Count >= b.Count : Chart.IsWithin(Chart.GetUnit(a.Unit), Chart.GetUnit(b.Unit))))).ToList();
            return (lost.Count == 0).Label(string.Join("; ", lost.Select(h => $"{h.UnitName} {h.Category} {h.Count}")))
                .Classify(before.Count > 0, "some recurring hotspot before");
        });

    [Property(MaxTest = 100)]
    public Property Applying_receipts_in_one_batch_or_shuffled_in_pieces_gives_the_same_hotspots_and_trends() =>
        Prop.ForAll(Specs, Gen.Choose(1, 7).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (specs, pieces, seed) =>
        {
            var events = Events(specs);
            var whole = Project(events);
            var shuffled = events.ToArray();
            new Random(seed).Shuffle(shuffled);
            var split = new RequestHotspots(Chart);
            foreach (var chunk in shuffled.Chunk(Math.Max(1, (shuffled.Length / pieces) + 1)))
            {
                split.ApplyRange(chunk.Select(e => (RequestEvent)e));
            }

            var sameHotspots = whole.Find(AsOf).SequenceEqual(split.Find(AsOf));
            var sameTrend = whole.Trend(SampleDistrict.Units.Beiyuan, AllDates, TrendPeriod.Week) == split.Trend(SampleDistrict.Units.Beiyuan, AllDates, TrendPeriod.Week);
            return (sameHotspots && sameTrend).Label($"hotspots {sameHotspots}, trend {sameTrend}");
        });

    [Property(MaxTest = 100)]
    public Property Hotspots_are_deterministic_and_in_the_documented_order_and_each_meets_its_rule() => Prop.ForAll(Specs, specs =>
    {
        var projection = Project(Events(specs));
        var found = projection.Find(AsOf);
        var again = projection.Find(AsOf);
        var ordered = found.Zip(found.Skip(1)).All(p =>
            p.First.Kind < p.Second.Kind || (p.First.Kind == p.Second.Kind && p.First.Window.Start <= p.Second.Window.Start));
        var meetsRule = found.All(h => h.Kind switch
        {
            HotspotKind.Recurring => h.Count >= HotspotOptions.Default.ThresholdAt(h.Level) && h.Count == h.Evidence.Sum(e => e.Count),
            HotspotKind.Rising => h.Count >= h.Threshold && h.Threshold >= Math.Max(4, 2 * h.Baseline!.Value) && h.Evidence[^1].Count == h.Count,
            _ => h.Evidence.Count(e => e.Count >= 3) >= 2 && h.Count == h.Evidence.Sum(e => e.Count),
        });
        var unique = found.Select(h => (h.Kind, h.Unit, h.Category, h.Window)).Distinct().Count() == found.Count;
        return (found.SequenceEqual(again) && ordered && meetsRule && unique)
            .Label($"deterministic {found.SequenceEqual(again)}, ordered {ordered}, rules {meetsRule}, unique {unique}")
            .Classify(found.Any(h => h.Kind == HotspotKind.Seasonal), "seasonal found")
            .Classify(found.Any(h => h.Kind == HotspotKind.Rising), "rising found");
    });

    [Property(MaxTest = 100)]
    public Property Recurring_counts_agree_with_counting_the_receipts_by_hand_and_every_cluster_at_threshold_is_reported_at_its_unit_or_below() =>
        Prop.ForAll(Specs, specs =>
        {
            var events = Events(specs);
            var found = Project(events).Find(AsOf).Where(h => h.Kind == HotspotKind.Recurring).ToList();
            var window = new DateInterval(AsOfDate.PlusDays(-29), AsOfDate);
            long Naive(Unit unit, string category) => events.Count(e =>
                window.Contains(Receipts.LocalDate(e)) && e.Category.Value.Split('/')[0] == category
                && Chart.IsWithin(Chart.GetUnit(e.Location.Unit), unit));

            var wrong = found.Where(h => h.Count != Naive(Chart.GetUnit(h.Unit), h.Category.Value)).ToList();
            var missed = (
                from unit in Places
                where unit.Level >= UnitLevel.Community
                from category in Categories.Select(c => c.Split('/')[0]).Distinct()
                where Naive(unit, category) >= HotspotOptions.Default.ThresholdAt(unit.Level)
                where !found.Any(h => h.Category.Value == category && Chart.IsWithin(Chart.GetUnit(h.Unit), unit))
                select $"{unit.Name} {category}").ToList();
            return (wrong.Count == 0 && missed.Count == 0)
                .Label($"wrong: {string.Join("; ", wrong.Select(h => $"{h.UnitName} {h.Category} {h.Count}"))}; missed: {string.Join("; ", missed)}");
        });
}
