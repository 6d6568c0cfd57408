using BenchmarkDotNet.Running;
using Governance.Benchmarks.Desk;

// Runs the benchmarks chosen on the command line, e.g.
//   dotnet run -c Release --project benchmarks/Governance.Benchmarks -- --filter '*' --job short
// Read the Ratio and Alloc Ratio columns: each class measures against a baseline in the same run.
//   dotnet run -c Release --project benchmarks/Governance.Benchmarks -- retained [requests]
// measures the heap the desk retains per open request (BenchmarkDotNet reports allocation, not retention), and
//   dotnet run -c Release --project benchmarks/Governance.Benchmarks -- phases [requests] [one-by-one]
// times each phase of a partitioned (or one-by-one) day, for tuning (DESK_PHASES_ROUNDS=n rounds; DESK_PHASES_RUNNING=1
// runs them all on one desk; DESK_PHASES_GC=1 prints the last round's collections as a timeline beside its phases;
// DESK_PHASES_GC_PROBE=1 first times full collections with the workload alone, then with a full desk too;
// DESK_PHASES_DISTINCT=1 makes one object per command instead of sharing equal ones).
if (args is ["retained", ..])
{
    DeskRetention.Report(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
    return;
}

if (args is ["phases", ..])
{
    DeskPhases.Report(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000, args is [_, _, "one-by-one"]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
