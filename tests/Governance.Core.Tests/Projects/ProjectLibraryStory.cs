using Governance.Core.Catalogue;
using Governance.Core.Insights;
using Governance.Core.Ledger;
using Governance.Core.Organization;
using Governance.Core.Projects;
using Governance.Core.Requests;
using NodaTime;

namespace Governance.Core.Tests.Projects;

/// <summary>
/// The 2023 micro-project library of the sample district: a pocket park in 新华西街 that answers a ledger item and a
/// parking hotspot, funded by the community foundation and the subdistrict; a sports corner in 通瑞嘉苑 from its
/// community fund; a neighbourhood room in 渠头村 still being built; a rejected proposal; and one finished in January 2024.
/// </summary>
public sealed class ProjectLibraryStory
{
    private static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly Chart Chart = SampleDistrict.Chart;
    private static readonly Agency Xinhuaxijie = Agency.Unit(SampleDistrict.Units.Xinhuaxijie);
    private static readonly Agency Office = Agency.SubdistrictOffice(new SubdistrictOfficeId("beiyuan-cgb"));
    private static readonly LedgerItemId ParkingConcern = new("xhxj-2023-004");
    private static readonly HotspotRef ParkingHotspot = new(HotspotKind.Recurring, SampleDistrict.Units.Xinhuaxijie, new CategoryCode("停车"), new LocalDate(2023, 1, 2), new LocalDate(2023, 1, 31));

    private static Instant On(int year, int month, int day) => new LocalDateTime(year, month, day, 10, 0).InZoneStrictly(Beijing).ToInstant();

    [Fact]
    public void The_years_progress_counts_what_was_completed_in_the_year_per_theme_street_level_unit_and_source()
    {
        var library = Library(out _);

        var progress = library.Progress(2023, On(2023, 10, 1));

        Assert.Equal((2, 100, 98), (progress.Count, progress.Target, progress.Remaining));
        Assert.Equal(100 * 274 / 365, progress.ExpectedByNow); // 1 October is day 274
        Assert.False(progress.OnTrack);
        Assert.Equal([new MicroProjectId("2023-xhxj-park"), new MicroProjectId("2023-trjy-sport")], progress.Implemented.ToArray());
        Assert.Equal((1, 1, 0, 0), (progress.ByTheme[ProjectTheme.Green], progress.ByTheme[ProjectTheme.SportAndHealth], progress.ByTheme[ProjectTheme.NeighbourlyHarmony], progress.ByTheme[ProjectTheme.Culture]));
        Assert.Equal((1, 1, 0), (progress.For(SampleDistrict.Units.Beiyuan), progress.For(SampleDistrict.Units.Luyi), progress.For(SampleDistrict.Units.Yujiawu)));
        Assert.Equal(176_500m + 29_800m, progress.Spent);
        Assert.Equal((100_000m, 80_000m, 30_000m), (progress.FundedBy[FundingSource.CommunityFoundation], progress.FundedBy[FundingSource.StreetLevelBudget], progress.FundedBy[FundingSource.CommunityFund]));
        Assert.Equal((1, 1, 1, 1, 1), (progress.Pipeline[MicroProjectStatus.Evaluated], progress.Pipeline[MicroProjectStatus.Completed], progress.Pipeline[MicroProjectStatus.InProgress], progress.Pipeline[MicroProjectStatus.Rejected], progress.Pipeline[MicroProjectStatus.Approved]));
    }

    [Fact]
    public void Progress_as_of_an_earlier_instant_ignores_what_came_after_and_a_January_completion_counts_for_the_next_year()
    {
        var library = Library(out _);

        Assert.Equal(1, library.Progress(2023, On(2023, 8, 1)).Count);
        Assert.Equal(0, library.Progress(2023, On(2023, 1, 1)).ExpectedByNow + library.Progress(2022, On(2023, 1, 1)).Count);
        var year2024 = library.Progress(2024, On(2024, 12, 31));
        Assert.Equal([new MicroProjectId("2023-trjy-lights")], year2024.Implemented.ToArray());
        Assert.Equal(100, year2024.ExpectedByNow);
        library.SetTarget(2024, 120);
        Assert.Equal(120, library.Progress(2024, On(2024, 12, 31)).Target);
    }

