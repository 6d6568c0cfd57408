namespace Governance.Core.Tests.Docs;

/// <summary>
/// The lifecycle diagrams committed in docs/ are exports of their Stateless declarations: these checks fail when a
/// committed file drifts from what the code generates. <c>GOVERNANCE_UPDATE_DOCS=1</c> rewrites the files instead.
/// </summary>
internal static class CommittedDiagram
{
    /// <summary>Fails unless docs/<paramref name="name"/> is exactly <paramref name="generated"/> (line endings aside).</summary>
    /// <param name="name">The file under docs/.</param>
    /// <param name="generated">What the declaration exports now.</param>
    /// <param name="testFilter">The <c>dotnet test --filter</c> that regenerates it, for the failure message.</param>
    public static void AssertIs(string name, string generated, string testFilter)
    {
        var path = Path.Combine(DocsDirectory(), name);
        var expected = Normalize(generated);
        if (Environment.GetEnvironmentVariable("GOVERNANCE_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(
            File.Exists(path) && File.ReadAllText(path).ReplaceLineEndings("\n") == expected,
            $"docs/{name} differs from its lifecycle declaration; regenerate: GOVERNANCE_UPDATE_DOCS=1 dotnet test Governance.Core.sln --filter {testFilter}");
    }

    /// <summary>Fails unless the markdown page docs/<paramref name="page"/> embeds <paramref name="mermaid"/>.</summary>
    public static void AssertPageEmbeds(string page, string mermaid)
    {
        var text = File.ReadAllText(Path.Combine(DocsDirectory(), page)).ReplaceLineEndings("\n");
        Assert.Contains(Normalize(mermaid), text, StringComparison.Ordinal);
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
