using Governance.Core.Insights;
using Governance.Core.Ledger;
using Governance.Core.Organization;
using Governance.Core.Requests;
using NodaTime;

namespace Governance.Core.Tests.Insights;

/// <summary>Recurring and rising hotspots, the one-cluster-one-report rule, options and bad input, with figures checked by hand.</summary>
public sealed class HotspotExamples
{
    private static readonly Chart Chart = SampleDistrict.Chart;
    private static readonly UnitId Community = SampleDistrict.Units.Xinhuaxijie;
    private static readonly Unit[] Grids = Receipts.Grids(Chart, Community);
    private static readonly Unit[] Buildings = Receipts.Buildings(Chart, Grids[0]);
    private static readonly LocalDate Today = new(2023, 6, 30);

    /// <summary>Data known to cover the year, though the examples' first receipts come later.</summary>
    private static readonly HotspotOptions SinceJanuary = HotspotOptions.Default with { DataStart = new LocalDate(2023, 1, 1) };

    private static IReadOnlyList<Hotspot> Find(IEnumerable<RequestEvent> events, HotspotOptions? options = null)
    {
        var projection = new RequestHotspots(Chart, options);
        projection.ApplyRange(events);
        return projection.Find(Receipts.At(Today));
    }

    private static IEnumerable<RequestEvent> At(Unit building, int count, string prefix, LocalDate from, string category = "物业/电梯/故障") =>
        Enumerable.Range(0, count).Select(i => Receipts.Received($"{prefix}{i}", building.Id, category, from.PlusDays(i)));

    [Fact]
    public void Five_lift_breakdowns_in_one_building_are_one_hotspot_at_the_building_not_again_at_its_grid()
    {
        var found = Find(At(Buildings[0], 5, "a", new LocalDate(2023, 6, 20)));

        var recurring = Assert.Single(found, h => h.Kind == HotspotKind.Recurring);
        Assert.Equal((Buildings[0].Id, 5L, 3.0), (recurring.Unit, recurring.Count, recurring.Threshold));
        Assert.Equal(new DateInterval(new LocalDate(2023, 6, 1), Today), recurring.Window); // 30 days ending today
        Assert.Equal("物业", recurring.Category.Value);
        Assert.Equal("2023-06-20: 1; 2023-06-21: 1; 2023-06-22: 1; 2023-06-23: 1; 2023-06-24: 1", recurring.EvidenceText());
    }

    [Fact]
    public void Three_in_one_building_and_two_in_another_make_the_grid_a_hotspot_too_because_no_one_building_explains_it()
    {
        var found = Find(At(Buildings[0], 3, "a", new LocalDate(2023, 6, 20)).Concat(At(Buildings[1], 2, "b", new LocalDate(2023, 6, 20))), SinceJanuary);

        Assert.Equal(
            [(Buildings[0].Id, 3L), (Grids[0].Id, 5L)],
            found.Where(h => h.Kind == HotspotKind.Recurring).Select(h => (h.Unit, h.Count)).OrderBy(x => x.Count));
        Assert.Equal(Grids[0].Id, found.First(h => h.Kind == HotspotKind.Recurring).Unit); // tree order: the grid before its building
        // With no history the baseline is 0, so the rising minimum (4) decides: the grid (5) rises, its buildings (3, 2)
        // do not, and the community (5) is explained by the grid.
        Assert.Equal(Grids[0].Id, Assert.Single(found, h => h.Kind == HotspotKind.Rising).Unit);
    }

    [Fact]
    public void Nothing_is_rising_while_its_baseline_reaches_back_before_the_data_starts()
    {
        // The same five receipts: data that starts on 20 June has no baseline (3 March to 31 May), so nothing rises,
        // while the recurring hotspots stand. Data from 3 March, the first baseline day, judges the rise again.
        var events = At(Buildings[0], 3, "a", new LocalDate(2023, 6, 20)).Concat(At(Buildings[1], 2, "b", new LocalDate(2023, 6, 20))).ToArray();
        var projection = new RequestHotspots(Chart);
        projection.ApplyRange(events);

        Assert.Equal(new LocalDate(2023, 6, 20), projection.FirstReceiptDate);
        Assert.DoesNotContain(Find(events), h => h.Kind == HotspotKind.Rising);
        Assert.Equal(2, Find(events).Count(h => h.Kind == HotspotKind.Recurring));
        Assert.DoesNotContain(Find(events, HotspotOptions.Default with { DataStart = new LocalDate(2023, 3, 4) }), h => h.Kind == HotspotKind.Rising);
        Assert.Contains(Find(events, HotspotOptions.Default with { DataStart = new LocalDate(2023, 3, 3) }), h => h.Kind == HotspotKind.Rising);
    }

    [Fact]
    public void A_request_dated_after_the_reports_day_or_before_the_window_is_not_counted()
    {
        var events = At(Buildings[0], 2, "a", new LocalDate(2023, 6, 29))                 // 29 and 30 June: in
            .Append(Receipts.Received("old", Buildings[0].Id, "物业", new LocalDate(2023, 5, 31))) // 31 days back: out
            .Append(Receipts.Received("new", Buildings[0].Id, "物业", new LocalDate(2023, 7, 1)));
        Assert.DoesNotContain(Find(events), h => h.Kind == HotspotKind.Recurring);
    }

