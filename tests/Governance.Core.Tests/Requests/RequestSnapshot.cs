using System.Collections;
using System.Reflection;
using Governance.Core.Requests;

namespace Governance.Core.Tests.Requests;

/// <summary>
/// Everything a user can observe of a <see cref="Request"/>: every public property (found by reflection, so a property
/// added later is covered without editing this), lists copied by value, and <see cref="Request.HasPassed"/> for every
/// deadline. Two snapshots are equal when every value is.
/// </summary>
internal sealed class RequestSnapshot
{
    private static readonly PropertyInfo[] Properties = typeof(Request).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    private readonly KeyValuePair<string, object?>[] _values;

    private RequestSnapshot(KeyValuePair<string, object?>[] values) => _values = values;

    public static RequestSnapshot Of(Request request)
    {
        var values = Properties
            .Select(p => KeyValuePair.Create(p.Name, Copy(p.GetValue(request))))
            .Concat(Enum.GetValues<DeadlineKind>().Select(k => KeyValuePair.Create<string, object?>($"HasPassed({k})", request.HasPassed(k))))
            .ToArray();
        return new RequestSnapshot(values);
    }

    /// <summary>The names of the values that differ, each with both values; empty when the snapshots are equal.</summary>
    public IReadOnlyList<string> Differences(RequestSnapshot other) =>
        [.. _values.Zip(other._values)
            .Where(pair => !Same(pair.First.Value, pair.Second.Value))
            .Select(pair => $"{pair.First.Key}: {Show(pair.First.Value)} ≠ {Show(pair.Second.Value)}")];

    private static object? Copy(object? value) => value is IEnumerable list and not string ? list.Cast<object?>().ToArray() : value;

    private static bool Same(object? a, object? b) =>
        a is object?[] x && b is object?[] y ? x.SequenceEqual(y) : Equals(a, b);

    private static string Show(object? value) => value is object?[] list ? $"[{string.Join(", ", list)}]" : value?.ToString() ?? "null";
}
