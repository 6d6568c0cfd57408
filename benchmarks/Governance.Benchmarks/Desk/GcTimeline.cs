using System.Diagnostics.Tracing;

namespace Governance.Benchmarks.Desk;

/// <summary>
/// The garbage collections of a stretch of work, as a timeline beside marks the caller sets (a phase's start, say): when
/// each collection started and ended, its generation, reason and type (a background collection runs beside the work,
/// on a core of its own), and each pause. A diagnostic for <see cref="DeskPhases"/>: it shows what the totals of
/// collection counts and pause times cannot, a background collection's length and which phases it overlaps.
/// </summary>
/// <remarks>
/// Listens to the runtime's own event source in process (GC keyword, informational level); costs little when off.
/// Events reach the listener late, so <see cref="Recording"/> is read as they arrive: a collection at the very end of
/// the recorded stretch can be missed, and one just before it recorded.
/// </remarks>
internal sealed class GcTimeline : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly DateTime _start = DateTime.UtcNow;
    private readonly List<(DateTime At, string Line)> _lines = [];
    private DateTime _suspendedAt;

    /// <summary>Whether collections are being recorded.</summary>
    public bool Recording { get; set; }

    /// <summary>Records <paramref name="what"/> at the current time, when recording.</summary>
    public void Mark(string what) => Add(DateTime.UtcNow, $"== {what}");

    /// <summary>Writes the recorded lines to the console in time order and forgets them.</summary>
    public void Flush()
    {
        lock (_lines)
        {
            foreach (var (at, line) in _lines.OrderBy(l => l.At)) // stable: a mark and an event at one tick keep their order
            {
                Console.WriteLine($"{(at - _start).TotalMilliseconds,9:F1} ms  {line}");
            }

            _lines.Clear();
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Informational, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!Recording)
        {
            return;
        }

        // Each line is timed by the event's own time stamp: the runtime's events reach a listener later, in bunches.
        // Payload names as the runtime's event manifest gives them; Reason and Type are its GC reason and type codes
        // (reason 4: a large-object allocation; type 1: a background collection).
        string Field(string name) => eventData.PayloadNames?.IndexOf(name) is { } i and >= 0 ? eventData.Payload![i]?.ToString() ?? "" : "";
        switch (eventData.EventName)
        {
            case "GCStart_V2":
                Add(eventData.TimeStamp, $"start #{Field("Count")} gen{Field("Depth")} reason {Field("Reason")} type {Field("Type")}");
                break;
            case "GCEnd_V1":
                Add(eventData.TimeStamp, $"end   #{Field("Count")} gen{Field("Depth")}");
                break;
            case "GCSuspendEEBegin_V1":
                _suspendedAt = eventData.TimeStamp;
                break;
            case "GCRestartEEEnd_V1":
                Add(eventData.TimeStamp, $"  paused {(eventData.TimeStamp - _suspendedAt).TotalMilliseconds:F1} ms");
                break;
        }
    }

    private void Add(DateTime at, string line)
    {
        if (Recording)
        {
            lock (_lines)
            {
                _lines.Add((at.ToUniversalTime(), line));
            }
        }
    }
}