    [Fact]
    public void One_a_month_before_and_four_this_month_is_a_rise_against_a_baseline_of_one()
    {
        var events = new List<RequestEvent>();
        for (var k = 1; k <= 3; k++)
        {
            events.Add(Receipts.Received($"before{k}", Buildings[0].Id, "物业/电梯/故障", Today.PlusDays(-30 * k)));
        }

        events.AddRange(At(Buildings[0], 4, "now", new LocalDate(2023, 6, 10)));
        var rising = Assert.Single(Find(events, SinceJanuary), h => h.Kind == HotspotKind.Rising && h.Level == UnitLevel.Building);

        Assert.Equal((4L, 1.0, 4.0), (rising.Count, rising.Baseline, rising.Threshold)); // max(4, 2 × 1)
        Assert.Equal(
            "2023-03-03..2023-04-01: 1; 2023-04-02..2023-05-01: 1; 2023-05-02..2023-05-31: 1; 2023-06-01..2023-06-30: 4",
            rising.EvidenceText());
        var proposal = HotspotProposals.ProposeLedgerItems(Chart, [rising], Receipts.At(Today)).Single();
        Assert.Equal(ConcernClass.Urgent, proposal.Class);
        Assert.Contains("上升", proposal.Basis);
    }

    [Fact]
    public void Three_a_month_before_and_four_this_month_is_no_rise()
    {
        var events = new List<RequestEvent>();
        for (var k = 1; k <= 3; k++)
        {
            events.AddRange(At(Buildings[0], 3, $"before{k}-", Today.PlusDays((-30 * k) - 5)));
        }

        events.AddRange(At(Buildings[0], 4, "now", new LocalDate(2023, 6, 10)));
        var found = Find(events);
        Assert.DoesNotContain(found, h => h.Kind == HotspotKind.Rising);
        Assert.Contains(found, h => h.Kind == HotspotKind.Recurring && h.Unit == Buildings[0].Id);
    }

    [Fact]
    public void A_recurring_community_hotspot_is_proposed_as_difficult_and_a_building_one_as_worrying()
    {
        var events = Grids.Take(3).SelectMany((g, i) => At(Receipts.Buildings(Chart, g)[0], 3, $"g{i}-", new LocalDate(2023, 6, 10)));
        var found = Find(events).Where(h => h.Kind == HotspotKind.Recurring).ToList();
        Assert.Equal(9, Assert.Single(found, h => h.Level == UnitLevel.Community).Count);
        var classes = HotspotProposals.ProposeLedgerItems(Chart, found, Receipts.At(Today)).Select(p => (p.Location.Unit, p.Class)).ToList();
        Assert.Contains((Community, ConcernClass.Difficult), classes);
        Assert.Contains((Receipts.Buildings(Chart, Grids[0])[0].Id, ConcernClass.Worrying), classes);
    }

    [Theory]
    [InlineData(nameof(HotspotOptions.WindowDays))]
    [InlineData(nameof(HotspotOptions.GridThreshold))]
    [InlineData(nameof(HotspotOptions.RisingFactor))]
    [InlineData(nameof(HotspotOptions.SeasonalMinimumYears))]
    [InlineData(nameof(HotspotOptions.ExplainedShare))]
    [InlineData(nameof(HotspotOptions.LeadTimeDays))]
    public void An_option_out_of_range_is_refused_naming_the_option(string option)
    {
        var bad = option switch
        {
            nameof(HotspotOptions.WindowDays) => HotspotOptions.Default with { WindowDays = 0 },
            nameof(HotspotOptions.GridThreshold) => HotspotOptions.Default with { GridThreshold = 0 },
            nameof(HotspotOptions.RisingFactor) => HotspotOptions.Default with { RisingFactor = 1 },
            nameof(HotspotOptions.SeasonalMinimumYears) => HotspotOptions.Default with { SeasonalMinimumYears = 4 },
            nameof(HotspotOptions.ExplainedShare) => HotspotOptions.Default with { ExplainedShare = double.NaN },
            _ => HotspotOptions.Default with { LeadTimeDays = 365 },
        };
        var ex = Assert.Throws<ArgumentException>(() => new RequestHotspots(Chart, bad));
        Assert.Equal(option, ex.ParamName);
        Assert.Contains(option, ex.Message);
    }

    [Fact]
    public void A_lead_time_of_most_of_a_year_looks_at_every_coming_month_once()
    {
        // 364 days from 30 June 2023: July 2023 to June 2024, twelve months; a lift breakdown each June 2021 and 2022.
        var events = new[] { 2021, 2022 }.SelectMany(y => At(Buildings[0], 3, $"june{y}-", new LocalDate(y, 6, 10)));
        var found = Find(events, HotspotOptions.Default with { LeadTimeDays = 364 });
        var seasonal = Assert.Single(found, h => h.Kind == HotspotKind.Seasonal && h.Level == UnitLevel.Building);
        Assert.Equal(new LocalDate(2024, 6, 1), seasonal.Window.Start);
        Assert.Equal("2021-06-01..2021-06-30: 3; 2022-06-01..2022-06-30: 3; 2023-06-01..2023-06-30: 0", seasonal.EvidenceText()); // June 2024 looks back three years
    }

