using System.Text.Json;
using Governance.Core.Desk;
using Governance.Samples.Tongzhou.Reporting;
using Governance.Samples.Tongzhou.Simulation;
using Governance.Samples.Tongzhou.Storage;

namespace Governance.Samples.Tests.Tongzhou;

public sealed class ReportTests
{
    [Fact]
    public void Received_is_closed_plus_open_in_every_unit_and_the_units_add_up_to_the_district()
    {
        var (outcome, _) = Runs.Memory();
        var report = outcome.Report;

        foreach (var unit in report.StreetLevelUnits.Append(report.District))
        {
            Assert.Equal(unit.Received, unit.Closed + unit.Open);
            Assert.True(unit.Closed > 0 && unit.Open > 0, $"{unit.Name}: a three-day run closes some requests and leaves some open");
        }

        Assert.Equal(report.District.Received, report.StreetLevelUnits.Sum(u => u.Received));
        Assert.Equal(report.District.Closed, report.StreetLevelUnits.Sum(u => u.Closed));
        Assert.Equal(report.District.Received, report.Channels.Sum(c => c.Received));
    }

    [Fact]
    public void Every_request_open_at_the_end_has_an_owner_and_a_handler_and_the_report_counts_exactly_the_desk_s_open_requests()
    {
        var (outcome, _) = Runs.Memory();
        var open = outcome.Desk.Query(new DeskQuery());

        Assert.Equal(outcome.Report.District.Open, open.Count);
        Assert.Equal(outcome.Report.Simulation.DeskOpen, open.Count);
        Assert.All(open, r =>
        {
            Assert.False(string.IsNullOrEmpty(r.Owner.Id), $"{r.Id} has no owner");
            Assert.False(string.IsNullOrEmpty(r.Handler.Id), $"{r.Id} has no handler");
        });
        Assert.Equal(0, outcome.Report.District.OpenWithoutOwner);
        Assert.Equal(0, outcome.Report.District.OpenWithoutHandler);
    }

    [Fact]
    public void The_run_exercises_the_whole_desk_escalations_whistles_late_and_missed_reports_pauses_and_call_backs()
    {
        var (outcome, store) = Runs.Memory(Runs.Small with { Days = 5, RequestsPerDay = 600 });
        var d = outcome.Report.District;

        Assert.True(d.Escalations > 0 && d.Whistles > 0 && d.ReportsLate > 0 && d.ReportsMissed > 0, $"{d}");
        Assert.True(d.MissedDeadlines.SameDay > 0 && d.Reopens > 0 && d.Rejected > 0, $"{d}");
        Assert.InRange(d.SameDayRate!.Value, 0.5, 0.999);
        Assert.InRange(d.SatisfactionRate!.Value, 0.5, 0.999);
        Assert.Contains(store.ReadAll(), e => e is Governance.Core.Requests.RequestAwaitingResident);
        Assert.Contains(store.ReadAll(), e => e is Governance.Core.Requests.RequestResumed);
        Assert.All(outcome.Report.Channels, c => Assert.True(c.Received > 0, $"no request came by {c.Channel}"));
        Assert.Equal(1.0, d.Liaison.CoverageRate);
        Assert.True(outcome.Report.Hotspots.Found > 0 && outcome.Report.Ledger.Proposed > 0);
    }

    [Fact]
    public void A_same_day_cut_off_at_five_raises_the_same_day_rate_on_the_same_seed()
    {
        var cutoff = SimulationPolicyJson.Parse("""{ "serviceLevels": { "sameDayCutoff": "17:00" } }""");
        var (baseline, _) = Runs.Memory();
        var (withCutoff, _) = Runs.Memory(policy: cutoff);

        Assert.Equal(baseline.Report.District.Received, withCutoff.Report.District.Received); // the same requests
        Assert.True(withCutoff.Report.District.SameDayRate > baseline.Report.District.SameDayRate,
            $"{withCutoff.Report.District.SameDayRate} should exceed {baseline.Report.District.SameDayRate}");
    }

