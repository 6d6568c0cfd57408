using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;
using Governance.Core.Requests;

namespace Governance.Storage.Sqlite;

/// <summary>
/// The stored type of each request event: its JSON discriminator (<c>received</c>, <c>accepted</c>, …), read from
/// <see cref="RequestEvent"/>'s own declaration so that the store and <see cref="RequestEventJson"/> cannot disagree.
/// </summary>
internal static class EventTypes
{
    private static readonly FrozenDictionary<Type, string> NameByType = typeof(RequestEvent)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToFrozenDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    private static readonly FrozenSet<string> Names = NameByType.Values.ToFrozenSet(StringComparer.Ordinal);

    // The names as UTF-8, to recognise a stored type without making a string of it.
    private static readonly (byte[] Utf8, string Name)[] Utf8Names = [.. Names.Select(n => (System.Text.Encoding.UTF8.GetBytes(n), n))];

    /// <summary>Every stored type name this version knows.</summary>
    public static IReadOnlyCollection<string> All => Names;

    /// <summary>The stored type of <paramref name="requestEvent"/>.</summary>
    /// <exception cref="ArgumentException">Its class is not one of the request events declared by Governance.Core.</exception>
    public static string NameOf(RequestEvent requestEvent, string argumentName) =>
        NameByType.TryGetValue(requestEvent.GetType(), out var name)
            ? name
            : throw new ArgumentException($"{requestEvent.GetType().Name} is not a request event type that Governance.Core declares; the store cannot write it.", argumentName);

    public static bool IsKnown(string name) => Names.Contains(name);

    /// <summary>The stored type whose UTF-8 is <paramref name="utf8"/>: a known name's one string, else a new string.</summary>
    public static string NameOf(ReadOnlySpan<byte> utf8)
    {
        foreach (var (bytes, name) in Utf8Names)
        {
            if (utf8.SequenceEqual(bytes))
            {
                return name;
            }
        }

        return System.Text.Encoding.UTF8.GetString(utf8);
    }

    public static bool Matches(RequestEvent requestEvent, string name) =>
        NameByType.TryGetValue(requestEvent.GetType(), out var own) && string.Equals(own, name, StringComparison.Ordinal);
}
