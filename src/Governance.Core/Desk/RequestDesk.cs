using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Routing;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Desk;

/// <summary>
/// 接诉即办 desk: receives requests from every channel, routes them (<see cref="Router"/>), applies commands, and
/// advances the clock, firing due warnings, missed same-day and resolution deadlines, automatic escalations and whistle
/// report limits in time order. Every event goes to the <see cref="IRequestEventSink"/>; the desk itself holds only the
/// open requests (a request leaves it when closed, rejected or merged).
/// </summary>
/// <remarks>
/// <para><b>Partitions.</b> Requests are partitioned by the street-level unit of their location (one more partition
/// takes locations at district level). A batch runs its partitions on all cores and produces exactly the events of
/// running it item by item, in the same order: events are put back in the order of the batch's items. A batch of more
/// than 65,536 items runs as consecutive chunks of that many, each on all cores; the sink may then get several
/// appends for one batch, in order, and a failure's index is its place in the whole batch.</para>
/// <para><b>Time.</b> Receipt time comes from the injected <see cref="IClock"/>; a command carries its own time, which
/// may not be later than the clock. Timers due by a command's time fire before the command, and <see cref="Advance"/>
/// fires every timer due by the clock's time in (due, receipt order) order, so advancing in one step or in many gives
/// the same events. A timer event is stamped with its due instant (or the request's last event, if the due instant was
/// moved behind it by a resume).</para>
/// <para><b>Automatic escalation.</b> When the same-day deadline passes with no answer, or the resolution deadline
/// passes with neither resolution nor explanation, the desk records the miss and escalates the request from its
/// handler to <see cref="Router.EscalationTarget"/> (skipping agencies that already passed it on); the owner still owes
/// the resident the answer.</para>
/// <para><b>Threads.</b> Safe for concurrent callers: a single request's command locks its partition; a batch, an
/// advance and a query lock every partition. The sink is called under the lock, so it sees each request's events in
/// order.</para>
/// </remarks>
public sealed class RequestDesk
{
    private const int SmallBatch = 4096; // below this a batch's per-item steps run on the calling thread
    private const int ChunkSize = 1 << 16; // a batch runs in chunks of this many items (see InChunks)
    private const int PrefetchDistance = 8; // index lookups in a batch ask for the entry this many items ahead
    private const int LanesPerCore = 2; // a few, so that a core the host holds up leaves its second lane to the other

    private readonly OpenRequests _open;
    private readonly DeskPartition[] _partitions;
    private readonly int[] _partitionOfUnit; // by the chart's unit index
    private readonly Chart _chart;
    private readonly Unit[] _units; // the chart's, by index
    private readonly IRequestEventSink _sink;
    private readonly bool _hasSink; // false for the null sink: no event lists are made for it
    private readonly Lock _sinkGate = new();
    private long _sequence; // orders receipts (and timer ties); items refused in a batch still use up their number
    private Instant _advancedTo = Instant.MinValue;

    /// <summary>Creates an empty desk.</summary>
    /// <param name="router">Routes submissions and names escalation targets; its chart sets the partitions.</param>
    /// <param name="policies">
    /// Sets each request's deadlines and whistle report limit by the unit of its location: a
    /// <see cref="ServiceLevelPolicy"/> for one policy everywhere, or a source with one per unit (a brand's, say).
    /// </param>
    /// <param name="clock">The only source of the current time.</param>
    /// <param name="sink">Where events go; <see cref="NullRequestEventSink"/> when null.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public RequestDesk(Router router, IServiceLevelPolicySource policies, IClock clock, IRequestEventSink? sink = null)
    {
        Router = Preconditions.CheckNotNull(router);
        Policies = Preconditions.CheckNotNull(policies);
        Clock = Preconditions.CheckNotNull(clock);
        _sink = sink ?? NullRequestEventSink.Instance;
        _hasSink = _sink is not NullRequestEventSink;
        _chart = router.Chart;
        var units = _chart.Units;
        _units = [.. units];
        var streetLevelIndex = new Dictionary<UnitId, int>();
        foreach (var unit in units)
        {
            if (unit.Level == UnitLevel.StreetLevel)
            {
                streetLevelIndex.Add(unit.Id, streetLevelIndex.Count);
            }
        }

        _partitionOfUnit = new int[units.Length];
        foreach (var unit in units)
        {
            _partitionOfUnit[unit.Index] = _chart.StreetLevelUnitOf(unit) is { } streetLevel ? streetLevelIndex[streetLevel.Id] : streetLevelIndex.Count;
        }

        _partitions = new DeskPartition[streetLevelIndex.Count + 1];
        for (var i = 0; i < _partitions.Length; i++)
        {
            _partitions[i] = new DeskPartition(i, router);
        }

        _open = new OpenRequests(_partitions);
    }

