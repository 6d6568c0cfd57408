using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Tests.Time;

public class ServiceLevelStoryTests
{
    private static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly ServiceLevelPolicy Policy = ServiceLevelPolicy.Default;

    private static Instant At(int year, int month, int day, int hour, int minute) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Beijing).ToInstant();

    [Fact]
    public void Broken_lift_reported_in_Luyi_at_08_50_on_a_working_day_is_due_at_10_50_the_same_morning()
    {
        // Monday 2023-11-20: a resident of a 潞邑 community is stuck with a broken lift before the office opens.
        var deadlines = Policy.DeadlinesFor(CategoryClass.Emergency, At(2023, 11, 20, 8, 50));

        Assert.Equal(At(2023, 11, 20, 10, 50), deadlines.Resolution);
        Assert.Equal(At(2023, 11, 20, 10, 26), deadlines.Warning);
        Assert.Equal(At(2023, 11, 21, 0, 0), deadlines.SameDay);
    }

    [Fact]
    public void Heating_complaint_at_14_00_is_due_24_hours_later_at_14_00_the_next_day()
    {
        var deadlines = Policy.DeadlinesFor(CategoryClass.Utilities, At(2023, 11, 20, 14, 0));

        Assert.Equal(At(2023, 11, 21, 14, 0), deadlines.Resolution);
        Assert.Equal(At(2023, 11, 21, 9, 12), deadlines.Warning);
        Assert.Equal(At(2023, 11, 21, 0, 0), deadlines.SameDay);
    }

    [Fact]
    public void Ordinary_request_on_the_friday_before_national_day_is_due_after_the_holiday_counting_the_make_up_weekend()
    {
        // Working days after Friday 2023-09-22: 09-25, 26, 27, 28 (1-4); 09-29 to 10-06 off; make-up Saturday 10-07
        // and Sunday 10-08 (5, 6); Monday 10-09 (7). Due at the close of office hours, 17:30.
        var deadlines = Policy.DeadlinesFor(CategoryClass.Ordinary, At(2023, 9, 22, 10, 0));

        Assert.Equal(At(2023, 10, 9, 17, 30), deadlines.Resolution);
        // 6 h left on Friday + 7 days × 7 h = 55 h of office time; 80% = 44 h: Friday 6, Mon-Thu 28, Saturday 7,
        // then 3 h on Sunday 10-08 from 09:00, which ends at the 12:00 lunch closing.
        Assert.Equal(At(2023, 10, 8, 12, 0), deadlines.Warning);
        Assert.Equal(At(2023, 9, 23, 0, 0), deadlines.SameDay);
    }

    [Fact]
    public void Complex_request_is_due_at_the_close_of_the_fifteenth_working_day()
    {
        // Monday 2023-11-20 + 15 working days, no holidays: 21-24 (4), 27 Nov-1 Dec (9), 4-8 Dec (14), Monday 11 Dec (15).
        var deadlines = Policy.DeadlinesFor(CategoryClass.Complex, At(2023, 11, 20, 9, 30));

        Assert.Equal(At(2023, 12, 11, 17, 30), deadlines.Resolution);
    }

    [Fact]
    public void Request_received_after_the_cutoff_is_due_by_the_end_of_the_next_working_day()
    {
        var policy = new ServiceLevelPolicyBuilder().WithSameDayCutoff(new LocalTime(17, 0)).Build();

        // Thursday 2023-09-28 at 22:00: the next working day is the make-up Saturday 10-07, after the holiday.
        var deadlines = policy.DeadlinesFor(CategoryClass.Ordinary, At(2023, 9, 28, 22, 0));

        Assert.Equal(new LocalDate(2023, 10, 7), policy.ReceiptDay(At(2023, 9, 28, 22, 0)));
        Assert.Equal(At(2023, 10, 8, 0, 0), deadlines.SameDay);
        // Counted as received on 10-07: 7 working days after it are 10-08, 09-13 and Monday 10-16.
        Assert.Equal(At(2023, 10, 16, 17, 30), deadlines.Resolution);
    }

    [Fact]
    public void Request_received_just_before_the_cutoff_is_due_the_same_day()
    {
        var policy = new ServiceLevelPolicyBuilder().WithSameDayCutoff(new LocalTime(17, 0)).Build();

        var deadlines = policy.DeadlinesFor(CategoryClass.Ordinary, At(2023, 11, 20, 16, 59));

        Assert.Equal(At(2023, 11, 21, 0, 0), deadlines.SameDay);
    }

    [Fact]
    public void Emergency_after_the_cutoff_still_counts_its_two_hours_from_the_call()
    {
        var policy = new ServiceLevelPolicyBuilder().WithSameDayCutoff(new LocalTime(17, 0)).Build();

        // Friday 2023-11-24 at 22:00: the explanation may wait for Monday's desk, the burst pipe may not.
        var deadlines = policy.DeadlinesFor(CategoryClass.Emergency, At(2023, 11, 24, 22, 0));

        Assert.Equal(At(2023, 11, 25, 0, 0), deadlines.Resolution);
        Assert.Equal(At(2023, 11, 28, 0, 0), deadlines.SameDay);
    }

    [Fact]
    public void Without_a_cutoff_a_request_on_a_holiday_is_still_due_that_day()
    {
        // 2023-10-02 is a National Day holiday; the rule says 当天, not "the next working day".
        var deadlines = Policy.DeadlinesFor(CategoryClass.Ordinary, At(2023, 10, 2, 15, 0));

        Assert.Equal(At(2023, 10, 3, 0, 0), deadlines.SameDay);
        // 7 working days after 10-02: 10-07, 10-08, 10-09, 10-10, 10-11, 10-12, 10-13.
        Assert.Equal(At(2023, 10, 13, 17, 30), deadlines.Resolution);
    }

    [Fact]
    public void With_a_cutoff_a_request_on_a_saturday_morning_counts_as_mondays()
    {
        var policy = new ServiceLevelPolicyBuilder().WithSameDayCutoff(new LocalTime(17, 0)).Build();

        var deadlines = policy.DeadlinesFor(CategoryClass.Ordinary, At(2023, 11, 25, 10, 0));

        Assert.Equal(At(2023, 11, 28, 0, 0), deadlines.SameDay);
    }

    [Fact]
    public void Resident_unreachable_from_16_00_to_10_00_next_day_is_told_by_the_end_of_that_next_day()
    {
        var received = At(2023, 11, 20, 9, 30);
        var before = Policy.DeadlinesFor(CategoryClass.Ordinary, received);
        Assert.Equal(At(2023, 11, 29, 17, 30), before.Resolution);

        var after = Policy.Resume(before, CategoryClass.Ordinary, At(2023, 11, 20, 16, 0), At(2023, 11, 21, 10, 0));

        Assert.Equal(At(2023, 11, 22, 0, 0), after.SameDay);
        // Office time paused: 16:00-17:30 and 09:00-10:00 = 2.5 h, added to 11-29 17:30: 11:30 on 11-30.
        Assert.Equal(At(2023, 11, 30, 11, 30), after.Resolution);
        Assert.True(after.Warning > before.Warning);
    }

    [Fact]
    public void Emergency_paused_for_forty_minutes_is_due_forty_minutes_later()
    {
        var before = Policy.DeadlinesFor(CategoryClass.Emergency, At(2023, 11, 20, 8, 50));

        var after = Policy.Resume(before, CategoryClass.Emergency, At(2023, 11, 20, 9, 0), At(2023, 11, 20, 9, 40));

        Assert.Equal(At(2023, 11, 20, 11, 30), after.Resolution);
        Assert.Equal(before.Warning + Duration.FromMinutes(40), after.Warning);
        Assert.Equal(before.SameDay, after.SameDay);
    }

    [Fact]
    public void A_pause_within_the_day_does_not_move_the_same_day_deadline()
    {
        var before = Policy.DeadlinesFor(CategoryClass.Ordinary, At(2023, 11, 20, 9, 30));

        var after = Policy.Resume(before, CategoryClass.Ordinary, At(2023, 11, 20, 10, 0), At(2023, 11, 20, 15, 0));

        Assert.Equal(before.SameDay, after.SameDay);
        // Office time paused: 10:00-12:00 and 13:30-15:00 = 3.5 h, added to 11-29 17:30: 14:00 on 11-30.
        Assert.Equal(At(2023, 11, 30, 14, 0), after.Resolution);
    }

    [Fact]
    public void Resuming_before_pausing_is_refused_naming_both_instants()
    {
        var before = Policy.DeadlinesFor(CategoryClass.Ordinary, At(2023, 11, 20, 9, 30));

        var e = Assert.Throws<ArgumentException>(() =>
            Policy.Resume(before, CategoryClass.Ordinary, At(2023, 11, 20, 12, 0), At(2023, 11, 20, 11, 0)));

        Assert.Equal("resumedAt", e.ParamName);
        Assert.Contains("resumedAt", e.Message, StringComparison.Ordinal);
        Assert.Contains("pausedAt", e.Message, StringComparison.Ordinal);
    }
}
