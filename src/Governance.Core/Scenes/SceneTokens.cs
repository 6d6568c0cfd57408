using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Governance.Core.Catalogue;
using Governance.Core.Organization;
using NodaTime;

namespace Governance.Core.Scenes;

/// <summary>
/// Signs <see cref="SceneCode"/>s into the compact tokens printed in QR codes, and verifies scanned tokens: a tampered,
/// expired, not-yet-valid or foreign token is refused with a <see cref="SceneRefusal"/>. Immutable and safe to share
/// between threads.
/// </summary>
/// <remarks>
/// <para><b>Format</b> (version 1): base64url without padding, in its one canonical spelling, of
/// <c>[1][key id length][key id][issuer length][issuer][purpose][not before][expires at][unit length][unit][facility kind][facility id length][facility id][category length][category][HMAC-SHA256]</c>:
/// lengths are one byte, texts UTF-8, instants big-endian seconds since 1970, facility kind 255 when there is no
/// facility (and then no facility id), and the 32-byte HMAC-SHA256 under the named key covers every byte before it.
/// A lift's code is about 150 characters.</para>
/// <para><b>Verification</b>, in this order: the text is canonical base64url of at most <see cref="MaxTokenLength"/>
/// characters (else <see cref="SceneRefusal.Malformed"/>); the version is 1 (<see cref="SceneRefusal.UnsupportedVersion"/>);
/// the ring holds the key id (<see cref="SceneRefusal.UnknownKey"/>); the signature matches, compared in constant time
/// (<see cref="SceneRefusal.BadSignature"/>); the content reads (<see cref="SceneRefusal.Malformed"/>); the issuer is
/// <see cref="Issuer"/> (<see cref="SceneRefusal.ForeignIssuer"/>); the clock's instant is not before
/// <see cref="SceneCode.NotBefore"/> (<see cref="SceneRefusal.NotYetValid"/>) and before
/// <see cref="SceneCode.ExpiresAt"/> (<see cref="SceneRefusal.Expired"/>). Nothing about the content is trusted before
/// the signature is checked but the key id it names.</para>
/// </remarks>
public sealed class SceneTokens
{
    /// <summary>The format version written and read.</summary>
    public const byte FormatVersion = 1;

    /// <summary>The longest token text verified; longer text is refused as malformed without decoding.</summary>
    public const int MaxTokenLength = 1024;

    private const int MacLength = 32;
    private const byte NoFacility = byte.MaxValue;

    /// <summary>Signs with <paramref name="keys"/>' active key as <paramref name="issuer"/>, and verifies at <paramref name="clock"/>'s instant.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="issuer"/> is empty or more than 64 bytes of UTF-8.</exception>
    public SceneTokens(SceneKeyRing keys, string issuer, IClock clock)
    {
        Keys = Preconditions.CheckNotNull(keys);
        Preconditions.CheckNotNull(issuer);
        Preconditions.CheckArgument(issuer.Length > 0 && Encoding.UTF8.GetByteCount(issuer) <= 64, nameof(issuer), $"An issuer is 1–64 bytes of UTF-8; got '{issuer}'.");
        Issuer = issuer;
        Clock = Preconditions.CheckNotNull(clock);
    }

    /// <summary>The keys: the active one signs, all verify.</summary>
    public SceneKeyRing Keys { get; }

    /// <summary>Who issues codes; only this issuer's tokens are accepted.</summary>
    public string Issuer { get; }

    /// <summary>The clock validity is judged by.</summary>
    public IClock Clock { get; }

