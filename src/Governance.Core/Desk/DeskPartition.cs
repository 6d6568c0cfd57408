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
/// The open requests of one street-level unit, held in slots (<see cref="RequestState"/> structs in chunked arrays), and
/// their timers. Every method runs under <see cref="Gate"/>, held by the desk (for a batch, by the thread that started
/// it while workers use the partitions it holds).
/// </summary>
/// <remarks>
/// <para>Slots: a million open requests are a few hundred arrays to the garbage collector instead of a million objects
/// to trace and promote. The first 4,096 slots come in chunks of 256 (about 49 KB, below the large-object threshold,
/// so that a small desk does not set off full collections: large chunks cost a 10k batch a quarter more); the rest in
/// chunks of 1,024 (about 196 KB, on the large-object heap, which the GC does not copy as it promotes: at a million open
/// requests that saves about 80 ms of pauses a day). Chunks never move, so growing copies nothing; a closed request's
/// slot is cleared (its references dropped) and reused.</para>
/// <para>Timers: each open request has at most one live entry in a priority queue, at its earliest pending due instant
/// (<see cref="RequestState.DeskTimer"/>), keyed with its receipt sequence. An entry whose slot no longer holds that
/// sequence at that instant is stale and skipped when popped (lazy deletion); the queue is rebuilt without stale entries
/// when they outnumber the live ones, or before a batch makes room in a queue at least a quarter stale (so that the queue
/// does not grow to keep them), and emptied outright, keeping its room, when the partition's last open request leaves
/// (O(1): a desk that closes a day's batch would otherwise scan a million stale entries at the next day's first batch).</para>
/// </remarks>
internal sealed class DeskPartition(int index, Router router)
{
    private const string SameDayEscalation = "当日未解决也未说明原因，自动升级 (same-day deadline passed without an answer: escalated automatically)";
    private const string ResolutionEscalation = "办理时限已过仍未解决或说明，自动升级 (resolution deadline passed without an answer: escalated automatically)";
    private static readonly int SlotLines = (System.Runtime.CompilerServices.Unsafe.SizeOf<RequestState>() + 63) / 64; // cache lines a slot spans
    private const long NoTimer = RequestState.NoDeskTimer;
    private const int SmallShift = 8; // 256 slots, about 49 KB: below the large-object threshold
    private const int LargeShift = 10; // 1,024 slots, about 196 KB: on the large-object heap, never copied by the GC
    private const int SmallSlots = 16 << SmallShift; // the first 4,096 slots are in small chunks

    private PriorityQueue<int, TimerKey> _timers = new();
    private readonly (ServiceLevelPolicy? Policy, Instant At, RequestDeadlines Deadlines)[] _deadlines = new (ServiceLevelPolicy?, Instant, RequestDeadlines)[8];
    private readonly RequestState[][] _small = new RequestState[SmallSlots >> SmallShift][];
    private RequestState[][] _large = [];
    private int _highWater; // slots ever handed out; every slot below it is open or on the free list
    private int _chunksAllocated; // small chunks first, then large ones
    private int[] _free = []; // a ring (power-of-two length): slots come back in the order they were freed
    private int _freeHead;
    private int _freeCount;

    public Lock Gate { get; } = new();

    /// <summary>A list for one command's events when nothing keeps them (the desk has no sink); used under <see cref="Gate"/>.</summary>
    public List<RequestEvent> Scratch { get; } = new(4);

    public int Index { get; } = index;

    /// <summary>Open requests held here.</summary>
    public int Open { get; private set; }

    /// <summary>Requests received here (kept per partition, under its lock, so that two cores never share a counter).</summary>
    public long Received;

    /// <summary>Requests that left the desk from here: closed, rejected or merged.</summary>
    public long Closed;

    /// <summary>Entries in the timer queue, live or stale.</summary>
    public int TimerEntries => _timers.Count;

