using BenchmarkDotNet.Attributes;
using Governance.Core.Catalogue;
using Governance.Core.Ledger;
using Governance.Core.Organization;
using Governance.Core.Requests;
using NodaTime;
using Stateless;

namespace Governance.Benchmarks.Ledger;

/// <summary>
/// Rebuilding a district's whole ledger from its event log — what a process does on start — and reporting on it.
/// 100,000 items spread over the sample district's units (4 events each on average: opened, progress, reply, outcome
/// for most; some still open, some dropped), interleaved by time. The baseline replays the same log the naive way:
/// a Stateless machine per item, looked up by id and fired for each event, with the same fields folded by hand.
/// Read Ratio and Alloc Ratio.
/// </summary>
[MemoryDiagnoser]
public class LedgerReplayBenchmarks
{
    private const int Items = 100_000;
    private static readonly Instant Start = Instant.FromUtc(2023, 1, 16, 2, 0);

    private LedgerEvent[] _log = [];
    private Chart _chart = SampleDistrict.Chart;
    private Core.Ledger.Ledger _ledger = null!;

    [GlobalSetup]
    public void Setup()
    {
        _chart = SampleDistrict.Chart;
        var units = _chart.Units;
        var staff = _chart.Staff[0].Id;
        var by = Agency.Unit(_chart.District.Id);
        var random = new Random(2023);
        var log = new List<(Instant At, int Order, LedgerEvent Event)>(Items * 4);
        for (var i = 0; i < Items; i++)
        {
            var id = new LedgerItemId($"item-{i}");
            var at = Start + Duration.FromMinutes(random.Next(0, 60 * 24 * 30));
            var deadline = at.InUtc().Date.PlusDays(random.Next(3, 40));
            var events = new List<LedgerEvent>
            {
                new LedgerItemOpened(id, at, by, (ConcernClass)(i % 4), new CategoryCode("市政/路灯"), new RequestLocation(units[random.Next(units.Length)].Id),
                    "路灯不亮", "村民反映路灯不亮", LedgerOrigin.Collected, string.Empty, "排查线路", staff, deadline),
            };
            var fate = random.Next(10);
            if (fate < 8)
            {
                events.Add(new ProgressNoted(id, at += Duration.FromDays(1), by, "已排查"));
                events.Add(new LedgerItemReplied(id, at += Duration.FromDays(2), by, "本月内更换"));
                if (fate < 6)
                {
                    events.Add(new LedgerItemCompleted(id, at += Duration.FromDays(3), by, "已更换"));
                }
            }
            else if (fate == 8)
            {
                events.Add(new LedgerItemDropped(id, at + Duration.FromDays(1), by, "已纳入改造计划"));
            }

            log.AddRange(events.Select((e, order) => (e.At, order, e)));
        }

        _log = [.. log.OrderBy(x => x.At).ThenBy(x => x.Order).Select(x => x.Event)];
        _ledger = Core.Ledger.Ledger.Replay(_chart, _log);
    }

    [Benchmark(Baseline = true, Description = "Stateless machine per item")]
    public int StatelessMachinePerItem()
    {
        var items = new Dictionary<LedgerItemId, NaiveItem>();
        foreach (var e in _log)
        {
            if (e is LedgerItemOpened opened)
            {
                items.Add(opened.ItemId, new NaiveItem(opened));
            }
            else
            {
                items[e.ItemId].Apply(e);
            }
        }

        return items.Count;
    }

    [Benchmark(Description = "Ledger.Replay (compiled table, chart checks)")]
    public int LedgerReplay() => Core.Ledger.Ledger.Replay(_chart, _log).Items.Count;

    [Benchmark(Description = "Ledger.Report (rolled up the chart)")]
    public int Report() => _ledger.Report(Start + Duration.FromDays(40)).Overdue.Count;

    /// <summary>The naive fold: its own Stateless machine and the same fields, no validation.</summary>
    private sealed class NaiveItem
    {
        private readonly StateMachine<LedgerItemStatus, LedgerTrigger> _machine;
        private readonly List<LedgerEvent> _history = [];
        private readonly List<string> _measures = [];

        public NaiveItem(LedgerItemOpened opened)
        {
            _machine = LedgerLifecycle.CreateMachine(LedgerItemStatus.Open);
            _history.Add(opened);
            _measures.Add(opened.Measure);
        }

        public string? Reply { get; private set; }

        public string? Outcome { get; private set; }

        public void Apply(LedgerEvent e)
        {
            _machine.Fire(e.Trigger!.Value);
            switch (e)
            {
                case LedgerItemReplied r:
                    Reply = r.Reply;
                    break;
                case LedgerItemCompleted c:
                    Outcome = c.Outcome;
                    break;
                case LedgerItemDropped d:
                    Reply ??= d.Reason;
                    Outcome = d.Reason;
                    break;
            }

            _history.Add(e);
        }
    }
}
