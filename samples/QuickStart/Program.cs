// QuickStart: loads the embedded sample district (or a chart JSON file) and prints its summary.
//   dotnet run --project samples/QuickStart                       the sample district
//   dotnet run --project samples/QuickStart -- --chart my.json    your own chart
//   dotnet run --project samples/QuickStart -- --export out.json  write the sample as chart JSON (personal data masked)
using System.Diagnostics;
using Governance.Core;
using Governance.Core.Organization;

string? chartPath = null;
string? exportPath = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--chart" when i + 1 < args.Length:
            chartPath = args[++i];
            break;
        case "--export" when i + 1 < args.Length:
            exportPath = args[++i];
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: QuickStart [--chart PATH] [--export PATH]");
            return 2;
    }
}

Chart chart;
var stopwatch = Stopwatch.StartNew();
try
{
    if (chartPath is null)
    {
        chart = SampleDistrict.Chart;
    }
    else
    {
        using var file = File.OpenRead(chartPath);
        chart = ChartJson.Load(file);
    }
}
catch (DataValidationException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

stopwatch.Stop();
Console.WriteLine($"{chart.District.Name} ({chart.District.Id}) — {(chartPath ?? "embedded sample district")}, built in {stopwatch.ElapsedMilliseconds} ms");
Console.WriteLine();
Console.WriteLine("Units per level");
foreach (var level in Enum.GetValues<UnitLevel>())
{
    var kinds = chart.Units.Where(u => u.Level == level).GroupBy(u => u.Kind).Select(g => $"{g.Count():N0} {g.Key}");
    Console.WriteLine($"  {level,-12} {string.Join(", ", kinds)}");
}

Console.WriteLine($"  {"Households",-12} {chart.Households.Length:N0} ({chart.Households.Sum(h => h.Residents):N0} residents)");
Console.WriteLine();
Console.WriteLine($"Beside the tree: {chart.PropertyCompanies.Length} property companies, {chart.SubdistrictOffices.Length} subdistrict offices, " +
    $"{chart.DistrictDepartments.Length} district departments, {chart.Staff.Length} staff");
Console.WriteLine($"Party tree: {chart.PartyOrganizations.Length:N0} organisations, {chart.PartyMembers.Length:N0} members");
Console.WriteLine();
Console.WriteLine($"{"Street-level unit",-14} {"kind",-12} {"communities",11} {"grids",6} {"buildings",9} {"households",10} {"party members",13}");
foreach (var street in chart.ChildrenOf(chart.District))
{
    var perLevel = new int[UnitKindExtensions.LevelCount];
    foreach (var unit in chart.DescendantsOf(street))
    {
        perLevel[(int)unit.Level]++;
    }

    Console.WriteLine($"{street.Name,-14} {street.Kind,-12} {perLevel[(int)UnitLevel.Community],11} {perLevel[(int)UnitLevel.Grid],6} {perLevel[(int)UnitLevel.Building],9} " +
        $"{chart.HouseholdsUnder(street).Length,10:N0} {chart.PartyMembersLivingUnder(street).Length,13:N0}");
}

var household = chart.HouseholdsUnder(chart.GetUnit(SampleDistrict.Units.Tongruijiayuan))[0];
Console.WriteLine();
Console.WriteLine($"A household of 通瑞嘉苑: {household} (personal data masked)");
Console.WriteLine($"  its ancestors: {string.Join(" → ", chart.AncestorsOf(household).Select(u => u.Name))}");
Console.WriteLine($"  its party organisation: {chart.NearestPartyOrganizationOf(chart.BuildingOf(household))?.Name}");
Console.WriteLine($"  its property company: {string.Join(", ", chart.PropertyCompaniesServing(chart.BuildingOf(household)).ToArray().Select(c => c.Name))}");

if (exportPath is not null)
{
    using var output = File.Create(exportPath);
    ChartJson.Write(chart, output);
    Console.WriteLine();
    Console.WriteLine($"Wrote {exportPath} ({output.Length:N0} bytes; residents' names and phones masked).");
}

return 0;
