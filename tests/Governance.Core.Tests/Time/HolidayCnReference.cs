using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Governance.Core.Tests.Time;

/// <summary>
/// An independent reading of the holiday-cn files copied beside the test assembly: JsonDocument, no production code.
/// Files are read in year order and a later file's entry replaces an earlier one for the same date.
/// </summary>
internal static class HolidayCnReference
{
    public static string DataDirectory => Path.Combine(AppContext.BaseDirectory, "Time", "HolidayData");

    public static IReadOnlyDictionary<LocalDate, (bool IsOffDay, string Name)> Days { get; } = Load();

    public static string ReadFile(int year) => File.ReadAllText(Path.Combine(DataDirectory, $"{year}.json"));

    /// <summary>Holiday-cn data plus ordinary weekends.</summary>
    public static bool IsWorkingDay(LocalDate date) =>
        Days.TryGetValue(date, out var day) ? !day.IsOffDay : date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);

    private static Dictionary<LocalDate, (bool, string)> Load()
    {
        var files = System.IO.Directory.GetFiles(DataDirectory, "*.json").Order(StringComparer.Ordinal).ToArray();
        if (files.Length < 20)
        {
            throw new InvalidOperationException($"Expected the holiday-cn files in {DataDirectory}, found {files.Length}.");
        }

        var days = new Dictionary<LocalDate, (bool, string)>();
        foreach (var file in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var day in document.RootElement.GetProperty("days").EnumerateArray())
            {
                var date = LocalDatePattern.Iso.Parse(day.GetProperty("date").GetString()!).Value;
                days[date] = (day.GetProperty("isOffDay").GetBoolean(), day.GetProperty("name").GetString()!);
            }
        }

        return days;
    }
}
