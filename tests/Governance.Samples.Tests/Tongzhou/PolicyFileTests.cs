using Governance.Core;
using Governance.Core.Time;
using Governance.Samples.Tongzhou.Simulation;

namespace Governance.Samples.Tests.Tongzhou;

public sealed class PolicyFileTests
{
    [Theory]
    [InlineData("""{ "escalation": { "maxLevels": 9 } }""", "$.escalation.maxLevels")]
    [InlineData("""{ "escalation": { "afterWorkingHours": "four" } }""", "$.escalation.afterWorkingHours")]
    [InlineData("""{ "escalation": { "whistle": true } }""", "$.escalation.whistle")]
    [InlineData("""{ "serviceLevels": { "limits": { "Ordinary": { "clock": "WorkingDays", "days": 0 } } } }""", "$.serviceLevels.limits.Ordinary.days")]
    [InlineData("""{ "serviceLevels": { "sameDayCutoff": "5pm" } }""", "$.serviceLevels.sameDayCutoff")]
    [InlineData("""{ "liaison": { "minHouseholds": 12, "maxHouseholds": 10 } }""", "$.liaison.minHouseholds")]
    [InlineData("""{ "liaison": { "sameGridCost": 0 } }""", "$.liaison.sameGridCost")]
    [InlineData("""{ "liasion": {} }""", "$.liasion")]
    [InlineData("""{ "liaison": [] }""", "$.liaison")]
    [InlineData("""[]""", "$")]
    [InlineData("""{ "brands": {} }""", "$.brands")]
    [InlineData("""{ "brands": [ { "brand": "no-such-brand", "units": ["luyi"], "from": "2023-01-01" } ] }""", "$.brands[0].brand")]
    [InlineData("""{ "brands": [ { "brand": "hulianwang", "units": ["luyi", "nowhere"], "from": "2023-01-01" } ] }""", "$.brands[0].units[1]")]
    [InlineData("""{ "brands": [ { "brand": "hulianwang", "units": ["luyi", "luyi"], "from": "2023-01-01" } ] }""", "$.brands[0].units[1]")]
    [InlineData("""{ "brands": [ { "brand": "hulianwang", "units": [], "from": "2023-01-01" } ] }""", "$.brands[0].units")]
    [InlineData("""{ "brands": [ { "brand": "hulianwang", "units": ["luyi"], "from": "1 Jan" } ] }""", "$.brands[0].from")]
    [InlineData("""{ "brands": [ { "brand": "hulianwang", "units": ["luyi"] } ] }""", "$.brands[0].from")]
    [InlineData("""{ "brands": [ {}, { "brand": "hulianwang", "units": ["luyi"], "from": "2023-01-01", "to": "2024-01-01" } ] }""", "$.brands[1].to")]
    public void A_bad_policy_file_is_refused_with_an_error_naming_the_json_path(string json, string path)
    {
        var e = Assert.Throws<DataValidationException>(() => SimulationPolicyJson.Parse(json));

        Assert.Contains(e.Errors, error => error.Path == path);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_is_refused_with_its_path_and_line()
    {
        var e = Assert.Throws<DataValidationException>(() => SimulationPolicyJson.Parse("{\n  \"escalation\": { \"maxLevels\": }\n}"));

        var error = Assert.Single(e.Errors);
        Assert.Equal("$.escalation.maxLevels", error.Path);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_in_a_file_is_reported_at_once()
    {
        var e = Assert.Throws<DataValidationException>(() => SimulationPolicyJson.Parse(
            """{ "escalation": { "maxLevels": -1, "whistles": "yes" }, "liaison": { "maxHouseholds": 0 } }"""));

        Assert.Equal(["$.escalation.maxLevels", "$.escalation.whistles", "$.liaison.maxHouseholds"], e.Errors.Select(x => x.Path).ToArray());
    }

    [Fact]
    public void An_empty_policy_is_the_default_and_a_written_policy_reads_back_the_same()
    {
        Assert.Equal(SimulationPolicyJson.Serialize(SimulationPolicy.Default), SimulationPolicyJson.Serialize(SimulationPolicyJson.Parse("{}")));

        var policy = SimulationPolicyJson.Parse("""
            // comments and trailing commas are fine in a hand-written file
            {
              "serviceLevels": { "sameDayCutoff": "17:00", "limits": { "Complex": { "clock": "WorkingDays", "days": 10 } } },
              "escalation": { "maxLevels": 1, "afterWorkingHours": 2.5, "whistles": false },
              "liaison": { "minHouseholds": 3, "maxHouseholds": 8, "allowAcrossCommunities": true },
            }
            """);
        Assert.Equal(new EscalationLimits(1, 2.5, false), policy.Escalation);
        Assert.Equal((3, 8, true), (policy.Liaison.MinHouseholds, policy.Liaison.MaxHouseholds, policy.Liaison.AllowAcrossCommunities));
        Assert.Equal(ResolutionLimit.WorkingDays(10), policy.ServiceLevels.LimitFor(CategoryClass.Complex));
        var written = SimulationPolicyJson.Serialize(policy);
        Assert.Equal(written, SimulationPolicyJson.Serialize(SimulationPolicyJson.Parse(written)));
    }

    [Fact]
    public void Brands_default_to_the_sample_rollouts_can_be_replaced_or_emptied_and_read_back_the_same()
    {
        Assert.Equal(SimulationPolicy.DefaultBrands, SimulationPolicyJson.Parse("{}").Brands);
        Assert.Empty(SimulationPolicyJson.Parse("""{ "brands": [] }""").Brands);

        var policy = SimulationPolicyJson.Parse("""{ "brands": [ { "brand": "yujian-qishi", "units": ["yuqiao", "liyuan-c1"], "from": "2023-03-01" } ] }""");
        var rollout = Assert.Single(policy.Brands);
        Assert.Equal(("yujian-qishi", new NodaTime.LocalDate(2023, 3, 1)), (rollout.BrandId.Value, rollout.From));
        Assert.Equal(["yuqiao", "liyuan-c1"], rollout.Units.Select(u => u.Value).ToArray());
        var written = SimulationPolicyJson.Serialize(policy);
        Assert.Equal(written, SimulationPolicyJson.Serialize(SimulationPolicyJson.Parse(written)));
        Assert.NotEqual(SimulationPolicyJson.Serialize(SimulationPolicy.Default), written);
    }

    [Theory]
    [InlineData("same-day-cutoff.json")]
    [InlineData("no-whistles.json")]
    [InlineData("brand-rollout.json")]
    public void The_sample_policies_the_readme_points_to_are_valid(string file)
    {
        var path = Path.Combine(ReportTests.RepositoryRoot(), "samples", "Tongzhou", "policies", file);

        var policy = SimulationPolicyJson.Parse(File.ReadAllText(path));

        Assert.NotEqual(SimulationPolicyJson.Serialize(SimulationPolicy.Default), SimulationPolicyJson.Serialize(policy));
    }
}
