using Governance.Core.Brands;
using Governance.Core.Catalogue;
using Governance.Core.Desk;
using Governance.Core.Directory;
using Governance.Core.Organization;
using Governance.Core.Projects;
using Governance.Core.Requests;
using Governance.Core.Routing;
using Governance.Core.Scenes;
using NodaTime;
using NodaTime.Testing;

namespace Governance.Core.Tests.Brands;

/// <summary>The README's brands, scenes and projects snippet, verbatim between the markers, so the README cannot drift from the API.</summary>
public sealed class ReadmeBrandsSectionTests
{
    [Fact]
    public void The_brands_scenes_and_projects_snippet_runs_and_does_what_its_comments_say()
    {
        var clock = new FakeClock(Instant.FromUtc(2023, 3, 1, 1, 0));
        var router = new Router(SampleDistrict.Chart, CategoryCatalogue.Default);
        var sink = new InMemoryRequestEventSink();
        var directory = new ServiceDirectory(router);
        var secret = new byte[32];
        var buildingId = SampleDistrict.Chart.DescendantsOf(SampleDistrict.Chart.GetUnit(SampleDistrict.Units.Xinhuaxijie)).ToArray().First(u => u.Level == UnitLevel.Building).Id;
        var ledger = new Governance.Core.Ledger.Ledger(SampleDistrict.Chart);

        // README begin
        var registry = new BrandRegistry(SampleDistrict.Chart, clock);
        RolloutReport rollout = registry.RollOut(BrandPresets.YoushiNinZhaoWo,
            [SampleDistrict.Units.Xinhuaxijie, SampleDistrict.Units.Hounancang], new LocalDate(2023, 3, 1));
        var brandedDesk = new RequestDesk(router, registry, clock, sink);         // each request under its unit's brand

        var scenes = new QrScenes(new SceneTokens(new SceneKeyRing(new SceneSigningKey("tz-1", secret)), "tongzhou", clock), directory);
        var lift = new ScenePlace(buildingId, new Facility(new FacilityId("b1-lift-1"), FacilityKind.Lift));
        var (token, code) = scenes.Issue(lift, ScenePurpose.Report, Duration.FromDays(365));     // print it in a QR code
        SceneResult<RequestReceived> scan = scenes.ReportTo(brandedDesk, token, new RequestId("qr-1"), "电梯停运", ResidentContact.None);

        var library = new MicroProjectLibrary(SampleDistrict.Chart, ledger: ledger);
        ProjectProgress year = library.Progress(2023, clock.GetCurrentInstant());  // Count / Target, ByTheme, ByStreetLevelUnit, FundedBy
        // README end
        Assert.Equal(2, rollout.Changes.Length);
        Assert.Equal(new CategoryCode("物业/电梯/故障"), code.Category);
        Assert.True(scan.IsAccepted, scan.ToString());
        Assert.Equal(Agency.PropertyCompany(SampleDistrict.PropertyCompanies.Beiyuan), scan.Value.Handler);
        Assert.Equal((0, 100), (year.Count, year.Target));
    }

    [Fact]
    public void The_readme_shows_exactly_the_code_this_test_runs()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Governance.Core.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var source = File.ReadAllLines(Path.Combine(root.FullName, "tests", "Governance.Core.Tests", "Brands", "ReadmeBrandsSectionTests.cs"));
        var begin = Array.FindIndex(source, l => l.Trim() == "// README begin");
        var end = Array.FindIndex(source, l => l.Trim() == "// README end");
        var snippet = string.Join("\n", source[(begin + 1)..end].Select(l => l.Length >= 8 ? l[8..] : l.Trim()));
        var readme = File.ReadAllText(Path.Combine(root.FullName, "README.md")).ReplaceLineEndings("\n");

        Assert.True(end > begin + 10, "the markers enclose the snippet");
        Assert.Contains(snippet, readme, StringComparison.Ordinal);
    }
}
