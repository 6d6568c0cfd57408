using Governance.Core.Requests;

namespace Governance.Core.Tests.Requests;

/// <summary>The diagrams committed in docs/ are exports of the declaration; they must not drift from it.</summary>
public sealed class LifecycleDiagramTests
{
    [Fact]
    public void The_committed_Mermaid_diagram_is_the_declaration() =>
        AssertDocument("request-lifecycle.mmd", RequestLifecycle.ToMermaidGraph());

    [Fact]
    public void The_committed_DOT_diagram_is_the_declaration() =>
        AssertDocument("request-lifecycle.dot", RequestLifecycle.ToDotGraph());

    [Fact]
    public void The_markdown_page_embeds_the_current_Mermaid_diagram()
    {
        var page = File.ReadAllText(Path.Combine(DocsDirectory(), "request-lifecycle.md")).ReplaceLineEndings("\n");
        Assert.Contains(Normalize(RequestLifecycle.ToMermaidGraph()), page, StringComparison.Ordinal);
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
            File.ReadAllText(path).ReplaceLineEndings("\n") == expected,
            $"docs/{name} differs from the lifecycle declaration; regenerate: GOVERNANCE_UPDATE_DOCS=1 dotnet test Governance.Core.sln --filter LifecycleDiagram");
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

        throw new DirectoryNotFoundException("docs/ with request-lifecycle.dot not found above the test assembly.");
    }
}
