using System.Runtime.CompilerServices;

namespace Governance.Core.Routing;

/// <summary>
/// The chart's units and households by id, for routing: an open-addressing table (linear probing, at most 70% full)
/// whose entries are the rows routing reads, so that finding a location's id and reading what routing needs of it is
/// one cache miss, which a batch can ask for ahead (<see cref="Prefetch"/>). The chart's own id dictionary costs a
/// bucket miss, an entry miss, then the row's miss, none of which can be fetched ahead.
/// </summary>
/// <remarks>Immutable once made; safe to share between threads.</remarks>
internal sealed class LocationTable
{
    private readonly Row[] _rows; // an empty entry has no id

    /// <summary>Makes the table of <paramref name="rows"/>, whose ids must be distinct (the chart's are, across all kinds).</summary>
    public LocationTable(IReadOnlyCollection<Row> rows)
    {
        // Any length will do (see Home), so the table is sized to the load rather than to the next power of two, which
        // could double it: at 70% full a search reads about two entries, and a district of a million households stays
        // near 46 bytes per location.
        _rows = new Row[Math.Max(16, (int)(rows.Count * 10L / 7) + 1)];
        foreach (var row in rows)
        {
            var at = Home(row.Hash);
            while (_rows[at].Id is not null)
            {
                at = Next(at);
            }

            _rows[at] = row;
        }
    }

    /// <summary>The hash the table files <paramref name="id"/> under (0 for null, which no row has).</summary>
    public static int HashOf(string? id) => id?.GetHashCode() ?? 0;

    /// <summary>The row at <paramref name="position"/> (from <see cref="Find"/>).</summary>
    public ref readonly Row this[int position] => ref _rows[position];

    /// <summary>The position of the row of <paramref name="id"/>, whose hash is <paramref name="hash"/>; -1 when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(string? id, int hash)
    {
        if (id is null)
        {
            return -1;
        }

        for (var at = Home(hash); ; at = Next(at))
        {
            ref readonly var row = ref _rows[at];
            if (row.Id is null)
            {
                return -1; // at most 70% full: every run ends at an empty entry
            }

            if (row.Hash == hash && string.Equals(row.Id, id, StringComparison.Ordinal))
            {
                return at;
            }
        }
    }

    /// <summary>Asks the processor to fetch where the row hashed <paramref name="hash"/> would start (a hint: see <see cref="CacheHint"/>).</summary>
    public void Prefetch(int hash) => CacheHint.Fetch(ref _rows[Home(hash)]);

    /// <summary>Where a hash's run starts: the mixed hash scaled to the length (multiply and shift, no division).</summary>
    private int Home(int hash) => (int)(((ulong)((uint)hash * 0x9E3779B9u) * (ulong)_rows.Length) >> 32);

    private int Next(int at) => at + 1 == _rows.Length ? 0 : at + 1;

    /// <summary>
    /// A unit's or a household's row. A household's has its building's id (to check the location against), and the
    /// community that owns its household-network requests; a unit's has neither.
    /// </summary>
    /// <param name="Hash">The id's <see cref="HashOf"/>.</param>
    /// <param name="Unit">The chart index of the unit, or of the household's building.</param>
    /// <param name="Id">The unit's or household's id.</param>
    /// <param name="BuildingId">The household's building's id; null for a unit.</param>
    /// <param name="NetworkOwnerId">The unit id of the community owning the household's household-network requests; null for a unit.</param>
    internal readonly record struct Row(int Hash, int Unit, string? Id, string? BuildingId, string? NetworkOwnerId)
    {
        public bool IsHousehold => BuildingId is not null;
    }
}
