namespace Governance.Core.Tests.Readme;

/// <summary>Checks that a README section shows exactly the code a test runs between its <c>// README begin</c> and <c>// README end</c> markers.</summary>
internal static class ReadmeSnippet
{
    /// <summary>The repository's root: the folder that holds the solution.</summary>
    public static DirectoryInfo Root()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Governance.Core.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        return root;
    }

    /// <summary>
    /// Fails unless the README contains, verbatim, the lines between the markers of <paramref name="testFile"/> (a path
    /// relative to the root), taken out of their method's eight-space indent.
    /// </summary>
    public static void AssertReadmeShows(params string[] testFile)
    {
        var root = Root();
        var source = File.ReadAllLines(Path.Combine([root.FullName, .. testFile]));
        var begin = Array.FindIndex(source, l => l.Trim() == "// README begin");
        var end = Array.FindIndex(source, l => l.Trim() == "// README end");
        Assert.True(begin >= 0 && end > begin + 10, "the markers enclose the snippet");
        var snippet = string.Join("\n", source[(begin + 1)..end].Select(l => l.Length >= 8 ? l[8..] : l.Trim()));
        var readme = File.ReadAllText(Path.Combine(root.FullName, "README.md")).ReplaceLineEndings("\n");
        Assert.Contains(snippet, readme, StringComparison.Ordinal);
    }
}
