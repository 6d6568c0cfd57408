using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Governance.Core.Organization;

namespace Governance.Benchmarks.Organization;

/// <summary>
/// Loading the Tongzhou-sized chart (about 720,000 households) from chart JSON, against the floor of merely
/// parsing the same bytes into a <see cref="JsonDocument"/>. The ratio is the price of validating every rule,
/// resolving every reference and building the indexes.
/// </summary>
[MemoryDiagnoser]
public class ChartLoadBenchmarks
{
    private byte[] _json = [];

    [GlobalSetup]
    public void Setup()
    {
        using var stream = new MemoryStream();
        ChartJson.Write(TongzhouSizedChart.Chart, stream, PersonalDataExport.Reveal, indented: false);
        _json = stream.ToArray();
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse (floor)")]
    public int ParseJsonOnly()
    {
        using var document = JsonDocument.Parse(_json);
        return document.RootElement.GetProperty("households").GetArrayLength();
    }

    [Benchmark(Description = "ChartJson.Load (validate + index)")]
    public int LoadChart() => ChartJson.Load(_json).Households.Length;
}
