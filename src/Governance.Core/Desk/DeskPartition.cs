using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Routing;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Desk;

/// <summary>When a timer is due and whose it is: timers fire in (due, request sequence) order, whatever the partition.</summary>
internal readonly record struct TimerKey(Instant At, long Sequence) : IComparable<TimerKey>
{
    public int CompareTo(TimerKey other)
    {
        var c = At.CompareTo(other.At);
        return c != 0 ? c : Sequence.CompareTo(other.Sequence);
    }
}

/// <summary>A run of events fired by one timer, located in a partition's event list.</summary>
internal readonly record struct TimerGroup(TimerKey Key, int Start, int Count);

/// <summary>
/// The open requests of one street-level unit and their timers. Every method runs under <see cref="Gate"/>, held by
/// the desk (for a batch, by the thread that started it while workers use the partitions it holds).
/// </summary>
/// <remarks>
/// Timers: each open request has at most one live entry in a priority queue, at its earliest pending due instant
/// (<see cref="Request.DeskTimerAt"/>). An entry whose instant no longer matches is stale and skipped when popped
/// (lazy deletion); the queue is rebuilt without stale entries when they outnumber the live ones.
/// </remarks>
internal sealed class DeskPartition(int index, Router router)
{
    private const string SameDayEscalation = "当日未解决也未说明原因，自动升级 (same-day deadline passed without an answer: escalated automatically)";
    private const string ResolutionEscalation = "办理时限已过仍未解决或说明，自动升级 (resolution deadline passed without an answer: escalated automatically)";

    private readonly PriorityQueue<Request, TimerKey> _timers = new();

    public Lock Gate { get; } = new();

    /// <summary>A list for one command's events when nothing keeps them (the desk has no sink); used under <see cref="Gate"/>.</summary>
    public List<RequestEvent> Scratch { get; } = new(4);

    public int Index { get; } = index;

    /// <summary>Open requests held here.</summary>
    public int Open { get; set; }

    /// <summary>Entries in the timer queue, live or stale.</summary>
    public int TimerEntries => _timers.Count;

    /// <summary>Puts <paramref name="request"/>'s earliest pending timer in the queue unless an entry at or before it is there.</summary>
    public void Schedule(Request request)
    {
        var due = NextDue(request, out _, out _);
        if (due < request.DeskTimerAt)
        {
            request.DeskTimerAt = due;
            _timers.Enqueue(request, new TimerKey(due, request.DeskSequence));
            if (_timers.Count > 1024 && _timers.Count > 2 * Open)
            {
                Compact();
            }
        }
    }

    /// <summary>
    /// Gives back the queue's spare capacity after a batch: it grows by doubling, so a day's batch would otherwise
    /// leave up to half of it empty (about 30 bytes per open request). Does nothing when less than a tenth is spare.
    /// </summary>
    public void TrimTimers()
    {
        if (_timers.Count > 1024)
        {
            _timers.TrimExcess();
        }
    }

    /// <summary>Forgets <paramref name="request"/>'s timers: it left the desk.</summary>
    public void Retire(Request request)
    {
        request.DeskTimerAt = Instant.MaxValue;
        Open--;
    }

    /// <summary>Fires, in order, every timer of <paramref name="request"/> due at or before <paramref name="until"/>.</summary>
    public void FireDue(Request request, Instant until, List<RequestEvent> events)
    {
        while (true)
        {
            var due = NextDue(request, out var kind, out var department);
            if (due > until)
            {
                return;
            }

            // A deadline moved by a resume can already lie behind the request's last event: it passes now.
            var at = due < request.LastEventAt ? request.LastEventAt : due;
            switch (kind)
            {
                case TimerKind.Warning:
                    events.Add(request.Execute(new RecordDeadlinePassed(at, DeadlineKind.Warning)));
                    break;
                case TimerKind.SameDay:
                    events.Add(request.Execute(new RecordDeadlinePassed(at, DeadlineKind.SameDay)));
                    Escalate(request, at, SameDayEscalation, events);
                    break;
                case TimerKind.Resolution:
                    events.Add(request.Execute(new RecordDeadlinePassed(at, DeadlineKind.Resolution)));
                    if (request.AnsweredAt is null)
                    {
                        Escalate(request, at, ResolutionEscalation, events);
                    }

                    break;
                default:
                    events.Add(request.Execute(new RecordReportMissed(at, department)));
                    break;
            }
        }
    }

