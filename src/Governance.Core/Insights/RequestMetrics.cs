using Governance.Core.Organization;
using Governance.Core.Requests;
using NodaTime;

namespace Governance.Core.Insights;

/// <summary>
/// The three rates of 接诉即办 and the rest, projected from request events only: feed it every event in the order they
/// were recorded (<see cref="Apply"/>, <see cref="ApplyRange"/>) and ask for a <see cref="MetricsReport"/> as of any
/// instant at or after the last event. Rolled up the administrative tree (building → grid → community → street level
/// → district) by summing counts, and by current handler. Not thread-safe: one writer, like a desk partition.
/// </summary>
/// <remarks>
/// <para>
/// <b>State.</b> Applying an event is O(1): one lookup of the request and an update of its compact state (about 90
/// bytes: the unit of its location, its current handler, when it was received, responded to, first answered and last
/// resolved, its deadlines, its satisfaction and its event counts). Nothing else is kept per event, so replaying the
/// same log always gives the same state, and a report computed from a replayed log equals the incremental one.
/// </para>
/// <para>
/// <b>Reports.</b> A report is O(requests + units + requests × tree depth): each request's counts are added to the unit
/// of its location and to its handler, then every unit's counts are added to its parent's, deepest first, so a parent
/// holds exactly the sum of its children plus the requests located at the parent itself. Rates are derived from the
/// summed counts, never averaged. Percentiles cannot be summed, so they are computed exactly: the durations of
/// resolved requests are bucketed by the depth-first position of their unit, which makes every subtree one
/// contiguous slice, and the median and 90th percentile are selected from that slice (quickselect, no sort).
/// </para>
/// <para>
/// <b>Time.</b> Only event instants and the <c>asOf</c> argument are read; never the wall clock. Instants are kept to
/// the tick (100 ns).
/// </para>
/// <para>
/// <b>Bad input.</b> An event for a request never received, a second receipt of one id, an event dated before its
/// request's receipt, or a receipt at a unit the chart does not know throws <see cref="ArgumentException"/> naming
/// the request, the event and the reason, and changes nothing.
/// </para>
/// </remarks>
public sealed class RequestMetrics
{
    private const long None = long.MinValue;

