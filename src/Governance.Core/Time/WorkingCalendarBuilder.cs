using NodaTime;

namespace Governance.Core.Time;

/// <summary>
/// Builds an immutable <see cref="WorkingCalendar"/>. Start empty (<see cref="WorkingCalendarBuilder()"/>: only the
/// weekend rule) or from the data shipped in the package (<see cref="FromShippedHolidayData"/>), then add holiday-cn
/// files and local days. A builder builds once: after <see cref="Build"/> every method throws
/// <see cref="InvalidOperationException"/>.
/// </summary>
/// <remarks>
/// When two sources list the same date, the one added later wins, whole entry: a later file, or a later
/// <see cref="AddOffDay"/> / <see cref="AddWorkingDay"/> call, replaces what an earlier one said about that date (and
/// within one file, a later entry replaces an earlier one). The shipped files are added in year order, so the
/// 2023 file's 2022-12-31 entry would replace one from the 2022 file. Entries are keyed by their own date, not by the
/// year of the file they come from.
/// </remarks>
public sealed class WorkingCalendarBuilder
{
    private const string ResourcePrefix = "Governance.Core.Time.HolidayData.";

    private readonly Dictionary<LocalDate, ListedDay> _days = [];
    private readonly SortedSet<int> _coveredYears = [];
    private DateTimeZone _zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private OfficeHours _officeHours = OfficeHours.Default;
    private bool _built;

    /// <summary>
    /// Creates an empty builder: no holidays or make-up days, so every date follows the weekend rule until data is
    /// added; zone Asia/Shanghai; <see cref="OfficeHours.Default"/>.
    /// </summary>
    public WorkingCalendarBuilder()
    {
    }

    /// <summary>
    /// Creates a builder holding the holiday-cn files shipped in this package (2007 to the newest published year), added in
    /// year order; zone Asia/Shanghai; <see cref="OfficeHours.Default"/>. Add a newer year's file to it to extend it
    /// without a new release.
    /// </summary>
    public static WorkingCalendarBuilder FromShippedHolidayData()
    {
        var builder = new WorkingCalendarBuilder();
        var assembly = typeof(WorkingCalendarBuilder).Assembly;
        foreach (var name in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            builder.AddHolidayCnFile(stream);
        }

        return builder;
    }

    /// <summary>
    /// Adds the days of a holiday-cn file (UTF-8 JSON, the format of https://github.com/NateScarlet/holiday-cn):
    /// <c>{"year": 2028, "days": [{"name": "春节", "date": "2028-01-26", "isOffDay": true}, …]}</c>.
    /// <c>isOffDay: true</c> makes the date a holiday, <c>false</c> a make-up working day. Each entry is keyed by its
    /// own date, which may be in the year before or after <c>year</c>. A file with at least one day makes the calendar
    /// cover its year (<see cref="WorkingCalendar.Covers"/>). <c>papers</c> is optional; comments and trailing commas
    /// are allowed. Later data wins over earlier data for the same date.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="DataValidationException">
    /// The content is not a valid holiday-cn document (malformed or truncated JSON, a missing or mistyped field, a date
    /// that does not parse or lies outside the file's year and its neighbours, a year outside 1900-2199); every error
    /// names its JSON path (<c>$.days[3].date</c>) and the entry's date where known. Nothing is added.
    /// </exception>
    /// <exception cref="IOException">Reading <paramref name="utf8Json"/> fails; the stream's own exception is not wrapped.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public WorkingCalendarBuilder AddHolidayCnFile(Stream utf8Json)
    {
        Preconditions.CheckNotNull(utf8Json);
        CheckNotBuilt();
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return Add(HolidayCnReader.Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }

    /// <summary>Adds the days of a holiday-cn file given as text; otherwise exactly as <see cref="AddHolidayCnFile(Stream)"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DataValidationException">The text is not a valid holiday-cn document; nothing is added.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public WorkingCalendarBuilder AddHolidayCnFile(string json)
    {
        Preconditions.CheckNotNull(json);
        CheckNotBuilt();
        return Add(HolidayCnReader.Read(json));
    }

    /// <summary>
    /// Makes <paramref name="date"/> a day off named <paramref name="name"/> (a local holiday, or a correction),
    /// replacing anything added earlier for that date. It does not change which years <see cref="WorkingCalendar.Covers"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="name"/> is empty or white space, or <paramref name="date"/> is not an ISO date in 1900-2199.
    /// </exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public WorkingCalendarBuilder AddOffDay(LocalDate date, string name) => AddDay(date, isOffDay: true, name);

    /// <summary>
    /// Makes <paramref name="date"/> a make-up working day for the holiday named <paramref name="name"/>, replacing
    /// anything added earlier for that date. It does not change which years <see cref="WorkingCalendar.Covers"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="name"/> is empty or white space, or <paramref name="date"/> is not an ISO date in 1900-2199.
    /// </exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public WorkingCalendarBuilder AddWorkingDay(LocalDate date, string name) => AddDay(date, isOffDay: false, name);

    /// <summary>Sets the zone in which instants fall on dates and office hours are read (default Asia/Shanghai).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public WorkingCalendarBuilder WithTimeZone(DateTimeZone zone)
    {
        Preconditions.CheckNotNull(zone);
        CheckNotBuilt();
        _zone = zone;
        return this;
    }

    /// <summary>Sets the office hours of every working day (default <see cref="OfficeHours.Default"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="officeHours"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public WorkingCalendarBuilder WithOfficeHours(OfficeHours officeHours)
    {
        Preconditions.CheckNotNull(officeHours);
        CheckNotBuilt();
        _officeHours = officeHours;
        return this;
    }

    /// <summary>Sets the office hours of every working day to the given periods, as <see cref="OfficeHours(IEnumerable{OfficePeriod})"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="periods"/> is null.</exception>
    /// <exception cref="ArgumentException">No period, a period that does not start before it ends, or overlapping periods.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public WorkingCalendarBuilder WithOfficeHours(params OfficePeriod[] periods) => WithOfficeHours(new OfficeHours(periods));

    /// <summary>
    /// Builds the calendar, precomputing a table of every day from a year before the first listed date to a year
    /// after the last. The builder cannot be used afterwards.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has already been called.</exception>
    public WorkingCalendar Build()
    {
        CheckNotBuilt();
        _built = true;
        return new WorkingCalendar(new DayTable(_days, _coveredYears), _coveredYears, _zone, _officeHours);
    }

    private WorkingCalendarBuilder Add(HolidayCnFile file)
    {
        foreach (var day in file.Days)
        {
            _days[day.Date] = day;
        }

        if (file.Days.Count > 0)
        {
            _coveredYears.Add(file.Year);
        }

        return this;
    }

    private WorkingCalendarBuilder AddDay(LocalDate date, bool isOffDay, string name)
    {
        Preconditions.CheckNotNull(name);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(name), nameof(name), "The holiday's name must not be empty.");
        Preconditions.CheckArgument(
            date.Calendar == CalendarSystem.Iso && date.Year is >= HolidayCnReader.MinYear and <= HolidayCnReader.MaxYear,
            nameof(date),
            $"The date must be an ISO date in {HolidayCnReader.MinYear}-{HolidayCnReader.MaxYear}.");
        CheckNotBuilt();
        _days[date] = new ListedDay(date, isOffDay, name);
        return this;
    }

    private void CheckNotBuilt() =>
        Preconditions.CheckState(!_built, "This builder has already built its calendar; create a new builder.");
}
