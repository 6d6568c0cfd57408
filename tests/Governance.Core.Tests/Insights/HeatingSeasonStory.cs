using Governance.Core.Insights;
using Governance.Core.Ledger;
using Governance.Core.Organization;
using Governance.Core.Requests;
using NodaTime;

namespace Governance.Core.Tests.Insights;

/// <summary>
/// Heating complaints come back every November. 通瑞嘉苑社区 had four in November 2021 and five in November 2022, one or
/// two per building across its grids; on 20 October 2023 the analysis proposes a ledger item for the community, and it
/// is on the ledger before the first complaint of November 2023 (未诉先办).
/// </summary>
public sealed class HeatingSeasonStory
{
    private static readonly Chart Chart = SampleDistrict.Chart;
    private static readonly UnitId Community = SampleDistrict.Units.Tongruijiayuan;
    private static readonly Unit[] Grids = Receipts.Grids(Chart, Community);
    private static readonly Instant ProposedAt = Receipts.At(new LocalDate(2023, 10, 20));

    /// <summary>
    /// 2021-11: one 供暖/不热 in the first building of each of the four grids (4). 2022-11: the same four plus one
    /// 供暖/漏水 in the second building of grid 1 (5). Also, every month of 2023, one 环境 request elsewhere (noise).
    /// </summary>
    private static List<RequestEvent> History()
    {
        var events = new List<RequestEvent>();
        for (var g = 0; g < 4; g++)
        {
            var building = Receipts.Buildings(Chart, Grids[g])[0].Id;
            events.Add(Receipts.Received($"h2021-{g}", building, "供暖/不热", new LocalDate(2021, 11, 3 + g)));
            events.Add(Receipts.Received($"h2022-{g}", building, "供暖/不热", new LocalDate(2022, 11, 10 + g)));
        }

        events.Add(Receipts.Received("h2022-leak", Receipts.Buildings(Chart, Grids[0])[1].Id, "供暖/漏水", new LocalDate(2022, 11, 20)));
        for (var m = 1; m <= 10; m++)
        {
            events.Add(Receipts.Received($"e2023-{m}", Receipts.Buildings(Chart, Grids[1])[1].Id, "环境/噪音", new LocalDate(2023, m, 5)));
        }

        return events;
    }

    private static RequestHotspots Projection()
    {
        var projection = new RequestHotspots(Chart);
        projection.ApplyRange(History());
        return projection;
    }

    [Fact]
    public void On_20_October_the_community_is_a_seasonal_heating_hotspot_for_November_with_four_and_five_in_the_two_earlier_years()
    {
        var hotspot = Assert.Single(Projection().Find(ProposedAt));

        Assert.Equal(HotspotKind.Seasonal, hotspot.Kind);
        Assert.Equal((Community, "通瑞嘉苑社区", UnitLevel.Community), (hotspot.Unit, hotspot.UnitName, hotspot.Level));
        Assert.Equal("供暖", hotspot.Category.Value);                 // 不热 and 漏水 count together at depth 1
        Assert.Equal(new DateInterval(new LocalDate(2023, 11, 1), new LocalDate(2023, 11, 30)), hotspot.Window);
        Assert.Equal(9, hotspot.Count);
        Assert.Equal("2020-11-01..2020-11-30: 0; 2021-11-01..2021-11-30: 4; 2022-11-01..2022-11-30: 5", hotspot.EvidenceText());
        Assert.Null(hotspot.Baseline);
    }

    [Fact]
    public void November_is_looked_for_from_2_October_thirty_days_ahead_and_not_on_1_October()
    {
        var projection = Projection();
        Assert.Empty(projection.Find(Receipts.At(new LocalDate(2023, 10, 1))));      // 1 November is 31 days away
        Assert.Single(projection.Find(Receipts.At(new LocalDate(2023, 10, 2))));     // 30 days: within the lead time
        Assert.Empty(projection.Find(Receipts.At(new LocalDate(2023, 11, 1))));      // the season has begun: now it is for Recurring to see
    }

    [Fact]
    public void No_building_or_grid_is_seasonal_on_its_own_and_one_year_of_complaints_is_not_a_season()
    {
        var oneYear = new RequestHotspots(Chart);
        oneYear.ApplyRange(History().Where(e => !e.RequestId.Value.StartsWith("h2021", StringComparison.Ordinal)));
        Assert.Empty(oneYear.Find(ProposedAt));

        var lenient = new RequestHotspots(Chart, HotspotOptions.Default with { SeasonalMinimumCount = 1 });
        lenient.ApplyRange(History());
        var found = lenient.Find(ProposedAt);
        // With one a year enough, the first building of each grid is seasonal (1 + 1). Grids 2–4 are explained by that
        // building (2 of 2); grid 1 (3, with the leak in its second building) is not (2 of 3 < 75 %), nor is the
        // community (9, its largest grid 3).
        Assert.Equal(4, found.Count(h => h.Level == UnitLevel.Building));
        Assert.Equal(Grids[0].Id, Assert.Single(found, h => h.Level == UnitLevel.Grid).Unit);
        Assert.Equal(9, Assert.Single(found, h => h.Level == UnitLevel.Community).Count);
        Assert.All(found, h => Assert.Equal(HotspotKind.Seasonal, h.Kind));
    }

    [Fact]
    public void The_proposal_is_proactive_names_the_pattern_and_evidence_and_is_on_the_ledger_before_the_first_november_complaint()
    {
        var projection = Projection();
        var proposal = Assert.Single(HotspotProposals.ProposeLedgerItems(Chart, projection.Find(ProposedAt), ProposedAt));

        Assert.Equal(LedgerOrigin.Proactive, proposal.Origin);
        Assert.Equal(ConcernClass.Worrying, proposal.Class);
        Assert.Equal(Agency.Unit(Community), proposal.By);
        Assert.Equal(new RequestLocation(Community), proposal.Location);
        Assert.Equal("供暖", proposal.Category.Value);
        Assert.Equal($"proactive/seasonal/{Community.Value}/供暖/2023-11-01", proposal.ItemId.Value);
        Assert.Contains("季节性复发", proposal.Basis);
        Assert.Contains("Seasonal", proposal.Basis);
        Assert.Contains("2021-11-01..2021-11-30: 4; 2022-11-01..2022-11-30: 5", proposal.Basis);
        Assert.Contains("2023-11", proposal.Title);

        var ledger = new global::Governance.Core.Ledger.Ledger(Chart);
        var item = ledger.Propose(proposal);
        Assert.Equal(LedgerItemStatus.Proposed, item.Status);
        Assert.Single(ledger.ItemsUnder(Community));

        // November 2023: the first complaint comes on the 2nd, after the item was proposed.
        var november = Receipts.Received("h2023-0", Receipts.Buildings(Chart, Grids[0])[0].Id, "供暖/不热", new LocalDate(2023, 11, 2));
        projection.Apply(november);
        Assert.True(item.History[0].At < november.At);
        Assert.Throws<ArgumentException>(() => ledger.Propose(proposal)); // the same finding names the same item: not proposed twice
    }
}
