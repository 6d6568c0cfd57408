using Governance.Core.Brands;
using Governance.Core.Catalogue;
using Governance.Core.Desk;
using Governance.Core.Liaison;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Routing;
using Governance.Core.Time;
using Governance.Samples.Tongzhou.Reporting;
using Governance.Samples.Tongzhou.Storage;
using NodaTime;

namespace Governance.Samples.Tongzhou.Simulation;

/// <summary>
/// A simulated Tongzhou: the sample district receives a deterministic stream of requests through every channel and
/// the desk handles them, hour by hour, with the simulated handlers' and residents' steps in time order. Each hour ends
/// with the desk advanced to the hour's end (firing missed deadlines, automatic escalations, missed whistle reports)
/// and the hour's events appended to the store together with a checkpoint, in one transaction.
/// </summary>
/// <remarks>
/// <para><b>Determinism.</b> A request's script — arrival, submission, and every later step with its instant — is a pure
/// function of (seed, day, index) (<see cref="ScriptGenerator"/>); what command a step becomes is decided when it runs,
/// from the request's state at the desk then. Work runs in (instant, day, index, step) order. So the same seed and
/// policy give the same events, whatever the store.</para>
/// <para><b>Resume.</b> The desk is rebuilt from the stored events; the open requests' scripts are regenerated from
/// their ids and their steps not yet due at the checkpoint queued again, as are the arrivals still to come that day.
/// The counters the events do not hold travel in the checkpoint. A resumed run therefore writes exactly the events,
/// and reports exactly the figures, of a run that never stopped.</para>
/// </remarks>
public sealed class TongzhouSimulation
{
    private readonly SimulationSettings _settings;
    private readonly SimulationPolicy _policy;
    private readonly string _policyText;
    private readonly Chart _chart;
    private readonly BrandRegistry _brands;
    private readonly LiaisonAssignment _liaisons;
    private readonly Router _router;
    private readonly ScriptGenerator _generator;
    private readonly Instant _start;

    private readonly List<RequestCommand> _plan = new(2);
    private RequestDesk _desk = null!;
    private RunProjection _projection = null!;
    private long _commands;
    private long _refused;

    public TongzhouSimulation(SimulationSettings settings, SimulationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(policy);
        if (settings.Days < 1 || settings.RequestsPerDay < 1)
        {
            throw new SimulationException($"A run needs at least one day and one request a day; got {settings.Days} days and {settings.RequestsPerDay} a day.");
        }

        _settings = settings;
        _policy = policy;
        _policyText = SimulationPolicyJson.Serialize(policy);
        _chart = SampleDistrict.Chart;
        _liaisons = LiaisonAssigner.Assign(_chart, policy.Liaison);
        _brands = policy.BrandRegistry(_chart, new SimulationClock(Instant.MinValue)); // asked by the receipt instant, never by its clock
        _router = new Router(_chart, CategoryCatalogue.Default, _liaisons);
        _generator = new ScriptGenerator(_router, policy.Escalation, settings.Seed, settings.Start, settings.RequestsPerDay);
        _start = _generator.StartOf(0);
        var lastDay = settings.Start.PlusDays(settings.Days);
        if (!policy.ServiceLevels.Calendar.Covers(settings.Start.Year) || !policy.ServiceLevels.Calendar.Covers(lastDay.Year))
        {
            throw new SimulationException(
                $"The working calendar covers the years {string.Join(", ", policy.ServiceLevels.Calendar.CoveredYears)}; a run from {settings.Start:uuuu-MM-dd} to {lastDay:uuuu-MM-dd} leaves them.");
        }
    }

    /// <summary>How many simulated hours the whole run has.</summary>
    public int TotalHours => _settings.Days * 24;