    /// <summary>
    /// Rebuilds a desk from the events desks wrote to their sink, in the order they were written (read back from an event
    /// store, for example): it holds exactly the requests those events leave open, in the same state, with their timers
    /// and the same <see cref="ReceivedCount"/> and <see cref="ClosedCount"/>, and goes on as the desk that wrote them.
    /// </summary>
    /// <remarks>
    /// Receipts keep their order (timer ties and <see cref="Query"/> follow it). Events are applied as they are, not
    /// re-decided: deadlines are the ones the events carry, and <paramref name="policies"/> sets those of commands from
    /// now on. Timers that fell due after the last event fire at the next <see cref="Advance"/> or command. The events
    /// do not go to <paramref name="sink"/>: they are already recorded.
    /// </remarks>
    /// <param name="router">As for the constructor; its chart must hold every unit the events name.</param>
    /// <param name="policies">As for the constructor.</param>
    /// <param name="clock">As for the constructor.</param>
    /// <param name="events">Every event, oldest first, as the desk wrote them.</param>
    /// <param name="sink">Where the new desk's events go.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="DataValidationException">
    /// An event is null, names a request that is not open at that point, receives a request that is still open, is
    /// located at a unit not in the chart, or does not fit the request's state; the error names the event's position
    /// (<c>$[3]</c>) and the request. No desk is returned.
    /// </exception>
    public static RequestDesk Restore(Router router, IServiceLevelPolicySource policies, IClock clock, IEnumerable<RequestEvent> events,
        IRequestEventSink? sink = null)
    {
        Preconditions.CheckNotNull(events);
        var desk = new RequestDesk(router, policies, clock, sink);
        var position = 0L;
        foreach (var e in events)
        {
            if (e is null)
            {
                throw Invalid(position, null, "the event is null");
            }

            if (e is RequestReceived received)
            {
                if (desk._open.ContainsKey(received.RequestId))
                {
                    throw Invalid(position, received.RequestId, "the request is received again while it is still open");
                }

                if (!desk._chart.TryGetUnit(received.Location.Unit, out var unit))
                {
                    throw Invalid(position, received.RequestId, $"the location's unit {received.Location.Unit} is not in the chart");
                }

                RequestState state;
                try
                {
                    state = RequestState.RestoreAtDesk(received, desk.Policies.PolicyFor(unit, received.At));
                }
                catch (ArgumentException refused)
                {
                    throw Invalid(position, received.RequestId, refused.Message);
                }

                var partition = desk._partitions[desk._partitionOfUnit[unit.Index]];
                var slot = partition.Take();
                ref var request = ref partition[slot];
                request = state;
                request.DeskSequence = ++desk._sequence;
                desk._open.TryAdd(received.RequestId, new DeskSlot(partition.Index, slot));
                partition.Received++;
            }
            else
            {
                if (!desk._open.TryGetValue(e.RequestId, out var where))
                {
                    throw Invalid(position, e.RequestId, "no such request is open here: it was not received earlier in the events, or is already closed");
                }

                var partition = desk._partitions[where.Partition];
                ref var request = ref partition[where.Slot];
                try
                {
                    request.Apply(e);
                }
                catch (Exception refused) when (refused is RequestCommandException or ArgumentException)
                {
                    throw Invalid(position, e.RequestId, refused.Message);
                }

                if (request.IsTerminal)
                {
                    desk._open.Remove(e.RequestId, where);
                    partition.Release(where.Slot);
                    partition.Closed++;
                }
            }

            position++;
        }

        foreach (var partition in desk._partitions)
        {
            foreach (var slot in partition.OccupiedSlots())
            {
                partition.Schedule(slot);
            }
        }

        return desk;

        static DataValidationException Invalid(long position, RequestId? id, string message) =>
            new("request event log", [new DataError($"$[{position}]", id?.Value, message)]);
    }

    /// <summary>Routes submissions and names escalation targets.</summary>
    public Router Router { get; }

    /// <summary>Sets each request's deadlines, by the unit of its location, when it is received.</summary>
    public IServiceLevelPolicySource Policies { get; }

    /// <summary>The source of the current time.</summary>
    public IClock Clock { get; }

    /// <summary>How many partitions: one per street-level unit, plus one for locations at district level.</summary>
    public int PartitionCount => _partitions.Length;

    /// <summary>Requests open at the desk (received and not yet closed, rejected or merged).</summary>
    public int OpenCount => (int)Sum(static p => p.Open);

    /// <summary>Requests that left the desk closed, rejected or merged.</summary>
    public long ClosedCount => Sum(static p => Volatile.Read(ref p.Closed));

    /// <summary>Requests ever received by this desk.</summary>
    public long ReceivedCount => Sum(static p => Volatile.Read(ref p.Received));

    /// <summary>The latest time <see cref="Advance"/> fired timers up to; <see cref="Instant.MinValue"/> before the first.</summary>
    public Instant AdvancedTo
    {
        get
        {
            lock (_sinkGate)
            {
                return _advancedTo;
            }
        }
    }

    /// <summary>
    /// Receives one submission now: routes it (owner and first handler, category class from the catalogue; an unknown
    /// category goes to triage) and opens it in its street-level unit's partition.
    /// </summary>
    /// <returns>The receipt event: the owner, the first handler, the category as routed and the deadlines.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="submission"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The id is empty or already open at the desk, the channel is undefined, or the location is not in the chart;
    /// nothing changes.
    /// </exception>
    public RequestReceived Submit(RequestSubmission submission)
    {
        Preconditions.CheckNotNull(submission);
        var now = Clock.GetCurrentInstant();
        var decision = Router.RouteIndexed(submission.Channel, submission.Location, submission.Category, out var unit);
        var partition = _partitions[_partitionOfUnit[unit]];
        var policy = Policies.PolicyFor(_units[unit], now);
        RequestState.CheckSubmission(submission);
        lock (partition.Gate)
        {
            var slot = partition.Take();
            RequestReceived received;
            try
            {
                received = OpenInSlot(partition, slot, submission, decision, policy, now, Interlocked.Increment(ref _sequence), makeEvent: true)!;
            }
            catch (ArgumentException)
            {
                partition.Release(slot); // nothing was counted or scheduled
                throw;
            }

            if (!_open.TryAdd(submission.Id, new DeskSlot(partition.Index, slot)))
            {
                Unopen(partition, slot);
                throw Duplicate(submission.Id);
            }

            if (_hasSink)
            {
                Emit([received]);
            }

            return received;
        }
    }

