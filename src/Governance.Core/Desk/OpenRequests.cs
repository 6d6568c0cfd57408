using System.Diagnostics.CodeAnalysis;
using Governance.Core.Requests;

namespace Governance.Core.Desk;

/// <summary>
/// The desk's index of open requests by id: plain dictionaries in stripes chosen by the id's hash, each under its own
/// lock. Unlike a <see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey, TValue}"/> it allocates no node
/// object per entry, so a million open requests are a few large arrays to the garbage collector rather than a million
/// more small objects to trace and promote.
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

    public bool TryAdd(Request request)
    {
        var stripe = StripeOf(request.Id);
        lock (stripe.Gate)
        {
            if (!stripe.Map.TryAdd(request.Id, request))
            {
                return false;
            }
        }

        Interlocked.Increment(ref _count);
        return true;
    }

    public bool ContainsKey(RequestId id) => TryGetValue(id, out _);

    public bool TryGetValue(RequestId id, [NotNullWhen(true)] out Request? request)
    {
        var stripe = StripeOf(id);
        lock (stripe.Gate)
        {
            return stripe.Map.TryGetValue(id, out request);
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

    /// <summary>A snapshot of every request in the index, stripe by stripe (no order).</summary>
    public List<Request> Snapshot()
    {
        var all = new List<Request>(Count);
        foreach (var stripe in _stripes)
        {
            lock (stripe.Gate)
            {
                all.AddRange(stripe.Map.Values);
            }
        }

        return all;
    }

    private Stripe StripeOf(RequestId id) => _stripes[(id.GetHashCode() >>> 8) & (StripeCount - 1)];

    private sealed class Stripe
    {
        public readonly Lock Gate = new();
        public readonly Dictionary<RequestId, Request> Map = [];
    }
}
