using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Core.Ledger;
using Governance.Core.Organization;
using NodaTime;

namespace Governance.Core.Tests.Ledger;

/// <summary>A report as of an instant is the report of the ledger rebuilt from the events up to that instant.</summary>
public sealed class LedgerReportProperties
{
    [Property(MaxTest = 100)]
    public Property A_report_as_of_an_instant_equals_the_report_of_the_log_cut_at_that_instant() =>
        Prop.ForAll(Gen.Choose(1, 6).SelectMany(n => LedgerScenarios.Arbitrary.Generator.ArrayOf(n)).ToArbitrary(), scenarios =>
        {
            // Several random lives, each under its own id, interleaved by time (a stable sort keeps each item's order).
            var log = scenarios
                .SelectMany((s, k) => LedgerProperties.Live(s).History.Select(e => e with { ItemId = new LedgerItemId($"item-{k}") }))
                .OrderBy(e => e.At)
                .ToArray();
            var ledger = Core.Ledger.Ledger.Replay(LedgerCast.SampleChart, log);
            var failures = new List<string>();
            foreach (var asOf in log.Select(e => e.At).Distinct().SelectMany(at => new[] { at - Duration.Epsilon, at, at + Duration.FromDays(20) }))
            {
                var expected = Core.Ledger.Ledger.Replay(LedgerCast.SampleChart, log.Where(e => e.At <= asOf)).Report(asOf);
                var actual = ledger.Report(asOf);
                if (Describe(expected) != Describe(actual))
                {
                    failures.Add($"as of {asOf}: expected {Describe(expected)}, got {Describe(actual)}");
                }
            }

            return (failures.Count == 0).Label(string.Join(Environment.NewLine, failures.Take(5)))
                .Classify(ledger.Report(log[^1].At + Duration.FromDays(60)).Overdue.Count > 0, "something overdue in the end");
        });

    private static string Describe(LedgerReport report) =>
        $"total={report.Total} unanswered=[{string.Join(",", report.Unanswered)}] overdue=[{string.Join(",", report.Overdue)}] " +
        $"units=[{string.Join(",", report.ByUnit.OrderBy(x => x.Key.Value, StringComparer.Ordinal).Select(x => $"{x.Key}:{x.Value}"))}] " +
        $"classes=[{string.Join(",", report.ByClass.Select(x => $"{x.Key}:{x.Value}"))}] statuses=[{string.Join(",", report.ByStatus.Select(x => $"{x.Key}:{x.Value}"))}]";
}