    /// <summary>
    /// Receives a batch now, on all cores: the same requests, sequence and events as <see cref="Submit"/> called for
    /// each item in order. An item that would throw is refused alone and reported; the rest go ahead.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="submissions"/> is null.</exception>
    public DeskBatchResult SubmitBatch(IReadOnlyList<RequestSubmission> submissions)
    {
        Preconditions.CheckNotNull(submissions);
        var now = Clock.GetCurrentInstant(); // one receipt time for the whole batch
        return InChunks(submissions.Count, (offset, count, failures) => SubmitChunk(submissions, offset, count, now, failures));
    }

    /// <summary>
    /// <see cref="SubmitBatch"/> for items <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="n"/> - 1;
    /// adds their failures to <paramref name="failed"/>.
    /// </summary>
    /// <returns>How many events the items made.</returns>
    private int SubmitChunk(IReadOnlyList<RequestSubmission> batch, int offset, int n, Instant now, List<DeskFailure> failed)
    {
        // Room is made once for the rest of the batch, as if each chunk were like this one: growing the timer queues
        // and index stripes chunk by chunk would copy them again and again.
        var scale = (batch.Count - offset) / (double)Math.Max(1, n);
        var submissions = new Slice<RequestSubmission>(batch, offset);
        using var arrays = new BatchArrays();
        var decisions = arrays.Rent<RoutingDecision>(n);
        var policies = arrays.Rent<ServiceLevelPolicy>(n);
        var partitionOf = arrays.Rent<int>(n);
        var keys = arrays.Rent<IndexKey>(n);
        var failures = arrays.RentCleared<DeskFailure?>(n);
        var hashes = arrays.Rent<int>(n);
        ForEachRange(n, (from, to) =>
        {
            // Hash the range's locations first, so that routing can ask for each one's table entry (which holds its unit's
            // route) a few items ahead of it. The ids hashed live with the chart, not the submission: they are fetched ahead too.
            for (var i = from; i < to; i++)
            {
                if (i + PrefetchDistance < to && submissions[i + PrefetchDistance] is { } ahead)
                {
                    CacheHint.Fetch(Router.KeyOf(ahead.Location));
                }

                hashes[i] = submissions[i] is { } submission ? Router.LocationHash(submission.Location) : 0;
            }

            for (var i = from; i < to; i++)
            {
                if (i + PrefetchDistance < to)
                {
                    Router.PrefetchLocation(hashes[i + PrefetchDistance]);
                }

                var submission = submissions[i];
                try
                {
                    if (submission is null)
                    {
                        throw new ArgumentNullException($"submissions[{offset + i}]"); // the name is made only when it is needed
                    }

                    RequestState.CheckSubmission(submission); // so that opening it below can only be refused as a duplicate
                    decisions[i] = Router.RouteIndexed(submission.Channel, submission.Location, hashes[i], submission.Category, out var unit);
                    partitionOf[i] = _partitionOfUnit[unit];
                    policies[i] = Policies.PolicyFor(_units[unit], now);
                    keys[i] = new IndexKey(submission.Id);
                }
                catch (ArgumentException e)
                {
                    failures[i] = new DeskFailure(offset + i, submission?.Id ?? default, e.Message, e);
                    partitionOf[i] = -1;
                }
            }
        });

        using (LockAll())
        {
            var firstSequence = Interlocked.Add(ref _sequence, n) - n + 1;
            var received = _hasSink ? arrays.RentCleared<RequestEvent?>(n) : null; // with no sink nothing keeps the events
            var slots = arrays.Rent<int>(n);
            var lanes = Deal(partitionOf, n, arrays);

            // Slots are numbered here in batch order (cheap), not by the lanes: per-item writes from two cores would
            // share cache lines. Each lane allocates its partitions' chunks and fills the slots.
            for (var i = 0; i < n; i++)
            {
                if (partitionOf[i] >= 0)
                {
                    slots[i] = _partitions[partitionOf[i]].TakeNumber();
                }
            }

            lanes.Run(lane =>
            {
                foreach (var p in lane.Partitions)
                {
                    _partitions[p].Reserve((int)(lanes.Count(p) * scale));
                }

                var items = lane.Items;
                for (var k = 0; k < items.Count; k++)
                {
                    if (k + PrefetchDistance < items.Count)
                    {
                        var ahead = items[k + PrefetchDistance];
                        CacheHint.Fetch(submissions[ahead]);
                        _partitions[partitionOf[ahead]].Prefetch(slots[ahead]);
                    }

                    var i = items[k];
                    var partition = _partitions[partitionOf[i]];
                    try
                    {
                        var e = OpenInSlot(partition, slots[i], submissions[i], decisions[i], policies[i], now, firstSequence + i, makeEvent: _hasSink);
                        received?[i] = e;
                    }
                    catch (ArgumentException e)
                    {
                        partition.Release(slots[i]); // nothing was counted or scheduled
                        failures[i] = new DeskFailure(offset + i, submissions[i].Id, e.Message, e);
                        partitionOf[i] = -1;
                    }
                }
            });

            if (offset + n == batch.Count)
            {
                // The chunks reserved room for the whole batch's timers from estimates: the last gives back what is far over.
                foreach (var partition in _partitions)
                {
                    partition.TrimTimers();
                }
            }

            // Index the opened items stripe by stripe, each stripe's items in batch order: an id already open, or
            // earlier in the batch (whatever its partition), keeps its place, and the later item is taken back
            // (it emitted nothing yet), as one by one would have refused it.
            var duplicate = arrays.RentCleared<bool>(n);
            ForEachStripe(n, arrays, i => partitionOf[i] >= 0 ? keys[i].Stripe : -1, i => new IndexEntry(keys[i], new DeskSlot(partitionOf[i], slots[i]), i),
                entry => duplicate[entry.Item] = !_open.AddInStripe(entry.Key, entry.Slot),
                (stripe, count) => _open.ReserveInStripe(stripe, (int)(count * scale * 1.05))); // ~6 standard deviations over a 1M batch's share
            var refused = 0;
            for (var i = 0; i < n; i++)
            {
                if (duplicate[i])
                {
                    Unopen(_partitions[partitionOf[i]], slots[i]);
                    received?[i] = null;
                    var e = Duplicate(submissions[i].Id);
                    failures[i] = new DeskFailure(offset + i, submissions[i].Id, e.Message, e);
                }

                refused += failures[i] is null ? 0 : 1;
            }

            if (received is not null && n > refused)
            {
                var events = new List<RequestEvent>(n - refused);
                for (var i = 0; i < n; i++)
                {
                    if (received[i] is { } e)
                    {
                        events.Add(e);
                    }
                }

                Emit(events);
            }

            Collect(failures, n, failed);
            return n - refused;
        }
    }

