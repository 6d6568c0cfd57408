using Governance.Core.Brands;
using Governance.Core.Organization;
using Governance.Core.Requests;
using NodaTime;
using NodaTime.Testing;

namespace Governance.Core.Tests.Brands;

/// <summary>Brands and registries read back as written, and a bad file is refused with every error at its JSON path.</summary>
public sealed class BrandJsonExamples
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2023, 3, 1, 4, 0));

    [Fact]
    public void Every_preset_reads_back_as_the_same_brand()
    {
        foreach (var preset in BrandPresets.All)
        {
            var json = BrandJson.Serialize(preset);
            var back = BrandJson.Parse(json);

            Assert.True(back.IsSameAs(preset), $"{preset} reads back differently: {string.Join("; ", back.DifferencesFrom(preset))}");
            Assert.Equal(json, BrandJson.Serialize(back));
        }

        Assert.Contains("\"name\": \"有事您找我\"", BrandJson.Serialize(BrandPresets.YoushiNinZhaoWo), StringComparison.Ordinal);
    }

    [Fact]
    public void A_hand_written_brand_keeps_defaults_for_what_it_leaves_out()
    {
        var brand = BrandJson.Parse("""
            {
              // 零距梨, filled in
              "id": "lingjuli", "name": "零距梨", "version": 2,
              "channels": ["WalkIn", "Hotline12345"],
              "firstContact": "WhoeverHears",
              "serviceLevels": { "sameDayCutoff": "17:30", "whistleReportMinutes": 20 },
              "escalationChain": ["Community", "StreetLevel", "DistrictDepartment"],
              "liaison": { "maxHouseholds": 8 },
            }
            """);

        Assert.Equal((2, Channel.WalkIn, 8, 5), (brand.Version, brand.Channels[0], brand.Liaison.MaxHouseholds, brand.Liaison.MinHouseholds));
        Assert.Equal((new LocalTime(17, 30), Duration.FromMinutes(20)), (brand.ServiceLevels.SameDayCutoff, brand.WhistleReportLimit));
        Assert.Equal(string.Empty, brand.Description);
    }

    [Fact]
    public void Every_error_of_a_brand_names_its_JSON_path()
    {
        var invalid = Assert.Throws<DataValidationException>(() => BrandJson.Parse("""
            {
              "id": "x", "name": "x", "version": 1,
              "channels": ["WalkIn", "Wechat"],
              "firstContact": "Whoever",
              "serviceLevels": { "warningFraction": 2 },
              "escalationChain": ["Community"]
            }
            """));

        Assert.Equal(["$.channels[1]", "$.firstContact", "$.serviceLevels.warningFraction"], invalid.Errors.Select(e => e.Path));
        Assert.All(invalid.Errors, e => Assert.Equal("x", e.Id));
    }

    [Fact]
    public void Rule_errors_and_parser_errors_name_their_paths()
    {
        var rules = Assert.Throws<DataValidationException>(() => BrandJson.Parse("""
            {"id": "x", "name": "x", "version": 1, "channels": ["WalkIn"], "firstContact": "LiaisonNetwork", "escalationChain": ["StreetLevel", "Community"]}
            """));
        Assert.Equal(["$.firstContact", "$.escalationChain"], rules.Errors.Select(e => e.Path));

        var misspelt = Assert.Throws<DataValidationException>(() => BrandJson.Parse("""{"id": "x", "nmae": "x"}"""));
        Assert.StartsWith("$", Assert.Single(misspelt.Errors).Path, StringComparison.Ordinal);
        Assert.Contains("nmae", misspelt.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<DataValidationException>(() => BrandJson.Parse("{}"));
        Assert.Equal(["$.name", "$.version", "$.channels", "$.firstContact", "$.escalationChain", "$.id"], missing.Errors.Select(e => e.Path));
    }

    [Fact]
    public void A_registry_reads_back_with_the_same_timelines()
    {
        var registry = new BrandRegistry(SampleDistrict.Chart, Clock);
        registry.RollOut(BrandPresets.YoushiNinZhaoWo, [SampleDistrict.Units.Xinhuaxijie, SampleDistrict.Units.Hounancang], new LocalDate(2022, 6, 1));
        registry.Adopt(SampleDistrict.Units.Luyi, BrandPresets.HuLianWang, new LocalDate(2022, 1, 1));
        registry.Withdraw(SampleDistrict.Units.Hounancang, new LocalDate(2023, 1, 1));

        var json = BrandJson.SerializeRegistry(registry);
        var back = BrandJson.LoadRegistry(json, SampleDistrict.Chart, Clock);

        Assert.Equal(registry.Adoptions.Select(a => (a.Unit, a.From, a.Brand?.Id, a.Brand?.Version)), back.Adoptions.Select(a => (a.Unit, a.From, a.Brand?.Id, a.Brand?.Version)));
        Assert.Equal(json, BrandJson.SerializeRegistry(back));
        Assert.Contains("\"from\": \"2023-01-01\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_of_a_registry_names_its_JSON_path_and_nothing_is_built()
    {
        var invalid = Assert.Throws<DataValidationException>(() => BrandJson.LoadRegistry("""
            {
              "formatVersion": 2,
              "brands": [
                {"id": "a", "name": "甲", "version": 1, "channels": ["WalkIn"], "firstContact": "WhoeverHears", "escalationChain": ["Community"]},
                {"id": "a", "name": "甲", "version": 1, "channels": ["WalkIn"], "firstContact": "WhoeverHears", "escalationChain": ["Community"]}
              ],
              "adoptions": [
                {"unit": "nowhere", "from": "2023-01-01", "brand": "a", "version": 1},
                {"unit": "beiyuan", "from": "2023-13-01", "brand": "a", "version": 1},
                {"unit": "beiyuan", "from": "2023-01-01", "brand": "a", "version": 2},
                {"unit": "luyi", "from": "2023-01-01", "version": 1},
                {"unit": "luyi", "from": "2023-01-01", "brand": "a", "version": 1},
                {"unit": "luyi", "from": "2023-01-01"}
              ]
            }
            """, SampleDistrict.Chart, Clock));

        Assert.Equal(
            ["$.formatVersion", "$.brands[1].version", "$.adoptions[0].unit", "$.adoptions[1].from", "$.adoptions[2].brand", "$.adoptions[3].version", "$.adoptions[5].from"],
            invalid.Errors.Select(e => e.Path));
        Assert.Equal("brand registry", invalid.Subject);
    }
}
