using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Governance.Core.Time;

/// <summary>
/// Reads and writes a <see cref="ServiceLevelPolicy"/> as a JSON policy file. The calendar is not part of the file: a
/// policy is read onto <see cref="WorkingCalendar.Default"/> unless the caller supplies another.
/// </summary>
/// <remarks>
/// <para>The format (the four top-level properties and each class under <c>limits</c> are optional; comments and trailing commas allowed):</para>
/// <code>
/// {
///   "sameDayCutoff": "17:00",     // HH:mm or HH:mm:ss.fffffffff; null or absent: no cut-off
///   "warningFraction": 0.8,       // strictly between 0 and 1; absent: 0.8
///   "whistleReportMinutes": 30,   // how long a summoned department has to report; more than 0, at most 1440; absent: 30
///   "limits": {                   // by category class; a class left out keeps its default limit
///     "Emergency": { "clock": "CalendarTime", "hours": 2 },
///     "Utilities": { "clock": "CalendarTime", "hours": 24 },
///     "Ordinary":  { "clock": "WorkingDays", "days": 7 },
///     "Complex":   { "clock": "WorkingTime", "minutes": 90 }
///   }
/// }
/// </code>
/// <para>
/// Class and clock names are the <see cref="CategoryClass"/> and <see cref="LimitClock"/> names, spelt exactly. A
/// <c>CalendarTime</c> or <c>WorkingTime</c> limit gives exactly one of <c>hours</c> and <c>minutes</c> (a number,
/// fractions allowed, more than zero and at most 366 days); a <c>WorkingDays</c> limit gives <c>days</c> (a whole
/// number from 1 to 366). Unknown properties and properties given twice are errors, since policy files are written by
/// hand and a misspelt option must not be silently ignored.
/// </para>
/// </remarks>
public static class ServiceLevelPolicyJson
{
    private const string Subject = "service-level policy";
    private const decimal NanosecondsPerHour = 3_600_000_000_000m;
    private const decimal NanosecondsPerMinute = 60_000_000_000m;

    private static readonly LocalTimePattern HoursMinutes = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>Reads a policy file (format in the remarks) onto <see cref="WorkingCalendar.Default"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DataValidationException">
    /// The text is not a valid policy file; every error names its JSON path (<c>$.limits.Emergency.hours</c>).
    /// </exception>
    public static ServiceLevelPolicy Parse(string json) => Parse(json, WorkingCalendar.Default);