    /// <summary>
    /// Applies one command to an open request: first fires its timers due by the command's time (those events stand
    /// even if the command is then refused: they were due), then decides and applies the command.
    /// </summary>
    /// <returns>The command's event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No request with that id is open at the desk.</exception>
    /// <exception cref="ArgumentException">The command's time is later than the clock's.</exception>
    /// <exception cref="RequestCommandException">The request refuses the command (naming its status and the command); it changes nothing.</exception>
    public RequestEvent Execute(RequestId requestId, RequestCommand command)
    {
        Preconditions.CheckNotNull(command);
        var now = Clock.GetCurrentInstant();
        var where = _open.TryGetValue(requestId, out var found) ? found : throw NotOpen(requestId);
        var partition = _partitions[where.Partition];
        lock (partition.Gate)
        {
            if (!partition.Holds(where.Slot, requestId))
            {
                throw NotOpen(requestId); // it left the desk between the lookup and the lock
            }

            // The sink keeps the list it is given; with no sink, the partition's scratch list does.
            var events = _hasSink ? new List<RequestEvent>(2) : partition.Scratch;
            events.Clear();
            try
            {
                return ExecuteLocked(partition, where.Slot, command, now, events, inBatch: false).Event;
            }
            finally
            {
                if (_hasSink && events.Count > 0)
                {
                    Emit(events);
                }
            }
        }
    }

    /// <summary>
    /// Applies a batch of commands on all cores: the same events, in the same order, as <see cref="Execute"/> called for
    /// each item in order. A refused item changes nothing (beyond its request's timers that were due) and is reported;
    /// the rest go ahead.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="commands"/> is null.</exception>
    public DeskBatchResult ExecuteBatch(IReadOnlyList<DeskCommand> commands)
    {
        Preconditions.CheckNotNull(commands);
        var now = Clock.GetCurrentInstant();
        return InChunks(commands.Count, (offset, count, failures) => ExecuteChunk(commands, offset, count, now, failures));
    }

