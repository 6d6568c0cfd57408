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

    /// <summary>Every stored type name this version knows.</summary>
    public static IReadOnlyCollection<string> All => Names;

    /// <summary>The stored type of <paramref name="requestEvent"/>.</summary>
    /// <exception cref="ArgumentException">Its class is not one of the request events declared by Governance.Core.</exception>
    public static string NameOf(RequestEvent requestEvent, string argumentName) =>
        NameByType.TryGetValue(requestEvent.GetType(), out var name)
            ? name
            : throw new ArgumentException($"{requestEvent.GetType().Name} is not a request event type that Governance.Core declares; the store cannot write it.", argumentName);

    public static bool IsKnown(string name) => Names.Contains(name);

    public static bool Matches(RequestEvent requestEvent, string name) =>
        NameByType.TryGetValue(requestEvent.GetType(), out var own) && string.Equals(own, name, StringComparison.Ordinal);
}
