using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Governance.Core.Organization;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Brands;

/// <summary>
/// Which unit works under which brand, and since when, over one <see cref="Chart"/>: the brand versions known, and for
/// every unit a timeline of adoptions. It answers the brand — and so the service levels — in force for any unit on any
/// date, and rolls a brand out to more units in one call that reports what changes for each.
/// </summary>
/// <remarks>
/// <para><b>The rule.</b> On a local date <c>d</c>, a unit works under the brand of its own latest adoption dated on or
/// before <c>d</c>; when it has none, or that entry is a withdrawal, it follows its parent by the same rule, up to the
/// district; when no unit on the way has one, it has no brand and <see cref="Fallback"/> sets its service levels. So an
/// adoption by a subdistrict covers every community, grid and building below it that has no brand of its own, and a
/// community's own brand wins over its subdistrict's.</para>
/// <para><b>Today.</b> <see cref="PolicyFor(Unit)"/> and <see cref="InForce(UnitId)"/> use the local date of
/// <see cref="Clock"/>'s instant in <see cref="Zone"/> (the fallback policy's calendar zone, Asia/Shanghai by default).
/// The registry is an <see cref="IServiceLevelPolicySource"/>: give a <see cref="Desk.RequestDesk"/> the registry, and
/// each request gets the service levels of the brand in force for its unit on the day it is received
/// (<see cref="PolicyFor(Unit, Instant)"/>), also when the desk is restored from events after a rollout.</para>
/// <para><b>Threads.</b> Reads are lock-free and see a consistent snapshot; changes are serialised, build a new
/// snapshot and publish it at once, so a change that is refused (an exception) changes nothing and a reader never sees
/// half a rollout.</para>
/// </remarks>
public sealed class BrandRegistry : IServiceLevelPolicySource
{
    private readonly Lock _writer = new();
    private State _state;

    /// <summary>An empty registry: no brands, no adoptions.</summary>
    /// <param name="chart">The units that adopt brands.</param>
    /// <param name="clock">What "today" is for <see cref="PolicyFor(Unit)"/>.</param>
    /// <param name="fallback">The service levels of a unit with no brand in force; <see cref="ServiceLevelPolicy.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="chart"/> or <paramref name="clock"/> is null.</exception>
    public BrandRegistry(Chart chart, IClock clock, ServiceLevelPolicy? fallback = null)
    {
        Chart = Preconditions.CheckNotNull(chart);
        Clock = Preconditions.CheckNotNull(clock);
        Fallback = fallback ?? ServiceLevelPolicy.Default;
        _state = new State(ImmutableDictionary<(BrandId, int), Brand>.Empty, [], new ImmutableArray<BrandAdoption>[chart.Units.Length]);
    }

    /// <summary>The chart whose units adopt brands.</summary>
    public Chart Chart { get; }

    /// <summary>The clock that says what today is.</summary>
    public IClock Clock { get; }

    /// <summary>The service levels of a unit with no brand in force.</summary>
    public ServiceLevelPolicy Fallback { get; }

    /// <summary>The zone whose local dates adoptions are dated in: <see cref="Fallback"/>'s calendar zone.</summary>
    public DateTimeZone Zone => Fallback.Calendar.Zone;

    /// <summary>Every brand version known, in the order it was first registered or adopted.</summary>
    public IReadOnlyList<Brand> Brands => Volatile.Read(ref _state).Order;

    /// <summary>Every adoption and withdrawal: units in chart order, each unit's timeline oldest first.</summary>
    public IReadOnlyList<BrandAdoption> Adoptions
    {
        get
        {
            var timelines = Volatile.Read(ref _state).Timelines;
            return [.. timelines.Where(t => !t.IsDefault).SelectMany(t => t)];
        }
    }

    /// <summary>Today's local date: <see cref="Clock"/>'s instant in <see cref="Zone"/>.</summary>
    public LocalDate Today => Clock.GetCurrentInstant().InZone(Zone).Date;

    /// <summary>
    /// Makes <paramref name="brand"/> known. Registering a version already known with the same name, description and
    /// settings does nothing.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="brand"/> is null.</exception>
    /// <exception cref="ArgumentException">Another brand with the same id and version, but a different name, description or settings, is known.</exception>
    public void Register(Brand brand)
    {
        Preconditions.CheckNotNull(brand);
        lock (_writer)
        {
            Publish(WithBrand(_state, brand));
        }
    }

