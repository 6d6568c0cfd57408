using Governance.Core.Catalogue;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Tests.Insights;

/// <summary>Receipts (<see cref="RequestReceived"/>) made by hand for the hotspot and trend tests: only where, what, when and how count.</summary>
internal static class Receipts
{
    /// <summary>10:00 in Beijing on <paramref name="date"/>.</summary>
    public static Instant At(LocalDate date) => date.At(new LocalTime(10, 0)).InZoneStrictly(WorkingCalendar.Default.Zone).ToInstant();

    public static RequestReceived Received(string id, UnitId unit, string category, LocalDate date, Channel channel = Channel.Hotline12345)
    {
        var at = At(date);
        var owner = Agency.Unit(unit);
        return new RequestReceived(new RequestId(id), at, channel, new CategoryCode(category), CategoryClass.Ordinary,
            new RequestLocation(unit), ResidentContact.None, "诉求", owner, owner,
            new RequestDeadlines(at + Duration.FromHours(8), at + Duration.FromDays(5), at + Duration.FromDays(7)),
            channel == Channel.Hotline12345 ? $"T{id}" : null);
    }

    /// <summary>The local date (Beijing) a receipt is counted on.</summary>
    public static LocalDate LocalDate(RequestReceived e) => e.At.InZone(WorkingCalendar.Default.Zone).Date;

    /// <summary>The grids of a community, in chart order.</summary>
    public static Unit[] Grids(Chart chart, UnitId community) => chart.ChildrenOf(chart.GetUnit(community)).ToArray();

    /// <summary>The buildings of a grid, in chart order.</summary>
    public static Unit[] Buildings(Chart chart, Unit grid) => chart.ChildrenOf(grid).ToArray();
}
