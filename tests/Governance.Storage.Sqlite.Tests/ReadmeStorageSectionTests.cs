using Governance.Core.Catalogue;
using Governance.Core.Desk;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Routing;
using Governance.Core.Time;
using NodaTime;
using NodaTime.Testing;

namespace Governance.Storage.Sqlite.Tests;

/// <summary>The README's storage section runs as written, and the README shows exactly this code.</summary>
public sealed class ReadmeStorageSectionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_readme_storage_section_runs_and_a_restarted_desk_goes_on_where_it_stopped()
    {
        var path = _folder.File("desk.db");
        var router = new Router(SampleDistrict.Chart, CategoryCatalogue.Default);
        var clock = new FakeClock(Instant.FromUtc(2023, 3, 1, 1, 0));
        var submission = new RequestSubmission(new RequestId("r-1"), Channel.Hotline12345, new CategoryCode("物业/电梯/故障"),
            CategoryClass.Ordinary, new RequestLocation(SampleDistrict.Units.Tongruijiayuan), ResidentContact.None, "电梯停运");
        // README begin
        using (var store = SqliteEventStore.Open(path))            // WAL; the file and its folder are made when missing
        {
            SqliteBatchSink step = store.CreateBatchSink();        // holds a step's events until Commit
            var desk = new RequestDesk(router, ServiceLevelPolicy.Default, clock, step); // or the store: a transaction per operation
            desk.Submit(submission);
            step.Commit(new StoreCheckpoint("simulation", "{\"hour\":1}")); // the events and the checkpoint in one transaction
        }

        // After a restart (or a crash: every acknowledged event is in the file), rebuild the desk from the log.
        using var reopened = SqliteEventStore.Open(path);
        var restored = RequestDesk.Restore(router, ServiceLevelPolicy.Default, clock, reopened.ReadAll().Select(e => e.Event), reopened);
        StoreCheckpoint? resumeFrom = reopened.ReadCheckpoint("simulation");
        // README end
        Assert.Equal(1, restored.OpenCount);
        Assert.True(restored.TryGet(submission.Id, out _));
        Assert.Equal("{\"hour\":1}", resumeFrom?.Value);
        Assert.Equal(1, reopened.LastPosition);
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
        var source = File.ReadAllLines(Path.Combine(root.FullName, "tests", "Governance.Storage.Sqlite.Tests", "ReadmeStorageSectionTests.cs"));
        var begin = Array.FindIndex(source, l => l.Trim() == "// README begin");
        var end = Array.FindIndex(source, l => l.Trim() == "// README end");
        Assert.True(begin >= 0 && end > begin + 5, "the markers enclose the snippet");
        var snippet = string.Join("\n", source[(begin + 1)..end].Select(l => l.Length >= 8 ? l[8..] : l.Trim()));
        Assert.Contains(snippet, File.ReadAllText(Path.Combine(root.FullName, "README.md")).ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