    /// <summary>The brand <paramref name="id"/> version <paramref name="version"/>, when known.</summary>
    public bool TryGetBrand(BrandId id, int version, [NotNullWhen(true)] out Brand? brand) =>
        Volatile.Read(ref _state).Known.TryGetValue((id, version), out brand);

    /// <summary>The highest known version of <paramref name="id"/>; <see langword="null"/> when none is known.</summary>
    public Brand? Latest(BrandId id) =>
        Volatile.Read(ref _state).Order.Where(b => b.Id == id).MaxBy(b => b.Version);

    /// <summary>
    /// <paramref name="unit"/> adopts <paramref name="brand"/> from <paramref name="from"/> (registering the brand if
    /// it is new). An entry of the unit's timeline on the same date is replaced; entries on other dates stay, so an
    /// earlier adoption is in force until <paramref name="from"/> and a later one takes over on its date.
    /// </summary>
    /// <returns>The new timeline entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="brand"/> is null.</exception>
    /// <exception cref="ArgumentException">The unit is not in the chart, or the brand conflicts with a known version (see <see cref="Register"/>); nothing changes.</exception>
    public BrandAdoption Adopt(UnitId unit, Brand brand, LocalDate from)
    {
        Preconditions.CheckNotNull(brand);
        var u = CheckUnit(unit);
        var adoption = new BrandAdoption(unit, from, brand);
        lock (_writer)
        {
            var state = WithBrand(_state, brand);
            Publish(state with { Timelines = WithEntry(state.Timelines, u, adoption) });
        }

        return adoption;
    }

    /// <summary>
    /// From <paramref name="from"/>, <paramref name="unit"/> has no brand of its own and follows its parent again (an
    /// entry on the same date is replaced).
    /// </summary>
    /// <returns>The new timeline entry, whose brand is <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">The unit is not in the chart; nothing changes.</exception>
    public BrandAdoption Withdraw(UnitId unit, LocalDate from)
    {
        var u = CheckUnit(unit);
        var withdrawal = new BrandAdoption(unit, from, null);
        lock (_writer)
        {
            Publish(_state with { Timelines = WithEntry(_state.Timelines, u, withdrawal) });
        }

        return withdrawal;
    }

    /// <summary>The timeline of <paramref name="unit"/>'s own adoptions and withdrawals, oldest first.</summary>
    /// <exception cref="ArgumentException">The unit is not in the chart.</exception>
    public IReadOnlyList<BrandAdoption> TimelineOf(UnitId unit)
    {
        var timeline = Volatile.Read(ref _state).Timelines[CheckUnit(unit).Index];
        return timeline.IsDefault ? [] : timeline;
    }

    /// <summary>The brand in force for <paramref name="unit"/> today (see the rule in the remarks); <see langword="null"/> when none.</summary>
    /// <exception cref="ArgumentException">The unit is not in the chart.</exception>
    public BrandInForce? InForce(UnitId unit) => InForce(unit, Today);

    /// <summary>The brand in force for <paramref name="unit"/> on <paramref name="date"/> (see the rule in the remarks); <see langword="null"/> when none.</summary>
    /// <exception cref="ArgumentException">The unit is not in the chart.</exception>
    public BrandInForce? InForce(UnitId unit, LocalDate date) => Find(Volatile.Read(ref _state), CheckUnit(unit), date);

    /// <summary>
    /// The service levels of requests about <paramref name="unit"/> received today: the <see cref="Brand.ServiceLevels"/>
    /// of the brand in force (see the rule in the remarks), or <see cref="Fallback"/> when there is none. Lock-free;
    /// allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is null.</exception>
    /// <exception cref="ArgumentException">The unit is not a unit of <see cref="Chart"/>.</exception>
    public ServiceLevelPolicy PolicyFor(Unit unit) => PolicyFor(unit, Today);

    /// <summary>
    /// As <see cref="PolicyFor(Unit)"/>, for a request received at <paramref name="receivedAt"/>: the brand in force
    /// for the unit on that instant's local date in <see cref="Zone"/>. This is what a desk asks, at receipt and when it
    /// is restored from events, so a restored request keeps the brand it was received under.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is null.</exception>
    /// <exception cref="ArgumentException">The unit is not a unit of <see cref="Chart"/>.</exception>
    public ServiceLevelPolicy PolicyFor(Unit unit, Instant receivedAt) => PolicyFor(unit, receivedAt.InZone(Zone).Date);

