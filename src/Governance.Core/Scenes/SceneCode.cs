using Governance.Core.Catalogue;
using NodaTime;

namespace Governance.Core.Scenes;

/// <summary>
/// What a QR code says, signed into its token by <see cref="SceneTokens"/>: where it hangs, what it is for, the category
/// a report from it is likely about, who issued it, and when it is valid. Times are kept to the second (rounded down
/// when signed).
/// </summary>
/// <param name="Issuer">Who issued it (for example the district, <c>tongzhou</c>); a verifier accepts only its own issuer's codes.</param>
/// <param name="Place">Where it hangs.</param>
/// <param name="Purpose">Scan to know or scan to report.</param>
/// <param name="NotBefore">The first instant it is valid, inclusive.</param>
/// <param name="ExpiresAt">The first instant it is no longer valid; after <paramref name="NotBefore"/>.</param>
/// <param name="Category">The category a report from it is likely about; <see langword="null"/> when none (the resident or triage decides).</param>
public sealed record SceneCode(string Issuer, ScenePlace Place, ScenePurpose Purpose, Instant NotBefore, Instant ExpiresAt, CategoryCode? Category = null)
{
    /// <summary>True when the code is valid at <paramref name="at"/>: not before <see cref="NotBefore"/> and before <see cref="ExpiresAt"/>.</summary>
    public bool IsValidAt(Instant at) => at >= NotBefore && at < ExpiresAt;
}

/// <summary>Why a scanned token or code was refused. A refused scan creates nothing.</summary>
public enum SceneRefusal
{
    /// <summary>Not a token at all: empty, too long, not base64url in its one canonical spelling, or truncated.</summary>
    Malformed,

    /// <summary>A token of a format version this library does not read.</summary>
    UnsupportedVersion,

    /// <summary>Foreign: signed with a key id the key ring does not hold (another issuer's, or a key that was retired).</summary>
    UnknownKey,

    /// <summary>Tampered: the signature does not match the content under the named key.</summary>
    BadSignature,

    /// <summary>Foreign: signed with a key the ring holds, but issued by another issuer.</summary>
    ForeignIssuer,

    /// <summary>Valid only from a later instant.</summary>
    NotYetValid,

    /// <summary>Its validity has ended.</summary>
    Expired,

    /// <summary>Genuine, but its unit is not in the chart the scene reads (the place was removed or renamed).</summary>
    PlaceNotInChart,

    /// <summary>Genuine, but made for another purpose: a scan-to-know code cannot open a request.</summary>
    WrongPurpose,
}

/// <summary>
/// The one exception for a refused scene token (<see cref="SceneTokens.Open"/>): it says why in <see cref="Refusal"/> and
/// in words; when it is thrown nothing has been created.
/// </summary>
public sealed class SceneTokenException : Exception
{
    internal SceneTokenException(SceneRefusal refusal, string reason)
        : base($"QR code refused ({refusal}): {reason}")
    {
        Refusal = refusal;
        Reason = reason;
    }

    /// <summary>Why it was refused.</summary>
    public SceneRefusal Refusal { get; }

    /// <summary>Why, in words.</summary>
    public string Reason { get; }
}

/// <summary>The outcome of a scan: the value when accepted, or why it was refused (and then nothing was created).</summary>
/// <typeparam name="T">What an accepted scan gives.</typeparam>
public sealed class SceneResult<T>
    where T : class
{
    private SceneResult(T? value, SceneRefusal? refusal, string reason)
    {
        Value = value;
        Refusal = refusal;
        Reason = reason;
    }

    /// <summary>True when the scan was accepted and <see cref="Value"/> holds its result.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Value))]
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsAccepted => Value is not null;

    /// <summary>The result; <see langword="null"/> when refused.</summary>
    public T? Value { get; }

    /// <summary>Why it was refused; <see langword="null"/> when accepted.</summary>
    public SceneRefusal? Refusal { get; }

    /// <summary>Why it was refused, in words; empty when accepted.</summary>
    public string Reason { get; }

    /// <summary>The result, or <see cref="SceneTokenException"/> with the refusal.</summary>
    /// <exception cref="SceneTokenException">The scan was refused.</exception>
    public T GetValueOrThrow() => IsAccepted ? Value : throw new SceneTokenException(Refusal.Value, Reason);

    /// <summary>Returns <c>accepted: value</c> or <c>refused (Refusal): reason</c>.</summary>
    public override string ToString() => IsAccepted ? $"accepted: {Value}" : $"refused ({Refusal}): {Reason}";

    internal static SceneResult<T> Accept(T value) => new(value, null, string.Empty);

    internal static SceneResult<T> Refuse(SceneRefusal refusal, string reason) => new(null, refusal, reason);
}
