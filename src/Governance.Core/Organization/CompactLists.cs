namespace Governance.Core.Organization;

/// <summary>
/// Many short lists stored in one array (compressed sparse rows): list <c>k</c> is
/// <c>_items[_offsets[k].._offsets[k + 1]]</c>. Built once, read as spans without allocating.
/// </summary>
internal readonly struct CompactLists<T>
{
    private readonly int[] _offsets;
    private readonly T[] _items;

    private CompactLists(int[] offsets, T[] items)
    {
        _offsets = offsets;
        _items = items;
    }

    public ReadOnlySpan<T> this[int list] => _items.AsSpan(_offsets[list], _offsets[list + 1] - _offsets[list]);

    /// <summary>
    /// Puts item <c>i</c> (of <paramref name="count"/>) into list <paramref name="listOf"/>(i); a negative list drops
    /// it. Items keep their order within a list.
    /// </summary>
    public static CompactLists<T> Group(int lists, int count, Func<int, int> listOf, Func<int, T> item)
    {
        var offsets = new int[lists + 1];
        for (var i = 0; i < count; i++)
        {
            var list = listOf(i);
            if (list >= 0)
            {
                offsets[list + 1]++;
            }
        }

        for (var k = 1; k <= lists; k++)
        {
            offsets[k] += offsets[k - 1];
        }

        var next = (int[])offsets.Clone();
        var items = new T[offsets[lists]];
        for (var i = 0; i < count; i++)
        {
            var list = listOf(i);
            if (list >= 0)
            {
                items[next[list]++] = item(i);
            }
        }

        return new CompactLists<T>(offsets, items);
    }
}
