using Governance.Core.Requests;

namespace Governance.Core.Desk;

/// <summary>
/// The desk's index of open requests by id: where each one's slot is (<see cref="DeskSlot"/>), in open-addressing
/// tables in stripes chosen by the id's hash. An entry is 12 bytes with no reference in it — the id's hash and the
/// slot — and the id itself is read from the slot when a hash matches: a million open requests cost the index about
/// 25 bytes each, nothing for the garbage collector to trace, and one cache miss per lookup (a chained dictionary
/// costs two: its bucket, then its entry).
/// </summary>
/// <remarks>
/// <para>Two ways in. A single command or submission holds one partition's lock and goes through a stripe's own lock
/// (<see cref="TryAdd"/>, <see cref="TryGetValue"/>, <see cref="Remove"/>): a stripe's lock is taken alone or inside a
/// partition's lock, never the other way round, and never two at once, so it cannot deadlock with the desk's locks.</para>
/// <para>A batch holds every partition's lock, so nobody else can change the index; it then reads without stripe locks
/// (<see cref="Peek"/>) and changes it stripe by stripe, each stripe on one thread holding that stripe's lock once for
/// all its items (<see cref="AddInStripe"/>, <see cref="RemoveInStripe"/>), since a single command looks its request up
/// before it takes its partition's lock. On two cores, taking a lock per item or counting with an interlocked add moves
/// a cache line between the cores every time, which cost more than the index work itself.</para>
/// <para>Entries are added only once their slot holds the request, and removed before (or, in a batch, while every
/// partition is locked, soon after) the slot is cleared; a reader holding only a stripe's lock that finds an entry whose
/// slot no longer holds the id treats the request as gone, which it is.</para>
/// </remarks>
internal sealed class OpenRequests(DeskPartition[] partitions)
{
    /// <summary>Stripes in the index: a power of two.</summary>
    public const int StripeCount = 64;

    private readonly Stripe[] _stripes = [.. Enumerable.Range(0, StripeCount).Select(_ => new Stripe())];

    public bool TryAdd(RequestId id, DeskSlot slot)
    {
        var key = new IndexKey(id);
        var stripe = _stripes[key.Stripe];
        lock (stripe.Gate)
        {
            return stripe.TryAdd(key, slot, partitions);
        }
    }

    public bool ContainsKey(RequestId id) => TryGetValue(id, out _);

    public bool TryGetValue(RequestId id, out DeskSlot slot)
    {
        var key = new IndexKey(id);
        var stripe = _stripes[key.Stripe];
        lock (stripe.Gate)
        {
            return stripe.TryFind(key, partitions, out slot);
        }
    }

    /// <summary>Removes the entry of <paramref name="id"/> held at <paramref name="slot"/>; nothing when there is none.</summary>
    public void Remove(RequestId id, DeskSlot slot)
    {
        var key = new IndexKey(id);
        var stripe = _stripes[key.Stripe];
        lock (stripe.Gate)
        {
            stripe.Remove(key.Hash, slot);
        }
    }

    /// <summary>The lock of stripe <paramref name="stripe"/>, for a batch to hold while it changes that stripe.</summary>
    public Lock GateOf(int stripe) => _stripes[stripe].Gate;

    /// <summary>Looks up <paramref name="key"/> without a stripe lock: only while the caller holds every partition's lock.</summary>
    public bool Peek(IndexKey key, out DeskSlot slot) => _stripes[key.Stripe].TryFind(key, partitions, out slot);

    /// <summary>
    /// Asks the processor to fetch the memory where <paramref name="key"/>'s entry would start, so that a batch looking
    /// up or changing its items in order finds it in cache a few items later. A hint: it changes nothing.
    /// </summary>
    public void Prefetch(IndexKey key) => _stripes[key.Stripe].Prefetch(key.Hash);

    /// <summary>
    /// Asks the processor to fetch the slot of the first entry whose hash is <paramref name="key"/>'s (not checked
    /// against the id: a hint), after <see cref="Prefetch"/> brought the entry in; <see cref="Peek"/> then reads the id
    /// there from cache. Only while the caller holds every partition's lock.
    /// </summary>
    public void PrefetchSlot(IndexKey key)
    {
        if (_stripes[key.Stripe].FirstWithHash(key.Hash) is { Partition: >= 0 } where)
        {
            partitions[where.Partition].Prefetch(where.Slot);
        }
    }

    /// <summary>
    /// Adds to the key's stripe unless the id is there already: only while the caller holds every partition's lock and
    /// the stripe's lock (<see cref="GateOf"/>).
    /// </summary>
    public bool AddInStripe(IndexKey key, DeskSlot slot) => _stripes[key.Stripe].TryAdd(key, slot, partitions);

    /// <summary>Makes room in <paramref name="stripe"/> for <paramref name="count"/> more entries, on the terms of <see cref="AddInStripe"/>.</summary>
    public void ReserveInStripe(int stripe, int count) => _stripes[stripe].Reserve(count);

    /// <summary>Removes the key's entry held at <paramref name="slot"/>, on the terms of <see cref="AddInStripe"/>.</summary>
    public void RemoveInStripe(IndexKey key, DeskSlot slot) => _stripes[key.Stripe].Remove(key.Hash, slot);

