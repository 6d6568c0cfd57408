using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Tests.Time;

public class HolidayCnLoadingTests
{
    private const string Valid = """
        {
          "year": 2030,
          "papers": ["https://example.gov.cn/notice"],
          "days": [
            { "name": "元旦", "date": "2029-12-31", "isOffDay": true },
            { "name": "元旦", "date": "2030-01-01", "isOffDay": true },
            { "name": "春节", "date": "2030-02-09", "isOffDay": false }
          ]
        }
        """;

    private static DataError SingleError(string json)
    {
        var error = Assert.Throws<DataValidationException>(() => new WorkingCalendarBuilder().AddHolidayCnFile(json));
        return Assert.Single(error.Errors);
    }

    [Fact]
    public void A_valid_file_loads_with_entries_keyed_by_their_own_dates()
    {
        var calendar = new WorkingCalendarBuilder().AddHolidayCnFile(Valid).Build();

        Assert.Equal(DayKind.Holiday, calendar.Classify(new LocalDate(2029, 12, 31)).Kind);
        Assert.Equal(DayKind.MakeUpWorkingDay, calendar.Classify(new LocalDate(2030, 2, 9)).Kind);
        Assert.Equal([2030], calendar.CoveredYears);
    }

    [Fact]
    public void A_stream_with_a_byte_order_mark_loads()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Valid)).ToArray();

        var calendar = new WorkingCalendarBuilder().AddHolidayCnFile(new MemoryStream(bytes)).Build();

        Assert.True(calendar.Covers(2030));
    }

    [Fact]
    public void Malformed_json_names_where_it_broke()
    {
        var error = SingleError("""{"year": 2030, "days": [ { "name": "元旦" "date": "2030-01-01" } ]}""");

        Assert.Equal("$.days[0]", error.Path); // System.Text.Json names the object it was reading when the syntax broke
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_is_refused()
    {
        var error = SingleError(Valid[..(Valid.IndexOf("2030-02-09", StringComparison.Ordinal) + 4)]);

        Assert.StartsWith("$.days[2]", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal("$", SingleError(string.Empty).Path);
        Assert.Equal("$", SingleError("null").Path);
    }

    [Fact]
    public void A_missing_days_list_is_refused()
    {
        var error = SingleError("""{"year": 2030, "papers": []}""");

        Assert.Equal("$.days", error.Path);
        Assert.Null(error.Id);
    }

    [Fact]
    public void A_missing_year_is_refused()
    {
        Assert.Equal("$.year", SingleError("""{"days": []}""").Path);
        Assert.Equal("$.year", SingleError("""{"year": 1066, "days": []}""").Path);
    }

    [Fact]
    public void A_bad_date_names_the_entry_and_the_date()
    {
        var error = SingleError("""{"year": 2030, "days": [{"name": "元旦", "date": "2030-01-01", "isOffDay": true}, {"name": "春节", "date": "2030-02-30", "isOffDay": true}]}""");

        Assert.Equal(new DataError("$.days[1].date", "2030-02-30", error.Message), error);
    }

    [Fact]
    public void A_date_far_from_the_files_year_is_refused()
    {
        var error = SingleError("""{"year": 2030, "days": [{"name": "元旦", "date": "2300-01-01", "isOffDay": true}]}""");

        Assert.Equal(("$.days[0].date", "2300-01-01"), (error.Path, error.Id));
    }

    [Fact]
    public void A_null_entry_is_refused()
    {
        Assert.Equal("$.days[0]", SingleError("""{"year": 2030, "days": [null]}""").Path);
    }

    [Fact]
    public void Missing_fields_are_each_reported_with_the_entrys_date()
    {
        var error = Assert.Throws<DataValidationException>(() => new WorkingCalendarBuilder().AddHolidayCnFile(
            """{"year": 2030, "days": [{"date": "2030-01-01"}, {"name": "春节", "isOffDay": true}]}"""));

        Assert.Equal(
            [("$.days[0].name", "2030-01-01"), ("$.days[0].isOffDay", "2030-01-01"), ("$.days[1].date", null)],
            error.Errors.Select(e => (e.Path, e.Id)));
    }

    [Theory]
    [InlineData("""{"year": "2030", "days": []}""", "$.year")]
    [InlineData("""{"year": 2030, "days": {}}""", "$.days")]
    [InlineData("""{"year": 2030, "days": [{"name": "元旦", "date": 20300101, "isOffDay": true}]}""", "$.days[0].date")]
    [InlineData("""{"year": 2030, "days": [{"name": "元旦", "date": "2030-01-01", "isOffDay": "yes"}]}""", "$.days[0].isOffDay")]
    [InlineData("""{"year": 2030, "days": [{"name": 1, "date": "2030-01-01", "isOffDay": true}]}""", "$.days[0].name")]
    [InlineData("""[2030]""", "$")]
    public void Wrong_types_name_the_path(string json, string path)
    {
        Assert.Equal(path, SingleError(json).Path);
    }

    [Fact]
    public void A_refused_file_adds_nothing()
    {
        var builder = new WorkingCalendarBuilder();
        Assert.Throws<DataValidationException>(() => builder.AddHolidayCnFile(
            """{"year": 2030, "days": [{"name": "元旦", "date": "2030-01-01", "isOffDay": true}, null]}"""));

        var calendar = builder.Build();

        Assert.True(calendar.IsWorkingDay(new LocalDate(2030, 1, 1)));
        Assert.Empty(calendar.CoveredYears);
    }

    [Property(MaxTest = 1000)]
    public Property A_truncated_or_mutated_file_loads_or_throws_only_DataValidationException()
    {
        var original = HolidayCnReference.ReadFile(2023);
        var damage =
            from position in Gen.Choose(0, original.Length)
            from kind in Gen.Choose(0, 3)
            from c in Gen.Elements('{', '}', '[', ']', '"', ',', ':', '0', 'x', 'n', '\\', '\uD800', ' ', '-', 't')
            select kind switch
            {
                0 => original[..position],
                1 => original.Insert(position, c.ToString()),
                2 => position < original.Length ? original.Remove(position, 1) : original,
                _ => position < original.Length ? original.Remove(position, 1).Insert(position, c.ToString()) : original,
            };

        return Prop.ForAll(damage.ToArbitrary(), json =>
        {
            var asText = Outcome(() => new WorkingCalendarBuilder().AddHolidayCnFile(json));
            var asBytes = Outcome(() => new WorkingCalendarBuilder().AddHolidayCnFile(new MemoryStream(Encoding.UTF8.GetBytes(json))));
            return (asText is null or DataValidationException { Errors.Count: > 0 }).Label($"text: {asText}")
                .And((asBytes is null or DataValidationException { Errors.Count: > 0 }).Label($"bytes: {asBytes}"));
        });
    }

    [Fact]
    public void Invalid_utf8_bytes_are_a_data_error()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid);
        var at = Valid.IndexOf("元旦", StringComparison.Ordinal);
        bytes[Encoding.UTF8.GetByteCount(Valid[..at])] = 0xFF;

        Assert.Throws<DataValidationException>(() => new WorkingCalendarBuilder().AddHolidayCnFile(new MemoryStream(bytes)));
    }

    private static Exception? Outcome(Action load)
    {
        try
        {
            load();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
