using Governance.Core.Requests;

namespace Governance.Core.Insights;

/// <summary>What the events-only projections share.</summary>
internal static class Projection
{
    /// <summary>
    /// Applies <paramref name="events"/> in order; a bad one stops the range with an <see cref="ArgumentException"/>
    /// that gives its position and says which were applied (those before it).
    /// </summary>
    public static void ApplyEach(IEnumerable<RequestEvent> events, Action<RequestEvent> apply)
    {
        Preconditions.CheckNotNull(events);
        var position = 0;
        foreach (var e in events)
        {
            try
            {
                apply(e);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"Event {position} of the range: {ex.Message} Events 0 to {position - 1} were applied.", nameof(events), ex);
            }

            position++;
        }
    }
}