    [Fact]
    public void The_json_report_has_the_field_names_the_readme_documents_and_reads_back_equal()
    {
        var (outcome, _) = Runs.Memory();
        var json = Runs.Json(outcome);
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var section = readme[readme.IndexOf("## The simulation report", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 5, StringComparison.Ordinal)];

        var names = new SortedSet<string>(StringComparer.Ordinal);
        using (var document = JsonDocument.Parse(json))
        {
            Collect(document.RootElement, names, underPolicy: false);
        }

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Contains($"`{name}`", section, StringComparison.Ordinal));
        Assert.Equal(json, ReportJson.Serialize(ReportJson.Deserialize(json)));
    }

    [Fact]
    public void A_store_that_already_holds_a_run_is_refused_without_resume_and_left_as_it_was()
    {
        var (_, store) = Runs.Memory();
        var before = Runs.EventLog(store);

        var e = Assert.Throws<SimulationException>(() => new TongzhouSimulation(Runs.Small, SimulationPolicy.Default).Run(store));
        Assert.Contains("--resume", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Runs.EventLog(store));
    }

    [Fact]
    public void Resuming_with_another_seed_or_policy_is_refused_naming_what_differs()
    {
        var store = new MemorySimulationStore();
        new TongzhouSimulation(Runs.Small, SimulationPolicy.Default).Run(store, stopAfterHours: 5);

        var seed = Assert.Throws<SimulationException>(() => new TongzhouSimulation(Runs.Small with { Seed = 99 }, SimulationPolicy.Default).Run(store, resume: true));
        Assert.Contains("--seed 7", seed.Message, StringComparison.Ordinal);
        var policy = SimulationPolicy.Default with { Escalation = EscalationLimits.Default with { MaxLevels = 1 } };
        var other = Assert.Throws<SimulationException>(() => new TongzhouSimulation(Runs.Small, policy).Run(store, resume: true));
        Assert.Contains("policy", other.Message, StringComparison.Ordinal);
        Assert.Throws<SimulationException>(() => new TongzhouSimulation(Runs.Small, SimulationPolicy.Default).Run(new MemorySimulationStore(), resume: true));
    }

    [Fact]
    public void Resuming_with_another_brand_set_is_refused()
    {
        var store = new MemorySimulationStore();
        new TongzhouSimulation(Runs.Small, SimulationPolicy.Default).Run(store, stopAfterHours: 5);
        var before = Runs.EventLog(store);

        var other = SimulationPolicy.Default with { Brands = SimulationPolicy.DefaultBrands.Take(1).ToArray() };
        var e = Assert.Throws<SimulationException>(() => new TongzhouSimulation(Runs.Small, other).Run(store, resume: true));
        Assert.Contains("policy", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Runs.EventLog(store));
    }

    [Fact]
    public void The_brands_split_the_district_s_requests_and_show_where_they_are_in_force()
    {
        var (outcome, _) = Runs.Memory();
        var report = outcome.Report;

        Assert.Equal(["有事您找我", "户联网", "(no brand)"], report.Brands.Select(b => b.Name).ToArray());
        Assert.Equal(report.District.Received, report.Brands.Sum(b => b.Received));
        Assert.All(report.Brands, b => Assert.True(b.Received > 0, $"{b.Name} received nothing"));
        var youshi = report.Brands[0];
        Assert.Equal(["beiyuan-xinhuaxijie", "beiyuan-hounancang", "beiyuan-yudailu"], youshi.Adoptions.Select(a => a.Unit).ToArray());
        Assert.Equal("PropertyHotline", youshi.FrontDoor);

        // 户联网 covers the whole of 潞邑街道, so every request there was received under it.
        var luyi = report.StreetLevelUnits.Single(u => u.Id == "luyi");
        Assert.Equal(luyi.Received, report.Brands[1].Received);
        Assert.Equal(["户联网"], luyi.Brands);
        Assert.Equal(["有事您找我"], report.StreetLevelUnits.Single(u => u.Id == "beiyuan").Brands);
        Assert.Empty(report.StreetLevelUnits.Single(u => u.Id == "yujiawu").Brands);
        Assert.Equal(["有事您找我", "户联网"], report.District.Brands);
    }

    [Fact]
    public void A_brand_with_a_five_o_clock_cut_off_raises_the_same_day_rate_of_its_own_requests_only()
    {
        // 户联网 in 潞邑街道 keeps the default levels; a policy whose fallback has a 17:00 cut-off changes every unit but 潞邑.
        var cutoff = SimulationPolicyJson.Parse("""{ "serviceLevels": { "sameDayCutoff": "17:00" }, "brands": [ { "brand": "hulianwang", "units": ["luyi"], "from": "2022-01-01" } ] }""");
        var plain = SimulationPolicyJson.Parse("""{ "brands": [ { "brand": "hulianwang", "units": ["luyi"], "from": "2022-01-01" } ] }""");
        var (baseline, _) = Runs.Memory(policy: plain);
        var (withCutoff, _) = Runs.Memory(policy: cutoff);

        Assert.Equal(baseline.Report.Brands[0].SameDayRate, withCutoff.Report.Brands[0].SameDayRate);
        Assert.True(withCutoff.Report.Brands[1].SameDayRate > baseline.Report.Brands[1].SameDayRate,
            $"{withCutoff.Report.Brands[1].SameDayRate} should exceed {baseline.Report.Brands[1].SameDayRate}");
    }

    internal static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Governance.Core.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new DirectoryNotFoundException("Governance.Core.sln is not above the test's directory.");
    }

    /// <summary>Every property name of the report; the policy's own names are the policy file's, documented with it.</summary>
    private static void Collect(JsonElement element, SortedSet<string> names, bool underPolicy)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!underPolicy)
                {
                    names.Add(property.Name);
                }

                Collect(property.Value, names, underPolicy || property.Name == "policy");
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, names, underPolicy);
            }
        }
    }
}
