using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Tests.Time;

public class ServiceLevelPolicyJsonTests
{
    private static void AssertSamePolicy(ServiceLevelPolicy expected, ServiceLevelPolicy actual)
    {
        Assert.Equal(expected.SameDayCutoff, actual.SameDayCutoff);
        Assert.Equal(expected.WarningFraction, actual.WarningFraction);
        Assert.Equal(expected.WhistleReportLimit, actual.WhistleReportLimit);
        foreach (var categoryClass in Enum.GetValues<CategoryClass>())
        {
            Assert.Equal(expected.LimitFor(categoryClass), actual.LimitFor(categoryClass));
        }
    }

    [Fact]
    public void The_default_policy_round_trips()
    {
        var json = ServiceLevelPolicyJson.Serialize(ServiceLevelPolicy.Default);

        AssertSamePolicy(ServiceLevelPolicy.Default, ServiceLevelPolicyJson.Parse(json));
        Assert.Contains("\"Ordinary\": {", json, StringComparison.Ordinal);
        Assert.Contains("\"days\": 7", json, StringComparison.Ordinal);
        Assert.Contains("\"hours\": 2", json, StringComparison.Ordinal);
        Assert.Contains("\"sameDayCutoff\": null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_policy_round_trips_including_odd_amounts_and_a_cutoff_with_seconds()
    {
        var policy = new ServiceLevelPolicyBuilder()
            .WithSameDayCutoff(new LocalTime(16, 45, 30))
            .WithWarningFraction(0.7)
            .WithWhistleReportLimit(Duration.FromSeconds(90))
            .WithLimit(CategoryClass.Emergency, ResolutionLimit.CalendarTime(Duration.FromMinutes(90)))
            .WithLimit(CategoryClass.Utilities, ResolutionLimit.CalendarTime(Duration.FromNanoseconds(1)))
            .WithLimit(CategoryClass.Ordinary, ResolutionLimit.WorkingTime(Duration.FromDays(366) - Duration.FromNanoseconds(7)))
            .WithLimit(CategoryClass.Complex, ResolutionLimit.WorkingDays(366))
            .Build();

        var json = ServiceLevelPolicyJson.Serialize(policy);

        AssertSamePolicy(policy, ServiceLevelPolicyJson.Parse(json));
        Assert.Contains("\"minutes\": 90", json, StringComparison.Ordinal);
        Assert.Contains("\"whistleReportMinutes\": 1.5", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hand_written_file_with_comments_and_partial_limits_keeps_the_defaults_it_does_not_mention()
    {
        var calendar = new WorkingCalendarBuilder().Build();
        const string json = """
            {
              // the Luyi desk closes its day at 17:00
              "sameDayCutoff": "17:00",
              "limits": {
                "Emergency": { "clock": "CalendarTime", "hours": 1.5 },
                "Ordinary": { "clock": "WorkingDays", "days": 5 },
              },
            }
            """;

        var policy = ServiceLevelPolicyJson.Parse(json, calendar);

        Assert.Same(calendar, policy.Calendar);
        Assert.Equal(new LocalTime(17, 0), policy.SameDayCutoff);
        Assert.Equal(0.8, policy.WarningFraction);
        Assert.Equal(ResolutionLimit.CalendarTime(Duration.FromMinutes(90)), policy.LimitFor(CategoryClass.Emergency));
        Assert.Equal(ResolutionLimit.WorkingDays(5), policy.LimitFor(CategoryClass.Ordinary));
        Assert.Equal(ServiceLevelPolicy.DefaultLimitFor(CategoryClass.Complex), policy.LimitFor(CategoryClass.Complex));
        Assert.Same(WorkingCalendar.Default, ServiceLevelPolicyJson.Parse("{}").Calendar);
    }

    [Theory]
    [InlineData("""{ "warningFraction": 1.5 }""", "$.warningFraction")]
    [InlineData("""{ "warningFraction": 0 }""", "$.warningFraction")]
    [InlineData("""{ "warningFraction": "0.8" }""", "$.warningFraction")]
    [InlineData("""{ "sameDayCutoff": "25:00" }""", "$.sameDayCutoff")]
    [InlineData("""{ "sameDayCutoff": "5pm" }""", "$.sameDayCutoff")]
    [InlineData("""{ "sameDayCutoff": "00:00" }""", "$.sameDayCutoff")]
    [InlineData("""{ "limits": { "Emergency": { "clock": "CalendarTime", "hours": 0 } } }""", "$.limits.Emergency.hours")]
    [InlineData("""{ "limits": { "Emergency": { "clock": "CalendarTime", "hours": -2 } } }""", "$.limits.Emergency.hours")]
    [InlineData("""{ "limits": { "Emergency": { "clock": "CalendarTime", "hours": 100000 } } }""", "$.limits.Emergency.hours")]
    [InlineData("""{ "limits": { "Emergency": { "clock": "CalendarTime", "hours": "2" } } }""", "$.limits.Emergency.hours")]
    [InlineData("""{ "limits": { "Emergency": { "clock": "CalendarTime" } } }""", "$.limits.Emergency.hours")]
    [InlineData("""{ "limits": { "Emergency": { "clock": "WorkingTime", "minutes": 1e-30 } } }""", "$.limits.Emergency.minutes")]
    [InlineData("""{ "limits": { "Emergency": { "clock": "CalendarTime", "hours": 2, "minutes": 5 } } }""", "$.limits.Emergency.minutes")]
    [InlineData("""{ "limits": { "Emergency": { "clock": "CalendarTime", "hours": 2, "days": 1 } } }""", "$.limits.Emergency.days")]
    [InlineData("""{ "limits": { "Utilities": { "clock": "calendarTime", "hours": 24 } } }""", "$.limits.Utilities.clock")]
    [InlineData("""{ "limits": { "Utilities": { "hours": 24 } } }""", "$.limits.Utilities.clock")]
    [InlineData("""{ "limits": { "Ordinary": { "clock": "WorkingDays", "days": 0 } } }""", "$.limits.Ordinary.days")]
    [InlineData("""{ "limits": { "Ordinary": { "clock": "WorkingDays", "days": 7.5 } } }""", "$.limits.Ordinary.days")]
    [InlineData("""{ "limits": { "Ordinary": { "clock": "WorkingDays" } } }""", "$.limits.Ordinary.days")]
    [InlineData("""{ "limits": { "Ordinary": { "clock": "WorkingDays", "days": 7, "hours": 7 } } }""", "$.limits.Ordinary.hours")]
    [InlineData("""{ "limits": { "Ordinary": null } }""", "$.limits.Ordinary")]
    [InlineData("""{ "limits": { "Urgent": { "clock": "CalendarTime", "hours": 1 } } }""", "$.limits.Urgent")]
    [InlineData("""{ "limits": { "emergency": { "clock": "CalendarTime", "hours": 1 } } }""", "$.limits.emergency")]
    [InlineData("""{ "limits": { "3": { "clock": "CalendarTime", "hours": 1 } } }""", "$.limits['3']")]
    [InlineData("""{ "limits": [] }""", "$.limits")]
    [InlineData("""{ "whistleReportMinutes": 0 }""", "$.whistleReportMinutes")]
    [InlineData("""{ "whistleReportMinutes": 1441 }""", "$.whistleReportMinutes")]
    public void Each_bad_value_is_reported_with_its_path(string json, string path)
    {
        var e = Assert.Throws<DataValidationException>(() => ServiceLevelPolicyJson.Parse(json));

        Assert.Contains(e.Errors, error => error.Path == path);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    [InlineData("")]
    [InlineData("{ \"warningFraction\": 0.8")]
    [InlineData("{ \"warningFracton\": 0.8 }")]
    [InlineData("{ \"warningFraction\": 0.8, \"warningFraction\": 0.7 }")]
    [InlineData("{ \"limits\": { \"Ordinary\": { \"clock\": \"WorkingDays\", \"days\": 7 }, \"Ordinary\": { \"clock\": \"WorkingDays\", \"days\": 9 } } }")]
    public void Malformed_documents_throw_only_data_validation_exceptions(string json)
    {
        var e = Assert.Throws<DataValidationException>(() => ServiceLevelPolicyJson.Parse(json));

        Assert.All(e.Errors, error => Assert.StartsWith("$", error.Path, StringComparison.Ordinal));
        Assert.Equal("service-level policy", e.Subject);
        Assert.DoesNotContain("Governance.Core.Time", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_in_a_file_is_reported_not_just_the_first()
    {
        const string json = """
            {
              "warningFraction": 2,
              "limits": {
                "Emergency": { "clock": "CalendarTime", "hours": 0 },
                "Complex": { "clock": "WorkingDays", "days": 400 }
              }
            }
            """;

        var e = Assert.Throws<DataValidationException>(() => ServiceLevelPolicyJson.Parse(json));

        Assert.Equal(
            ["$.warningFraction", "$.limits.Emergency.hours", "$.limits.Complex.days"],
            e.Errors.Select(error => error.Path));
    }
}
