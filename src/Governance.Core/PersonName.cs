namespace Governance.Core;

/// <summary>
/// A resident's name: personal data. <see cref="ToString"/>, logs and exports show it masked — the first
/// character kept and every other replaced by <c>*</c> (张三 → 张*, 欧阳明月 → 欧***; a one-character name is all
/// stars) — and only
/// <see cref="Reveal"/> returns the raw text, so a raw name never appears by accident.
/// </summary>
/// <remarks>
/// There is deliberately no property holding the raw text: a serializer that walks public properties
/// (System.Text.Json included) sees only <see cref="Masked"/>.
/// </remarks>
public readonly struct PersonName : IEquatable<PersonName>
{
    private readonly string? _value;

    /// <summary>Wraps a name.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or only white space.</exception>
    public PersonName(string value)
    {
        Preconditions.CheckNotNull(value);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(value), nameof(value), "A person's name cannot be empty.");
        _value = value;
    }

    /// <summary>The name with all but its first character masked; empty for <c>default</c>.</summary>
    public string Masked => Mask(_value);

    /// <summary>Returns the raw name. Call it only where the resident's name is really needed, by name.</summary>
    public string Reveal() => _value ?? string.Empty;

    /// <summary>Returns <see cref="Masked"/>, never the raw name.</summary>
    public override string ToString() => Masked;

    /// <summary>Ordinal comparison of the raw names.</summary>
    public bool Equals(PersonName other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PersonName other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Ordinal equality of the raw names.</summary>
    public static bool operator ==(PersonName left, PersonName right) => left.Equals(right);

    /// <summary>Ordinal inequality of the raw names.</summary>
    public static bool operator !=(PersonName left, PersonName right) => !left.Equals(right);

    internal static string Mask(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // Keep the first text element (a surname character, or a surrogate pair), mask the rest one star each;
        // a name of one element keeps nothing.
        var first = System.Globalization.StringInfo.GetNextTextElementLength(value);
        if (first == value.Length)
        {
            return "*";
        }

        var rest = Math.Max(1, new System.Globalization.StringInfo(value[first..]).LengthInTextElements);
        return string.Concat(value.AsSpan(0, first), new string('*', rest));
    }
}