    private readonly Chart _chart;
    private readonly long _responseLimitTicks;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _unitIndex = new(StringComparer.Ordinal); // the chart's units only: small, cache-friendly
    private readonly Dictionary<string, int>[] _handlerIndex;                          // by agency kind, then id
    private readonly List<Agency> _handlers = [];
    private readonly Dictionary<string, DepartmentTally> _departments = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Request, string Department), long> _pendingSummons = [];
    private readonly Unit[] _preorder;          // the district, then every unit depth first
    private readonly int[] _position;           // by unit index: position in _preorder
    private readonly int[] _subtreeEnd;         // by unit index: exclusive end of its subtree in _preorder
    private Dictionary<string, int>? _otherHandlers;                                    // agencies of an undefined kind
    private RequestState[] _requests = new RequestState[1024];
    private int _count;
    private long _latest = None;

    /// <summary>Starts an empty projection over <paramref name="chart"/>.</summary>
    /// <param name="chart">The chart whose units the requests' locations name.</param>
    /// <param name="options">How rates are computed; <see cref="MetricsOptions.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range (see <see cref="MetricsOptions.Validate"/>).</exception>
    public RequestMetrics(Chart chart, MetricsOptions? options = null)
    {
        _chart = Preconditions.CheckNotNull(chart);
        Options = (options ?? MetricsOptions.Default).Validate();
        _responseLimitTicks = Options.ResponseLimit.BclCompatibleTicks;
        _handlerIndex = new Dictionary<string, int>[Enum.GetValues<AgencyKind>().Length];
        for (var k = 0; k < _handlerIndex.Length; k++)
        {
            _handlerIndex[k] = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        foreach (var unit in chart.Units)
        {
            _unitIndex.Add(unit.Id.Value, unit.Index);
        }

        var descendants = chart.DescendantsOf(chart.District);
        _preorder = new Unit[descendants.Length + 1];
        _preorder[0] = chart.District;
        descendants.CopyTo(_preorder.AsSpan(1));
        _position = new int[_preorder.Length];
        _subtreeEnd = new int[_preorder.Length];
        for (var p = 0; p < _preorder.Length; p++)
        {
            var unit = _preorder[p];
            _position[unit.Index] = p;
            _subtreeEnd[unit.Index] = p + 1 + chart.DescendantsOf(unit).Length;
        }
    }

    /// <summary>The chart the locations are resolved against.</summary>
    public Chart Chart => _chart;

    /// <summary>The options the rates are computed with (validated).</summary>
    public MetricsOptions Options { get; }

    /// <summary>How many requests have been received.</summary>
    public int RequestCount => _count;

    /// <summary>The latest instant of any applied event; <see langword="null"/> before the first.</summary>
    public Instant? LatestEventAt => _latest == None ? null : Instant.FromUnixTimeTicks(_latest);

    /// <summary>
    /// Makes room for <paramref name="requests"/> requests in all, so that receiving them does not grow the per-request
    /// tables step by step. Optional; changes no figure.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="requests"/> is negative.</exception>
    public void EnsureCapacity(int requests)
    {
        Preconditions.CheckInRange(requests, 0, int.MaxValue);
        _index.EnsureCapacity(requests);
        if (requests > _requests.Length)
        {
            Array.Resize(ref _requests, requests);
        }
    }

    /// <summary>
    /// Applies one event. Events of one request must come in the order they happened (as a desk's sink or an event
    /// store gives them); events of different requests may interleave in any order.
    /// </summary>
    /// <remarks>
    /// What each event does: a receipt opens the request at the unit of its location with its handler and deadlines;
    /// the first accept, explanation or resolution is its response; the first explanation or resolution is its
    /// answer (for the same-day rule); a resolution sets when it was resolved and a reopen clears it (and sets new
    /// deadlines, as does a resume); a forward or escalation moves it to a new handler; a call-back records the latest
    /// satisfaction; a rejection or merge takes it out of the rates; deadline, whistle and report events are counted.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// The event is for a request never received, is a second receipt of a request, is dated before its request's
    /// receipt, or is a receipt at a unit not in the chart. The projection is unchanged.
    /// </exception>
    public void Apply(RequestEvent requestEvent)
    {
        Preconditions.CheckNotNull(requestEvent);
        var at = requestEvent.At.ToUnixTimeTicks();
        if (requestEvent is RequestReceived received)
        {
            Receive(received, at);
        }
        else
        {
            var id = requestEvent.RequestId.Value;
            if (id is null || !_index.TryGetValue(id, out var i))
            {
                throw Bad(requestEvent, "the request was never received");
            }

            ref var s = ref _requests[i];
            if (at < s.ReceivedAt)
            {
                throw Bad(requestEvent, $"it is dated before the request was received at {Instant.FromUnixTimeTicks(s.ReceivedAt)}");
            }

            Update(ref s, i, requestEvent, at);
        }

        if (at > _latest)
        {
            _latest = at;
        }
    }

    /// <summary>Applies events in order, as <see cref="Apply"/> one by one.</summary>
    /// <exception cref="ArgumentException">
    /// An event is bad (see <see cref="Apply"/>): the events before it are applied, it and those after it are not; the
    /// message gives its position.
    /// </exception>
    public void ApplyRange(IEnumerable<RequestEvent> events)
    {
        Projection.ApplyEach(events, Apply);
    }

    /// <summary>Every figure as of the latest applied event.</summary>
    /// <exception cref="InvalidOperationException">No event has been applied.</exception>
    public MetricsReport Report()
    {
        Preconditions.CheckState(_latest != None, "No event has been applied: give the instant to report as of.");
        return Report(Instant.FromUnixTimeTicks(_latest));
    }

    /// <summary>
    /// Every figure as of <paramref name="asOf"/>, which decides which deadlines and response limits have elapsed.
    /// Costs O(requests × tree depth); see the remarks on <see cref="RequestMetrics"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="asOf"/> is before the latest applied event.</exception>
    public MetricsReport Report(Instant asOf)
    {
        var now = asOf.ToUnixTimeTicks();
        Preconditions.CheckArgument(_latest == None || now >= _latest, nameof(asOf),
            $"A report as of {asOf} would ignore events applied up to {LatestEventAt}: report as of that instant or later.");

        var unitCount = _preorder.Length;
        var handlerCount = _handlers.Count;
        var units = new Tally[unitCount];
        var handlers = new Tally[handlerCount];
        var durations = new long[_count];          // ticks from receipt to resolution; None when not counted
        var beforePosition = new int[unitCount + 1];
        var beforeHandler = new int[handlerCount + 1];
        for (var i = 0; i < _count; i++)
        {
            ref readonly var s = ref _requests[i];
            var d = Contribute(ref units[s.Unit], in s, now);
            Contribute(ref handlers[s.Handler], in s, now);
            durations[i] = d;
            if (d != None)
            {
                beforePosition[_position[s.Unit] + 1]++;
                beforeHandler[s.Handler + 1]++;
            }
        }

        var byPosition = Bucket(durations, beforePosition, i => _position[_requests[i].Unit]);
        var byHandler = Bucket(durations, beforeHandler, i => _requests[i].Handler);

        for (var p = unitCount - 1; p > 0; p--)
        {
            var u = _preorder[p].Index;
            units[_chart.ParentIndex(u)].Add(in units[u]);
        }

        var scratch = new long[byPosition.Length];
        var unitReports = new UnitMetrics[unitCount];
        for (var p = 0; p < unitCount; p++)
        {
            var unit = _preorder[p];
            var slice = byPosition.AsSpan(beforePosition[p], beforePosition[_subtreeEnd[unit.Index]] - beforePosition[p]);
            unitReports[p] = new UnitMetrics(unit.Id, unit.Name, unit.Level, unit.ParentId, Figures(in units[unit.Index], slice, scratch));
        }

        var order = new int[handlerCount];
        for (var h = 0; h < handlerCount; h++)
        {
            order[h] = h;
        }

        Array.Sort(order, (a, b) =>
        {
            var byKind = _handlers[a].Kind.CompareTo(_handlers[b].Kind);
            return byKind != 0 ? byKind : string.CompareOrdinal(_handlers[a].Id, _handlers[b].Id);
        });
        var handlerReports = new HandlerMetrics[handlerCount];
        for (var k = 0; k < handlerCount; k++)
        {
            var h = order[k];
            var slice = byHandler.AsSpan(beforeHandler[h], beforeHandler[h + 1] - beforeHandler[h]);
            handlerReports[k] = new HandlerMetrics(_handlers[h], Figures(in handlers[h], slice, scratch));
        }

        var departments = _departments
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => new DepartmentMetrics(new DistrictDepartmentId(d.Key), d.Value.Summoned, d.Value.Reported, d.Value.ReportedLate, d.Value.Missed))
            .ToArray();
        return new MetricsReport(asOf, Options, unitReports, handlerReports, departments);
    }

    /// <summary>The figures of <paramref name="unit"/>'s subtree as of <paramref name="asOf"/> (computes a whole <see cref="Report(Instant)"/>).</summary>
    /// <exception cref="KeyNotFoundException">The chart has no such unit.</exception>
    /// <exception cref="ArgumentException"><paramref name="asOf"/> is before the latest applied event.</exception>
    public UnitMetrics ReportFor(UnitId unit, Instant asOf)
    {
        _chart.GetUnit(unit);
        return Report(asOf).ForUnit(unit);
    }

    // ---- Applying ------------------------------------------------------------------------------------------------

    private void Receive(RequestReceived received, long at)
    {
        var id = received.RequestId.Value;
        if (string.IsNullOrEmpty(id))
        {
            throw Bad(received, "the request id is empty");
        }

        if (_index.ContainsKey(id))
        {
            throw Bad(received, "the request was already received");
        }

        if (received.Location.Unit.Value is not { } unitId || !_unitIndex.TryGetValue(unitId, out var unit))
        {
            throw Bad(received, $"its location's unit '{received.Location.Unit}' is not in the chart");
        }

        if (_count == _requests.Length)
        {
            Array.Resize(ref _requests, _count * 2);
        }

        _requests[_count] = new RequestState
        {
            Unit = unit,
            Handler = HandlerIndexOf(received.Handler),
            ReceivedAt = at,
            ReceiptSameDay = received.Deadlines.SameDay.ToUnixTimeTicks(),
            Resolution = received.Deadlines.Resolution.ToUnixTimeTicks(),
            RespondedAt = None,
            AnsweredAt = None,
            ResolvedAt = None,
        };
        _index.Add(id, _count);
        _count++;
    }

    private void Update(ref RequestState s, int request, RequestEvent requestEvent, long at)
    {
        switch (requestEvent)
        {
            case RequestAccepted:
                Respond(ref s, at);
                break;
            case RequestForwarded f:
                s.Handler = HandlerIndexOf(f.To);
                break;
            case RequestEscalated x:
                s.Handler = HandlerIndexOf(x.To);
                s.Escalations++;
                break;
            case RequestExplained:
                Respond(ref s, at);
                Answer(ref s, at);
                break;
            case RequestResumed r:
                s.Resolution = r.Deadlines.Resolution.ToUnixTimeTicks();
                s.ResolutionRecorded = false;
                break;
            case RequestResolved:
                Respond(ref s, at);
                Answer(ref s, at);
                s.ResolvedAt = at;
                break;
            case RequestCalledBack c:
                s.Satisfaction = (byte)(c.Satisfaction + 1);
                break;
            case RequestReopened r:
                s.ResolvedAt = None;
                s.Resolution = r.Deadlines.Resolution.ToUnixTimeTicks();
                s.ResolutionRecorded = false;
                s.Reopens++;
                break;
            case RequestRejected:
                s.Outcome = Outcome.Rejected;
                break;
            case RequestMerged:
                s.Outcome = Outcome.Merged;
                break;
            case RequestDeadlinePassed d:
                switch (d.Deadline)
                {
                    case DeadlineKind.Warning:
                        s.WarningMissed++;
                        break;
                    case DeadlineKind.SameDay:
                        s.SameDayMissed++;
                        if (s.Reopens == 0)
                        {
                            s.ReceiptSameDayRecorded = true;
                        }

                        break;
                    default:
                        s.ResolutionMissed++;
                        s.ResolutionRecorded = true;
                        break;
                }

                break;
            case DepartmentSummoned w:
                s.Whistles++;
                Department(w.Department).Summoned++;
                _pendingSummons[(request, w.Department.Value)] = w.ReportBy.ToUnixTimeTicks();
                break;
            case DepartmentReported r:
                var reported = Department(r.Department);
                reported.Reported++;
                if (_pendingSummons.Remove((request, r.Department.Value), out var reportBy) && at > reportBy)
                {
                    reported.ReportedLate++;
                }

                break;
            case DepartmentReportMissed m:
                s.ReportsMissed++;
                Department(m.Department).Missed++;
                break;
        }
    }

    private static void Respond(ref RequestState s, long at)
    {
        if (s.RespondedAt == None)
        {
            s.RespondedAt = at;
        }
    }

    private static void Answer(ref RequestState s, long at)
    {
        if (s.AnsweredAt == None)
        {
            s.AnsweredAt = at;
        }
    }

    private int HandlerIndexOf(Agency agency)
    {
        // Keyed by kind, then by the id text with the ordinal comparer: hashing the Agency struct would use the
        // randomised string hash, measurably slower on a million receipts.
        var byId = (uint)agency.Kind < (uint)_handlerIndex.Length ? _handlerIndex[(int)agency.Kind] : Other();
        var id = agency.Id ?? string.Empty;
        if (!byId.TryGetValue(id, out var index))
        {
            index = _handlers.Count;
            _handlers.Add(agency);
            byId.Add(id, index);
        }

        return index;

        Dictionary<string, int> Other() => _otherHandlers ??= new Dictionary<string, int>(StringComparer.Ordinal);
    }

    private DepartmentTally Department(DistrictDepartmentId id)
    {
        var key = id.Value ?? string.Empty;
        if (!_departments.TryGetValue(key, out var tally))
        {
            tally = new DepartmentTally();
            _departments.Add(key, tally);
        }

        return tally;
    }

    private static ArgumentException Bad(RequestEvent e, string reason) =>
        new($"Cannot apply {e.GetType().Name} of request '{e.RequestId}' at {e.At}: {reason}. The metrics are unchanged.", "requestEvent");

    // ---- Reporting ---------------------------------------------------------------------------------------------

    /// <summary>Adds one request's counts as of <paramref name="now"/>; returns its time to resolve when it counts, else <see cref="None"/>.</summary>
    private long Contribute(ref Tally t, in RequestState s, long now)
    {
        t.Received++;
        t.Escalations += s.Escalations;
        t.Whistles += s.Whistles;
        t.ReportsMissed += s.ReportsMissed;
        t.Reopens += s.Reopens;
        t.WarningMissed += s.WarningMissed;
        t.SameDayMissed += s.SameDayMissed;
        t.ResolutionMissed += s.ResolutionMissed;
        switch (s.Outcome)
        {
            case Outcome.Rejected:
                t.Rejected++;
                return None;
            case Outcome.Merged:
                t.Merged++;
                return None;
        }

        var responseLimit = s.ReceivedAt + _responseLimitTicks;
        if (s.RespondedAt != None || now >= responseLimit)
        {
            t.ResponseDue++;
            if (s.RespondedAt != None && s.RespondedAt <= responseLimit)
            {
                t.RespondedInTime++;
            }
        }

        var resolved = s.ResolvedAt != None;
        if (resolved)
        {
            t.Resolved++;
            t.ResolutionDue++;
        }
        else
        {
            t.Unresolved++;
            if (now >= s.Resolution || s.ResolutionRecorded)
            {
                t.ResolutionDue++;
            }
        }

        switch (s.Satisfaction)
        {
            case 1:
                t.Satisfied++;
                break;
            case 2:
                t.PartlySatisfied++;
                break;
            case 3:
                t.Dissatisfied++;
                break;
        }

        if (now >= s.ReceiptSameDay || s.ReceiptSameDayRecorded)
        {
            t.SameDayDue++;
            if (s.AnsweredAt != None && s.AnsweredAt < s.ReceiptSameDay)
            {
                t.AnsweredSameDay++;
            }
        }

        return resolved ? s.ResolvedAt - s.ReceivedAt : None;
    }

    /// <summary>Counting sort of the counted durations by key; <paramref name="before"/> turns from counts into offsets.</summary>
    private long[] Bucket(long[] durations, int[] before, Func<int, int> keyOf)
    {
        for (var k = 1; k < before.Length; k++)
        {
            before[k] += before[k - 1];
        }

        var next = (int[])before.Clone();
        var sorted = new long[before[^1]];
        for (var i = 0; i < _count; i++)
        {
            if (durations[i] != None)
            {
                sorted[next[keyOf(i)]++] = durations[i];
            }
        }

        return sorted;
    }

    private MetricsFigures Figures(in Tally tally, ReadOnlySpan<long> durations, long[] scratch)
    {
        var counts = tally.ToCounts();
        var response = Rate(counts.RespondedInTime, counts.ResponseDue);
        var resolution = Rate(counts.Resolved, counts.ResolutionDue);
        double? satisfaction = counts.CalledBack == 0
            ? null
            : Math.Min(1, (counts.Satisfied + (Options.PartlySatisfiedWeight * counts.PartlySatisfied)) / counts.CalledBack);
        double? composite = response is { } a && resolution is { } b && satisfaction is { } c
            ? Math.Clamp((Options.ResponseWeight * a) + (Options.ResolutionWeight * b) + (Options.SatisfactionWeight * c), 0, 1)
            : null;
        Duration? median = null, p90 = null;
        if (durations.Length > 0)
        {
            var n = durations.Length;
            var work = scratch.AsSpan(0, n);
            durations.CopyTo(work);
            var medianRank = (n + 1) / 2;        // ⌈n/2⌉
            var p90Rank = ((9 * (long)n) + 9) / 10; // ⌈0.9·n⌉, exact in integers
            var m = Percentiles.Select(work, medianRank - 1);
            var q = Percentiles.Select(work[(medianRank - 1)..], (int)(p90Rank - medianRank));
            median = Duration.FromTicks(m);
            p90 = Duration.FromTicks(q);
        }

        return new MetricsFigures(counts, response, resolution, satisfaction, composite,
            Rate(counts.AnsweredSameDay, counts.SameDayDue), median, p90);
    }

    private static double? Rate(long numerator, long denominator) => denominator == 0 ? null : (double)numerator / denominator;

    private enum Outcome : byte
    {
        Assessed,
        Rejected,
        Merged,
    }

    /// <summary>One request's compact state; instants are Unix ticks, <see cref="None"/> when absent.</summary>
    private struct RequestState
    {
        public int Unit;
        public int Handler;
        public long ReceivedAt;
        public long ReceiptSameDay;
        public long Resolution;
        public long RespondedAt;
        public long AnsweredAt;
        public long ResolvedAt;
        public int Escalations;
        public int Whistles;
        public int ReportsMissed;
        public int Reopens;
        public int WarningMissed;
        public int SameDayMissed;
        public int ResolutionMissed;
        public byte Satisfaction; // 0 none, else Satisfaction + 1
        public Outcome Outcome;
        public bool ReceiptSameDayRecorded;
        public bool ResolutionRecorded;
    }

    private sealed class DepartmentTally
    {
        public long Summoned;
        public long Reported;
        public long ReportedLate;
        public long Missed;
    }
}
