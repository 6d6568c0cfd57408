namespace Governance.Core;

/// <summary>
/// A resident's phone number: personal data. <see cref="ToString"/>, logs and exports show it masked: a
/// mobile-length number (11 digits or more) keeps its first three and last four digits, the usual Chinese mask
/// (13812341234 → 138****1234); 8 to 10 digits keep the last three (89521234 → *****234); shorter numbers the last
/// two. At least four digits are always hidden. Only <see cref="Reveal"/> returns the raw text.
/// </summary>
/// <remarks>
/// A number may contain digits, spaces, <c>-</c>, a leading <c>+</c>, and <c>*</c> (so that an already masked
/// export can be loaded again); it must hold at least three digits or stars, at most 32 characters.
/// There is deliberately no property holding the raw text.
/// </remarks>
public readonly struct PhoneNumber : IEquatable<PhoneNumber>
{
    private const int MaxLength = 32;
    private readonly string? _value;

    /// <summary>Wraps a phone number.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a phone number (see <see cref="IsValid"/>).</exception>
    public PhoneNumber(string value)
    {
        Preconditions.CheckNotNull(value);
        Preconditions.CheckArgument(IsValid(value), nameof(value), "A phone number holds 3 to 32 characters: digits, spaces, '-', '*' and a leading '+'.");
        _value = value;
    }

    /// <summary>The number with its middle digits masked; empty for <c>default</c>.</summary>
    public string Masked => Mask(_value);

    /// <summary>Returns the raw number. Call it only where the number is really dialled or stored, by name.</summary>
    public string Reveal() => _value ?? string.Empty;

    /// <summary>Returns <see cref="Masked"/>, never the raw number.</summary>
    public override string ToString() => Masked;

    /// <summary>
    /// True when <paramref name="value"/> is 3 to 32 characters of digits, spaces, <c>-</c> and <c>*</c>, with an
    /// optional leading <c>+</c>, and holds at least three digits or stars.
    /// </summary>
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length is < 3 or > MaxLength)
        {
            return false;
        }

        var significant = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiDigit(c) || c == '*')
            {
                significant++;
            }
            else if (!(c is ' ' or '-' || (c == '+' && i == 0)))
            {
                return false;
            }
        }

        return significant >= 3;
    }

    /// <summary>Ordinal comparison of the raw numbers.</summary>
    public bool Equals(PhoneNumber other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PhoneNumber other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Ordinal equality of the raw numbers.</summary>
    public static bool operator ==(PhoneNumber left, PhoneNumber right) => left.Equals(right);

    /// <summary>Ordinal inequality of the raw numbers.</summary>
    public static bool operator !=(PhoneNumber left, PhoneNumber right) => !left.Equals(right);

    internal static string Mask(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var digits = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c) || c == '*')
            {
                digits++;
            }
        }

        // Digits at positions [keepHead, digits - keepTail) are masked: most of them, whatever the length.
        var (keepHead, keepTail) = digits switch
        {
            >= 11 => (3, 4),
            >= 8 => (0, 3),
            _ => (0, 2),
        };
        return string.Create(value.Length, (value, keepHead, maskEnd: digits - keepTail), static (span, state) =>
        {
            var position = 0;
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.value[i];
                var isDigit = char.IsAsciiDigit(c) || c == '*';
                span[i] = isDigit && position >= state.keepHead && position < state.maskEnd ? '*' : c;
                if (isDigit)
                {
                    position++;
                }
            }
        });
    }
}
