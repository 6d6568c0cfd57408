using System.Diagnostics;

namespace Governance.Samples.Tests.Tongzhou;

/// <summary>Runs the Tongzhou command line as a child process, as a user would, in a directory of its own.</summary>
internal static class Cli
{
    public static readonly string[] SmallRun = ["--days", "3", "--requests-per-day", "300", "--seed", "7", "--start", "2023-11-14", "--quiet"];

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "Tongzhou.dll");

    public static ProcessStartInfo StartInfo(string directory, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    public static (int ExitCode, string Out, string Error) Run(string directory, params string[] args)
    {
        using var process = Process.Start(StartInfo(directory, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Tongzhou {string.Join(' ', args)} did not finish in two minutes.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "tongzhou-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