    /// <summary>One stripe: a linear-probing table, at most 70% full, whose removals shift later entries back (no tombstones).</summary>
    private sealed class Stripe
    {
        public readonly Lock Gate = new();

        private Entry[] _entries = new Entry[16]; // a power of two
        private int _count;
        private int _shift = 32 - 4; // 32 - log2(length)

        public void Reserve(int count)
        {
            var needed = _count + count;
            if ((long)needed * 10 > (long)_entries.Length * 7)
            {
                var length = _entries.Length;
                while ((long)needed * 10 > (long)length * 7)
                {
                    length *= 2;
                }

                Resize(length);
            }
        }

        public bool TryFind(IndexKey key, DeskPartition[] partitions, out DeskSlot slot)
        {
            if (Probe(key, partitions, out var at))
            {
                slot = new DeskSlot(_entries[at].PartitionPlusOne - 1, _entries[at].Slot);
                return true;
            }

            slot = default;
            return false;
        }

        public bool TryAdd(IndexKey key, DeskSlot slot, DeskPartition[] partitions)
        {
            Reserve(1);
            if (Probe(key, partitions, out var at))
            {
                return false;
            }

            _entries[at] = new Entry(key.Hash, slot.Partition + 1, slot.Slot);
            _count++;
            return true;
        }

        public void Remove(int hash, DeskSlot slot)
        {
            var entries = _entries;
            var mask = entries.Length - 1;
            var i = Home(hash);
            for (; ; i = (i + 1) & mask)
            {
                ref var e = ref entries[i];
                if (e.PartitionPlusOne == 0)
                {
                    return;
                }

                if (e.Hash == hash && e.PartitionPlusOne == slot.Partition + 1 && e.Slot == slot.Slot)
                {
                    break;
                }
            }

            // Shift back each later entry of the run that may sit at the hole: one whose home is not cyclically in (hole, j].
            for (var j = (i + 1) & mask; entries[j].PartitionPlusOne != 0; j = (j + 1) & mask)
            {
                var home = Home(entries[j].Hash);
                var stays = i <= j ? home > i && home <= j : home > i || home <= j;
                if (!stays)
                {
                    entries[i] = entries[j];
                    i = j;
                }
            }

            entries[i] = default;
            _count--;
        }

        public DeskSlot FirstWithHash(int hash)
        {
            var entries = _entries;
            var mask = entries.Length - 1;
            for (var i = Home(hash); entries[i].PartitionPlusOne != 0; i = (i + 1) & mask)
            {
                if (entries[i].Hash == hash)
                {
                    return new DeskSlot(entries[i].PartitionPlusOne - 1, entries[i].Slot);
                }
            }

            return new DeskSlot(-1, -1);
        }

        public void Prefetch(int hash) => CacheHint.Fetch(ref _entries[Home(hash)]);

        /// <summary>
        /// Walks the key's run: true with <paramref name="at"/> at its entry when the id is held, else false with
        /// <paramref name="at"/> at the empty entry that ends the run (where an add goes).
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private bool Probe(IndexKey key, DeskPartition[] partitions, out int at)
        {
            var entries = _entries;
            var mask = entries.Length - 1;
            for (at = Home(key.Hash); entries[at].PartitionPlusOne != 0; at = (at + 1) & mask)
            {
                ref var e = ref entries[at];
                if (e.Hash == key.Hash && partitions[e.PartitionPlusOne - 1].Holds(e.Slot, key.Id))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Fibonacci hashing of the whole hash: the stripe's own bits of it are all the same here.</summary>
        private int Home(int hash) => (int)(((uint)hash * 0x9E3779B9u) >> _shift);

        private void Resize(int length)
        {
            var old = _entries;
            _entries = new Entry[length];
            _shift = 32 - System.Numerics.BitOperations.Log2((uint)length);
            var mask = length - 1;
            foreach (var e in old)
            {
                if (e.PartitionPlusOne != 0)
                {
                    var i = Home(e.Hash);
                    while (_entries[i].PartitionPlusOne != 0)
                    {
                        i = (i + 1) & mask;
                    }

                    _entries[i] = e;
                }
            }
        }
    }

    /// <summary>An id's hash and where it is held; <c>PartitionPlusOne</c> is 0 in an empty entry.</summary>
    private readonly record struct Entry(int Hash, int PartitionPlusOne, int Slot);
}

/// <summary>
/// An id with its hash, computed once: a batch hashes its ids in order on all cores, and the index's stripes then
/// place and find them without reading the id's string again (in stripe order those reads are cache misses).
/// </summary>
internal readonly struct IndexKey(RequestId id, int hash)
{
    public IndexKey(RequestId id)
        : this(id, id.GetHashCode())
    {
    }

    public RequestId Id { get; } = id;

    public int Hash { get; } = hash;

    /// <summary>The index stripe that holds the key.</summary>
    public int Stripe => (Hash >>> 8) & (OpenRequests.StripeCount - 1);
}

/// <summary>Where an open request is held: its partition and its slot there.</summary>
internal readonly record struct DeskSlot(int Partition, int Slot);
