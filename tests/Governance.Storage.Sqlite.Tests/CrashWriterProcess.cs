using System.Collections.Concurrent;
using System.Diagnostics;

namespace Governance.Storage.Sqlite.Tests;

/// <summary>
/// The crash writer (tests/Governance.Storage.Sqlite.CrashWriter) run as a child process: built with this project and
/// copied beside its assembly by the project reference, started with the same <c>dotnet</c> that runs the tests.
/// </summary>
internal sealed class CrashWriterProcess : IDisposable
{
    private const string Assembly = "Governance.Storage.Sqlite.CrashWriter.dll";

    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = [];
    private readonly List<string> _seen = [];
    private readonly Task _stdout;
    private readonly Task<string> _stderr;

    private CrashWriterProcess(Process process)
    {
        _process = process;
        _stdout = Task.Run(() =>
        {
            try
            {
                while (process.StandardOutput.ReadLine() is { } line)
                {
                    _lines.Add(line);
                }
            }
            finally
            {
                _lines.CompleteAdding();
            }
        });
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public static CrashWriterProcess Start(string databasePath, int seed, int? maxSteps = null)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, Assembly);
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"The crash writer is not beside the tests at {assembly}: build the test project (it references tests/Governance.Storage.Sqlite.CrashWriter).", assembly);
        }

        // DOTNET_HOST_PATH is the dotnet running `dotnet test`; a bare `dotnet` from PATH otherwise.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add(databasePath);
        start.ArgumentList.Add(seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (maxSteps is { } max)
        {
            start.ArgumentList.Add(max.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return new CrashWriterProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host} {assembly}."));
    }

    /// <summary>Every line read so far, in order.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            Drain();
            return _seen;
        }
    }

    /// <summary>Waits for a line that starts with <paramref name="prefix"/>; false if the process ended or the time ran out first.</summary>
    public bool WaitForLine(string prefix, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (!_lines.TryTake(out var line, TimeSpan.FromMilliseconds(50)))
            {
                if (_lines.IsCompleted)
                {
                    return false;
                }

                continue;
            }

            _seen.Add(line);
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sends SIGKILL (what <see cref="Process.Kill()"/> does on Unix) and waits until the process is gone and its output read.</summary>
    /// <returns>False if the process had already ended by itself.</returns>
    public bool Kill()
    {
        var wasRunning = !_process.HasExited;
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            wasRunning = false; // it ended in between
        }

        _process.WaitForExit();
        _stdout.Wait();
        return wasRunning;
    }

    /// <summary>What the process wrote to standard error.</summary>
    public string ErrorOutput => _stderr.IsCompleted ? _stderr.Result : string.Empty;

    /// <summary>Waits for the process to end by itself.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            Kill();
            throw new TimeoutException($"The crash writer did not finish within {timeout}.");
        }

        _stdout.Wait();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Drain()
    {
        while (_lines.TryTake(out var line))
        {
            _seen.Add(line);
        }
    }
}