    /// <summary>
    /// Runs (or, with <paramref name="resume"/>, goes on with) the simulation, writing to <paramref name="store"/>.
    /// </summary>
    /// <param name="store">An empty store, or with <paramref name="resume"/> one that a run with the same seed, requests a day, start and policy wrote.</param>
    /// <param name="resume">Rebuild from the store's events and its last checkpoint and go on.</param>
    /// <param name="progress">Told the hours done after each hour.</param>
    /// <param name="stopAfterHours">Stop once this many hours are done (in all), as if the process had been killed there; for tests.</param>
    /// <exception cref="SimulationException">The store does not fit (not empty without resume; nothing to resume; another run's data).</exception>
    public SimulationOutcome Run(ISimulationStore store, bool resume = false, Action<int>? progress = null, int? stopAfterHours = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var clock = new SimulationClock(_start);
        _projection = new RunProjection(_chart, RunProjection.HotspotOptionsFor(_settings.RequestsPerDay), _brands);
        var sink = new HourSink(_projection);
        var queue = new PriorityQueue<(RequestScript Script, int Step), WorkKey>();
        var hoursDone = 0;
        _commands = _refused = 0;

        if (resume)
        {
            var text = store.LastCheckpoint ?? throw new SimulationException($"{store.Description} holds no checkpoint: there is no run to resume. Run without --resume to start one.");
            var checkpoint = SimulationCheckpoint.Parse(text, store.Description);
            CheckSameRun(checkpoint, store.Description);
            hoursDone = checkpoint.HoursDone;
            (_commands, _refused) = (checkpoint.Commands, checkpoint.Refused);
            var boundary = HourStart(hoursDone);
            clock.MoveTo(boundary);
            var events = store.ReadAll();
            foreach (var e in events)
            {
                _projection.Apply(e);
            }

            _desk = DeskRestore.Restore(_router, _brands, clock, store.ReadAll(), sink, store.Description);
            foreach (var open in _desk.Query(new DeskQuery()))
            {
                if (!RequestScript.TryParseId(open.Id, out var day, out var index))
                {
                    throw new SimulationException($"{store.Description}: the open request '{open.Id}' was not made by this simulation.");
                }

                var script = _generator.Generate(day, index);
                for (var s = 0; s < script.Steps.Length; s++)
                {
                    if (script.Steps[s].At >= boundary)
                    {
                        queue.Enqueue((script, s), new WorkKey(script.Steps[s].At, day, index, s));
                    }
                }
            }

            if (hoursDone < TotalHours && hoursDone % 24 != 0)
            {
                EnqueueArrivals(queue, hoursDone / 24, boundary);
            }
        }
        else
        {
            if (store.EventCount > 0 || store.LastCheckpoint is not null)
            {
                throw new SimulationException($"{store.Description} already holds a run ({store.EventCount:N0} events). Resume it with --resume, or choose another database (--db) or --overwrite.");
            }

            _desk = new RequestDesk(_router, _brands, clock, sink);
        }

        var stopAt = Math.Min(TotalHours, stopAfterHours ?? int.MaxValue);
        for (var hour = hoursDone; hour < stopAt; hour++)
        {
            if (hour % 24 == 0)
            {
                EnqueueArrivals(queue, hour / 24, Instant.MinValue);
            }

            var end = HourStart(hour + 1);
            while (queue.TryPeek(out _, out var key) && key.At < end)
            {
                var (script, step) = queue.Dequeue();
                clock.MoveTo(key.At);
                if (step < 0)
                {
                    _desk.Submit(script.Submission);
                    for (var s = 0; s < script.Steps.Length; s++)
                    {
                        queue.Enqueue((script, s), new WorkKey(script.Steps[s].At, script.Day, script.Index, s));
                    }
                }
                else
                {
                    Execute(script, script.Steps[step]);
                }
            }

            clock.MoveTo(end);
            _desk.Advance();
            hoursDone = hour + 1;
            var checkpoint = new SimulationCheckpoint(SimulationCheckpoint.CurrentFormat, _settings.Seed, _settings.Days, _settings.RequestsPerDay,
                SimulationCheckpoint.Format(_settings.Start), _policyText, hoursDone, _commands, _refused);
            store.Append(sink.Take(), checkpoint.ToJson());
            progress?.Invoke(hoursDone);
        }

        var dayEnds = Enumerable.Range(1, hoursDone / 24).Select(d => _generator.StartOf(d)).ToArray();
        var report = ReportBuilder.Build(_projection, _liaisons, _brands, _settings, _policy, dayEnds, HourStart(hoursDone), _commands, _refused, _desk.OpenCount);
        return new SimulationOutcome(report, hoursDone, hoursDone == TotalHours, _projection.EventCount, _desk);
    }

