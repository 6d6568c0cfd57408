// Tongzhou: a simulated 通州区. The sample district receives a deterministic stream of requests through every channel
// for N days, the desk handles them with the working calendar, liaisons, ledger and hotspots, and the report shows each
// street-level unit's three rates and more. Durable on SQLite by default: --resume goes on after a stop or a kill.
//   dotnet run -c Release --project samples/Tongzhou                       30 days, 2,000 requests a day, ./tongzhou.db
//   dotnet run -c Release --project samples/Tongzhou -- --help             every option
using System.CommandLine;
using System.Diagnostics;
using Governance.Core;
using Governance.Samples.Tongzhou.Reporting;
using Governance.Samples.Tongzhou.Simulation;
using Governance.Samples.Tongzhou.Storage;
using NodaTime.Text;
using Spectre.Console;

var days = new Option<int>("--days") { Description = "Simulated days.", DefaultValueFactory = _ => SimulationSettings.DefaultDays };
var seed = new Option<long>("--seed") { Description = "The seed every request's script is made from.", DefaultValueFactory = _ => SimulationSettings.DefaultSeed };
var perDay = new Option<int>("--requests-per-day") { Description = "Base requests a day (more in summer and winter, fewer on days off).", DefaultValueFactory = _ => SimulationSettings.DefaultRequestsPerDay };
var start = new Option<string>("--start") { Description = "The first simulated day, yyyy-MM-dd.", DefaultValueFactory = _ => SimulationCheckpoint.Format(SimulationSettings.DefaultStart) };
var storeKind = new Option<string>("--store") { Description = "Where events go: sqlite (durable, resumable) or memory.", DefaultValueFactory = _ => "sqlite" };
storeKind.AcceptOnlyFromAmong("sqlite", "memory");
var db = new Option<string>("--db") { Description = "The SQLite database file.", DefaultValueFactory = _ => "tongzhou.db" };
var resume = new Option<bool>("--resume") { Description = "Go on with the run in --db from its last checkpoint." };
var overwrite = new Option<bool>("--overwrite") { Description = "Delete an existing --db and start afresh." };
var policyPath = new Option<string?>("--policy") { Description = "A policy file (JSON): serviceLevels, escalation, liaison, brands; see the README." };
var reportPath = new Option<string?>("--report") { Description = "Also write the report as JSON to this file." };
var quiet = new Option<bool>("--quiet") { Description = "No progress bar and no tables; with --report, only the file." };

var root = new RootCommand("A simulated 通州区: requests from every channel through the desk, with the three rates by street-level unit.")
{
    days, seed, perDay, start, storeKind, db, resume, overwrite, policyPath, reportPath, quiet,
};
root.SetAction(parse =>
{
    var console = AnsiConsole.Console;
    try
    {
        var startDate = LocalDatePattern.Iso.Parse(parse.GetValue(start)!);
        if (!startDate.Success)
        {
            throw new SimulationException($"--start '{parse.GetValue(start)}' is not a date (yyyy-MM-dd).");
        }

        var policy = SimulationPolicy.Default;
        if (parse.GetValue(policyPath) is { } path)
        {
            if (!File.Exists(path))
            {
                throw new SimulationException($"--policy: no file '{Path.GetFullPath(path)}'.");
            }

            policy = SimulationPolicyJson.Parse(File.ReadAllText(path));
        }

        var settings = new SimulationSettings(parse.GetValue(seed), parse.GetValue(days), parse.GetValue(perDay), startDate.Value);
        var isResume = parse.GetValue(resume);
        var watch = Stopwatch.StartNew();
        var simulation = new TongzhouSimulation(settings, policy);
        using var store = SimulationStores.Open(parse.GetValue(storeKind)!, parse.GetValue(db)!, isResume, parse.GetValue(overwrite));
        var showProgress = !parse.GetValue(quiet) && !Console.IsOutputRedirected;
        SimulationOutcome outcome;
        if (showProgress)
        {
            outcome = console.Progress().AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask($"Simulating {settings.Days} days", maxValue: simulation.TotalHours);
                    return simulation.Run(store, isResume, hours => task.Value = hours);
                });
        }
        else
        {
            outcome = simulation.Run(store, isResume);
        }

        watch.Stop();
        if (parse.GetValue(reportPath) is { } report)
        {
            File.WriteAllText(report, ReportJson.Serialize(outcome.Report));
        }

        if (!parse.GetValue(quiet))
        {
            ReportConsole.Write(console, outcome.Report);
            console.MarkupLineInterpolated($"[grey]{outcome.Events:N0} events in {Markup.Escape(store.Description)}; {watch.Elapsed.TotalSeconds:0.0} s{(parse.GetValue(reportPath) is { } r ? $"; report written to {r}" : string.Empty)}.[/]");
        }

        return 0;
    }
    catch (DataValidationException e)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }
    catch (SimulationException e)
    {
        Console.Error.WriteLine(e.Message);
        return 1;
    }
});

return root.Parse(args).Invoke();