    /// <summary>Times <see cref="Reserve"/> or <see cref="TrimTimers"/> reallocated the timer queue (for tests and diagnostics).</summary>
    public int TimerRoomChanges { get; private set; }

    /// <summary>The slot's request, by reference: never copy it.</summary>
    public ref RequestState this[int slot]
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        get
        {
            if (slot < SmallSlots)
            {
                return ref _small[slot >> SmallShift][slot & ((1 << SmallShift) - 1)];
            }

            var large = slot - SmallSlots;
            return ref _large[large >> LargeShift][large & ((1 << LargeShift) - 1)];
        }
    }

    /// <summary>Asks the processor to fetch the whole of <paramref name="slot"/>'s request (a hint: see <see cref="CacheHint"/>).</summary>
    public void Prefetch(int slot) => CacheHint.Fetch(ref this[slot], SlotLines);

    /// <summary>True when <paramref name="slot"/> holds the open request <paramref name="id"/>.</summary>
    public bool Holds(int slot, RequestId id) => slot < _highWater && this[slot].Id == id;

    /// <summary>The slots that hold an open request, in slot order (for queries and restores, not the hot path).</summary>
    public IEnumerable<int> OccupiedSlots()
    {
        for (var slot = 0; slot < _highWater; slot++)
        {
            if (this[slot].Id.Value is not null)
            {
                yield return slot;
            }
        }
    }

    /// <summary>A free slot, cleared; <see cref="Open"/> counts it. Give it back with <see cref="Release"/>.</summary>
    public int Take()
    {
        var slot = TakeNumber();
        AllocateChunks();
        return slot;
    }

    /// <summary>
    /// A free slot's number, as <see cref="Take"/>, but the chunk that holds it may not be allocated yet: a batch numbers
    /// its slots in batch order on one thread, and <see cref="Reserve"/> allocates the chunks (zeroing about 196 KB
    /// each) on the core that fills them. Nothing may read the slot until then.
    /// </summary>
    public int TakeNumber()
    {
        Open++;
        if (_freeCount == 0)
        {
            return _highWater++;
        }

        // Oldest first: a day's batch frees its slots in batch order, and the next day's batch, taking them in the same
        // order, then walks its slots forward as it walks its items.
        var slot = _free[_freeHead];
        _freeHead = (_freeHead + 1) & (_free.Length - 1);
        _freeCount--;
        return slot;
    }

    /// <summary>
    /// Allocates the chunks that hold the slots numbered so far (<see cref="TakeNumber"/>), and makes room for
    /// <paramref name="count"/> more requests' timers at once, rather than by repeated doubling. A queue at least a
    /// quarter of whose entries are stale is compacted first, so that it does not grow to keep them.
    /// </summary>
    public void Reserve(int count)
    {
        AllocateChunks();

        // An open request has at most one live entry, so at least Count - Open entries are stale (left by requests that
        // have left, or by timers moved earlier). Schedule compacts only past twice the open count; a street that never
        // empties would otherwise carry a day's stale entries into the next day's room.
        if (_timers.Count - Open >= Math.Max(1, _timers.Count / 4))
        {
            Compact();
        }

        // A little over the estimate, so that a share a little above it does not make the queue grow again; and grown to
        // that, not doubled as the queue grows itself: a later chunk's estimate a little above the first's would double a
        // street's room for a day's batch, and the trim after the batch would copy it back, every day.
        var needed = _timers.Count + count + (count / 16);
        var room = _timers.EnsureCapacity(0); // the room it has
        if (needed > room)
        {
            var grown = new PriorityQueue<int, TimerKey>(Math.Max(needed, room + (room / 8)));
            grown.EnqueueRange(_timers.UnorderedItems); // a heap's array is a heap: heapifying it again only checks it
            _timers = grown;
            TimerRoomChanges++;
        }
    }

    /// <summary>Clears <paramref name="slot"/> and frees it for the next request: its request left the desk (or never came).</summary>
    public void Release(int slot)
    {
        this[slot] = default;
        if (_freeCount == _free.Length)
        {
            var grown = new int[Math.Max(64, _free.Length * 2)];
            for (var k = 0; k < _freeCount; k++)
            {
                grown[k] = _free[(_freeHead + k) & (_free.Length - 1)];
            }

            (_free, _freeHead) = (grown, 0);
        }

        _free[(_freeHead + _freeCount) & (_free.Length - 1)] = slot;
        _freeCount++;
        if (--Open == 0)
        {
            _timers.Clear(); // every entry left is stale; the queue keeps its room (its entries hold no references: O(1))
        }
    }

    /// <summary>
    /// The deadlines <paramref name="policy"/> sets for <paramref name="categoryClass"/> at <paramref name="at"/>,
    /// remembered per class: a batch is received at one instant, so its requests share a handful of deadline sets, and
    /// the working-calendar arithmetic is done once per class rather than once per request.
    /// </summary>
    public RequestDeadlines DeadlinesFor(ServiceLevelPolicy policy, CategoryClass categoryClass, Instant at)
    {
        var c = (int)categoryClass;
        if ((uint)c >= (uint)_deadlines.Length)
        {
            return policy.DeadlinesFor(categoryClass, at);
        }

        ref var memo = ref _deadlines[c];
        if (!ReferenceEquals(memo.Policy, policy) || memo.At != at)
        {
            memo = (policy, at, policy.DeadlinesFor(categoryClass, at));
        }

        return memo.Deadlines;
    }

    /// <summary>Puts the slot's earliest pending timer in the queue unless an entry at or before it is there.</summary>
    public void Schedule(int slot)
    {
        ref var request = ref this[slot];
        var due = NextDue(ref request, out _, out _);
        if (due < request.DeskTimer)
        {
            request.DeskTimer = due;
            _timers.Enqueue(slot, new TimerKey(request.Unpack(due), request.DeskSequence));
            if (_timers.Count > 1024 && _timers.Count > 2 * Open)
            {
                Compact();
            }
        }
    }

    /// <summary>
    /// Gives back the queue's room after a batch when more than half of it is spare (32 bytes per entry and more):
    /// <see cref="Reserve"/> sizes it from each chunk's estimate of the batch, which a street whose requests bunch early
    /// in the batch can overshoot. Room up to twice the entries is kept, for the next day's batch of the same shape to
    /// reuse: trimming it back would make that batch grow it again, every day.
    /// </summary>
    public void TrimTimers()
    {
        if (_timers.Count > 1024 && _timers.EnsureCapacity(0) > 2 * _timers.Count)
        {
            _timers.TrimExcess();
            TimerRoomChanges++;
        }
    }

    /// <summary>Fires, in order, every timer of <paramref name="request"/> due at or before <paramref name="until"/>.</summary>
    public void FireDue(ref RequestState request, Instant until, List<RequestEvent> events)
    {
        while (true)
        {
            var due = NextDue(ref request, out var kind, out var department);
            if (due == NoTimer || due > request.PackClamped(until))
            {
                return;
            }

            // A deadline moved by a resume can already lie behind the request's last event: it passes now.
            var at = request.Unpack(Math.Max(due, request.LastEventPacked));
            switch (kind)
            {
                case TimerKind.Warning:
                    events.Add(request.Execute(new RecordDeadlinePassed(at, DeadlineKind.Warning)));
                    break;
                case TimerKind.SameDay:
                    events.Add(request.Execute(new RecordDeadlinePassed(at, DeadlineKind.SameDay)));
                    Escalate(ref request, at, SameDayEscalation, events);
                    break;
                case TimerKind.Resolution:
                    events.Add(request.Execute(new RecordDeadlinePassed(at, DeadlineKind.Resolution)));
                    if (request.AnsweredAt is null)
                    {
                        Escalate(ref request, at, ResolutionEscalation, events);
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
        while (_timers.TryPeek(out var slot, out var key) && key.At <= to)
        {
            _timers.Dequeue();
            ref var request = ref this[slot];
            if (!IsLive(ref request, key))
            {
                continue; // stale: superseded by an earlier entry, or the request left the desk
            }

            request.DeskTimer = NoTimer;
            var start = events.Count;
            FireDue(ref request, key.At, events);
            if (events.Count > start)
            {
                groups.Add(new TimerGroup(key, start, events.Count - start));
            }

            Schedule(slot);
        }
    }

    /// <summary>
    /// The earliest pending timer of an open request, in its packed form (<see cref="RequestState.DeskTimer"/>): the
    /// warning, the same-day deadline while unanswered and the resolution deadline (none while the clock is paused), and
    /// each summoned department's report limit; ties go in that order. <see cref="NoTimer"/> when none is pending.
    /// </summary>
    private static long NextDue(ref RequestState request, out TimerKind kind, out DistrictDepartmentId department)
    {
        kind = TimerKind.Warning;
        department = default;
        var due = NoTimer;
        var status = request.Status;
        if (request.IsTerminal || status == RequestStatus.Resolved)
        {
            return due;
        }

        if (status != RequestStatus.AwaitingResident)
        {
            if (!request.HasPassed(DeadlineKind.Warning))
            {
                due = request.WarningPacked;
            }

            if (!request.IsAnswered && !request.HasPassed(DeadlineKind.SameDay) && request.SameDayPacked < due)
            {
                (due, kind) = (request.SameDayPacked, TimerKind.SameDay);
            }

            if (!request.HasPassed(DeadlineKind.Resolution) && request.ResolutionPacked < due)
            {
                (due, kind) = (request.ResolutionPacked, TimerKind.Resolution);
            }
        }

        var summons = request.Summons;
        for (var i = 0; i < summons.Count; i++)
        {
            var s = summons[i];
            if (s.ReportedAt is null && !s.Missed && request.PackClamped(s.ReportBy) is var reportBy && reportBy < due)
            {
                (due, kind, department) = (reportBy, TimerKind.Report, s.Department);
            }
        }

        return due;
    }

    /// <summary>Escalates to the next agency up the chain that has not already passed the request on; nothing when none is left.</summary>
    private void Escalate(ref RequestState request, Instant at, string reason, List<RequestEvent> events)
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

    private void AllocateChunks()
    {
        for (var chunk = _chunksAllocated; chunk < ChunkOf(_highWater - 1) + 1; chunk++)
        {
            if (chunk < _small.Length)
            {
                _small[chunk] = new RequestState[1 << SmallShift];
            }
            else
            {
                var large = chunk - _small.Length;
                if (large == _large.Length)
                {
                    Array.Resize(ref _large, Math.Max(4, _large.Length * 2));
                }

                _large[large] = new RequestState[1 << LargeShift];
            }

            _chunksAllocated = chunk + 1;
        }

        static int ChunkOf(int slot) => slot < SmallSlots ? slot >> SmallShift : (SmallSlots >> SmallShift) + ((slot - SmallSlots) >> LargeShift);
    }

    private void Compact()
    {
        var live = new List<(int, TimerKey)>(Open);
        foreach (var (slot, key) in _timers.UnorderedItems)
        {
            if (IsLive(ref this[slot], key))
            {
                live.Add((slot, key));
            }
        }

        _timers.Clear();
        _timers.EnqueueRange(live);
    }

    /// <summary>True when the queue entry <paramref name="key"/> is still the request's timer (a cleared slot has sequence 0).</summary>
    private static bool IsLive(ref RequestState request, TimerKey key) =>
        key.Sequence == request.DeskSequence && request.DeskTimer != NoTimer && request.DeskTimer == request.PackClamped(key.At);

    private enum TimerKind
    {
        Warning,
        SameDay,
        Resolution,
        Report,
    }
}
