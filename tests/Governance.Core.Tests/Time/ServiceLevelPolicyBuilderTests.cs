using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Tests.Time;

public class ServiceLevelPolicyBuilderTests
{
    [Fact]
    public void Default_policy_has_the_documented_limits_no_cutoff_and_warns_at_80_percent()
    {
        var policy = ServiceLevelPolicy.Default;

        Assert.Same(WorkingCalendar.Default, policy.Calendar);
        Assert.Null(policy.SameDayCutoff);
        Assert.Equal(0.8, policy.WarningFraction);
        Assert.Equal(Duration.FromMinutes(30), policy.WhistleReportLimit);
        Assert.Equal(ResolutionLimit.CalendarTime(Duration.FromHours(2)), policy.LimitFor(CategoryClass.Emergency));
        Assert.Equal(ResolutionLimit.CalendarTime(Duration.FromHours(24)), policy.LimitFor(CategoryClass.Utilities));
        Assert.Equal(ResolutionLimit.WorkingDays(7), policy.LimitFor(CategoryClass.Ordinary));
        Assert.Equal(ResolutionLimit.WorkingDays(15), policy.LimitFor(CategoryClass.Complex));
    }

    [Fact]
    public void Options_set_on_the_builder_are_in_the_policy_and_to_builder_keeps_them()
    {
        var calendar = new WorkingCalendarBuilder().Build();
        var policy = new ServiceLevelPolicyBuilder()
            .WithCalendar(calendar)
            .WithSameDayCutoff(new LocalTime(17, 0))
            .WithWarningFraction(0.5)
            .WithLimit(CategoryClass.Complex, ResolutionLimit.WorkingTime(Duration.FromHours(70)))
            .Build();

        var copy = policy.ToBuilder().WithLimit(CategoryClass.Emergency, ResolutionLimit.CalendarTime(Duration.FromMinutes(90))).Build();

        Assert.Same(calendar, policy.Calendar);
        Assert.Equal(new LocalTime(17, 0), policy.SameDayCutoff);
        Assert.Equal(0.5, policy.WarningFraction);
        Assert.Equal(ResolutionLimit.WorkingTime(Duration.FromHours(70)), policy.LimitFor(CategoryClass.Complex));
        Assert.Same(calendar, copy.Calendar);
        Assert.Equal(new LocalTime(17, 0), copy.SameDayCutoff);
        Assert.Equal(0.5, copy.WarningFraction);
        Assert.Equal(ResolutionLimit.WorkingTime(Duration.FromHours(70)), copy.LimitFor(CategoryClass.Complex));
        Assert.Equal(ResolutionLimit.CalendarTime(Duration.FromMinutes(90)), copy.LimitFor(CategoryClass.Emergency));
        Assert.Equal(ResolutionLimit.CalendarTime(Duration.FromHours(2)), policy.LimitFor(CategoryClass.Emergency));
    }

    [Fact]
    public void A_builder_cannot_be_used_after_build()
    {
        var builder = new ServiceLevelPolicyBuilder();
        builder.Build();

        Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Throws<InvalidOperationException>(() => builder.WithWarningFraction(0.5));
        Assert.Throws<InvalidOperationException>(() => builder.WithSameDayCutoff(null));
        Assert.Throws<InvalidOperationException>(() => builder.WithCalendar(WorkingCalendar.Default));
        Assert.Throws<InvalidOperationException>(() => builder.WithLimit(CategoryClass.Ordinary, ResolutionLimit.WorkingDays(3)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.2)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Warning_fraction_outside_zero_to_one_is_refused(double fraction)
    {
        var e = Assert.Throws<ArgumentException>(() => new ServiceLevelPolicyBuilder().WithWarningFraction(fraction));

        Assert.Equal("fraction", e.ParamName);
        Assert.Contains("between 0 and 1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(24 * 60 + 1)]
    public void A_whistle_report_limit_outside_zero_to_a_day_is_refused(int minutes)
    {
        var builder = new ServiceLevelPolicyBuilder();

        Assert.Throws<ArgumentOutOfRangeException>(() => builder.WithWhistleReportLimit(Duration.FromMinutes(minutes)));
        Assert.Equal(ServiceLevelPolicy.DefaultWhistleReportLimit, builder.Build().WhistleReportLimit);
    }

    [Fact]
    public void A_cutoff_at_midnight_is_refused_because_nothing_would_be_due_the_same_day()
    {
        var e = Assert.Throws<ArgumentException>(() => new ServiceLevelPolicyBuilder().WithSameDayCutoff(LocalTime.Midnight));

        Assert.Equal("cutoff", e.ParamName);
    }

    [Fact]
    public void An_undefined_category_class_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceLevelPolicy.Default.LimitFor((CategoryClass)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceLevelPolicy.Default.DeadlinesFor((CategoryClass)(-1), Instant.FromUtc(2023, 1, 1, 0, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceLevelPolicyBuilder().WithLimit((CategoryClass)4, ResolutionLimit.WorkingDays(1)));
    }

    [Fact]
    public void Limits_must_be_positive_and_at_most_a_year()
    {
        Assert.Equal("limit", Assert.Throws<ArgumentException>(() => ResolutionLimit.CalendarTime(Duration.Zero)).ParamName);
        Assert.Equal("limit", Assert.Throws<ArgumentException>(() => ResolutionLimit.CalendarTime(Duration.FromHours(-2))).ParamName);
        Assert.Equal("limit", Assert.Throws<ArgumentException>(() => ResolutionLimit.WorkingTime(Duration.FromDays(367))).ParamName);
        Assert.Equal("days", Assert.Throws<ArgumentException>(() => ResolutionLimit.WorkingDays(0)).ParamName);
        Assert.Equal("days", Assert.Throws<ArgumentException>(() => ResolutionLimit.WorkingDays(367)).ParamName);
        Assert.Equal(366, ResolutionLimit.WorkingDays(366).Days);
        Assert.Equal(Duration.FromDays(366), ResolutionLimit.CalendarTime(Duration.FromDays(366)).Amount);
    }

    [Fact]
    public void A_limit_describes_itself_and_holds_only_what_its_clock_uses()
    {
        var days = ResolutionLimit.WorkingDays(7);
        var hours = ResolutionLimit.CalendarTime(Duration.FromHours(2));
        var minutes = ResolutionLimit.WorkingTime(Duration.FromMinutes(90));

        Assert.Equal("7 working days", days.ToString());
        Assert.Equal("2 hours of calendar time", hours.ToString());
        Assert.Equal("90 minutes of working time", minutes.ToString());
        Assert.Equal((LimitClock.WorkingDays, Duration.Zero, 7), (days.Clock, days.Amount, days.Days));
        Assert.Equal((LimitClock.CalendarTime, Duration.FromHours(2), 0), (hours.Clock, hours.Amount, hours.Days));
        Assert.NotEqual(ResolutionLimit.CalendarTime(Duration.FromHours(2)), ResolutionLimit.WorkingTime(Duration.FromHours(2)));
    }
}
