using System.Collections;

namespace Governance.Core.Organization;

/// <summary>
/// The ancestors of a unit or household, nearest first and ending at the district (a household's list starts with
/// its building). A view over the chart's index: enumerating it with <c>foreach</c> allocates nothing.
/// </summary>
public readonly struct AncestorList : IReadOnlyList<Unit>
{
    private readonly Unit[] _units;
    private readonly int[] _ancestorAtLevel;
    private readonly int _offset;

    internal AncestorList(Unit[] units, int[] ancestorAtLevel, int offset, int count)
    {
        _units = units;
        _ancestorAtLevel = ancestorAtLevel;
        _offset = offset;
        Count = count;
    }

    /// <summary>How many ancestors there are: 0 for the district, 5 for a household.</summary>
    public int Count { get; }

    /// <summary>The ancestor <paramref name="index"/> steps up, 0 being the nearest (the parent, or a household's building).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than <see cref="Count"/>.</exception>
    public Unit this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"There are {Count} ancestors.");
            }

            return _units[_ancestorAtLevel[_offset + Count - 1 - index]];
        }
    }

    /// <summary>Returns an enumerator that walks from the nearest ancestor up to the district.</summary>
    public Enumerator GetEnumerator() => new(_units, _ancestorAtLevel, _offset, Count);

    IEnumerator<Unit> IEnumerable<Unit>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Walks the ancestors nearest first without allocating.</summary>
    public struct Enumerator : IEnumerator<Unit>
    {
        private readonly Unit[] _units;
        private readonly int[] _ancestorAtLevel;
        private readonly int _offset;
        private int _level;

        internal Enumerator(Unit[] units, int[] ancestorAtLevel, int offset, int count)
        {
            _units = units;
            _ancestorAtLevel = ancestorAtLevel;
            _offset = offset;
            _level = count;
        }

        /// <summary>The current ancestor.</summary>
        public readonly Unit Current => _units[_ancestorAtLevel[_offset + _level]];

        readonly object IEnumerator.Current => Current;

        /// <summary>Moves one level up; false after the district.</summary>
        public bool MoveNext() => --_level >= 0;

        /// <summary>Not supported: enumerate again with a new enumerator.</summary>
        /// <exception cref="NotSupportedException">Always.</exception>
        public readonly void Reset() => throw new NotSupportedException();

        /// <summary>Does nothing; there is nothing to release.</summary>
        public readonly void Dispose()
        {
        }
    }
}