    /// <summary>As <see cref="PolicyFor(Unit)"/>, on <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is null.</exception>
    /// <exception cref="ArgumentException">The unit is not a unit of <see cref="Chart"/>.</exception>
    public ServiceLevelPolicy PolicyFor(Unit unit, LocalDate date)
    {
        Preconditions.CheckNotNull(unit);
        Preconditions.CheckArgument(unit.Index < Chart.Units.Length && ReferenceEquals(Chart.Units[unit.Index], unit), nameof(unit),
            $"The unit {unit} is not a unit of the chart the brand registry was made for.");
        return FindEntry(Volatile.Read(ref _state), unit, date)?.Brand?.ServiceLevels ?? Fallback;
    }

    /// <summary>As <see cref="PolicyFor(Unit)"/>, for the unit with id <paramref name="unit"/>.</summary>
    /// <exception cref="ArgumentException">The unit is not in the chart.</exception>
    public ServiceLevelPolicy PolicyFor(UnitId unit) => PolicyFor(CheckUnit(unit));

    /// <summary>
    /// The units whose own adoption of <paramref name="brand"/> (any version) is in force on <paramref name="date"/>, in
    /// chart order; units that only inherit it are not listed.
    /// </summary>
    public IReadOnlyList<UnitId> UnitsAdopting(BrandId brand, LocalDate date)
    {
        var state = Volatile.Read(ref _state);
        var units = new List<UnitId>();
        foreach (var unit in Chart.Units)
        {
            if (Own(state.Timelines[unit.Index], date) is { Brand: { } b } && b.Id == brand)
            {
                units.Add(unit.Id);
            }
        }

        return units;
    }

    /// <summary>
    /// Rolls <paramref name="brand"/> out: every unit of <paramref name="units"/> adopts it from <paramref name="from"/>
    /// (as <see cref="Adopt"/>, all at once), and the report says, per named unit, the brand in force that day before
    /// and after, the settings that differ, and which descendants follow it. Exactly the named units and the
    /// descendants that inherit from them change: a unit with a brand of its own that day, or below one that has,
    /// keeps its brand; dates before <paramref name="from"/> keep theirs; a named unit's own later adoptions still
    /// take over on their dates.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// No unit is named, a unit is named twice or is not in the chart, or the brand conflicts with a known version;
    /// the message names the unit. Nothing changes.
    /// </exception>
    public RolloutReport RollOut(Brand brand, IEnumerable<UnitId> units, LocalDate from) => Plan(brand, units, from, apply: true);

    /// <summary>What <see cref="RollOut"/> would report, without changing anything.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="RollOut"/>.</exception>
    public RolloutReport PreviewRollOut(Brand brand, IEnumerable<UnitId> units, LocalDate from) => Plan(brand, units, from, apply: false);

    internal static BrandInForce? Own(ImmutableArray<BrandAdoption> timeline, LocalDate date)
    {
        if (timeline.IsDefault)
        {
            return null;
        }

        // Timelines are short and sorted by date: the last entry on or before the date is the one in force.
        for (var i = timeline.Length - 1; i >= 0; i--)
        {
            var entry = timeline[i];
            if (entry.From <= date)
            {
                return entry.Brand is { } brand ? new BrandInForce(brand, entry.Unit, entry.From) : null;
            }
        }

        return null;
    }

