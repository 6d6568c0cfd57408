using NodaTime;

namespace Governance.Core.Time;

/// <summary>
/// The precomputed calendar: one entry per day over the listed data plus a year's margin either side, with prefix
/// counts of working days, so that every query is an array index. Outside the table the ordinary weekend rule is
/// applied arithmetically. Days are addressed by their offset from <see cref="_start"/>, which is a Monday, as is the
/// (exclusive) end, so the weekly pattern outside lines up with the table's edges.
/// </summary>
internal sealed class DayTable
{
    private const int DaysPerWeek = 7;
    private const int WorkingDaysPerWeek = 5;

    private readonly LocalDate _start;
    private readonly int _length;
    private readonly DayKind[] _kinds;
    private readonly string?[] _names;

    // _workedBefore[i]: working days in [start, start + i); length _length + 1.
    private readonly int[] _workedBefore;

    // _workingDays[k]: offset of the k-th working day of the table.
    private readonly int[] _workingDays;
    private readonly long _minOffset;
    private readonly long _maxOffset;

    public DayTable(IReadOnlyDictionary<LocalDate, ListedDay> listed, IEnumerable<int> coveredYears)
    {
        var years = coveredYears.ToArray();
        if (listed.Count == 0 && years.Length == 0)
        {
            _start = new LocalDate(2000, 1, 3); // a Monday; any will do for an empty table
            _length = 0;
        }
        else
        {
            var first = Min(listed.Keys.Concat(years.Select(y => new LocalDate(y, 1, 1))));
            var last = Max(listed.Keys.Concat(years.Select(y => new LocalDate(y, 12, 31))));
            first = first.PlusYears(-1);
            last = last.PlusYears(1);
            _start = first.PlusDays(-WeekdayIndex(first));
            var endExclusive = last.PlusDays(DaysPerWeek - WeekdayIndex(last));
            _length = Period.DaysBetween(_start, endExclusive);
        }

        _kinds = new DayKind[_length];
        _names = new string?[_length];
        _workedBefore = new int[_length + 1];
        var workingDays = new List<int>(_length);
        for (var i = 0; i < _length; i++)
        {
            var kind = i % DaysPerWeek < WorkingDaysPerWeek ? DayKind.OrdinaryWorkingDay : DayKind.Weekend;
            if (listed.TryGetValue(_start.PlusDays(i), out var day))
            {
                kind = day.IsOffDay ? DayKind.Holiday : DayKind.MakeUpWorkingDay;
                _names[i] = day.Name;
            }

            _kinds[i] = kind;
            var working = IsWorking(kind);
            _workedBefore[i + 1] = _workedBefore[i] + (working ? 1 : 0);
            if (working)
            {
                workingDays.Add(i);
            }
        }

        _workingDays = workingDays.ToArray();
        _minOffset = Period.DaysBetween(_start, LocalDate.MinIsoValue);
        _maxOffset = Period.DaysBetween(_start, LocalDate.MaxIsoValue);
    }

    public long OffsetOf(LocalDate date, string paramName)
    {
        Preconditions.CheckArgument(date.Calendar == CalendarSystem.Iso, paramName, "The date must be in the ISO calendar.");
        return Period.DaysBetween(_start, date);
    }

    /// <summary>The date at an offset; throws when it is beyond the range of <see cref="LocalDate"/>.</summary>
    public LocalDate DateAt(long offset, string paramName)
    {
        if (offset < _minOffset || offset > _maxOffset)
        {
            throw new ArgumentOutOfRangeException(paramName, "The result would be outside the range of LocalDate.");
        }

        return _start.PlusDays((int)offset);
    }

    public DayKind KindAt(long offset)
    {
        if (offset >= 0 && offset < _length)
        {
            return _kinds[offset];
        }

        return Mod7(offset) < WorkingDaysPerWeek ? DayKind.OrdinaryWorkingDay : DayKind.Weekend;
    }

    public string? NameAt(long offset) => offset >= 0 && offset < _length ? _names[offset] : null;

    public bool IsWorkingAt(long offset) => IsWorking(KindAt(offset));

    /// <summary>
    /// The number of working days from the table's start up to <paramref name="offset"/> (exclusive); negative before
    /// the start. It is also the index of the first working day on or after the offset.
    /// </summary>
    public long WorkingDaysBefore(long offset)
    {
        if (offset < 0)
        {
            // Working days in [offset, 0): the days just before the start run Sun, Sat, Fri, … since the start is a Monday.
            var days = -offset;
            return -((days / DaysPerWeek * WorkingDaysPerWeek) + Math.Max(0, (days % DaysPerWeek) - 2));
        }

        if (offset <= _length)
        {
            return _workedBefore[offset];
        }

        var after = offset - _length;
        return _workedBefore[_length] + (after / DaysPerWeek * WorkingDaysPerWeek) + Math.Min(after % DaysPerWeek, WorkingDaysPerWeek);
    }

    /// <summary>The offset of the working day whose <see cref="WorkingDaysBefore"/> is <paramref name="index"/>.</summary>
    public long OffsetOfWorkingDay(long index)
    {
        if (index < 0)
        {
            // The j-th working day counting back from the start: Fri is 1, Thu 2, …, Mon 5, then the Friday before.
            var j = -index - 1;
            return -((j / WorkingDaysPerWeek * DaysPerWeek) + 3 + (j % WorkingDaysPerWeek));
        }

        if (index < _workingDays.Length)
        {
            return _workingDays[index];
        }

        var k = index - _workingDays.Length;
        return _length + (k / WorkingDaysPerWeek * DaysPerWeek) + (k % WorkingDaysPerWeek);
    }

    private static bool IsWorking(DayKind kind) => kind is DayKind.OrdinaryWorkingDay or DayKind.MakeUpWorkingDay;

    private static long Mod7(long offset) => ((offset % DaysPerWeek) + DaysPerWeek) % DaysPerWeek;

    private static int WeekdayIndex(LocalDate date) => (int)date.DayOfWeek - 1;

    private static LocalDate Min(IEnumerable<LocalDate> dates) => dates.Aggregate((a, b) => a < b ? a : b);

    private static LocalDate Max(IEnumerable<LocalDate> dates) => dates.Aggregate((a, b) => a > b ? a : b);
}
