using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Governance.Core;

/// <summary>Argument checks shared by the whole library, so every public entry point fails the same way.</summary>
internal static class Preconditions
{
    /// <summary>Throws <see cref="ArgumentNullException"/> when <paramref name="value"/> is null.</summary>
    public static T CheckNotNull<T>([NotNull] T? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : class
    {
        if (value is null)
        {
            ThrowNull(paramName);
        }

        return value;
    }

    /// <summary>Throws <see cref="ArgumentException"/> with <paramref name="message"/> when <paramref name="condition"/> is false.</summary>
    public static void CheckArgument([DoesNotReturnIf(false)] bool condition, string paramName, string message)
    {
        if (!condition)
        {
            ThrowArgument(paramName, message);
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when <paramref name="value"/> is outside [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static int CheckInRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < min || value > max)
        {
            ThrowOutOfRange(paramName, value, min, max);
        }

        return value;
    }

    /// <summary>Throws <see cref="InvalidOperationException"/> with <paramref name="message"/> when <paramref name="condition"/> is false.</summary>
    public static void CheckState([DoesNotReturnIf(false)] bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    [DoesNotReturn]
    private static void ThrowNull(string? paramName) => throw new ArgumentNullException(paramName);

    [DoesNotReturn]
    private static void ThrowArgument(string paramName, string message) => throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    private static void ThrowOutOfRange(string? paramName, int value, int min, int max) =>
        throw new ArgumentOutOfRangeException(paramName, value, $"Must be between {min} and {max} inclusive.");
}
