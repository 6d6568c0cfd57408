using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Governance.Core.Scenes;

/// <summary>
/// A secret key that signs and verifies QR scene tokens (HMAC-SHA256), with the id tokens name it by. The secret is
/// the user's: at least 32 random bytes (256 bits), kept out of source control; the library copies it and never prints it.
/// </summary>
public sealed class SceneSigningKey
{
    /// <summary>The shortest secret accepted, in bytes.</summary>
    public const int MinSecretBytes = 32;

    /// <summary>The longest key id accepted, in characters.</summary>
    public const int MaxKeyIdLength = 32;

    private readonly byte[] _secret;

    /// <summary>A key named <paramref name="keyId"/> with the bytes of <paramref name="secret"/> (copied).</summary>
    /// <param name="keyId">1–32 characters from <c>A–Z a–z 0–9 - _ .</c>; written into every token it signs, so that a ring can hold several keys.</param>
    /// <param name="secret">At least <see cref="MinSecretBytes"/> bytes.</param>
    /// <exception cref="ArgumentException">The key id is empty, too long or has another character, or the secret is too short.</exception>
    public SceneSigningKey(string keyId, ReadOnlySpan<byte> secret)
    {
        Preconditions.CheckArgument(IsValidKeyId(keyId), nameof(keyId),
            $"A key id is 1–{MaxKeyIdLength} characters from A–Z a–z 0–9 - _ . ; got '{keyId}'.");
        Preconditions.CheckArgument(secret.Length >= MinSecretBytes, nameof(secret),
            $"A signing secret is at least {MinSecretBytes} random bytes; key '{keyId}' has {secret.Length}.");
        KeyId = keyId;
        _secret = secret.ToArray();
    }

    /// <summary>The key's id, as tokens name it.</summary>
    public string KeyId { get; }

    /// <summary>The secret, for computing a signature; never exposed.</summary>
    internal ReadOnlySpan<byte> Secret => _secret;

    /// <summary>Returns <c>SceneSigningKey(keyId)</c>; never the secret.</summary>
    public override string ToString() => $"SceneSigningKey({KeyId})";

    internal static bool IsValidKeyId([NotNullWhen(true)] string? keyId) =>
        keyId is { Length: > 0 and <= MaxKeyIdLength } && keyId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}

/// <summary>
/// The keys a <see cref="SceneTokens"/> uses: one active key signs new tokens; it and every other key of the ring verify.
/// Rotating keys: add the new key as active and keep the old one as accepted until its tokens expire, then drop it —
/// a token signed with a dropped key is refused as <see cref="SceneRefusal.UnknownKey"/>. Immutable.
/// </summary>
public sealed class SceneKeyRing
{
    private readonly ImmutableDictionary<string, SceneSigningKey> _byId;

    /// <summary>A ring that signs with <paramref name="active"/> and also accepts <paramref name="accepted"/>.</summary>
    /// <exception cref="ArgumentNullException">A key is null.</exception>
    /// <exception cref="ArgumentException">Two keys share an id; the message names it.</exception>
    public SceneKeyRing(SceneSigningKey active, params IEnumerable<SceneSigningKey> accepted)
    {
        Active = Preconditions.CheckNotNull(active);
        Preconditions.CheckNotNull(accepted);
        var byId = ImmutableDictionary.CreateBuilder<string, SceneSigningKey>(StringComparer.Ordinal);
        byId.Add(active.KeyId, active);
        foreach (var key in accepted)
        {
            Preconditions.CheckNotNull(key, nameof(accepted));
            Preconditions.CheckArgument(!byId.ContainsKey(key.KeyId), nameof(accepted), $"Two keys of the ring have the id '{key.KeyId}'.");
            byId.Add(key.KeyId, key);
        }

        _byId = byId.ToImmutable();
    }

    /// <summary>The key that signs new tokens.</summary>
    public SceneSigningKey Active { get; }

    /// <summary>The ids of every key that verifies, the active one included.</summary>
    public IEnumerable<string> KeyIds => _byId.Keys.Order(StringComparer.Ordinal);

    /// <summary>The key with id <paramref name="keyId"/>, when the ring holds it.</summary>
    public bool TryGet(string keyId, [NotNullWhen(true)] out SceneSigningKey? key) => _byId.TryGetValue(keyId, out key);
}
