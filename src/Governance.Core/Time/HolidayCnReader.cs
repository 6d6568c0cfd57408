using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Governance.Core.Time;

/// <summary>One day listed in a holiday-cn file or added in code.</summary>
internal readonly record struct ListedDay(LocalDate Date, bool IsOffDay, string Name);

/// <summary>A checked holiday-cn file: the year it declares and its days, in document order.</summary>
internal sealed record HolidayCnFile(int Year, IReadOnlyList<ListedDay> Days);

/// <summary>
/// Reads the holiday-cn JSON format. Whatever the input, it returns a checked file or throws
/// <see cref="DataValidationException"/> listing every problem with its JSON path.
/// </summary>
internal static class HolidayCnReader
{
    /// <summary>Data years are bounded so that a typo (<c>0202-10-01</c>) cannot make the day table enormous.</summary>
    internal const int MinYear = 1900;

    internal const int MaxYear = 2199;

    private const string Subject = "holiday-cn file";

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static HolidayCnFile Read(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith(Utf8Bom))
        {
            utf8Json = utf8Json[Utf8Bom.Length..];
        }

        HolidayCnFileDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(utf8Json, HolidayCnJsonContext.Default.HolidayCnFileDto);
        }
        catch (Exception e) when (JsonReading.IsInputFailure(e))
        {
            throw Invalid(JsonReading.ToError(e, "holiday-cn document"));
        }

        return Check(dto);
    }

    public static HolidayCnFile Read(string json)
    {
        byte[] utf8;
        try
        {
            utf8 = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetBytes(json);
        }
        catch (ArgumentException e)
        {
            throw Invalid(new DataError("$", null, $"The text is not valid UTF-16 (a lone surrogate?): {e.Message}"));
        }

        return Read(utf8);
    }

    private static HolidayCnFile Check(HolidayCnFileDto? dto)
    {
        if (dto is null)
        {
            throw Invalid(new DataError("$", null, "The document is null; expected an object with \"year\" and \"days\"."));
        }

        var errors = new List<DataError>();
        if (dto.Year is not { } year)
        {
            errors.Add(new DataError("$.year", null, "The year is missing."));
            year = 0;
        }
        else if (year is < MinYear or > MaxYear)
        {
            errors.Add(new DataError("$.year", null, $"The year {year} is outside the supported {MinYear}-{MaxYear}."));
        }

        var days = new List<ListedDay>();
        if (dto.Days is null)
        {
            errors.Add(new DataError("$.days", null, "The list of days is missing (use [] for a year with none yet)."));
        }
        else
        {
            for (var i = 0; i < dto.Days.Count; i++)
            {
                CheckDay(dto.Days[i], $"$.days[{i}]", year, errors, days);
            }
        }

        if (errors.Count > 0)
        {
            throw Invalid(errors);
        }

        return new HolidayCnFile(year, days);
    }

    private static void CheckDay(HolidayCnDayDto? day, string path, int fileYear, List<DataError> errors, List<ListedDay> days)
    {
        if (day is null)
        {
            errors.Add(new DataError(path, null, "The day is null; expected an object with name, date and isOffDay."));
            return;
        }

        var id = day.Date;
        var ok = true;
        var date = default(LocalDate);
        if (day.Date is null)
        {
            errors.Add(new DataError(path + ".date", null, "The date is missing."));
            ok = false;
        }
        else
        {
            var parsed = LocalDatePattern.Iso.Parse(day.Date);
            if (!parsed.Success)
            {
                errors.Add(new DataError(path + ".date", id, "The date is not an ISO date (yyyy-MM-dd)."));
                ok = false;
            }
            else
            {
                date = parsed.Value;
                // A file may list the last days of the year before (2023.json has 2022-12-31) or the first of the next.
                if (fileYear != 0 && Math.Abs(date.Year - fileYear) > 1)
                {
                    errors.Add(new DataError(path + ".date", id, $"The date is not in {fileYear} or a neighbouring year."));
                    ok = false;
                }
            }
        }

        if (string.IsNullOrWhiteSpace(day.Name))
        {
            errors.Add(new DataError(path + ".name", id, day.Name is null ? "The name is missing." : "The name is empty."));
            ok = false;
        }

        if (day.IsOffDay is null)
        {
            errors.Add(new DataError(path + ".isOffDay", id, "isOffDay is missing (true: day off; false: make-up working day)."));
            ok = false;
        }

        if (ok)
        {
            days.Add(new ListedDay(date, day.IsOffDay!.Value, day.Name!));
        }
    }

    private static DataValidationException Invalid(DataError error) => Invalid([error]);

    private static DataValidationException Invalid(IEnumerable<DataError> errors) => new(Subject, errors);
}