    /// <summary>
    /// <see cref="ExecuteBatch"/> for items <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="n"/> - 1;
    /// adds their failures to <paramref name="failed"/>.
    /// </summary>
    /// <returns>How many events the items made.</returns>
    private int ExecuteChunk(IReadOnlyList<DeskCommand> batch, int offset, int n, Instant now, List<DeskFailure> failed)
    {
        var commands = new Slice<DeskCommand>(batch, offset);
        using var arrays = new BatchArrays();
        var targets = arrays.Rent<DeskSlot>(n);
        var keys = arrays.Rent<IndexKey>(n);
        var partitionOf = arrays.Rent<int>(n);
        var failures = arrays.RentCleared<DeskFailure?>(n);
        using (LockAll())
        {
            ForEachRange(n, (from, to) =>
            {
                // Hash the range first, so that each lookup can ask for the entry a few items ahead of it.
                for (var i = from; i < to; i++)
                {
                    keys[i] = new IndexKey(commands[i].RequestId);
                }

                for (var i = from; i < to; i++)
                {
                    // Two steps ahead: the entry for a later item, then the slot it names for a nearer one.
                    if (i + (2 * PrefetchDistance) < to)
                    {
                        _open.Prefetch(keys[i + (2 * PrefetchDistance)]);
                    }

                    if (i + PrefetchDistance < to)
                    {
                        _open.PrefetchSlot(keys[i + PrefetchDistance]);
                    }

                    if (_open.Peek(keys[i], out var where))
                    {
                        targets[i] = where;
                        partitionOf[i] = where.Partition;
                    }
                    else
                    {
                        var e = NotOpen(keys[i].Id);
                        failures[i] = new DeskFailure(offset + i, keys[i].Id, e.Message, e);
                        partitionOf[i] = -1;
                    }
                }
            });

            // With a sink, each partition keeps its events to put them back in batch order; with none, they are counted.
            var perPartition = new List<RequestEvent>[_partitions.Length];
            var closedHere = new List<int>[_partitions.Length]; // items whose request left: out of the index after, stripe by stripe
            var firstEvent = _hasSink ? arrays.RentCleared<int>(n) : null;
            var eventCount = _hasSink ? arrays.RentCleared<int>(n) : null;
            var lanes = Deal(partitionOf, n, arrays);
            var laneEvents = new int[lanes.Length];
            lanes.Run(lane =>
            {
                var count = 0;
                var items = lane.Items;
                for (var k = 0; k < items.Count; k++)
                {
                    if (k + PrefetchDistance < items.Count)
                    {
                        // The command and the request of an item a few ahead: in lane order they are far apart.
                        var ahead = items[k + PrefetchDistance];
                        CacheHint.Fetch(commands[ahead].Command);
                        _partitions[partitionOf[ahead]].Prefetch(targets[ahead].Slot);
                    }

                    var i = items[k];
                    var p = partitionOf[i];
                    var partition = _partitions[p];
                    var events = _hasSink ? perPartition[p] ??= new List<RequestEvent>(lanes.Count(p) * 2) : partition.Scratch;
                    var id = commands[i].RequestId;
                    if (!_hasSink)
                    {
                        events.Clear();
                    }

                    var start = events.Count;
                    try
                    {
                        if (!partition.Holds(targets[i].Slot, id))
                        {
                            throw NotOpen(id); // closed by an earlier item of this batch
                        }

                        if (ExecuteLocked(partition, targets[i].Slot, commands[i].Command, now, events, inBatch: true).Closed)
                        {
                            (closedHere[p] ??= []).Add(i);
                        }
                    }
                    catch (Exception e) when (e is RequestCommandException or ArgumentException or KeyNotFoundException)
                    {
                        failures[i] = new DeskFailure(offset + i, id, e.Message, e);
                    }

                    count += events.Count - start;
                    if (firstEvent is not null)
                    {
                        firstEvent[i] = start;
                        eventCount![i] = events.Count - start;
                    }
                }

                laneEvents[lane.Index] = count;
            });

            var closed = new List<int>();
            foreach (var list in closedHere)
            {
                closed.AddRange(list ?? []);
            }

            ForEachStripe(closed.Count, arrays, k => keys[closed[k]].Stripe, k => new IndexEntry(keys[closed[k]], targets[closed[k]], closed[k]),
                entry => _open.RemoveInStripe(entry.Key, entry.Slot));
            var total = laneEvents.Sum();

            if (firstEvent is not null && total > 0)
            {
                var ordered = new RequestEvent[total];
                var at = 0;
                for (var i = 0; i < n; i++)
                {
                    if (eventCount![i] > 0)
                    {
                        perPartition[partitionOf[i]].CopyTo(firstEvent[i], ordered, at, eventCount[i]);
                        at += eventCount[i];
                    }
                }

                Emit(ordered);
            }

            Collect(failures, n, failed);
            return total;
        }
    }

    /// <summary>
    /// Advances to the clock's time: fires, on all cores, every timer due by then — warnings, missed same-day and
    /// resolution deadlines with their automatic escalations, and missed whistle reports — in (due, receipt order) order.
    /// </summary>
    /// <returns>How many events fired.</returns>
    public int Advance()
    {
        var to = Clock.GetCurrentInstant();
        using (LockAll())
        {
            var groups = new List<TimerGroup>[_partitions.Length];
            var events = new List<RequestEvent>[_partitions.Length];
            Parallel.For(0, _partitions.Length, p =>
            {
                groups[p] = [];
                events[p] = [];
                _partitions[p].Advance(to, groups[p], events[p]);
            });

            // Merge the partitions' runs by (due, sequence): the order one queue for the whole desk would give.
            var merged = new List<RequestEvent>();
            var heads = new PriorityQueue<int, TimerKey>();
            var next = new int[_partitions.Length];
            for (var p = 0; p < _partitions.Length; p++)
            {
                if (groups[p].Count > 0)
                {
                    heads.Enqueue(p, groups[p][0].Key);
                }
            }

            while (heads.TryDequeue(out var p, out _))
            {
                var group = groups[p][next[p]++];
                merged.AddRange(events[p].GetRange(group.Start, group.Count));
                if (next[p] < groups[p].Count)
                {
                    heads.Enqueue(p, groups[p][next[p]].Key);
                }
            }

            if (to > _advancedTo)
            {
                lock (_sinkGate)
                {
                    _advancedTo = to;
                }
            }

            if (merged.Count > 0)
            {
                Emit(merged);
            }

            return merged.Count;
        }
    }

    /// <summary>What the desk knows of an open request, if it is open here.</summary>
    public bool TryGet(RequestId requestId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DeskRequest? request)
    {
        request = null;
        if (!_open.TryGetValue(requestId, out var where))
        {
            return false;
        }

        var partition = _partitions[where.Partition];
        lock (partition.Gate)
        {
            if (!partition.Holds(where.Slot, requestId))
            {
                return false;
            }

            request = DeskRequest.Of(ref partition[where.Slot]);
            return true;
        }
    }

    /// <summary>The open requests that match <paramref name="query"/>, in order of receipt. Reads every open request.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentException">The query's unit is not in the chart.</exception>
    public IReadOnlyList<DeskRequest> Query(DeskQuery query)
    {
        Preconditions.CheckNotNull(query);
        Unit? within = null;
        if (query.Unit is { } unitId && !_chart.TryGetUnit(unitId, out within))
        {
            throw new ArgumentException($"The query's unit {unitId} is not in the chart.", nameof(query));
        }

        using (LockAll())
        {
            var found = new List<(long Sequence, DeskRequest Request)>();
            foreach (var partition in _partitions)
            {
                foreach (var slot in partition.OccupiedSlots())
                {
                    if (Matches(ref partition[slot], query, within))
                    {
                        found.Add((partition[slot].DeskSequence, DeskRequest.Of(ref partition[slot])));
                    }
                }
            }

            found.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
            return [.. found.Select(x => x.Request)];
        }
    }

