using BenchmarkDotNet.Running;

// Runs the benchmarks chosen on the command line, e.g.
//   dotnet run -c Release --project benchmarks/Governance.Benchmarks -- --filter '*' --job short
// Read the Ratio and Alloc Ratio columns: each class measures against a baseline in the same run.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