    private Instant HourStart(int hour) => _start + Duration.FromHours(hour);

    private void EnqueueArrivals(PriorityQueue<(RequestScript, int), WorkKey> queue, int day, Instant notBefore)
    {
        var count = _generator.CountOn(day);
        for (var index = 0; index < count; index++)
        {
            var script = _generator.Generate(day, index);
            if (script.Arrival >= notBefore)
            {
                queue.Enqueue((script, -1), new WorkKey(script.Arrival, day, index, -1));
            }
        }
    }

    private void CheckSameRun(SimulationCheckpoint checkpoint, string where)
    {
        var differences = new List<string>();
        if (checkpoint.Seed != _settings.Seed)
        {
            differences.Add($"--seed {checkpoint.Seed}");
        }

        if (checkpoint.RequestsPerDay != _settings.RequestsPerDay)
        {
            differences.Add($"--requests-per-day {checkpoint.RequestsPerDay}");
        }

        if (checkpoint.StartDate != _settings.Start)
        {
            differences.Add($"--start {checkpoint.Start}");
        }

        if (checkpoint.Policy != _policyText)
        {
            differences.Add("another policy (see the report's run.policy)");
        }

        if (differences.Count > 0)
        {
            throw new SimulationException($"{where} holds a run made with {string.Join(", ", differences)}; resume with the same options, or start a new run.");
        }

        if (checkpoint.HoursDone > TotalHours)
        {
            throw new SimulationException($"{where} holds a run already {checkpoint.HoursDone / 24.0:0.#} days long; --days {_settings.Days} would go back. Use --days {(checkpoint.HoursDone + 23) / 24} or more.");
        }
    }

    /// <summary>Runs one step: decides its commands from the request's state now, and looks once more if due timers moved the request on first.</summary>
    private void Execute(RequestScript script, ScriptStep step)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (!_desk.TryGet(script.Id, out var request))
            {
                return; // closed: what was left of its script has nothing to act on
            }

            Plan(script, step, request);
            if (_plan.Count == 0)
            {
                return;
            }

