using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Governance.Core.Directory;

namespace Governance.Core.Tests.Directory;

/// <summary>
/// The service calendar page in a real headless browser (Debian's chromium): it renders, shows twelve months and
/// prints on exactly one A4 page. Fails — never skips — when chromium is missing: run <c>eng/install-chromium.sh</c>.
/// Set <c>GOVERNANCE_SCREENSHOT_DIR</c> to keep the screenshot (docs/service-calendar.png is made that way).
/// </summary>
public sealed partial class ServiceCalendarBrowserTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly DirectoryInfo _work = System.IO.Directory.CreateTempSubdirectory("service-calendar-");
    private readonly string _page;

    public ServiceCalendarBrowserTests()
    {
        _page = Path.Combine(_work.FullName, "service-calendar.html");
        File.WriteAllText(_page, ServiceCalendarHtml.Render(YujiawuServiceCalendar.Qutou2023()), new UTF8Encoding(false));
    }

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public void The_page_prints_on_exactly_one_A4_page() => AssertOnePage();

    [Fact]
    public void The_page_of_a_community_with_a_property_company_and_twenty_handlers_prints_on_one_A4_page_too()
    {
        var calendar = ServiceCalendar.Create(YujiawuServiceCalendar.Directory, Core.Time.WorkingCalendar.Default, Core.Organization.SampleDistrict.Units.Xinhuaxijie, 2024,
            YujiawuServiceCalendar.Activities.Select(a => new ServiceActivity(a.Title, new NodaTime.DateInterval(a.Dates.Start.PlusYears(1), a.Dates.End.PlusYears(1)), a.Place, a.StartTime, a.EndTime)));
        Assert.True(calendar.Card.Groups.Length >= 20, $"only {calendar.Card.Groups.Length} handlers");
        File.WriteAllText(_page, ServiceCalendarHtml.Render(calendar), new UTF8Encoding(false));
        AssertOnePage();
    }

    private void AssertOnePage()
    {
        var pdf = Path.Combine(_work.FullName, "service-calendar.pdf");
        RunChromium($"--print-to-pdf={pdf}", "--no-pdf-header-footer");

        var text = Encoding.Latin1.GetString(File.ReadAllBytes(pdf));
        Assert.StartsWith("%PDF-", text);
        Assert.Equal(1, PageObject().Count(text));
        // A4 is 595 x 842 points (give or take rounding).
        var box = MediaBox().Match(text);
        Assert.True(box.Success, "the PDF has no MediaBox");
        Assert.InRange(double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 594, 596);
        Assert.InRange(double.Parse(box.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), 841, 843);
    }

    [Fact]
    public void The_rendered_page_has_twelve_month_blocks()
    {
        var dom = RunChromium("--dump-dom");

        Assert.Equal(12, MonthSection().Count(dom));
        Assert.Contains("渠头村 2023年便民服务年历", dom);
        Assert.DoesNotContain("<script>alert", dom);
    }

    [Fact]
    public void A_screenshot_the_size_of_an_A4_sheet_at_96_dpi_is_taken()
    {
        var png = Path.Combine(_work.FullName, "service-calendar.png");
        RunChromium($"--screenshot={png}", "--window-size=794,1123", "--hide-scrollbars");

        var bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal(794, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(1123, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        Assert.True(bytes.Length > 50_000, $"the screenshot is only {bytes.Length} bytes: is the page blank?");
        if (Environment.GetEnvironmentVariable("GOVERNANCE_SCREENSHOT_DIR") is { Length: > 0 } keep)
        {
            File.Copy(png, Path.Combine(keep, "service-calendar.png"), overwrite: true);
        }
    }

    /// <summary>Runs headless chromium on the page with <paramref name="arguments"/>; returns its standard output.</summary>
    private string RunChromium(params string[] arguments)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run eng/install-chromium.sh (installs Debian's chromium and fonts-noto-cjk), then run the tests again.");
        var start = new ProcessStartInfo(Chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                     $"--user-data-dir={Path.Combine(_work.FullName, "profile")}", .. arguments, new Uri(_page).AbsoluteUri])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"chromium did not finish within {Timeout.TotalSeconds} s: {string.Join(' ', arguments)}");
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {errors.Result}");
        return output.Result;
    }

    [GeneratedRegex(@"/Type\s*/Page(?![A-Za-z])")]
    private static partial Regex PageObject();

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();

    [GeneratedRegex("<section class=\"month\" data-month=\"\\d+\">")]
    private static partial Regex MonthSection();
}
