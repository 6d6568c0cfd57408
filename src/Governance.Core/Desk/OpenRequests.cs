using Governance.Core.Requests;

namespace Governance.Core.Desk;

/// <summary>
/// The desk's index of open requests by id: where each one's slot is (<see cref="DeskSlot"/>), in plain dictionaries in
/// stripes chosen by the id's hash. Unlike a <see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey, TValue}"/>
/// it allocates no node object per entry, so a million open requests are a few large arrays to the garbage collector
/// rather than a million more small objects to trace and promote.
/// </summary>
/// <remarks>
/// <para>Two ways in. A single command or submission holds one partition's lock and goes through a stripe's own lock
/// (<see cref="TryAdd"/>, <see cref="TryGetValue"/>, <see cref="Remove"/>): a stripe's lock is taken alone or inside a
/// partition's lock, never the other way round, and never two at once, so it cannot deadlock with the desk's locks.</para>
/// <para>A batch holds every partition's lock, so nobody else can change the index; it then reads without stripe locks
/// (<see cref="Peek"/>) and changes it stripe by stripe, each stripe on one thread holding that stripe's lock once for
/// all its items (<see cref="AddInStripe"/>, <see cref="RemoveInStripe"/>), since a single command looks its request up
/// before it takes its partition's lock. On two cores, taking a lock per item or counting with an interlocked add moves
/// a cache line between the cores every time, which cost more than the dictionary work itself.</para>
/// </remarks>
internal sealed class OpenRequests
{
    /// <summary>Stripes in the index: a power of two.</summary>
    public const int StripeCount = 64;

    private readonly Stripe[] _stripes;

    public OpenRequests()
    {
        _stripes = new Stripe[StripeCount];
        for (var i = 0; i < _stripes.Length; i++)
        {
            _stripes[i] = new Stripe();
        }
    }

    public bool TryAdd(RequestId id, DeskSlot slot)
    {
        var key = new IndexKey(id);
        var stripe = _stripes[key.Stripe];
        lock (stripe.Gate)
        {
            return stripe.Map.TryAdd(key, slot);
        }
    }

    public bool ContainsKey(RequestId id) => TryGetValue(id, out _);

    public bool TryGetValue(RequestId id, out DeskSlot slot)
    {
        var key = new IndexKey(id);
        var stripe = _stripes[key.Stripe];
        lock (stripe.Gate)
        {
            return stripe.Map.TryGetValue(key, out slot);
        }
    }

    public void Remove(RequestId id)
    {
        var key = new IndexKey(id);
        var stripe = _stripes[key.Stripe];
        lock (stripe.Gate)
        {
            stripe.Map.Remove(key);
        }
    }

    /// <summary>The lock of stripe <paramref name="stripe"/>, for a batch to hold while it changes that stripe.</summary>
    public Lock GateOf(int stripe) => _stripes[stripe].Gate;

    /// <summary>Looks up <paramref name="key"/> without a stripe lock: only while the caller holds every partition's lock.</summary>
    public bool Peek(IndexKey key, out DeskSlot slot) => _stripes[key.Stripe].Map.TryGetValue(key, out slot);

    /// <summary>
    /// Adds to the key's stripe: only while the caller holds every partition's lock and the stripe's lock
    /// (<see cref="GateOf"/>).
    /// </summary>
    public bool AddInStripe(IndexKey key, DeskSlot slot) => _stripes[key.Stripe].Map.TryAdd(key, slot);

    /// <summary>Makes room in <paramref name="stripe"/> for <paramref name="count"/> more entries, on the terms of <see cref="AddInStripe"/>.</summary>
    public void ReserveInStripe(int stripe, int count)
    {
        var map = _stripes[stripe].Map;
        if (map.Count + count > map.EnsureCapacity(0))
        {
            map.EnsureCapacity(map.Count + count);
        }
    }

    /// <summary>Removes from the key's stripe, on the terms of <see cref="AddInStripe"/>.</summary>
    public void RemoveInStripe(IndexKey key) => _stripes[key.Stripe].Map.Remove(key);

    private sealed class Stripe
    {
        public readonly Lock Gate = new();
        public readonly Dictionary<IndexKey, DeskSlot> Map = [];
    }
}

/// <summary>
/// An id with its hash, computed once: a batch hashes its ids in order on all cores, and the index's stripes then
/// place and find them without reading the id's string again (in stripe order those reads are cache misses).
/// </summary>
internal readonly struct IndexKey(RequestId id, int hash) : IEquatable<IndexKey>
{
    public IndexKey(RequestId id)
        : this(id, id.GetHashCode())
    {
    }

    public RequestId Id { get; } = id;

    public int Hash { get; } = hash;

    /// <summary>The index stripe that holds the key.</summary>
    public int Stripe => (Hash >>> 8) & (OpenRequests.StripeCount - 1);

    public bool Equals(IndexKey other) => Hash == other.Hash && Id == other.Id;

    public override bool Equals(object? obj) => obj is IndexKey other && Equals(other);

    public override int GetHashCode() => Hash;
}

/// <summary>Where an open request is held: its partition and its slot there.</summary>
internal readonly record struct DeskSlot(int Partition, int Slot);
