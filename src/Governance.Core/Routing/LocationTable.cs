using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Governance.Core.Organization;

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
        // could double it: at 70% full a search reads about two entries.
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

    /// <summary>
    /// The hash the table files <paramref name="id"/> under (0 for null, which no row has): the id's UTF-16 code units
    /// mixed eight bytes at a time, about twice as fast as <see cref="string.GetHashCode()"/> on ids of 16 to 20
    /// characters. It is not randomized, and need not be: the table holds only the chart's ids, fixed when the router
    /// is made, so an id a request names can only probe one of the runs the chart's own ids made.
    /// </summary>
    public static int HashOf(string? id)
    {
        if (id is null)
        {
            return 0;
        }

        var bytes = MemoryMarshal.AsBytes(id.AsSpan());
        ref var start = ref MemoryMarshal.GetReference(bytes);
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)bytes.Length;
        if (bytes.Length >= sizeof(ulong))
        {
            // Whole words, then the last eight bytes (overlapping the words before them when the length is not a multiple).
            var last = bytes.Length - sizeof(ulong);
            for (var i = 0; i < last; i += sizeof(ulong))
            {
                h = Mix(h, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i)));
            }

            h = Mix(h, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, last)));
        }
        else
        {
            ulong word = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                word |= (ulong)bytes[i] << (8 * i);
            }

            h = Mix(h, word);
        }

        return (int)(h ^ (h >> 32));

        static ulong Mix(ulong h, ulong word)
        {
            h = (h ^ word) * 0xBF58476D1CE4E5B9UL; // SplitMix64's multiplier and shift
            return h ^ (h >> 31);
        }
    }

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
    /// A unit's or a household's row: the id it is found by, and everything routing reads of it (its own unit's route,
    /// copied into each of the unit's households' rows, so that routing a request is one table entry). A household's row
    /// also has its building's id (to check the location against) and the community owning its household-network
    /// requests; a unit's has neither.
    /// </summary>
    /// <remarks>
    /// Six references and four ints: 64 bytes, so a row is at most two cache lines on one page, and a district of a
    /// million households (1.4 million locations at 70% load) needs about 130 MB.
    /// </remarks>
    internal readonly struct Row(int hash, int unit, string id, string? buildingId, string? networkOwnerId, string communityId, string streetId,
        string companyOrCommunityId, bool servedByCompany, int streetSlot)
    {
        /// <summary>The id's <see cref="HashOf"/>.</summary>
        public readonly int Hash = hash;

        /// <summary>The chart index of the unit, or of the household's building.</summary>
        public readonly int Unit = unit;

        /// <summary>The street-level unit's slot among the chart's street-level units; -1 when the unit has none above it (the district).</summary>
        public readonly int StreetSlot = streetSlot;

        /// <summary>Whether <see cref="CompanyOrCommunityId"/> is a property company's id (else it is the community's).</summary>
        public readonly bool ServedByCompany = servedByCompany;

        /// <summary>The unit's or household's id; null for an empty entry.</summary>
        public readonly string? Id = id;

        /// <summary>The household's building's id; null for a unit.</summary>
        public readonly string? BuildingId = buildingId;

        /// <summary>The unit id of the community owning the household's household-network requests; null for a unit.</summary>
        public readonly string? NetworkOwnerId = networkOwnerId;

        /// <summary>The id of the unit's community (the unit itself above community level).</summary>
        public readonly string CommunityId = communityId;

        /// <summary>The id of the unit's street-level unit (the unit itself above street level).</summary>
        public readonly string StreetId = streetId;

        /// <summary>The property company serving the unit's community (the first in chart order), else the community.</summary>
        public readonly string CompanyOrCommunityId = companyOrCommunityId;

        /// <summary>Whether this is a household's row.</summary>
        public bool IsHousehold => BuildingId is not null;

        /// <summary>The id of the row's unit: the household's building, or the unit itself.</summary>
        public string UnitId => BuildingId ?? Id!;

        /// <summary>The property company serving the unit's community, else the community (as an agency).</summary>
        public Agency CompanyOrCommunity => new(ServedByCompany ? AgencyKind.PropertyCompany : AgencyKind.Unit, CompanyOrCommunityId);
    }
}