    /// <summary>Fires every timer due at or before <paramref name="to"/>, in (due, sequence) order; one group per timer that produced events.</summary>
    public void Advance(Instant to, List<TimerGroup> groups, List<RequestEvent> events)
    {
        while (_timers.TryPeek(out var request, out var key) && key.At <= to)
        {
            _timers.Dequeue();
            if (key.At != request.DeskTimerAt)
            {
                continue; // stale: superseded by an earlier entry, or the request left the desk
            }

            request.DeskTimerAt = Instant.MaxValue;
            var start = events.Count;
            FireDue(request, key.At, events);
            if (events.Count > start)
            {
                groups.Add(new TimerGroup(key, start, events.Count - start));
            }

            Schedule(request);
        }
    }

    /// <summary>
    /// The earliest pending timer of an open request: the warning, the same-day deadline while unanswered and the
    /// resolution deadline (none while the clock is paused), and each summoned department's report limit; ties go in
    /// that order. <see cref="Instant.MaxValue"/> when none is pending.
    /// </summary>
    private static Instant NextDue(Request request, out TimerKind kind, out DistrictDepartmentId department)
    {
        kind = TimerKind.Warning;
        department = default;
        var due = Instant.MaxValue;
        var status = request.Status;
        if (request.IsTerminal || status == RequestStatus.Resolved)
        {
            return due;
        }

        if (status != RequestStatus.AwaitingResident)
        {
            var deadlines = request.Deadlines;
            if (!request.HasPassed(DeadlineKind.Warning))
            {
                due = deadlines.Warning;
            }

            if (request.AnsweredAt is null && !request.HasPassed(DeadlineKind.SameDay) && deadlines.SameDay < due)
            {
                (due, kind) = (deadlines.SameDay, TimerKind.SameDay);
            }

            if (!request.HasPassed(DeadlineKind.Resolution) && deadlines.Resolution < due)
            {
                (due, kind) = (deadlines.Resolution, TimerKind.Resolution);
            }
        }

        var summons = request.Summons;
        for (var i = 0; i < summons.Count; i++)
        {
            var s = summons[i];
            if (s.ReportedAt is null && !s.Missed && s.ReportBy < due)
            {
                (due, kind, department) = (s.ReportBy, TimerKind.Report, s.Department);
            }
        }

        return due;
    }

    /// <summary>Escalates to the next agency up the chain that has not already passed the request on; nothing when none is left.</summary>
    private void Escalate(Request request, Instant at, string reason, List<RequestEvent> events)
    {
        var handler = request.Handler;
        var target = router.EscalationTarget(handler, request.Location, request.Category);
        for (var step = 0; target is { } t && (t == handler || request.DeclinedBy.Contains(t)) && step < 8; step++)
        {
            target = router.EscalationTarget(t, request.Location, request.Category);
        }

        if (target is { } to && to != handler && !request.DeclinedBy.Contains(to))
        {
            events.Add(request.Execute(new EscalateRequest(handler, at, to, reason)));
        }
    }

    private void Compact()
    {
        var live = new List<(Request, TimerKey)>(Open);
        foreach (var (request, key) in _timers.UnorderedItems)
        {
            if (key.At == request.DeskTimerAt)
            {
                live.Add((request, key));
            }
        }

        _timers.Clear();
        _timers.EnqueueRange(live);
    }

    private enum TimerKind
    {
        Warning,
        SameDay,
        Resolution,
        Report,
    }
}
