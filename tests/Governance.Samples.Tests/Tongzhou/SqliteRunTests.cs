using System.Diagnostics;
using Governance.Samples.Tongzhou.Simulation;
using Governance.Samples.Tongzhou.Storage;
using Microsoft.Data.Sqlite;

namespace Governance.Samples.Tests.Tongzhou;

public sealed class SqliteRunTests : IDisposable
{
    private readonly string _directory = Cli.TempDirectory();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_same_seed_gives_the_same_report_and_events_on_sqlite_as_in_memory()
    {
        var (memory, memoryStore) = Runs.Memory();
        SimulationOutcome sqlite;
        string[] log;
        using (var store = SqliteSimulationStore.Open(Path.Combine(_directory, "run.db")))
        {
            sqlite = new TongzhouSimulation(Runs.Small, SimulationPolicy.Default).Run(store);
        }

        using (var reopened = SqliteSimulationStore.Open(Path.Combine(_directory, "run.db")))
        {
            log = Runs.EventLog(reopened);
        }

        Assert.Equal(Runs.Json(memory), Runs.Json(sqlite));
        Assert.Equal(Runs.EventLog(memoryStore), log);
    }

    [Fact]
    public void A_run_stopped_closed_and_resumed_from_the_file_matches_a_run_that_never_stopped()
    {
        var (straight, _) = Runs.Memory();
        var path = Path.Combine(_directory, "run.db");
        using (var store = SqliteSimulationStore.Open(path))
        {
            new TongzhouSimulation(Runs.Small, SimulationPolicy.Default).Run(store, stopAfterHours: 37);
        }

        SimulationOutcome resumed;
        using (var store = SqliteSimulationStore.Open(path))
        {
            resumed = new TongzhouSimulation(Runs.Small, SimulationPolicy.Default).Run(store, resume: true);
        }

        Assert.Equal(Runs.Json(straight), Runs.Json(resumed));
    }

    [Fact]
    public void A_week_with_its_own_brands_stopped_in_sqlite_and_resumed_reports_the_brands_and_projects_of_a_memory_run()
    {
        var week = Runs.Small with { Days = 8 };
        var policy = SimulationPolicyJson.Parse("""{ "serviceLevels": { "sameDayCutoff": "17:00" }, "brands": [ { "brand": "hulianwang", "units": ["luyi", "yuqiao-c1"], "from": "2023-11-18" } ] }""");
        var (straight, _) = Runs.Memory(week, policy);
        var path = Path.Combine(_directory, "week.db");
        using (var store = SqliteSimulationStore.Open(path))
        {
            new TongzhouSimulation(week, policy).Run(store, stopAfterHours: 131);
        }

        SimulationOutcome resumed;
        using (var store = SqliteSimulationStore.Open(path))
        {
            resumed = new TongzhouSimulation(week, policy).Run(store, resume: true);
        }

        Assert.True(straight.Report.Projects.Proposed > 0 && straight.Report.Brands[0].Received > 0);
        Assert.Equal(Runs.Json(straight), Runs.Json(resumed));
    }

    [Fact]
    public void A_run_killed_mid_way_and_resumed_with_the_command_line_reports_what_an_uninterrupted_run_reports()
    {
        string[] run = ["--days", "4", "--requests-per-day", "600", "--seed", "11", "--start", "2023-11-14", "--quiet"];
        var (exit, _, error) = Cli.Run(_directory, [.. run, "--store", "memory", "--report", "expected.json"]);
        Assert.True(exit == 0, error);

        // Kill the durable run (SIGKILL) once it has stored a day or more of checkpoints, then resume it. Each look at
        // its progress holds the file's write lock, so the run cannot store another hour, let alone finish, between the
        // look that finds 30 hours or more and the kill: on a busy machine a whole run fits between two unguarded looks.
        var db = Path.Combine(_directory, "tongzhou.db");
        var killedAt = 0;
        using (var child = Process.Start(Cli.StartInfo(_directory, run))!)
        {
            var watch = Stopwatch.StartNew();
            while (!child.HasExited && watch.Elapsed < TimeSpan.FromMinutes(1))
            {
                Thread.Sleep(10);
                using var gate = WriteLock(db);
                if (gate is not null && HoursDone(gate, db) is var hours and >= 30)
                {
                    child.Kill();
                    child.WaitForExit();
                    killedAt = hours;
                    break;
                }
            }

            Assert.True(killedAt > 0, $"the run ended (exited: {child.HasExited}) before it stored 30 hours and could be killed");
        }

        Assert.InRange(killedAt, 30, 4 * 24 - 1);
        Assert.Equal(killedAt, HoursDone(db));
        (exit, _, error) = Cli.Run(_directory, [.. run, "--resume", "--report", "resumed.json"]);

        Assert.True(exit == 0, error);
        Assert.Equal(File.ReadAllText(Path.Combine(_directory, "expected.json")), File.ReadAllText(Path.Combine(_directory, "resumed.json")));
    }

    private static int HoursDone(string db)
    {
        using var store = SqliteSimulationStore.Open(db);
        return store.LastCheckpoint is { } text ? SimulationCheckpoint.Parse(text, db).HoursDone : 0;
    }

    /// <summary>A connection holding <paramref name="db"/>'s write lock (BEGIN IMMEDIATE), or null while the run has not made its tables yet.</summary>
    private static SqliteConnection? WriteLock(string db)
    {
        if (!File.Exists(db))
        {
            return null;
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        try
        {
            connection.Open();
            using var begin = connection.CreateCommand();

            // SQLite's own busy handler retries within milliseconds; the provider's retry sleeps 150 ms a time, long
            // enough for the run to store a dozen hours, so a few unlucky waits in a row let it finish unseen.
            begin.CommandText = "PRAGMA busy_timeout = 60000; BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();
            using var tables = connection.CreateCommand();
            tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'checkpoints'";
            if ((long)tables.ExecuteScalar()! == 1)
            {
                return connection; // closing it rolls the empty transaction back and lets the run go on
            }
        }
        catch (SqliteException)
        {
            // the run is creating the file
        }

        connection.Dispose();
        return null;
    }

    private static int HoursDone(SqliteConnection gate, string db)
    {
        using var read = gate.CreateCommand();
        read.CommandText = "SELECT value FROM checkpoints WHERE name = $name";
        read.Parameters.AddWithValue("$name", SqliteSimulationStore.CheckpointName);
        return read.ExecuteScalar() is string text ? SimulationCheckpoint.Parse(text, db).HoursDone : 0;
    }
}
