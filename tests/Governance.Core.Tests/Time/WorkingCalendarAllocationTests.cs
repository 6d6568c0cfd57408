using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Tests.Time;

public class WorkingCalendarAllocationTests
{
    [Fact]
    public void Day_and_working_time_queries_allocate_nothing()
    {
        var calendar = WorkingCalendar.Default;
        var interval = new DateInterval(new LocalDate(2023, 1, 1), new LocalDate(2023, 12, 31));
        var start = Instant.FromUtc(2023, 9, 28, 9, 0);
        var sink = 0L;

        void Queries()
        {
            for (var i = 0; i < 1000; i++)
            {
                var date = new LocalDate(2023, 1, 1).PlusDays(i % 365);
                sink += calendar.IsWorkingDay(date) ? 1 : 0;
                sink += (int)calendar.Classify(date).Kind;
                sink += calendar.AddWorkingDays(date, (i % 40) - 20).Day;
                sink += calendar.NextWorkingDay(date).Day;
                sink += calendar.CountWorkingDays(interval);
                var end = start + Duration.FromMinutes(i * 37);
                sink += calendar.WorkingTimeBetween(start, end).Seconds;
                sink += calendar.AddWorkingTime(start, Duration.FromMinutes(i * 11)).ToUnixTimeSeconds();
            }
        }

        Queries(); // warm up: JIT, the default calendar, the zone's caches
        var before = GC.GetAllocatedBytesForCurrentThread();
        Queries();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.NotEqual(0, sink);
    }
}
