using Governance.Core.Projects;

namespace Governance.Core.Tests.Projects;

/// <summary>The compiled table agrees with Stateless in every cell, the lifecycle goes one step at a time, and the committed diagrams are its exports.</summary>
public sealed class ProjectLifecycleTests
{
    public static TheoryData<MicroProjectStatus> OwnStatuses() =>
        [.. Enum.GetValues<MicroProjectStatus>().Where(s => s != MicroProjectStatus.Active)];

    [Theory]
    [MemberData(nameof(OwnStatuses))]
    public void Every_cell_of_the_table_is_what_Stateless_does(MicroProjectStatus status)
    {
        foreach (var trigger in Enum.GetValues<MicroProjectTrigger>())
        {
            var machine = MicroProjectLifecycle.CreateMachine(status);
            var permitted = machine.CanFire(trigger);
            Assert.Equal(permitted, MicroProjectLifecycle.TryGetNext(status, trigger, out var next));
            if (permitted)
            {
                machine.Fire(trigger);
                Assert.Equal(machine.State, next);
            }
        }
    }

    [Fact]
    public void The_path_goes_one_step_at_a_time()
    {
        Assert.Equal([MicroProjectStatus.Approved], Where(MicroProjectTrigger.Fund));
        Assert.Equal([MicroProjectStatus.Funded], Where(MicroProjectTrigger.Start));
        Assert.Equal([MicroProjectStatus.InProgress], Where(MicroProjectTrigger.Complete));
        Assert.Equal([MicroProjectStatus.Completed], Where(MicroProjectTrigger.Evaluate));
        Assert.Equal([MicroProjectStatus.Proposed], Where(MicroProjectTrigger.Reject));
        Assert.Equal([MicroProjectStatus.Proposed, MicroProjectStatus.Approved, MicroProjectStatus.Funded, MicroProjectStatus.InProgress], Where(MicroProjectTrigger.Withdraw));

        static IEnumerable<MicroProjectStatus> Where(MicroProjectTrigger trigger) =>
            Enum.GetValues<MicroProjectStatus>().Where(s => MicroProjectLifecycle.CanFire(s, trigger));
    }

    [Fact]
    public void Terminal_statuses_permit_nothing_and_undefined_values_are_refused()
    {
        Assert.Empty(MicroProjectLifecycle.PermittedTriggers(MicroProjectStatus.Evaluated));
        Assert.Empty(MicroProjectLifecycle.PermittedTriggers(MicroProjectStatus.Rejected));
        Assert.Empty(MicroProjectLifecycle.PermittedTriggers(MicroProjectStatus.Withdrawn));
        Assert.False(MicroProjectLifecycle.CanFire((MicroProjectStatus)200, MicroProjectTrigger.Approve));
        Assert.False(MicroProjectLifecycle.CanFire(MicroProjectStatus.Proposed, (MicroProjectTrigger)(-1)));
        Assert.False(MicroProjectLifecycle.CanFire(MicroProjectStatus.Active, MicroProjectTrigger.Withdraw));
    }

    [Fact]
    public void The_committed_Mermaid_diagram_is_the_project_declaration() =>
        AssertDocument("project-lifecycle.mmd", MicroProjectLifecycle.ToMermaidGraph());

    [Fact]
    public void The_committed_DOT_diagram_is_the_project_declaration() =>
        AssertDocument("project-lifecycle.dot", MicroProjectLifecycle.ToDotGraph());

    [Fact]
    public void The_markdown_page_embeds_the_current_Mermaid_diagram()
    {
        var page = File.ReadAllText(Path.Combine(DocsDirectory(), "project-lifecycle.md")).ReplaceLineEndings("\n");
        Assert.Contains(Normalize(MicroProjectLifecycle.ToMermaidGraph()), page, StringComparison.Ordinal);
    }

    private static void AssertDocument(string name, string generated)
    {
        var path = Path.Combine(DocsDirectory(), name);
        var expected = Normalize(generated);
        if (Environment.GetEnvironmentVariable("GOVERNANCE_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(
            File.Exists(path) && File.ReadAllText(path).ReplaceLineEndings("\n") == expected,
            $"docs/{name} differs from the micro-project lifecycle declaration; regenerate: GOVERNANCE_UPDATE_DOCS=1 dotnet test Governance.Core.sln --filter ProjectLifecycle");
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd() + "\n";

    private static string DocsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "docs", "request-lifecycle.dot")))
            {
                return Path.Combine(dir.FullName, "docs");
            }
        }

        throw new DirectoryNotFoundException("docs/ not found above the test assembly.");
    }
}
