using Governance.Core.Requests;
using Governance.Core.Tests.Docs;

namespace Governance.Core.Tests.Requests;

/// <summary>The diagrams committed in docs/ are exports of the declaration; they must not drift from it.</summary>
public sealed class LifecycleDiagramTests
{
    [Fact]
    public void The_committed_Mermaid_diagram_is_the_declaration() =>
        CommittedDiagram.AssertIs("request-lifecycle.mmd", RequestLifecycle.ToMermaidGraph(), "LifecycleDiagram");

    [Fact]
    public void The_committed_DOT_diagram_is_the_declaration() =>
        CommittedDiagram.AssertIs("request-lifecycle.dot", RequestLifecycle.ToDotGraph(), "LifecycleDiagram");

    [Fact]
    public void The_markdown_page_embeds_the_current_Mermaid_diagram() =>
        CommittedDiagram.AssertPageEmbeds("request-lifecycle.md", RequestLifecycle.ToMermaidGraph());
}