    /// <summary>
    /// Signs a code of <see cref="Issuer"/> for <paramref name="place"/> and <paramref name="purpose"/>, valid from
    /// <paramref name="notBefore"/> (inclusive) to <paramref name="expiresAt"/> (exclusive), both rounded down to the second.
    /// </summary>
    /// <returns>The token, and the code exactly as a verifier will read it back.</returns>
    /// <exception cref="ArgumentException">
    /// An id or the category is empty or longer than 255 bytes of UTF-8, the facility kind is undefined, or the code does
    /// not expire after it starts (to the second).
    /// </exception>
    public (string Token, SceneCode Code) Sign(ScenePlace place, ScenePurpose purpose, Instant notBefore, Instant expiresAt, CategoryCode? category = null)
    {
        var code = new SceneCode(Issuer, place, purpose, FloorToSecond(notBefore), FloorToSecond(expiresAt), category);
        Preconditions.CheckArgument(Enum.IsDefined(purpose), nameof(purpose), $"{(int)purpose} is not a defined purpose.");
        Preconditions.CheckArgument(code.ExpiresAt > code.NotBefore, nameof(expiresAt),
            $"A code expires after it starts: {code.ExpiresAt} is not after {code.NotBefore} (to the second).");
        Preconditions.CheckArgument(place.Facility is not { } facility || Enum.IsDefined(facility.Kind), nameof(place), $"The facility kind of {place} is not defined.");
        var key = Keys.Active;
        var buffer = new List<byte>(160) { FormatVersion };
        Text(buffer, key.KeyId, "key id", nameof(Keys), allowEmpty: false);
        Text(buffer, Issuer, "issuer", nameof(Issuer), allowEmpty: false);
        buffer.Add((byte)purpose);
        Seconds(buffer, code.NotBefore);
        Seconds(buffer, code.ExpiresAt);
        Text(buffer, place.Unit.Value, "unit id", nameof(place), allowEmpty: false);
        if (place.Facility is { } f)
        {
            buffer.Add((byte)f.Kind);
            Text(buffer, f.Id.Value, "facility id", nameof(place), allowEmpty: false);
        }
        else
        {
            buffer.Add(NoFacility);
        }

        Text(buffer, category?.Value ?? string.Empty, "category", nameof(category), allowEmpty: category is null);
        var bytes = new byte[buffer.Count + MacLength];
        buffer.CopyTo(bytes);
        HMACSHA256.HashData(key.Secret, bytes.AsSpan(0, buffer.Count), bytes.AsSpan(buffer.Count));
        return (Base64Url.EncodeToString(bytes), code);
    }

    /// <summary>Verifies <paramref name="token"/> at the clock's instant (the checks are in the remarks).</summary>
    /// <returns>The code, or why the token is refused. Never throws for any text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is null.</exception>
    public SceneResult<SceneCode> Verify(string token)
    {
        Preconditions.CheckNotNull(token);
        if (token.Length is 0 or > MaxTokenLength || !Base64Url.IsValid(token, out var length) || length < 3 + MacLength)
        {
            return Refuse(SceneRefusal.Malformed, $"not a QR scene token (base64url of {3 + MacLength} to {MaxTokenLength * 3 / 4} bytes)");
        }

        // Decoded on the stack (a token is at most MaxTokenLength characters); re-encoding must give the token back, so
        // that each token has one spelling and no unused bits can be flipped unnoticed.
        Span<byte> bytes = stackalloc byte[length];
        Span<char> canonical = stackalloc char[token.Length];
        if (Base64Url.DecodeFromChars(token, bytes, out var consumed, out var written) != System.Buffers.OperationStatus.Done
            || consumed != token.Length || written != length
            || !Base64Url.TryEncodeToChars(bytes, canonical, out var encoded) || !canonical[..encoded].SequenceEqual(token))
        {
            return Refuse(SceneRefusal.Malformed, "not in the one canonical spelling of base64url");
        }

        if (bytes[0] != FormatVersion)
        {
            return Refuse(SceneRefusal.UnsupportedVersion, $"format version {bytes[0]}; this library reads version {FormatVersion}");
        }

        var reader = new Reader(bytes[..(length - MacLength)], 1);
        if (!reader.TryText(out var keyId) || !SceneSigningKey.IsValidKeyId(keyId))
        {
            return Refuse(SceneRefusal.Malformed, "the key id cannot be read");
        }

        if (!Keys.TryGet(keyId, out var key))
        {
            return Refuse(SceneRefusal.UnknownKey, $"signed with key '{keyId}', which this issuer does not hold");
        }

        Span<byte> mac = stackalloc byte[MacLength];
        HMACSHA256.HashData(key.Secret, bytes[..(length - MacLength)], mac);
        if (!CryptographicOperations.FixedTimeEquals(mac, bytes[(length - MacLength)..]))
        {
            return Refuse(SceneRefusal.BadSignature, $"the signature does not match under key '{keyId}': the token was altered");
        }

        if (!reader.TryText(out var issuer) || !reader.TryByte(out var purpose) || !Enum.IsDefined((ScenePurpose)purpose)
            || !reader.TrySeconds(out var notBefore) || !reader.TrySeconds(out var expiresAt)
            || !reader.TryText(out var unit) || unit.Length == 0 || !reader.TryByte(out var kind)
            || !TryFacility(ref reader, kind, out var facility)
            || !reader.TryText(out var category) || !reader.AtEnd)
        {
            return Refuse(SceneRefusal.Malformed, "the signed content cannot be read");
        }

        if (!string.Equals(issuer, Issuer, StringComparison.Ordinal))
        {
            return Refuse(SceneRefusal.ForeignIssuer, $"issued by '{issuer}', not '{Issuer}'");
        }

        var code = new SceneCode(issuer, new ScenePlace(new UnitId(unit), facility), (ScenePurpose)purpose, notBefore, expiresAt,
            category.Length == 0 ? null : new CategoryCode(category));
        var now = Clock.GetCurrentInstant();
        if (now < code.NotBefore)
        {
            return Refuse(SceneRefusal.NotYetValid, $"valid from {code.NotBefore}; it is {now}");
        }

        return now >= code.ExpiresAt
            ? Refuse(SceneRefusal.Expired, $"expired at {code.ExpiresAt}; it is {now}")
            : SceneResult<SceneCode>.Accept(code);
    }

