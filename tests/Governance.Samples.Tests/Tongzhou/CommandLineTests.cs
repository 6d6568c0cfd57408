namespace Governance.Samples.Tests.Tongzhou;

public sealed class CommandLineTests : IDisposable
{
    private readonly string _directory = Cli.TempDirectory();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_command_line_writes_the_report_a_run_in_process_makes()
    {
        var (exit, _, error) = Cli.Run(_directory, [.. Cli.SmallRun, "--store", "memory", "--report", "report.json"]);

        Assert.True(exit == 0, error);
        var (outcome, _) = Runs.Memory();
        Assert.Equal(Runs.Json(outcome), File.ReadAllText(Path.Combine(_directory, "report.json")));
    }

    [Fact]
    public void A_bad_policy_file_stops_the_run_before_it_starts_naming_the_json_path()
    {
        File.WriteAllText(Path.Combine(_directory, "policy.json"), """{ "escalation": { "maxLevels": 9 }, "serviceLevels": { "warningFraction": 2 } }""");

        var (exit, _, error) = Cli.Run(_directory, [.. Cli.SmallRun, "--store", "memory", "--policy", "policy.json", "--report", "report.json"]);

        Assert.Equal(2, exit);
        Assert.Contains("$.escalation.maxLevels", error, StringComparison.Ordinal);
        Assert.Contains("$.serviceLevels.warningFraction", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "report.json")));
    }

    [Fact]
    public void An_existing_database_is_neither_resumed_nor_overwritten_unless_asked()
    {
        var db = Path.Combine(_directory, "tongzhou.db");
        File.WriteAllText(db, "not touched");

        var (exit, _, error) = Cli.Run(_directory, Cli.SmallRun);

        Assert.Equal(1, exit);
        Assert.Contains("--resume", error, StringComparison.Ordinal);
        Assert.Contains("--overwrite", error, StringComparison.Ordinal);
        Assert.Equal("not touched", File.ReadAllText(db));
    }

    [Fact]
    public void Resume_without_a_database_or_with_the_memory_store_is_refused()
    {
        var (exit, _, error) = Cli.Run(_directory, [.. Cli.SmallRun, "--resume"]);
        Assert.Equal(1, exit);
        Assert.Contains("no database", error, StringComparison.Ordinal);

        (exit, _, error) = Cli.Run(_directory, [.. Cli.SmallRun, "--resume", "--store", "memory"]);
        Assert.Equal(1, exit);
        Assert.Contains("durable", error, StringComparison.Ordinal);
    }
}