            try
            {
                foreach (var command in _plan)
                {
                    _desk.Execute(script.Id, command);
                    _commands++;
                }

                return;
            }
            catch (RequestCommandException) when (attempt == 0)
            {
                // Timers due before the command (a missed deadline and its escalation) may have changed the request.
            }
            catch (RequestCommandException)
            {
                _refused++;
            }
        }
    }

    private void Plan(RequestScript script, ScriptStep step, DeskRequest r)
    {
        _plan.Clear();
        var at = step.At;
        var status = r.Status;
        if (status == RequestStatus.Resolved && step.Kind is not (StepKind.Reopen or StepKind.CallBack))
        {
            return;
        }

        var needsAccept = status != RequestStatus.AwaitingResident && !r.HandlerAccepted;
        void AcceptFirst()
        {
            if (needsAccept)
            {
                _plan.Add(new AcceptRequest(r.Handler, at));
            }
        }

        switch (step.Kind)
        {
            case StepKind.Accept:
                AcceptFirst();
                break;
            case StepKind.Reject:
                _plan.Add(new RejectRequest(r.Owner, at, script.RejectionReason, RejectionText(script.RejectionReason)));
                break;
            case StepKind.Escalate when status != RequestStatus.AwaitingResident && _router.EscalationTarget(r.Handler, r.Location, r.Category) is { } target:
                AcceptFirst();
                _plan.Add(new EscalateRequest(r.Handler, at, target, "超出本级职责，上报协调"));
                break;
            case StepKind.Summon when script.Department is { } department && !r.PendingReports.Contains(department):
                var by = CanWhistle(r.Handler) ? r.Handler : CanWhistle(r.Owner) ? r.Owner : (Agency?)null;
                if (by is { } whistler)
                {
                    _plan.Add(new SummonDepartment(whistler, at, department, "需职能部门到场协同处置"));
                }

                break;
            case StepKind.Report when script.Department is { } department && r.PendingReports.Contains(department):
                _plan.Add(new ReportToWhistle(department, at));
                break;
            case StepKind.Explain when r.AnsweredAt is null && status != RequestStatus.AwaitingResident:
                _plan.Add(new ExplainRequest(r.Owner, at, "需协调处置，已告知居民原因和办理时限", script.PromisedBy));
                break;
            case StepKind.AwaitResident when status != RequestStatus.AwaitingResident:
                AcceptFirst();
                _plan.Add(new AwaitResident(r.Handler, at, PauseReason.ResidentUnreachable, "电话未接通，已留言"));
                break;
            case StepKind.Resume when status == RequestStatus.AwaitingResident:
                _plan.Add(new ResumeRequest(r.Handler, at, "已联系上居民"));
                break;
            case StepKind.Resolve:
                if (status == RequestStatus.AwaitingResident)
                {
                    _plan.Add(new ResumeRequest(r.Handler, at, "已联系上居民"));
                }
                else
                {
                    AcceptFirst();
                }

                _plan.Add(new ResolveRequest(r.Handler, at, "已办结"));
                break;
            case StepKind.Reopen when status == RequestStatus.Resolved:
                _plan.Add(new ReopenRequest(r.Owner, at, "回访时居民反映问题仍存在"));
                break;
            case StepKind.CallBack when status == RequestStatus.Resolved:
                _plan.Add(new CallBackResident(r.Owner, at, script.Satisfaction, string.Empty));
                break;
        }
    }

    private static bool CanWhistle(Agency agency) => agency.Kind is AgencyKind.Unit or AgencyKind.SubdistrictOffice;

    private static string RejectionText(RejectionReason reason) => reason switch
    {
        RejectionReason.Duplicate => "与已受理诉求重复，已告知居民",
        RejectionReason.OutOfScope => "不属于受理范围，已告知居民正确渠道",
        _ => "经核实为恶意诉求",
    };

    /// <summary>The order work runs in: by instant, then day, index and step (an arrival, step -1, before its own steps).</summary>
    private readonly record struct WorkKey(Instant At, int Day, int Index, int Step) : IComparable<WorkKey>
    {
        public int CompareTo(WorkKey other)
        {
            var c = At.CompareTo(other.At);
            if (c == 0)
            {
                c = Day.CompareTo(other.Day);
            }

            if (c == 0)
            {
                c = Index.CompareTo(other.Index);
            }

            return c != 0 ? c : Step.CompareTo(other.Step);
        }
    }

    /// <summary>The desk's sink: keeps the hour's events for the store and feeds the projection at once.</summary>
    private sealed class HourSink(RunProjection projection) : IRequestEventSink
    {
        private List<RequestEvent> _events = [];

        public void Append(IReadOnlyList<RequestEvent> events)
        {
            foreach (var e in events)
            {
                _events.Add(e);
                projection.Apply(e);
            }
        }

        public List<RequestEvent> Take()
        {
            var taken = _events;
            _events = new List<RequestEvent>(taken.Count);
            return taken;
        }
    }
}

/// <summary>What a run left: the report, how far it got, and the desk with the requests still open.</summary>
public sealed record SimulationOutcome(SimulationReport Report, int HoursDone, bool Finished, long Events, RequestDesk Desk);
