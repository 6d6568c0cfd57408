using Governance.Core.Ledger;

namespace Governance.Core.Tests.Ledger;

/// <summary>Everything observable about a ledger item, as lines, so two states compare field by field.</summary>
internal static class LedgerSnapshot
{
    public static IReadOnlyList<string> Of(LedgerItem item) =>
    [
        $"Id={item.Id}", $"Class={item.Class}", $"Category={item.Category}", $"Location={item.Location}", $"Title={item.Title}",
        $"Description={item.Description}", $"Origin={item.Origin}", $"Basis={item.Basis}", $"StartedAt={item.StartedAt}",
        $"OnLedgerAt={item.OnLedgerAt}", $"Status={item.Status}", $"Measures=[{string.Join("|", item.Measures)}]",
        $"Responsible={item.Responsible}", $"Deadline={item.Deadline}", $"DeadlineMoves={item.DeadlineMoves}",
        $"ProgressNotes=[{string.Join("|", item.ProgressNotes)}]", $"LinkedRequests=[{string.Join("|", item.LinkedRequests)}]",
        $"Reply={item.Reply}", $"RepliedAt={item.RepliedAt}", $"Outcome={item.Outcome}", $"ClosedAt={item.ClosedAt}",
        $"LastEventAt={item.LastEventAt}", $"Zone={item.Zone.Id}", $"History=[{string.Join("|", item.History)}]",
    ];

    public static IEnumerable<string> Differences(IReadOnlyList<string> before, IReadOnlyList<string> after) =>
        before.Zip(after).Where(p => p.First != p.Second).Select(p => $"{p.First} → {p.Second}");
}