    [Fact]
    public void A_project_answers_the_ledger_item_and_hotspot_it_was_linked_to()
    {
        var library = Library(out var ledger);

        var park = Assert.Single(library.Answering(ParkingConcern));
        Assert.Same(park, Assert.Single(library.Answering(ParkingHotspot)));
        Assert.Equal(Satisfaction.Satisfied, park.Rating);
        Assert.Same(park, Assert.Single(library.ProjectsUnder(SampleDistrict.Units.Beiyuan)));

        var room = library.Get(new MicroProjectId("2023-qutou-room-2"));
        var stranger = Assert.Throws<MicroProjectCommandException>(() =>
            library.Execute(room.Id, new AnswerLedgerItem(Office, On(2023, 12, 1), new LedgerItemId("nowhere"))));
        Assert.Equal("Micro-project 2023-qutou-room-2 (Approved) refuses AnswerLedgerItem: ledger item nowhere is not on the ledger", stranger.Message);
        Assert.Empty(room.LedgerItems);
        var closed = Assert.Throws<MicroProjectCommandException>(() => library.Execute(park.Id, new AnswerLedgerItem(Xinhuaxijie, On(2023, 12, 1), ParkingConcern)));
        Assert.Contains("the lifecycle permits nothing in Evaluated", closed.Message, StringComparison.Ordinal);
        Assert.Same(ledger, library.Ledger);
    }

    [Fact]
    public void Funding_that_does_not_add_up_and_places_outside_the_chart_are_refused_and_change_nothing()
    {
        var library = Library(out _);
        var room = library.Get(new MicroProjectId("2023-qutou-room-2"));

        var short1 = Assert.Throws<MicroProjectCommandException>(() =>
            library.Execute(room.Id, new FundMicroProject(Office, On(2023, 11, 1), [new Funding(FundingSource.CommunityFoundation, 50_000m)])));

        Assert.Equal("Micro-project 2023-qutou-room-2 (Approved) refuses Fund: the sources sum to ¥50000.00, not the cost ¥60000.00", short1.Message);
        Assert.Equal(MicroProjectStatus.Approved, room.Status);
        Assert.Throws<ArgumentException>(() => library.Propose(new ProposeMicroProject(new MicroProjectId("x"), Xinhuaxijie, On(2023, 1, 1), "t", "d", ProjectTheme.Green, new UnitId("nowhere"), 1m)));
        Assert.Throws<ArgumentException>(() => library.Propose(new ProposeMicroProject(new MicroProjectId("y"), Xinhuaxijie, On(2023, 1, 1), "t", "d", ProjectTheme.Green, SampleDistrict.Units.Xinhuaxijie, 1.005m)));
        Assert.Throws<ArgumentException>(() => library.Propose(new ProposeMicroProject(new MicroProjectId("2023-xhxj-park"), Xinhuaxijie, On(2023, 1, 1), "t", "d", ProjectTheme.Green, SampleDistrict.Units.Xinhuaxijie, 1m)));
        Assert.Equal(6, library.Projects.Count);
    }

    [Fact]
    public void The_library_replays_from_its_events_to_the_same_progress()
    {
        var library = Library(out var ledger);
        var events = library.Projects.SelectMany(p => p.History).OrderBy(e => e.At).Select(e => MicroProjectEventJson.Deserialize(MicroProjectEventJson.Serialize(e)));

        var replayed = MicroProjectLibrary.Replay(Chart, events, ledger: ledger);

        // Replayed in time order, the library lists projects in the order they were proposed then.
        Assert.Equal(library.Projects.Select(ProjectSnapshot.Of).Order(StringComparer.Ordinal), replayed.Projects.Select(ProjectSnapshot.Of).Order(StringComparer.Ordinal));
        Assert.Equal(library.Progress(2023, On(2023, 12, 31)).ToString(), replayed.Progress(2023, On(2023, 12, 31)).ToString());
        var broken = Assert.Throws<DataValidationException>(() => MicroProjectLibrary.Replay(Chart, library.Projects[0].History.Skip(1)));
        Assert.Equal("$[0]", broken.Errors[0].Path);
    }