    /// <summary>Timer-queue entries held, live and stale (for tests and diagnostics).</summary>
    internal long TimerEntryCount()
    {
        using (LockAll())
        {
            return Sum(static p => p.TimerEntries);
        }
    }

    /// <summary>Times a batch reallocated a partition's timer queue, summed over the partitions (for tests and diagnostics).</summary>
    internal long TimerRoomChanges()
    {
        using (LockAll())
        {
            return Sum(static p => p.TimerRoomChanges);
        }
    }

    private bool Matches(ref RequestState request, DeskQuery query, Unit? within) =>
        (query.Status is not { } status || request.Status == status)
        && (query.Handler is not { } handler || request.Handler == handler)
        && (query.Owner is not { } owner || request.Owner == owner)
        && (within is null || (_chart.TryGetUnit(request.Location.Unit, out var unit) && _chart.IsWithin(unit, within)));

    /// <summary>
    /// Opens a submission in <paramref name="slot"/>, taken from <paramref name="partition"/> and empty, with its timers,
    /// but not yet in the index (the caller adds it, and takes it back with <see cref="Unopen"/> if the id is already
    /// open). The caller has checked the submission. The receipt event (naming the liaison, for the household network) is
    /// made only when <paramref name="makeEvent"/>: a batch with no sink has nobody to give it to. On a refusal the slot
    /// stays empty and nothing else changes.
    /// </summary>
    private RequestReceived? OpenInSlot(DeskPartition partition, int slot, RequestSubmission submission, RoutingDecision decision, ServiceLevelPolicy policy,
        Instant now, long sequence, bool makeEvent)
    {
        var deadlines = partition.DeadlinesFor(policy, decision.CategoryClass, now);
        RequestReceived? received = null;
        ref var request = ref partition[slot];
        if (makeEvent)
        {
            var liaison = submission.Channel == Channel.HouseholdNetwork ? Router.LiaisonOf(submission.Location) : null;
            received = RequestState.ReceiveAtDesk(out request, submission, decision.Owner, decision.Handler, decision.Category,
                decision.CategoryClass, liaison, now, policy, deadlines);
        }
        else
        {
            request = RequestState.OpenAtDesk(submission, decision.Owner, decision.Handler, decision.Category, decision.CategoryClass, now, policy, deadlines);
        }

        request.DeskSequence = sequence;
        partition.Received++;
        partition.Schedule(slot);
        return received;
    }

    /// <summary>Takes back a request <see cref="OpenInSlot"/> opened whose id turned out to be open already; its timer entry goes stale.</summary>
    private static void Unopen(DeskPartition partition, int slot)
    {
        partition.Release(slot);
        partition.Received--;
    }

    /// <summary>
    /// Applies a command to the request in <paramref name="slot"/>, under the partition's lock. A request that leaves the
    /// desk leaves the index at once, or, <paramref name="inBatch"/>, when the batch is done with the partitions
    /// (<c>Closed</c> says it left).
    /// </summary>
    private (RequestEvent Event, bool Closed) ExecuteLocked(DeskPartition partition, int slot, RequestCommand command, Instant now, List<RequestEvent> events, bool inBatch)
    {
        Preconditions.CheckNotNull(command);
        ref var request = ref partition[slot];
        if (command.At > now)
        {
            throw new ArgumentException($"Request {request.Id}: the {command.Trigger} command is at {command.At}, later than the desk's clock ({now}).", nameof(command));
        }

        // The queued instant is never later than the request's earliest pending timer, so when it lies after the
        // command nothing is due and FireDue can be skipped.
        var due = request.DeskTimer <= request.PackClamped(command.At); // false when none is queued (NoDeskTimer)
        if (due)
        {
            request.DeskTimer = RequestState.NoDeskTimer; // its queue entry is now stale: FireDue handles everything due by then
        }

        try
        {
            if (due)
            {
                partition.FireDue(ref request, command.At, events);
            }

            var e = request.Execute(command);
            events.Add(e);
            return (e, request.IsTerminal);
        }
        finally
        {
            if (request.IsTerminal)
            {
                if (!inBatch)
                {
                    _open.Remove(request.Id, new DeskSlot(partition.Index, slot));
                }

                partition.Release(slot);
                partition.Closed++;
            }
            else
            {
                partition.Schedule(slot);
            }
        }
    }

    /// <summary>
    /// Deals the partitions that have items among a few lanes per core, largest first to the least loaded, and lists
    /// each lane's items in batch order (see <see cref="Lanes"/>).
    /// </summary>
    private Lanes Deal(int[] partitionOf, int n, BatchArrays arrays)
    {
        var counts = new int[_partitions.Length];
        for (var i = 0; i < n; i++)
        {
            if (partitionOf[i] >= 0)
            {
                counts[partitionOf[i]]++;
            }
        }

        var used = counts.Count(static c => c > 0);
        var laneCount = n < SmallBatch ? 1 : Math.Max(1, Math.Min(used, LanesPerCore * Environment.ProcessorCount));
        var laneOf = new int[_partitions.Length];
        var load = new long[laneCount];
        var partitions = new List<int>[laneCount];
        for (var l = 0; l < laneCount; l++)
        {
            partitions[l] = [];
        }

        foreach (var p in Enumerable.Range(0, _partitions.Length).Where(p => counts[p] > 0).OrderByDescending(p => counts[p]))
        {
            var least = 0;
            for (var l = 1; l < laneCount; l++)
            {
                least = load[l] < load[least] ? l : least;
            }

            laneOf[p] = least;
            load[least] += counts[p];
            partitions[least].Add(p);
        }

        var lane = arrays.Rent<int>(n);
        ForEachRange(n, (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                lane[i] = partitionOf[i] >= 0 ? laneOf[partitionOf[i]] : -1;
            }
        });