    /// <summary>As <see cref="Verify"/>, throwing the refusal.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is null.</exception>
    /// <exception cref="SceneTokenException">The token is refused; <see cref="SceneTokenException.Refusal"/> says why.</exception>
    public SceneCode Open(string token) => Verify(token).GetValueOrThrow();

    private static bool TryFacility(ref Reader reader, byte kind, out Facility? facility)
    {
        facility = null;
        if (kind == NoFacility)
        {
            return true;
        }

        if (!Enum.IsDefined((FacilityKind)kind) || !reader.TryText(out var id) || id.Length == 0)
        {
            return false;
        }

        facility = new Facility(new FacilityId(id), (FacilityKind)kind);
        return true;
    }

    private static SceneResult<SceneCode> Refuse(SceneRefusal refusal, string reason) => SceneResult<SceneCode>.Refuse(refusal, reason);

    private static Instant FloorToSecond(Instant instant) => Instant.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());

    private static void Text(List<byte> buffer, string? text, string what, string paramName, bool allowEmpty)
    {
        var bytes = Encoding.UTF8.GetBytes(text ?? string.Empty);
        Preconditions.CheckArgument((allowEmpty || bytes.Length > 0) && bytes.Length <= byte.MaxValue, paramName,
            $"The {what} of a QR scene code is {(allowEmpty ? 0 : 1)}–255 bytes of UTF-8; got '{text}'.");
        buffer.Add((byte)bytes.Length);
        buffer.AddRange(bytes);
    }

    private static void Seconds(List<byte> buffer, Instant instant)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, instant.ToUnixTimeSeconds());
        foreach (var b in bytes)
        {
            buffer.Add(b);
        }
    }

    /// <summary>Reads the token's fields; every read is bounds-checked and fails rather than throws.</summary>
    private ref struct Reader(ReadOnlySpan<byte> bytes, int position)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _position = position;

        public readonly bool AtEnd => _position == _bytes.Length;

        public bool TryByte(out byte value)
        {
            value = 0;
            if (_position >= _bytes.Length)
            {
                return false;
            }

            value = _bytes[_position++];
            return true;
        }

        public bool TrySeconds(out Instant value)
        {
            value = default;
            if (_bytes.Length - _position < 8)
            {
                return false;
            }

            var seconds = BinaryPrimitives.ReadInt64BigEndian(_bytes.Slice(_position, 8));
            _position += 8;
            if (seconds < Instant.MinValue.ToUnixTimeSeconds() || seconds > Instant.MaxValue.ToUnixTimeSeconds())
            {
                return false;
            }

            value = Instant.FromUnixTimeSeconds(seconds);
            return true;
        }

        public bool TryText(out string value)
        {
            value = string.Empty;
            if (!TryByte(out var length) || _bytes.Length - _position < length)
            {
                return false;
            }

            try
            {
                value = Strict.GetString(_bytes.Slice(_position, length));
            }
            catch (DecoderFallbackException)
            {
                return false;
            }

            _position += length;
            return true;
        }

        private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    }
}
