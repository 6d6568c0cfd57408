using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Governance.Core.Ledger;
using Governance.Core.Organization;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Projects;

/// <summary>
/// 微民生微服务项目库: the micro-project library kept against a chart — about a hundred small projects a year (the
/// yearly target, default <see cref="DefaultYearlyTarget"/>), each with its place in the chart, its lifecycle, its
/// funding, and the ledger items and hotspots it answers. It checks what projects refer to, answers queries, and
/// reports each year's progress per theme and per street-level unit.
/// </summary>
/// <remarks>
/// Projects are kept in the order they were proposed; ids are unique. The projects are the same objects callers get
/// back, so commands go through <see cref="Execute"/> to be checked against the chart and the ledger. Not
/// thread-safe: one writer.
/// </remarks>
public sealed class MicroProjectLibrary
{
    /// <summary>The yearly target the article names: 每年实施100项小微工程.</summary>
    public const int DefaultYearlyTarget = 100;

    private readonly List<MicroProject> _projects = [];
    private readonly Dictionary<MicroProjectId, MicroProject> _byId = [];
    private readonly Dictionary<int, int> _targets = [];

    /// <summary>An empty library over <paramref name="chart"/>.</summary>
    /// <param name="chart">The units projects are placed in.</param>
    /// <param name="yearlyTarget">Projects to implement each year unless <see cref="SetTarget"/> says otherwise; 0 to 100,000.</param>
    /// <param name="zone">The zone whose local dates decide a project's year; Asia/Shanghai by default.</param>
    /// <param name="ledger">When given, a ledger item a project answers must be on it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="chart"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="yearlyTarget"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="ledger"/> is kept against another chart.</exception>
    public MicroProjectLibrary(Chart chart, int yearlyTarget = DefaultYearlyTarget, DateTimeZone? zone = null, Ledger.Ledger? ledger = null)
    {
        Chart = Preconditions.CheckNotNull(chart);
        YearlyTarget = Preconditions.CheckInRange(yearlyTarget, 0, 100_000);
        Zone = zone ?? WorkingCalendar.Default.Zone;
        Preconditions.CheckArgument(ledger is null || ReferenceEquals(ledger.Chart, chart), nameof(ledger), "The ledger is kept against another chart.");
        Ledger = ledger;
    }

    /// <summary>The chart projects' places are checked against and progress rolls up.</summary>
    public Chart Chart { get; }

    /// <summary>The target of every year that has none of its own.</summary>
    public int YearlyTarget { get; }

    /// <summary>The zone whose local dates decide a project's year.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The ledger answered items are checked against; <see langword="null"/> when none was given.</summary>
    public Ledger.Ledger? Ledger { get; }

    /// <summary>Every project, in the order it was proposed.</summary>
    public IReadOnlyList<MicroProject> Projects => _projects;

    /// <summary>Sets <paramref name="year"/>'s own target.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is not 0 to 100,000.</exception>
    public void SetTarget(int year, int target) => _targets[year] = Preconditions.CheckInRange(target, 0, 100_000);

    /// <summary><paramref name="year"/>'s target: its own, or <see cref="YearlyTarget"/>.</summary>
    public int TargetFor(int year) => _targets.GetValueOrDefault(year, YearlyTarget);

    /// <summary>Proposes a project (see <see cref="MicroProject.Propose"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    /// <exception cref="ArgumentException">The command is malformed, its id is already in the library, or its place is not in the chart; nothing changes.</exception>
    public MicroProject Propose(ProposeMicroProject command)
    {
        Preconditions.CheckNotNull(command);
        CheckNew(command.ProjectId);
        CheckPlace(command.Place, command.ProjectId);
        return Add(MicroProject.Propose(command, Zone));
    }

    /// <summary>
    /// Executes <paramref name="command"/> on the project <paramref name="id"/>; a ledger item it answers must be on
    /// <see cref="Ledger"/> when there is one.
    /// </summary>
    /// <returns>The event, already applied.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No project has that id.</exception>
    /// <exception cref="MicroProjectCommandException">The project refuses the command; nothing changes.</exception>
    public MicroProjectEvent Execute(MicroProjectId id, MicroProjectCommand command)
    {
        Preconditions.CheckNotNull(command);
        var project = Get(id);
        var e = project.Decide(command);
        if (e is LedgerItemAnswered { Item: var item } && Ledger is { } ledger && !ledger.TryGet(item, out _))
        {
            throw new MicroProjectCommandException(id, project.Status, command.Trigger, $"ledger item {item} is not on the ledger");
        }

        project.Apply(e);
        return e;
    }

    /// <summary>The project with <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No project has that id.</exception>
    public MicroProject Get(MicroProjectId id) =>
        _byId.TryGetValue(id, out var project) ? project : throw new KeyNotFoundException($"No micro-project {id}.");

    /// <summary>Finds the project with <paramref name="id"/>.</summary>
    public bool TryGet(MicroProjectId id, [NotNullWhen(true)] out MicroProject? project) => _byId.TryGetValue(id, out project);

    /// <summary>Projects that answer the ledger item <paramref name="item"/>, in the library's order.</summary>
    public IReadOnlyList<MicroProject> Answering(LedgerItemId item) => [.. _projects.Where(p => p.LedgerItems.Contains(item))];