    private static MicroProjectLibrary Library(out Governance.Core.Ledger.Ledger ledger)
    {
        ledger = new Governance.Core.Ledger.Ledger(Chart);
        ledger.Open(new OpenLedgerItem(ParkingConcern, Xinhuaxijie, On(2023, 2, 1), ConcernClass.LongedFor, new CategoryCode("停车"),
            new RequestLocation(SampleDistrict.Units.Xinhuaxijie), "停车难", "居民反映小区周边停车位不足", "利用闲置空地", new StaffId("beiyuan-cgb-song"), new LocalDate(2023, 12, 31)));
        var library = new MicroProjectLibrary(Chart, ledger: ledger);

        var park = Propose(library, "2023-xhxj-park", SampleDistrict.Units.Xinhuaxijie, ProjectTheme.Green, 180_000m, On(2023, 2, 10));
        library.Execute(park, new AnswerLedgerItem(Xinhuaxijie, On(2023, 2, 10), ParkingConcern));
        library.Execute(park, new AnswerHotspot(Xinhuaxijie, On(2023, 2, 10), ParkingHotspot));
        Implement(library, park, [new Funding(FundingSource.CommunityFoundation, 100_000m), new Funding(FundingSource.StreetLevelBudget, 80_000m)], 176_500m, On(2023, 6, 20));
        library.Execute(park, new EvaluateMicroProject(Xinhuaxijie, On(2023, 7, 1), Satisfaction.Satisfied, "居民认为停车和休闲都方便了"));

        var sport = Propose(library, "2023-trjy-sport", SampleDistrict.Units.Tongruijiayuan, ProjectTheme.SportAndHealth, 30_000m, On(2023, 3, 1));
        Implement(library, sport, [new Funding(FundingSource.CommunityFund, 30_000m)], 29_800m, On(2023, 9, 5));

        var room = Propose(library, "2023-qutou-room", SampleDistrict.Units.Qutou, ProjectTheme.NeighbourlyHarmony, 60_000m, On(2023, 4, 1));
        library.Execute(room, new ApproveMicroProject(Office, On(2023, 4, 10)));
        library.Execute(room, new FundMicroProject(Office, On(2023, 5, 1), [new Funding(FundingSource.StreetLevelBudget, 60_000m)]));
        library.Execute(room, new StartMicroProject(Office, On(2023, 6, 1)));

        var rejected = Propose(library, "2023-yuqiao-hall", new UnitId("yuqiao-c1"), ProjectTheme.Culture, 400_000m, On(2023, 4, 1));
        library.Execute(rejected, new RejectMicroProject(Office, On(2023, 4, 20), "超出小微工程规模，转入社区综合微中心建设"));

        var lights = Propose(library, "2023-trjy-lights", SampleDistrict.Units.Tongruijiayuan, ProjectTheme.Green, 12_000m, On(2023, 10, 1));
        Implement(library, lights, [new Funding(FundingSource.PropertyCompany, 6_000m), new Funding(FundingSource.Residents, 6_000m)], 12_000m, On(2024, 1, 8));

        var room2 = Propose(library, "2023-qutou-room-2", SampleDistrict.Units.Qutou, ProjectTheme.NeighbourlyHarmony, 60_000m, On(2023, 9, 1));
        library.Execute(room2, new ApproveMicroProject(Office, On(2023, 9, 10)));
        return library;
    }

    private static MicroProjectId Propose(MicroProjectLibrary library, string id, UnitId place, ProjectTheme theme, decimal cost, Instant at) =>
        library.Propose(new ProposeMicroProject(new MicroProjectId(id), Agency.Unit(place), at, id, "小微工程", theme, place, cost)).Id;

    private static void Implement(MicroProjectLibrary library, MicroProjectId id, Funding[] funding, decimal actualCost, Instant completed)
    {
        var proposedAt = library.Get(id).ProposedAt;
        library.Execute(id, new ApproveMicroProject(Office, proposedAt + Duration.FromDays(7), "列入项目库"));
        library.Execute(id, new FundMicroProject(Office, proposedAt + Duration.FromDays(14), funding));
        library.Execute(id, new StartMicroProject(Office, proposedAt + Duration.FromDays(20)));
        library.Execute(id, new NoteProjectProgress(Office, proposedAt + Duration.FromDays(30), "主体完工"));
        library.Execute(id, new CompleteMicroProject(Office, completed, "建成投用", actualCost));
    }
}
