using Governance.Core.Requests;

namespace Governance.Core.Desk;

/// <summary>
/// The desk's index of open requests by id: where each one's slot is (<see cref="DeskSlot"/>), in plain dictionaries in
/// stripes chosen by the id's hash, each under its own lock. Unlike a
/// <see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey, TValue}"/> it allocates no node object per entry,
/// so a million open requests are a few large arrays to the garbage collector rather than a million more small objects
/// to trace and promote.
/// </summary>
/// <remarks>
/// Lock order: a stripe's lock is taken alone or inside a partition's lock, never the other way round, and never two
/// stripes at once; so it cannot deadlock with the desk's partition locks.
/// </remarks>
internal sealed class OpenRequests
{
    private const int StripeCount = 64; // a power of two

    private readonly Stripe[] _stripes;
    private int _count;

    public OpenRequests()
    {
        _stripes = new Stripe[StripeCount];
        for (var i = 0; i < _stripes.Length; i++)
        {
            _stripes[i] = new Stripe();
        }
    }

    /// <summary>Requests in the index.</summary>
    public int Count => Volatile.Read(ref _count);

    public bool TryAdd(RequestId id, DeskSlot slot)
    {
        var stripe = StripeOf(id);
        lock (stripe.Gate)
        {
            if (!stripe.Map.TryAdd(id, slot))
            {
                return false;
            }
        }

        Interlocked.Increment(ref _count);
        return true;
    }

    public bool ContainsKey(RequestId id) => TryGetValue(id, out _);

    public bool TryGetValue(RequestId id, out DeskSlot slot)
    {
        var stripe = StripeOf(id);
        lock (stripe.Gate)
        {
            return stripe.Map.TryGetValue(id, out slot);
        }
    }

    public void Remove(RequestId id)
    {
        var stripe = StripeOf(id);
        bool removed;
        lock (stripe.Gate)
        {
            removed = stripe.Map.Remove(id);
        }

        if (removed)
        {
            Interlocked.Decrement(ref _count);
        }
    }

    private Stripe StripeOf(RequestId id) => _stripes[(id.GetHashCode() >>> 8) & (StripeCount - 1)];

    private sealed class Stripe
    {
        public readonly Lock Gate = new();
        public readonly Dictionary<RequestId, DeskSlot> Map = [];
    }
}

/// <summary>Where an open request is held: its partition and its slot there.</summary>
internal readonly record struct DeskSlot(int Partition, int Slot);