    [Fact]
    public void A_hotspot_that_persists_is_proposed_once_while_its_item_is_open_and_again_once_it_is_dropped()
    {
        var projection = new RequestHotspots(Chart);
        projection.ApplyRange(At(Buildings[0], 5, "a", new LocalDate(2023, 6, 20)));
        var ledger = new Governance.Core.Ledger.Ledger(Chart);
        var day1 = Assert.Single(projection.Find(Receipts.At(Today)));
        var day2 = Assert.Single(projection.Find(Receipts.At(Today.PlusDays(1))));
        var first = ledger.Propose(HotspotProposals.ProposeLedgerItems(Chart, HotspotProposals.NotOnLedger(ledger, [day1]), Receipts.At(Today)).Single());

        // The next day the window has moved, and with it the id; the concern is the same and is on the ledger.
        Assert.NotEqual(first.Id, HotspotProposals.ProposeLedgerItems(Chart, [day2], Receipts.At(Today.PlusDays(1))).Single().ItemId);
        Assert.Empty(HotspotProposals.NotOnLedger(ledger, [day2]));
        Assert.Equal([day2 with { Kind = HotspotKind.Rising }], HotspotProposals.NotOnLedger(ledger, [day2 with { Kind = HotspotKind.Rising }]));

        ledger.Execute(first.Id, new DropLedgerItem(Agency.Unit(Community), Receipts.At(Today.PlusDays(1)), "已并入小区电梯更新计划"));
        Assert.Equal([day2], HotspotProposals.NotOnLedger(ledger, [day1, day2])); // day 1's own item is on the ledger, dropped
        ledger.Propose(HotspotProposals.ProposeLedgerItems(Chart, [day2], Receipts.At(Today.PlusDays(1))).Single());
        Assert.Empty(HotspotProposals.NotOnLedger(ledger, [day1, day2]));
    }

    [Fact]
    public void A_season_is_carried_month_by_month()
    {
        var events = new[] { 2021, 2022 }.SelectMany(y => At(Buildings[0], 3, $"june{y}-", new LocalDate(y, 6, 10)));
        var june = Assert.Single(Find(events, HotspotOptions.Default with { LeadTimeDays = 364 }), h => h.Kind == HotspotKind.Seasonal && h.Level == UnitLevel.Building);
        var ledger = new Governance.Core.Ledger.Ledger(Chart);
        ledger.Propose(HotspotProposals.ProposeLedgerItems(Chart, [june], Receipts.At(Today)).Single());
        var july = june with { Window = new DateInterval(new LocalDate(2024, 7, 1), new LocalDate(2024, 7, 31)) };

        Assert.Equal([july], HotspotProposals.NotOnLedger(ledger, [june, july]));
        ledger.Execute(ledger.Items[0].Id, new DropLedgerItem(Agency.Unit(Community), Receipts.At(Today), "已纳入年度检修计划"));
        Assert.Equal([july], HotspotProposals.NotOnLedger(ledger, [june, july])); // June's item stands, dropped: never proposed twice
    }

    [Fact]
    public void A_second_receipt_or_an_unknown_unit_is_refused_naming_the_request_and_changes_nothing()
    {
        var projection = new RequestHotspots(Chart);
        var events = At(Buildings[0], 3, "a", new LocalDate(2023, 6, 20)).ToList();
        projection.ApplyRange(events);
        var before = projection.Find(Receipts.At(Today));

        var again = Assert.Throws<ArgumentException>(() => projection.Apply(events[0] with { At = events[0].At + Duration.FromDays(1) }));
        Assert.Contains("a0", again.Message);
        Assert.Contains("received", again.Message);
        var nowhere = Assert.Throws<ArgumentException>(() => projection.Apply(Receipts.Received("x", new UnitId("nowhere"), "物业", Today)));
        Assert.Contains("nowhere", nowhere.Message);

        Assert.Equal(3, projection.RequestCount);
        Assert.Equal(before, projection.Find(Receipts.At(Today)));
    }

    [Fact]
    public void Events_other_than_receipts_change_nothing()
    {
        var projection = new RequestHotspots(Chart);
        projection.ApplyRange(At(Buildings[0], 3, "a", new LocalDate(2023, 6, 20)));
        var before = projection.Find(Receipts.At(Today));
        projection.Apply(new RequestAccepted(new RequestId("a0"), Receipts.At(Today), Agency.Unit(Community)));
        projection.Apply(new RequestAccepted(new RequestId("never-received"), Receipts.At(Today), Agency.Unit(Community)));
        Assert.Equal(before, projection.Find(Receipts.At(Today)));
    }
}
