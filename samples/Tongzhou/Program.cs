using Governance.Samples.Tongzhou.Reporting;
using Governance.Samples.Tongzhou.Simulation;
using Governance.Samples.Tongzhou.Storage;

var settings = new SimulationSettings(1, args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 3, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000, SimulationSettings.DefaultStart);
var sw = System.Diagnostics.Stopwatch.StartNew();
var sim = new TongzhouSimulation(settings, SimulationPolicy.Default);
Console.WriteLine($"setup {sw.ElapsedMilliseconds} ms");
using var store = new MemorySimulationStore();
var outcome = sim.Run(store);
Console.WriteLine($"run {sw.ElapsedMilliseconds} ms, {outcome.Events} events");
Console.WriteLine(ReportJson.Serialize(outcome.Report));
return 0;
