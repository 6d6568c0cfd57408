using Governance.Core.Catalogue;
using Governance.Core.Ledger;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Tests.Ledger;

/// <summary>The people, places and times of the ledger tests: 于家务乡 and 渠头村 of the sample district, early 2023.</summary>
internal static class LedgerCast
{
    public static readonly DateTimeZone Zone = WorkingCalendar.Default.Zone;

    /// <summary>闫刚, 村委会主任 of 渠头村.</summary>
    public static readonly StaffId Yan = new("qutou-yan");

    /// <summary>孟慧, 于家务乡党委委员、宣传委员, who keeps the township's 急难愁盼 ledger.</summary>
    public static readonly StaffId Meng = new("yujiawu-meng");

    public static readonly Agency Township = Agency.Unit(SampleDistrict.Units.Yujiawu);

    public static readonly Agency Village = Agency.Unit(SampleDistrict.Units.Qutou);

    public static Chart SampleChart => SampleDistrict.Chart;

    /// <summary>A local time in Beijing.</summary>
    public static Instant Beijing(int year, int month, int day, int hour = 10, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Zone).ToInstant();

    public static OpenLedgerItem Opening(string id, Instant at, LocalDate deadline, RequestLocation? location = null, ConcernClass cls = ConcernClass.Worrying) =>
        new(new LedgerItemId(id), Township, at, cls, new CategoryCode("市政/路灯"), location ?? new RequestLocation(SampleDistrict.Units.Qutou),
            "主路路灯不亮", "村民反映村主路路灯夜间不亮，老人出行不便", "排查线路，更换损坏灯具", Yan, deadline);
}
