using Governance.Core.Brands;
using Governance.Core.Insights;
using Governance.Core.Organization;
using Governance.Core.Requests;
using NodaTime;

namespace Governance.Samples.Tongzhou.Reporting;

/// <summary>
/// Everything the report needs, folded from the run's events as they are written (and from the stored events on a
/// resume): the library's three rates and hotspots, plus what the report adds — received, closed and open per
/// street-level unit, each open request's owner and handler, late whistle reports, channels. (Whether a handler has
/// accepted a request the simulation asks the desk: <c>DeskRequest.HandlerAccepted</c>.)
/// </summary>
internal sealed class RunProjection
{
    private readonly Chart _chart;
    private readonly Dictionary<RequestId, RequestState> _requests = [];
    private readonly Dictionary<UnitId, int> _streetIndex = [];
    private readonly long[] _channels = new long[Enum.GetValues<Channel>().Length];
    private readonly BrandRegistry _brands;
    private readonly Dictionary<(BrandId, int), int> _brandIndex = [];
    private readonly DateTimeZone _zone;

    public RunProjection(Chart chart, HotspotOptions hotspots, BrandRegistry brands)
    {
        _chart = chart;
        _brands = brands;
        _zone = brands.Zone;
        foreach (var brand in brands.Brands)
        {
            _brandIndex.Add((brand.Id, brand.Version), _brandIndex.Count);
        }

        // One set of figures per brand version, and the last for requests received where no brand was in force.
        BrandMetrics = new RequestMetrics[_brandIndex.Count + 1];
        for (var i = 0; i < BrandMetrics.Length; i++)
        {
            BrandMetrics[i] = new RequestMetrics(chart);
        }

        Metrics = new RequestMetrics(chart);
        Hotspots = new RequestHotspots(chart, hotspots);
        foreach (var street in chart.ChildrenOf(chart.District))
        {
            _streetIndex.Add(street.Id, _streetIndex.Count);
        }

        Streets = new StreetTally[_streetIndex.Count + 1]; // the last: requests located at district level
        for (var i = 0; i < Streets.Length; i++)
        {
            Streets[i] = new StreetTally();
        }
    }

    /// <summary>
    /// The hotspot rules for a run of <paramref name="requestsPerDay"/>. The library's thresholds (3 a building, 5 a
    /// grid, 8 a community in 30 days) suit a district's ordinary volume, taken here as 100 requests a day in the sample
    /// district (about two a household a year); a run with k times that volume multiplies the Recurring thresholds and
    /// the Rising minimum by k, so that a stress-level volume flags clusters rather than every building. Categories are
    /// compared at two levels (物业/电梯, not just 物业), since property services alone are a third of all requests.
    /// </summary>
    public static HotspotOptions HotspotOptionsFor(int requestsPerDay)
    {
        var k = HotspotScale(requestsPerDay);
        var o = HotspotOptions.Default;
        return o with
        {
            BuildingThreshold = o.BuildingThreshold * k,
            GridThreshold = o.GridThreshold * k,
            CommunityThreshold = o.CommunityThreshold * k,
            RisingMinimumCount = o.RisingMinimumCount * k,
            CategoryDepth = 2,
        };
    }

    public static int HotspotScale(int requestsPerDay) => Math.Max(1, (int)Math.Round(requestsPerDay / 100.0, MidpointRounding.ToEven));

    public RequestMetrics Metrics { get; }

    /// <summary>
    /// The three rates per brand: the figures of the requests received under each brand version of the registry (in
    /// its order), and last those received where no brand was in force.
    /// </summary>
    public RequestMetrics[] BrandMetrics { get; }

    public RequestHotspots Hotspots { get; }

    public StreetTally[] Streets { get; }

    public IReadOnlyList<long> Channels => _channels;

    public long EventCount { get; private set; }

    public int StreetIndexOf(UnitId unit) =>
        _chart.StreetLevelUnitOf(_chart.GetUnit(unit)) is { } street ? _streetIndex[street.Id] : Streets.Length - 1;

    public void Apply(RequestEvent e)
    {
        EventCount++;
        Metrics.Apply(e);
        Hotspots.Apply(e);
        if (e is RequestReceived received)
        {
            var street = StreetIndexOf(received.Location.Unit);
            var brand = _brands.InForce(received.Location.Unit, received.At.InZone(_zone).Date) is { } inForce
                ? _brandIndex[(inForce.Brand.Id, inForce.Brand.Version)]
                : BrandMetrics.Length - 1;
            _requests.Add(e.RequestId, new RequestState { Street = street, Brand = brand, Owner = received.Owner, Handler = received.Handler });
            BrandMetrics[brand].Apply(e);
            Streets[street].Received++;
            _channels[(int)received.Channel]++;
            return;
        }

        if (!_requests.TryGetValue(e.RequestId, out var state))
        {
            return; // an event of a request received before this projection started: cannot happen in a whole log
        }

        BrandMetrics[state.Brand].Apply(e);

        switch (e)
        {
            case RequestForwarded f:
                state.Handler = f.To;
                break;
            case RequestEscalated x:
                state.Handler = x.To;
                break;
            case RequestCalledBack or RequestRejected or RequestMerged:
                state.Closed = true;
                Streets[state.Street].Closed++;
                break;
            case DepartmentSummoned s:
                (state.Summons ??= []).Add((s.Department, s.ReportBy));
                break;
            case DepartmentReported r when state.Summons is { } summons:
                for (var i = summons.Count - 1; i >= 0; i--)
                {
                    if (summons[i].Department == r.Department)
                    {
                        if (r.At > summons[i].ReportBy)
                        {
                            Streets[state.Street].ReportsLate++;
                        }

                        summons.RemoveAt(i);
                        break;
                    }
                }

                break;
        }
    }

    /// <summary>Open requests per street-level unit that have no owner, and that have no handler (both should stay 0).</summary>
    public (long[] WithoutOwner, long[] WithoutHandler) OpenWithout()
    {
        var owner = new long[Streets.Length];
        var handler = new long[Streets.Length];
        foreach (var state in _requests.Values)
        {
            if (!state.Closed)
            {
                owner[state.Street] += string.IsNullOrEmpty(state.Owner.Id) ? 1 : 0;
                handler[state.Street] += string.IsNullOrEmpty(state.Handler.Id) ? 1 : 0;
            }
        }

        return (owner, handler);
    }

    internal sealed class StreetTally
    {
        public long Received;
        public long Closed;
        public long ReportsLate;
    }

    private sealed class RequestState
    {
        public int Street;
        public int Brand;
        public Agency Owner;
        public Agency Handler;
        public bool Closed;
        public List<(DistrictDepartmentId Department, Instant ReportBy)>? Summons;
    }
}
