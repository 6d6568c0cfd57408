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
/// (<see cref="Peek"/>) and changes it stripe by stripe, each stripe on one thread (<see cref="AddInStripe"/>,
/// <see cref="RemoveInStripe"/>): on two cores, taking a lock or counting with an interlocked add moves a cache line
/// between the cores every time, which cost more than the dictionary work itself.</para>
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

    /// <summary>The stripe that holds <paramref name="id"/>.</summary>
    public static int StripeOf(RequestId id) => (id.GetHashCode() >>> 8) & (StripeCount - 1);

    public bool TryAdd(RequestId id, DeskSlot slot)
    {
        var stripe = _stripes[StripeOf(id)];
        lock (stripe.Gate)
        {
            return stripe.Map.TryAdd(id, slot);
        }
    }

    public bool ContainsKey(RequestId id) => TryGetValue(id, out _);

    public bool TryGetValue(RequestId id, out DeskSlot slot)
    {
        var stripe = _stripes[StripeOf(id)];
        lock (stripe.Gate)
        {
            return stripe.Map.TryGetValue(id, out slot);
        }
    }

    public void Remove(RequestId id)
    {
        var stripe = _stripes[StripeOf(id)];
        lock (stripe.Gate)
        {
            stripe.Map.Remove(id);
        }
    }

    /// <summary>Looks up <paramref name="id"/> without a stripe lock: only while the caller holds every partition's lock.</summary>
    public bool Peek(RequestId id, out DeskSlot slot) => _stripes[StripeOf(id)].Map.TryGetValue(id, out slot);

    /// <summary>
    /// Adds to stripe <paramref name="stripe"/> without its lock: only while the caller holds every partition's lock and
    /// no other thread uses that stripe.
    /// </summary>
    public bool AddInStripe(int stripe, RequestId id, DeskSlot slot) => _stripes[stripe].Map.TryAdd(id, slot);

    /// <summary>Removes from stripe <paramref name="stripe"/> without its lock, on the terms of <see cref="AddInStripe"/>.</summary>
    public void RemoveInStripe(int stripe, RequestId id) => _stripes[stripe].Map.Remove(id);

    private sealed class Stripe
    {
        public readonly Lock Gate = new();
        public readonly Dictionary<RequestId, DeskSlot> Map = [];
    }
}

/// <summary>Where an open request is held: its partition and its slot there.</summary>
internal readonly record struct DeskSlot(int Partition, int Slot);
