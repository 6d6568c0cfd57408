using Governance.Core.Ledger;

namespace Governance.Core.Tests.Ledger;

/// <summary>The ledger diagrams committed in docs/ are exports of the declaration; they must not drift from it.</summary>
public sealed class LedgerLifecycleDiagramTests
{
    [Fact]
    public void The_committed_Mermaid_diagram_is_the_ledger_declaration() =>
        AssertDocument("ledger-lifecycle.mmd", LedgerLifecycle.ToMermaidGraph());

    [Fact]
    public void The_committed_DOT_diagram_is_the_ledger_declaration() =>
        AssertDocument("ledger-lifecycle.dot", LedgerLifecycle.ToDotGraph());

    [Fact]
    public void The_markdown_page_embeds_the_current_Mermaid_diagram()
    {
        var page = File.ReadAllText(Path.Combine(DocsDirectory(), "ledger-lifecycle.md")).ReplaceLineEndings("\n");
        Assert.Contains(Normalize(LedgerLifecycle.ToMermaidGraph()), page, StringComparison.Ordinal);
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
            $"docs/{name} differs from the ledger lifecycle declaration; regenerate: GOVERNANCE_UPDATE_DOCS=1 dotnet test Governance.Core.sln --filter LedgerLifecycleDiagram");
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
