using Governance.Core.Catalogue;
using Governance.Core.Directory;
using Governance.Core.Organization;
using Governance.Core.Routing;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Tests.Directory;

/// <summary>The 2023 service calendar (便民服务年历) of 渠头村 in 于家务乡, as handed out before 春节, shared by the calendar tests.</summary>
internal static class YujiawuServiceCalendar
{
    public static readonly ServiceDirectory Directory = new(new Router(SampleDistrict.Chart, CategoryCatalogue.Default));

    /// <summary>User text with every character HTML and iCalendar treat specially.</summary>
    public const string TrickyTitle = "<script>alert(\"x\")</script> 义诊 & 理发; 带上医保卡, 好吗'";

    public static readonly ServiceActivity[] Activities =
    [
        ServiceActivity.OnDay("新时代文明实践：写春联送福字", new LocalDate(2023, 1, 14), "渠头村新时代文明实践站", new LocalTime(9, 0), new LocalTime(11, 30)),
        new("学雷锋志愿服务周", new DateInterval(new LocalDate(2023, 3, 1), new LocalDate(2023, 3, 5)), "村委会广场"),
        ServiceActivity.OnDay(TrickyTitle, new LocalDate(2023, 6, 10), "卫生室 <二楼>", new LocalTime(14, 0)),
    ];

    public static ServiceCalendar Qutou2023() =>
        ServiceCalendar.Create(Directory, WorkingCalendar.Default, SampleDistrict.Units.Qutou, 2023, Activities);
}