        var (start, order) = Group(lane, n, laneCount, arrays, static i => i);
        return new Lanes(start, order, partitions, counts);
    }

    /// <summary>
    /// Runs <paramref name="work"/> for each of <paramref name="count"/> items, grouped by the index stripe
    /// <paramref name="stripeOf"/> gives (-1: skip), each stripe's items in order on one thread under the stripe's lock,
    /// stripes in parallel; <paramref name="reserve"/> hears first how many items each stripe gets. What the work needs
    /// is copied by <paramref name="entry"/> into one array in stripe order, so each stripe reads its own run of it
    /// rather than the batch's arrays at random.
    /// </summary>
    private void ForEachStripe(int count, BatchArrays arrays, Func<int, int> stripeOf, Func<int, IndexEntry> entry, Action<IndexEntry> work, Action<int, int>? reserve = null)
    {
        var stripes = arrays.Rent<int>(count);
        ForEachItem(count, i => stripes[i] = stripeOf(i));
        var (start, entries) = Group(stripes, count, OpenRequests.StripeCount, arrays, entry);
        Parallel.For(0, OpenRequests.StripeCount, ParallelChunk(count), s =>
        {
            if (start[s + 1] == start[s])
            {
                return;
            }

            // Once per stripe, not per item: a single command's lookup takes the stripe lock before its partition's.
            lock (_open.GateOf(s))
            {
                reserve?.Invoke(s, start[s + 1] - start[s]);
                for (var k = start[s]; k < start[s + 1]; k++)
                {
                    if (k + PrefetchDistance < start[s + 1])
                    {
                        _open.Prefetch(entries[k + PrefetchDistance].Key);
                    }

                    work(entries[k]);
                }
            }
        });
    }

    /// <summary>
    /// A counting sort of items 0 to <paramref name="n"/> - 1 by <paramref name="groupOf"/> (-1: left out): group
    /// <c>g</c>'s entries (<paramref name="entry"/> of each item) are <c>sorted[start[g]..start[g + 1]]</c>, in item order.
    /// </summary>
    /// <remarks>
    /// On all cores for a large batch: the items are cut into consecutive ranges, each range counts its items per
    /// group, and then places them from where the ranges before it left off in each group, so every group stays in item
    /// order. Run on one core, the two passes over a million items kept the other core idle for about 35 ms.
    /// </remarks>
    private static (int[] Start, T[] Sorted) Group<T>(int[] groupOf, int n, int groups, BatchArrays arrays, Func<int, T> entry)
    {
        var ranges = RangeCount(n);
        var next = new int[ranges * groups]; // [range * groups + group]: first a count, then where the range's next item goes
        RunRanges(n, ranges, (r, from, to) =>
        {
            var counts = next.AsSpan(r * groups, groups);
            for (var i = from; i < to; i++)
            {
                if (groupOf[i] >= 0)
                {
                    counts[groupOf[i]]++;
                }
            }
        });

        var start = new int[groups + 1];
        for (var g = 0; g < groups; g++)
        {
            var at = start[g];
            for (var r = 0; r < ranges; r++)
            {
                (next[(r * groups) + g], at) = (at, at + next[(r * groups) + g]);
            }

            start[g + 1] = at;
        }

        var sorted = arrays.Rent<T>(start[^1]);
        RunRanges(n, ranges, (r, from, to) =>
        {
            var places = next.AsSpan(r * groups, groups);
            for (var i = from; i < to; i++)
            {
                if (groupOf[i] is var g and >= 0)
                {
                    sorted[places[g]++] = entry(i);
                }
            }
        });

        return (start, sorted);
    }

    /// <summary>
    /// Runs <paramref name="body"/> (range number, first item, item after the last) for each of <paramref name="ranges"/>
    /// consecutive ranges of equal size that cut 0 to <paramref name="n"/> - 1, in parallel when more than one: the one
    /// way batch steps split their items, so that two passes can split them alike.
    /// </summary>
    private static void RunRanges(int n, int ranges, Action<int, int, int> body)
    {
        if (ranges == 1)
        {
            body(0, 0, n);
            return;
        }

        Parallel.For(0, ranges, r => body(r, (int)((long)n * r / ranges), (int)((long)n * (r + 1) / ranges)));
    }

    private long Sum(Func<DeskPartition, long> count)
    {
        var sum = 0L;
        foreach (var partition in _partitions)
        {
            sum += count(partition);
        }

        return sum;
    }

    private void Emit(IReadOnlyList<RequestEvent> events)
    {
        lock (_sinkGate)
        {
            _sink.Append(events);
        }
    }

    private AllPartitions LockAll()
    {
        foreach (var partition in _partitions)
        {
            partition.Gate.Enter();
        }

        return new AllPartitions(_partitions);
    }

    private static ParallelOptions ParallelChunk(int n) =>
        new() { MaxDegreeOfParallelism = n < SmallBatch ? 1 : Environment.ProcessorCount };

    /// <summary>
    /// Runs <paramref name="body"/> for items 0 to <paramref name="n"/> - 1: in a plain loop for a small batch, else in
    /// ranges of about an eighth of a core's share, on all cores (fewer hand-offs than one work item per index).
    /// </summary>
    private static void ForEachItem(int n, Action<int> body) =>
        ForEachRange(n, (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                body(i);
            }
        });

    /// <summary>As <see cref="ForEachItem"/>, a range at a time: <paramref name="body"/> gets each range's first item and the item after its last.</summary>
    private static void ForEachRange(int n, Action<int, int> body) => RunRanges(n, RangeCount(n), (_, from, to) => body(from, to));

    /// <summary>How many ranges a batch's per-item steps are cut into: one for a small batch, else about eight per core of at least 1,024 items.</summary>
    private static int RangeCount(int n) => n < SmallBatch ? 1 : Math.Max(1, n / Math.Max(1024, n / (Environment.ProcessorCount * 8)));

    private static void Collect(DeskFailure?[] failures, int n, List<DeskFailure> found)
    {
        for (var i = 0; i < n; i++)
        {
            if (failures[i] is { } failure)
            {
                found.Add(failure);
            }
        }
    }

    /// <summary>
    /// Runs a batch of <paramref name="n"/> items as consecutive chunks of at most <see cref="ChunkSize"/>, each on all
    /// cores: the same as the whole batch at once, item by item, since the chunks go in order. A chunk's working arrays
    /// come from the shared pools and stay in the caches, where a million-item batch's would be new arrays on the
    /// large-object heap (about 100 bytes per item) that bring on full collections.
    /// </summary>
    private static DeskBatchResult InChunks(int n, Func<int, int, List<DeskFailure>, int> chunk)
    {
        var failures = new List<DeskFailure>();
        var events = 0;
        for (var offset = 0; offset < n || offset == 0; offset += ChunkSize)
        {
            events += chunk(offset, Math.Min(ChunkSize, n - offset), failures);
        }

        return new DeskBatchResult(n, [.. failures], events);
    }

    /// <summary>Items <c>offset</c> onwards of a batch, as a chunk's items 0 onwards.</summary>
    private readonly struct Slice<T>(IReadOnlyList<T> items, int offset)
    {
        public T this[int i] => items[offset + i];
    }

    /// <summary>
    /// The arrays one chunk of a batch borrows from the shared pools, and gives back (cleared of references) when it
    /// ends: a batch would otherwise put several large arrays on the large-object heap per call, and those set off full
    /// collections. A chunk has at most <see cref="ChunkSize"/> items, so the pools never keep arrays for more.
    /// </summary>
    private sealed class BatchArrays : IDisposable
    {
        private readonly List<Action> _returns = [];

        /// <summary>
        /// An array of at least <paramref name="length"/> whose contents are left over from its last use: for arrays the
        /// chunk writes before it reads each element (clearing them cost about 3% of a day).
        /// </summary>
        public T[] Rent<T>(int length)
        {
            var array = System.Buffers.ArrayPool<T>.Shared.Rent(length);
            _returns.Add(() => System.Buffers.ArrayPool<T>.Shared.Return(array, System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>()));
            return array;
        }

        /// <summary>As <see cref="Rent"/>, with the first <paramref name="length"/> elements cleared, like a new array's.</summary>
        public T[] RentCleared<T>(int length)
        {
            var array = Rent<T>(length);
            Array.Clear(array, 0, length);
            return array;
        }

        public void Dispose()
        {
            foreach (var giveBack in _returns)
            {
                giveBack();
            }
        }
    }

    private static ArgumentException Duplicate(RequestId id) =>
        new($"Request {id} is already open at the desk; ids are unique among open requests.", "submission");

    private static KeyNotFoundException NotOpen(RequestId id) =>
        new($"Request {id} is not open at the desk: never submitted here, or already closed, rejected or merged.");

    /// <summary>An item to add to the index: its key, its slot and its place in the batch.</summary>
    private readonly record struct IndexEntry(IndexKey Key, DeskSlot Slot, int Item);

    /// <summary>
    /// A batch's items dealt to lanes by partition: a lane holds whole partitions, so it works on them alone, and walks
    /// its items in batch order. That keeps each partition's events in batch order and reads the batch's arrays (and
    /// the objects they point to) forward rather than partition by partition, each pass of which would stride across
    /// all of them.
    /// </summary>
    private sealed class Lanes(int[] start, int[] order, List<int>[] partitions, int[] counts)
    {
        public int Length => partitions.Length;

        /// <summary>How many of the batch's items fall in partition <paramref name="partition"/>.</summary>
        public int Count(int partition) => counts[partition];

        /// <summary>Runs <paramref name="work"/> for every lane, in parallel.</summary>
        public void Run(Action<Lane> work)
        {
            if (Length == 1)
            {
                work(Lane(0));
                return;
            }

            Parallel.For(0, Length, l => work(Lane(l)));
        }

        private Lane Lane(int l) => new(l, new ArraySegment<int>(order, start[l], start[l + 1] - start[l]), partitions[l]);
    }

    /// <summary>One lane: its index, its items in batch order and its partitions.</summary>
    private readonly record struct Lane(int Index, ArraySegment<int> Items, List<int> Partitions);

    private readonly struct AllPartitions(DeskPartition[] partitions) : IDisposable
    {
        public void Dispose()
        {
            for (var i = partitions.Length - 1; i >= 0; i--)
            {
                partitions[i].Gate.Exit();
            }
        }
    }
}
