using Governance.Core.Catalogue;
using Governance.Core.Directory;
using Governance.Core.Insights;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Routing;
using NodaTime;

namespace Governance.Core.Tests.Insights;

/// <summary>
/// 渠头村 (于家务乡) had many 12345 tickets about small matters nobody knew whom to ask about. At the end of 2021 it
/// handed out a service card (便民卡) with the committee's phones and duties; in 2022 its 12345 tickets fell sharply.
/// Here: the same ten requests a month before and after 20 December 2021, only the channel changes.
/// </summary>
public sealed class QutouTicketTrendStory
{
    private static readonly Chart Chart = SampleDistrict.Chart;
    private static readonly UnitId Qutou = SampleDistrict.Units.Qutou;
    private static readonly LocalDate CardHandedOut = new(2021, 12, 20);
    private static readonly Unit[] Grids = Receipts.Grids(Chart, Qutou);
    private static readonly Unit BuildingA = Receipts.Buildings(Chart, Grids[0])[0];
    private static readonly Unit BuildingB = Receipts.Buildings(Chart, Grids[1])[0];

    /// <summary>
    /// Every month from July 2021 to June 2022, ten requests: six in a building of grid 1, three in a building of grid 2
    /// and one about the village itself. Before the card all ten are 12345 tickets; from January 2022 one request in
    /// each grid still comes by 12345, the rest by the card's phones or in person.
    /// </summary>
    private static List<RequestEvent> Story()
    {
        var events = new List<RequestEvent>();
        var n = 0;
        for (var month = new LocalDate(2021, 7, 1); month < new LocalDate(2022, 7, 1); month = month.PlusMonths(1))
        {
            var after = month > CardHandedOut;
            for (var i = 0; i < 6; i++)
            {
                events.Add(Receipts.Received($"q{n++}", BuildingA.Id, "环境/垃圾", month.PlusDays(i * 4), after && i > 0 ? Channel.ServiceCalendarPhone : Channel.Hotline12345));
            }

            for (var i = 0; i < 3; i++)
            {
                events.Add(Receipts.Received($"q{n++}", BuildingB.Id, "市政/路灯", month.PlusDays(2 + (i * 7)), after && i > 0 ? Channel.WalkIn : Channel.Hotline12345));
            }

            events.Add(Receipts.Received($"q{n++}", Qutou, "纠纷", month.PlusDays(20), after ? Channel.ServiceCalendarPhone : Channel.Hotline12345));
        }

        return events;
    }

    private static RequestHotspots Projection()
    {
        var projection = new RequestHotspots(Chart);
        projection.ApplyRange(Story());
        return projection;
    }

    private static readonly DateInterval Year = new(new LocalDate(2021, 7, 1), new LocalDate(2022, 6, 30));

    [Fact]
    public void The_card_handed_out_names_the_village_director_and_his_phone()
    {
        var card = new ServiceDirectory(new Router(Chart, CategoryCatalogue.Default)).CardFor(Qutou);
        var yan = Assert.Single(card.LocalStaff, s => s.Name == "闫刚");
        Assert.Equal("010-0000-0301", yan.Phone);
        Assert.Contains("12345工单", yan.Duties);
    }

    [Fact]
    public void The_villages_monthly_12345_tickets_fall_from_ten_to_two_after_the_card_while_all_requests_stay_at_ten()
    {
        var trend = Projection().Trend(Qutou, Year);

        Assert.Equal(12, trend.Points.Count);
        Assert.Equal(new DateInterval(new LocalDate(2021, 7, 1), new LocalDate(2021, 7, 31)), trend.Points[0].Period);
        Assert.Equal([10, 10, 10, 10, 10, 10, 2, 2, 2, 2, 2, 2], trend.Points.Select(p => p.Hotline12345));
        Assert.All(trend.Points, p => Assert.Equal(10, p.AllChannels));
        Assert.Equal((60, 12), (trend.Points.Take(6).Sum(p => p.Hotline12345), trend.Points.Skip(6).Sum(p => p.Hotline12345))); // −80 %
    }

    [Fact]
    public void The_trend_rolls_up_grid_one_six_plus_grid_two_three_plus_one_at_the_village_itself()
    {
        var projection = Projection();
        var grid1 = projection.Trend(Grids[0].Id, Year);
        var grid2 = projection.Trend(Grids[1].Id, Year);
        var village = projection.Trend(Qutou, Year);

        Assert.Equal([6, 6, 6, 6, 6, 6, 1, 1, 1, 1, 1, 1], grid1.Points.Select(p => p.Hotline12345));
        Assert.Equal([3, 3, 3, 3, 3, 3, 1, 1, 1, 1, 1, 1], grid2.Points.Select(p => p.Hotline12345));
        Assert.Equal(grid1.Points.Select(p => p.AllChannels), Enumerable.Repeat(6L, 12));
        for (var i = 0; i < 12; i++)
        {
            var own = i < 6 ? 1 : 0; // the dispute about the village itself is a 12345 ticket only before the card
            Assert.Equal(grid1.Points[i].Hotline12345 + grid2.Points[i].Hotline12345 + own, village.Points[i].Hotline12345);
        }

        var township = projection.Trend(SampleDistrict.Units.Yujiawu, Year);
        var district = projection.Trend(SampleDistrict.Units.Tongzhou, Year);
        Assert.Equal(village.Points, township.Points);
        Assert.Equal(village.Points, district.Points);
    }

    [Fact]
    public void Weekly_points_run_monday_to_sunday_cut_to_the_dates_asked_for()
    {
        // December 2021: the 1st is a Wednesday. Grid 1 on the 1st, 5th, 9th, 13th, 17th and 21st; grid 2 on the 3rd,
        // 10th and 17th; the village on the 21st. All still 12345 tickets (the card comes on the 20th, its effect in January).
        var december = new DateInterval(new LocalDate(2021, 12, 1), new LocalDate(2021, 12, 31));
        var trend = Projection().Trend(Qutou, december, TrendPeriod.Week);

        Assert.Equal(5, trend.Points.Count);
        Assert.Equal(new DateInterval(new LocalDate(2021, 12, 1), new LocalDate(2021, 12, 5)), trend.Points[0].Period);
        Assert.Equal(new DateInterval(new LocalDate(2021, 12, 27), new LocalDate(2021, 12, 31)), trend.Points[4].Period);
        Assert.Equal(10, trend.Points.Sum(p => p.AllChannels));
        // 1–5: 1, 3, 5 | 6–12: 9, 10 | 13–19: 13, 17, 17 | 20–26: 21, 21 | 27–31: none
        Assert.Equal([3, 2, 3, 2, 0], trend.Points.Select(p => p.Hotline12345));
    }

    [Fact]
    public void A_unit_not_in_the_chart_has_no_trend()
    {
        var ex = Assert.Throws<ArgumentException>(() => Projection().Trend(new UnitId("nowhere"), Year));
        Assert.Equal("unit", ex.ParamName);
    }
}
