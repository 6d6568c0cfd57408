using NodaTime;

namespace Governance.Samples.Tongzhou.Simulation;

/// <summary>The simulation's only time: an <see cref="IClock"/> it moves forward itself. Never the wall clock.</summary>
internal sealed class SimulationClock(Instant start) : IClock
{
    public Instant Now { get; private set; } = start;

    public Instant GetCurrentInstant() => Now;

    /// <summary>Moves to <paramref name="to"/>; time never goes back.</summary>
    public void MoveTo(Instant to)
    {
        if (to < Now)
        {
            throw new InvalidOperationException($"The simulation clock cannot go back from {Now} to {to}.");
        }

        Now = to;
    }
}