    /// <summary>Projects that answer the hotspot <paramref name="hotspot"/>, in the library's order.</summary>
    public IReadOnlyList<MicroProject> Answering(HotspotRef hotspot) => [.. _projects.Where(p => p.Hotspots.Contains(hotspot))];

    /// <summary>Projects placed at <paramref name="unit"/> or anywhere below it, in the library's order.</summary>
    /// <exception cref="KeyNotFoundException">The unit is not in the chart.</exception>
    public IReadOnlyList<MicroProject> ProjectsUnder(UnitId unit)
    {
        var ancestor = Chart.GetUnit(unit);
        return [.. _projects.Where(p => Chart.IsWithin(Chart.GetUnit(p.Place), ancestor))];
    }

    /// <summary>
    /// <paramref name="year"/>'s progress at <paramref name="asOf"/>: each project as it stood then (events after it
    /// ignored); see <see cref="ProjectProgress"/> for what counts.
    /// </summary>
    public ProjectProgress Progress(int year, Instant asOf)
    {
        var implemented = ImmutableArray.CreateBuilder<MicroProjectId>();
        var byTheme = Enum.GetValues<ProjectTheme>().ToDictionary(t => t, _ => 0);
        var byUnit = new Dictionary<UnitId, int>();
        var fundedBy = Enum.GetValues<FundingSource>().ToDictionary(s => s, _ => 0m);
        var pipeline = Enum.GetValues<MicroProjectStatus>().Where(s => s != MicroProjectStatus.Active).ToDictionary(s => s, _ => 0);
        var spent = 0m;
        foreach (var project in _projects)
        {
            if (project.AsOf(asOf) is not { } then)
            {
                continue;
            }

            pipeline[then.Status]++;
            if (!then.IsImplemented || then.CompletedOn!.Value.Year != year)
            {
                continue;
            }

            implemented.Add(then.Id);
            byTheme[then.Theme]++;
            var place = Chart.GetUnit(then.Place);
            var street = (Chart.StreetLevelUnitOf(place) ?? place).Id;
            byUnit[street] = byUnit.GetValueOrDefault(street) + 1;
            spent += then.ActualCost!.Value;
            foreach (var funding in then.Funding)
            {
                fundedBy[funding.Source] += funding.Amount;
            }
        }

        var target = TargetFor(year);
        var today = asOf.InZone(Zone).Date;
        var expected = today.Year < year ? 0
            : today.Year > year ? target
            : (int)((long)target * today.DayOfYear / Period.Between(new LocalDate(year, 1, 1), new LocalDate(year + 1, 1, 1), PeriodUnits.Days).Days);
        return new ProjectProgress(year, asOf, target, implemented.ToImmutable(), expected, byTheme.ToImmutableDictionary(),
            byUnit.ToImmutableDictionary(), spent, fundedBy.ToImmutableDictionary(), pipeline.ToImmutableDictionary());
    }

    /// <summary>Rebuilds a library from the events of all its projects, interleaved in any order that keeps each project's own order.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="DataValidationException">
    /// A project's log is wrong (see <see cref="MicroProject.Replay"/>), a project is proposed twice, its place is not in
    /// the chart, or it answers a ledger item not on the ledger; the error names the event's position (<c>$[3]</c>).
    /// </exception>
    public static MicroProjectLibrary Replay(Chart chart, IEnumerable<MicroProjectEvent> events, int yearlyTarget = DefaultYearlyTarget, DateTimeZone? zone = null, Ledger.Ledger? ledger = null)
    {
        Preconditions.CheckNotNull(events);
        var library = new MicroProjectLibrary(chart, yearlyTarget, zone, ledger);
        var position = 0;
        foreach (var e in events)
        {
            try
            {
                if (e is MicroProjectProposed proposed)
                {
                    library.CheckNew(proposed.ProjectId);
                    library.CheckPlace(proposed.Place, proposed.ProjectId);
                    library.Add(MicroProject.StartFrom(proposed, library.Zone));
                }
                else
                {
                    Preconditions.CheckArgument(e is not null, nameof(events), "the event is null");
                    Preconditions.CheckArgument(library._byId.TryGetValue(e.ProjectId, out var project), nameof(events),
                        $"micro-project {e.ProjectId} has not been proposed before this event");
                    Preconditions.CheckArgument(e is not LedgerItemAnswered { Item: var item } || ledger is null || ledger.TryGet(item, out _), nameof(events),
                        $"the ledger item the event names is not on the ledger");
                    project.Apply(e);
                }
            }
            catch (Exception refused) when (refused is MicroProjectCommandException or ArgumentException)
            {
                throw new DataValidationException("micro-project event log", [new DataError($"$[{position}]", e?.ProjectId.Value, refused.Message)]);
            }

            position++;
        }

        return library;
    }

    private MicroProject Add(MicroProject project)
    {
        _projects.Add(project);
        _byId.Add(project.Id, project);
        return project;
    }

    private void CheckNew(MicroProjectId id) =>
        Preconditions.CheckArgument(!_byId.ContainsKey(id), nameof(id), $"Micro-project {id} is already in the library.");

    private void CheckPlace(UnitId place, MicroProjectId id) =>
        Preconditions.CheckArgument(!string.IsNullOrEmpty(place.Value) && Chart.TryGetUnit(place, out _), nameof(place), $"Micro-project {id}: the place {place} is not in the chart.");
}
