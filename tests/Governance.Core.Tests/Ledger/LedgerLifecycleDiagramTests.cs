using Governance.Core.Ledger;
using Governance.Core.Tests.Docs;

namespace Governance.Core.Tests.Ledger;

/// <summary>The ledger diagrams committed in docs/ are exports of the declaration; they must not drift from it.</summary>
public sealed class LedgerLifecycleDiagramTests
{
    [Fact]
    public void The_committed_Mermaid_diagram_is_the_ledger_declaration() =>
        CommittedDiagram.AssertIs("ledger-lifecycle.mmd", LedgerLifecycle.ToMermaidGraph(), "LedgerLifecycleDiagram");

    [Fact]
    public void The_committed_DOT_diagram_is_the_ledger_declaration() =>
        CommittedDiagram.AssertIs("ledger-lifecycle.dot", LedgerLifecycle.ToDotGraph(), "LedgerLifecycleDiagram");

    [Fact]
    public void The_markdown_page_embeds_the_current_Mermaid_diagram() =>
        CommittedDiagram.AssertPageEmbeds("ledger-lifecycle.md", LedgerLifecycle.ToMermaidGraph());
}
