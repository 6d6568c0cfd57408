using BenchmarkDotNet.Attributes;
using Governance.Core.Requests;
using Stateless;

namespace Governance.Benchmarks.Requests;

/// <summary>
/// One lifecycle transition. Each invocation walks 1,022 legal transitions round a cycle that never reaches a terminal
/// status (accept, explain, await the resident, resume, forward, accept, escalate), so the figures
/// are per transition and the table's result feeds the next lookup (nothing can be folded away). The baseline builds a
/// Stateless machine per request, as a naive design would, and fires it once. Target: the table allocates nothing and
/// is at least 10× faster.
/// </summary>
[MemoryDiagnoser]
public class TransitionBenchmarks
{
    // From Forwarded back to Forwarded: Accept, Explain, AwaitResident, Resume, Forward, Accept, Escalate.
    private static readonly RequestTrigger[] Cycle =
    [
        RequestTrigger.Accept, RequestTrigger.Explain, RequestTrigger.AwaitResident, RequestTrigger.Resume,
        RequestTrigger.Forward, RequestTrigger.Accept, RequestTrigger.Escalate,
    ];

    private const int Steps = 7 * 146; // whole cycles, so the existing machine is back in Forwarded after each invocation

    private readonly RequestTrigger[] _triggers = [.. Enumerable.Range(0, Steps).Select(i => Cycle[i % Cycle.Length])];
    private readonly StateMachine<RequestStatus, RequestTrigger> _machine = RequestLifecycle.CreateMachine(RequestStatus.Forwarded);

    [Benchmark(Baseline = true, OperationsPerInvoke = Steps, Description = "build a Stateless machine per request + Fire")]
    public RequestStatus BuildMachineAndFire()
    {
        var status = RequestStatus.Forwarded;
        foreach (var trigger in _triggers)
        {
            var machine = RequestLifecycle.CreateMachine(status);
            machine.Fire(trigger);
            status = machine.State;
        }

        return status;
    }

    [Benchmark(OperationsPerInvoke = Steps, Description = "Fire an existing Stateless machine")]
    public RequestStatus FireExistingMachine()
    {
        foreach (var trigger in _triggers)
        {
            _machine.Fire(trigger);
        }

        return _machine.State;
    }

    [Benchmark(OperationsPerInvoke = Steps, Description = "RequestLifecycle.TryGetNext (compiled table)")]
    public RequestStatus CompiledTable()
    {
        var status = RequestStatus.Forwarded;
        foreach (var trigger in _triggers)
        {
            if (!RequestLifecycle.TryGetNext(status, trigger, out status))
            {
                throw new InvalidOperationException($"The cycle is not legal at {status} {trigger}.");
            }
        }

        return status;
    }
}
