namespace Governance.Core.Liaison;

/// <summary>
/// A small min-cost flow solver (successive shortest paths with Dijkstra and Johnson potentials) that sends flow
/// from the source to the sink for as long as a path of negative cost remains, which yields a flow of minimum total
/// cost over all flow values. Arcs may have negative costs as long as the initial graph has no negative cycle.
/// </summary>
internal sealed class MinCostFlow
{
    public const int Infinite = 1 << 30;

    private readonly int[] _head;
    private int[] _next = new int[64];
    private int[] _to = new int[64];
    private int[] _cap = new int[64];
    private long[] _cost = new long[64];
    private int _arcs;

    public MinCostFlow(int nodes)
    {
        NodeCount = nodes;
        _head = new int[nodes];
        Array.Fill(_head, -1);
    }

    public int NodeCount { get; }

    /// <summary>Adds an arc and returns its id; its flow is read with <see cref="Flow"/>.</summary>
    public int AddArc(int from, int to, int capacity, long cost)
    {
        if (_arcs + 2 > _to.Length)
        {
            var size = _to.Length * 2;
            Array.Resize(ref _next, size);
            Array.Resize(ref _to, size);
            Array.Resize(ref _cap, size);
            Array.Resize(ref _cost, size);
        }

        var id = _arcs;
        Link(from, to, capacity, cost);
        Link(to, from, 0, -cost);
        return id;
    }

    /// <summary>The flow on the arc <paramref name="arc"/> after <see cref="Solve"/>.</summary>
    public int Flow(int arc) => _cap[arc ^ 1];

    /// <summary>Sends flow while a negative-cost path exists; returns the total cost of the flow.</summary>
    public long Solve(int source, int sink)
    {
        var n = NodeCount;
        var potential = InitialPotentials(source);
        var dist = new long[n];
        var parentArc = new int[n];
        var queue = new PriorityQueue<int, long>();
        long total = 0;
        while (true)
        {
            Array.Fill(dist, long.MaxValue);
            dist[source] = 0;
            queue.Enqueue(source, 0);
            while (queue.TryDequeue(out var u, out var d))
            {
                if (d > dist[u])
                {
                    continue;
                }

                for (var a = _head[u]; a >= 0; a = _next[a])
                {
                    if (_cap[a] == 0)
                    {
                        continue;
                    }

                    var v = _to[a];
                    var nd = d + _cost[a] + potential[u] - potential[v];
                    if (nd < dist[v])
                    {
                        dist[v] = nd;
                        parentArc[v] = a;
                        queue.Enqueue(v, nd);
                    }
                }
            }

            if (dist[sink] == long.MaxValue)
            {
                return total;
            }

            for (var v = 0; v < n; v++)
            {
                if (dist[v] != long.MaxValue)
                {
                    potential[v] += dist[v];
                }
            }

            var pathCost = potential[sink] - potential[source];
            if (pathCost >= 0)
            {
                return total;
            }

            var push = Infinite;
            for (var v = sink; v != source; v = _to[parentArc[v] ^ 1])
            {
                push = Math.Min(push, _cap[parentArc[v]]);
            }

            for (var v = sink; v != source; v = _to[parentArc[v] ^ 1])
            {
                _cap[parentArc[v]] -= push;
                _cap[parentArc[v] ^ 1] += push;
            }

            total += push * pathCost;
        }
    }

    private void Link(int from, int to, int capacity, long cost)
    {
        _to[_arcs] = to;
        _cap[_arcs] = capacity;
        _cost[_arcs] = cost;
        _next[_arcs] = _head[from];
        _head[from] = _arcs++;
    }

    /// <summary>Shortest distances from the source (Bellman–Ford with a queue); the graph has no negative cycle.</summary>
    private long[] InitialPotentials(int source)
    {
        var n = NodeCount;
        var dist = new long[n];
        Array.Fill(dist, long.MaxValue);
        var inQueue = new bool[n];
        var queue = new Queue<int>();
        dist[source] = 0;
        queue.Enqueue(source);
        inQueue[source] = true;
        while (queue.TryDequeue(out var u))
        {
            inQueue[u] = false;
            for (var a = _head[u]; a >= 0; a = _next[a])
            {
                if (_cap[a] > 0 && dist[u] + _cost[a] < dist[_to[a]])
                {
                    dist[_to[a]] = dist[u] + _cost[a];
                    if (!inQueue[_to[a]])
                    {
                        inQueue[_to[a]] = true;
                        queue.Enqueue(_to[a]);
                    }
                }
            }
        }

        for (var v = 0; v < n; v++)
        {
            if (dist[v] == long.MaxValue)
            {
                dist[v] = 0;
            }
        }

        return dist;
    }
}