    /// <summary>Reads a policy file (format in the remarks) onto <paramref name="calendar"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="calendar"/> is null.</exception>
    /// <exception cref="DataValidationException">
    /// The text is not a valid policy file; every error names its JSON path (<c>$.limits.Emergency.hours</c>).
    /// </exception>
    public static ServiceLevelPolicy Parse(string json, WorkingCalendar calendar)
    {
        Preconditions.CheckNotNull(json);
        Preconditions.CheckNotNull(calendar);
        ServiceLevelPolicyDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, ServiceLevelPolicyJsonContext.Default.ServiceLevelPolicyDto);
        }
        catch (Exception e) when (JsonReading.IsInputFailure(e))
        {
            throw Invalid([JsonReading.ToError(e, "service-level policy", ExplainParserMessage)]);
        }

        if (dto is null)
        {
            throw Invalid([new DataError("$", null, "The document is null; expected an object such as {\"limits\": {...}}.")]);
        }

        var errors = new List<DataError>();
        var builder = new ServiceLevelPolicyBuilder().WithCalendar(calendar);
        if (dto.SameDayCutoff is not null && ReadCutoff(dto.SameDayCutoff, errors) is { } cutoff)
        {
            builder.WithSameDayCutoff(cutoff);
        }

        if (dto.WarningFraction is { } fraction)
        {
            if (fraction is > 0 and < 1)
            {
                builder.WithWarningFraction(fraction);
            }
            else
            {
                errors.Add(new DataError("$.warningFraction", null, $"The warning fraction must be strictly between 0 and 1 (0.8 warns at 80% of the time); got {fraction.ToString(CultureInfo.InvariantCulture)}."));
            }
        }

        if (dto.WhistleReportMinutes is { } whistle)
        {
            if (whistle is > 0 and <= 1440)
            {
                builder.WithWhistleReportLimit(Duration.FromNanoseconds((long)(whistle * 60_000_000_000m)));
            }
            else
            {
                errors.Add(new DataError("$.whistleReportMinutes", null, $"A whistle report limit is more than 0 and at most 1440 minutes (a day); got {whistle.ToString(CultureInfo.InvariantCulture)}."));
            }
        }

        foreach (var (key, limitDto) in dto.Limits ?? [])
        {
            var path = "$.limits" + PathSegment(key);
            if (!Enum.GetNames<CategoryClass>().Contains(key, StringComparer.Ordinal))
            {
                errors.Add(new DataError(path, key, $"Not a category class; expected one of {string.Join(", ", Enum.GetNames<CategoryClass>())}."));
                continue;
            }

            if (ReadLimit(limitDto, path, key, errors) is { } limit)
            {
                builder.WithLimit(Enum.Parse<CategoryClass>(key), limit);
            }
        }

        return errors.Count > 0 ? throw Invalid(errors) : builder.Build();
    }

    /// <summary>
    /// Writes <paramref name="policy"/> as an indented policy file (format in the remarks) that <see cref="Parse(string, WorkingCalendar)"/>
    /// reads back to an equal cut-off, warning fraction and limits. All four limits are written; an amount is written
    /// in <c>hours</c> when it is a whole number of hours, otherwise in <c>minutes</c>. The calendar is not written.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static string Serialize(ServiceLevelPolicy policy)
    {
        Preconditions.CheckNotNull(policy);
        var dto = new ServiceLevelPolicyDto
        {
            SameDayCutoff = policy.SameDayCutoff is { } cutoff
                ? (cutoff.Second == 0 && cutoff.NanosecondOfSecond == 0 ? HoursMinutes : LocalTimePattern.ExtendedIso).Format(cutoff)
                : null,
            WarningFraction = policy.WarningFraction,
            WhistleReportMinutes = (decimal)policy.WhistleReportLimit.BclCompatibleTicks / 600_000_000m,
            Limits = Enum.GetValues<CategoryClass>().ToDictionary(c => c.ToString(), c => (ResolutionLimitDto?)ToDto(policy.LimitFor(c))),
        };
        return JsonSerializer.Serialize(dto, ServiceLevelPolicyJsonContext.Default.ServiceLevelPolicyDto);
    }

    private static ResolutionLimitDto ToDto(ResolutionLimit limit)
    {
        var dto = new ResolutionLimitDto { Clock = limit.Clock.ToString() };
        if (limit.Clock == LimitClock.WorkingDays)
        {
            dto.Days = limit.Days;
        }
        else if (limit.Amount.Equals(Duration.FromHours((long)limit.Amount.TotalHours)))
        {
            dto.Hours = (long)limit.Amount.TotalHours;
        }
        else
        {
            dto.Minutes = (decimal)limit.Amount.ToInt64Nanoseconds() / NanosecondsPerMinute;
        }

        return dto;
    }

    private static LocalTime? ReadCutoff(string text, List<DataError> errors)
    {
        var parsed = HoursMinutes.Parse(text);
        if (!parsed.Success)
        {
            parsed = LocalTimePattern.ExtendedIso.Parse(text);
        }

        if (!parsed.Success)
        {
            errors.Add(new DataError("$.sameDayCutoff", text, "The cut-off is not a time of day (HH:mm, for example 17:00); use null for no cut-off."));
            return null;
        }

        if (parsed.Value == LocalTime.Midnight)
        {
            errors.Add(new DataError("$.sameDayCutoff", text, "A same-day cut-off at 00:00 would move every request to the next working day; use null for no cut-off."));
            return null;
        }

        return parsed.Value;
    }

    private static ResolutionLimit? ReadLimit(ResolutionLimitDto? dto, string path, string key, List<DataError> errors)
    {
        if (dto is null)
        {
            errors.Add(new DataError(path, key, "The limit is null; expected an object such as {\"clock\": \"WorkingDays\", \"days\": 7}."));
            return null;
        }

        if (dto.Clock is null)
        {
            errors.Add(new DataError(path + ".clock", key, $"The clock is missing; expected one of {string.Join(", ", Enum.GetNames<LimitClock>())}."));
            return null;
        }

        if (!Enum.GetNames<LimitClock>().Contains(dto.Clock, StringComparer.Ordinal))
        {
            errors.Add(new DataError(path + ".clock", key, $"\"{dto.Clock}\" is not a clock; expected one of {string.Join(", ", Enum.GetNames<LimitClock>())}."));
            return null;
        }

        var clock = Enum.Parse<LimitClock>(dto.Clock);
        var count = errors.Count;
        if (clock == LimitClock.WorkingDays)
        {
            NotAllowed(dto.Hours, "hours");
            NotAllowed(dto.Minutes, "minutes");
            if (dto.Days is not { } days)
            {
                errors.Add(new DataError(path + ".days", key, "A WorkingDays limit needs days (a whole number of working days)."));
            }
            else if (days is < 1 or > ResolutionLimit.MaxDays)
            {
                errors.Add(new DataError(path + ".days", key, $"The limit must be between 1 and {ResolutionLimit.MaxDays} working days; got {days}."));
            }

            return errors.Count > count ? null : ResolutionLimit.WorkingDays(dto.Days!.Value);
        }

        if (dto.Days is not null)
        {
            errors.Add(new DataError(path + ".days", key, $"days applies only to a WorkingDays limit; a {clock} limit gives hours or minutes."));
        }

        Duration amount = default;
        if (dto.Hours is not null && dto.Minutes is not null)
        {
            errors.Add(new DataError(path + ".minutes", key, "Give hours or minutes, not both."));
        }
        else if (dto.Hours is { } hours)
        {
            amount = ReadAmount(hours, NanosecondsPerHour, ".hours");
        }
        else if (dto.Minutes is { } minutes)
        {
            amount = ReadAmount(minutes, NanosecondsPerMinute, ".minutes");
        }
        else
        {
            errors.Add(new DataError(path + ".hours", key, $"A {clock} limit needs hours (or minutes)."));
        }

        if (errors.Count > count)
        {
            return null;
        }

        return clock == LimitClock.CalendarTime ? ResolutionLimit.CalendarTime(amount) : ResolutionLimit.WorkingTime(amount);

        void NotAllowed(decimal? value, string name)
        {
            if (value is not null)
            {
                errors.Add(new DataError(path + "." + name, key, $"{name} applies only to CalendarTime and WorkingTime limits; a WorkingDays limit gives days."));
            }
        }

        Duration ReadAmount(decimal value, decimal nanosecondsPerUnit, string property)
        {
            var max = ResolutionLimit.MaxDuration.ToInt64Nanoseconds();
            var nanoseconds = value > 0 && value <= max / nanosecondsPerUnit ? decimal.Round(value * nanosecondsPerUnit) : 0;
            if (nanoseconds <= 0 || nanoseconds > max)
            {
                errors.Add(new DataError(path + property, key, $"The limit must be more than zero and at most {ResolutionLimit.MaxDays} days; got {value.ToString(CultureInfo.InvariantCulture)}."));
                return default;
            }

            return Duration.FromNanoseconds((long)nanoseconds);
        }
    }

    /// <summary>A dictionary key as a JSON path segment: <c>.Emergency</c>, or <c>['odd key']</c> when it is not a plain name.</summary>
    private static string PathSegment(string key) =>
        key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? "." + key
            : "['" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";

    /// <summary>The serializer names internal types; say what the file's author can fix instead.</summary>
    private static string ExplainParserMessage(string message)
    {
        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            message = "The value has the wrong type here: the document and a limit are objects, sameDayCutoff and clock are strings, "
                + "warningFraction, hours and minutes are numbers, days is a whole number.";
        }
        else if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            message = "Unknown property: a policy has sameDayCutoff, warningFraction, whistleReportMinutes and limits; a limit has clock and hours, minutes or days.";
        }
        else if (message.StartsWith("Duplicate propert", StringComparison.Ordinal))
        {
            message = "A property or category class is given twice; keep one.";
        }

        return message;
    }

    private static DataValidationException Invalid(IEnumerable<DataError> errors) => new(Subject, errors);
}