    private RolloutReport Plan(Brand brand, IEnumerable<UnitId> units, LocalDate from, bool apply)
    {
        Preconditions.CheckNotNull(brand);
        Preconditions.CheckNotNull(units);
        var named = new List<Unit>();
        var seen = new HashSet<UnitId>();
        foreach (var id in units)
        {
            var unit = CheckUnit(id);
            Preconditions.CheckArgument(seen.Add(id), nameof(units), $"The unit {unit} is named twice in the rollout of {brand}.");
            named.Add(unit);
        }

        Preconditions.CheckArgument(named.Count > 0, nameof(units), $"The rollout of {brand} names no unit.");
        lock (_writer)
        {
            var before = _state;
            var after = WithBrand(before, brand);
            var timelines = (ImmutableArray<BrandAdoption>[])after.Timelines.Clone();
            foreach (var unit in named)
            {
                timelines[unit.Index] = Insert(timelines[unit.Index], new BrandAdoption(unit.Id, from, brand));
            }

            after = after with { Timelines = timelines };
            var changes = ImmutableArray.CreateBuilder<BrandChange>(named.Count);
            foreach (var unit in named)
            {
                var old = Find(before, unit, from);
                var kind = old is null ? BrandChangeKind.Adopted
                    : old.Brand.Id != brand.Id ? BrandChangeKind.Switched
                    : old.Brand.Version != brand.Version ? BrandChangeKind.NewVersion
                    : BrandChangeKind.Unchanged;
                var settings = kind == BrandChangeKind.Unchanged ? [] : brand.DifferencesFrom(old?.Brand);
                var inheriting = ImmutableArray.CreateBuilder<UnitId>();
                foreach (var descendant in Chart.DescendantsOf(unit))
                {
                    if (Find(after, descendant, from) is { } now && now.AdoptedBy == unit.Id)
                    {
                        inheriting.Add(descendant.Id);
                    }
                }

                changes.Add(new BrandChange(unit.Id, unit.Name, old, brand, kind, settings, inheriting.ToImmutable()));
            }

            if (apply)
            {
                Publish(after);
            }

            return new RolloutReport(brand, from, changes.MoveToImmutable(), apply);
        }
    }

    private BrandInForce? Find(State state, Unit unit, LocalDate date) =>
        FindEntry(state, unit, date) is { Brand: { } brand } entry ? new BrandInForce(brand, entry.Unit, entry.From) : null;

    /// <summary>The adoption in force (never a withdrawal), walking up from the unit; allocates nothing.</summary>
    private BrandAdoption? FindEntry(State state, Unit unit, LocalDate date)
    {
        for (Unit? u = unit; u is not null; u = Chart.ParentOf(u))
        {
            var timeline = state.Timelines[u.Index];
            if (timeline.IsDefault)
            {
                continue;
            }

            for (var i = timeline.Length - 1; i >= 0; i--)
            {
                var entry = timeline[i];
                if (entry.From <= date)
                {
                    if (entry.Brand is not null)
                    {
                        return entry;
                    }

                    break; // withdrawn: follow the parent
                }
            }
        }

        return null;
    }

    private Unit CheckUnit(UnitId id)
    {
        Unit? unit = null;
        Preconditions.CheckArgument(!string.IsNullOrEmpty(id.Value) && Chart.TryGetUnit(id, out unit), nameof(id),
            $"The unit '{id}' is not in the chart the brand registry was made for.");
        return unit!;
    }

    private static State WithBrand(State state, Brand brand)
    {
        if (state.Known.TryGetValue((brand.Id, brand.Version), out var known))
        {
            Preconditions.CheckArgument(known.IsSameAs(brand), nameof(brand),
                $"Another {known} is already known, with other settings or text; give the changed brand a new version (Brand.ToBuilder()).");
            return state;
        }

        return state with { Known = state.Known.Add((brand.Id, brand.Version), brand), Order = state.Order.Add(brand) };
    }

    private static ImmutableArray<BrandAdoption>[] WithEntry(ImmutableArray<BrandAdoption>[] timelines, Unit unit, BrandAdoption entry)
    {
        var copy = (ImmutableArray<BrandAdoption>[])timelines.Clone();
        copy[unit.Index] = Insert(copy[unit.Index], entry);
        return copy;
    }

    private static ImmutableArray<BrandAdoption> Insert(ImmutableArray<BrandAdoption> timeline, BrandAdoption entry)
    {
        if (timeline.IsDefault)
        {
            return [entry];
        }

        var at = 0;
        while (at < timeline.Length && timeline[at].From < entry.From)
        {
            at++;
        }

        return at < timeline.Length && timeline[at].From == entry.From ? timeline.SetItem(at, entry) : timeline.Insert(at, entry);
    }

    private void Publish(State state) => Volatile.Write(ref _state, state);

    private sealed record State(
        ImmutableDictionary<(BrandId, int), Brand> Known, ImmutableList<Brand> Order, ImmutableArray<BrandAdoption>[] Timelines);
}
