using Governance.Core.Organization;
using Governance.Core.Scenes;
using NodaTime;
using NodaTime.Testing;

namespace Governance.Core.Tests.Scenes;

/// <summary>Each reason a token is refused, once; key rotation; the limits of validity.</summary>
public sealed class SceneTokenExamples
{
    private static readonly ScenePlace Place = new(SampleDistrict.Units.Xinhuaxijie);

    [Fact]
    public void A_code_is_valid_from_its_start_inclusive_to_its_expiry_exclusive()
    {
        var clock = new FakeClock(SceneFixture.At(1, 10));
        var tokens = SceneFixture.Tokens(clock);
        var (token, code) = tokens.Sign(Place, ScenePurpose.Know, SceneFixture.At(2, 9), SceneFixture.At(3, 9));

        Assert.Equal(SceneRefusal.NotYetValid, tokens.Verify(token).Refusal);
        clock.Reset(SceneFixture.At(2, 9));
        Assert.Equal(code, tokens.Verify(token).Value);
        clock.Reset(SceneFixture.At(3, 9) - Duration.Epsilon);
        Assert.True(tokens.Verify(token).IsAccepted);
        clock.Reset(SceneFixture.At(3, 9));
        var expired = tokens.Verify(token);
        Assert.Equal(SceneRefusal.Expired, expired.Refusal);
        Assert.Contains("expired at 2023-03-03T01:00:00Z", expired.Reason, StringComparison.Ordinal);
        var thrown = Assert.Throws<SceneTokenException>(() => tokens.Open(token));
        Assert.Equal(SceneRefusal.Expired, thrown.Refusal);
    }

    [Fact]
    public void Times_are_kept_to_the_second()
    {
        var tokens = SceneFixture.Tokens(new FakeClock(SceneFixture.At(1, 10)));
        var (_, code) = tokens.Sign(Place, ScenePurpose.Know, SceneFixture.At(1, 9) + Duration.FromMilliseconds(999), SceneFixture.At(2, 9) + Duration.FromMilliseconds(1));

        Assert.Equal((SceneFixture.At(1, 9), SceneFixture.At(2, 9)), (code.NotBefore, code.ExpiresAt));
        Assert.Throws<ArgumentException>(() => tokens.Sign(Place, ScenePurpose.Know, SceneFixture.At(1, 9), SceneFixture.At(1, 9) + Duration.FromMilliseconds(500)));
    }

    [Fact]
    public void Rotating_keys_accepts_old_tokens_until_the_old_key_is_dropped()
    {
        var clock = new FakeClock(SceneFixture.At(1, 10));
        var (old, _) = SceneFixture.Tokens(clock).Sign(Place, ScenePurpose.Know, SceneFixture.At(1, 0), SceneFixture.At(31, 0));
        var rotated = SceneFixture.Tokens(clock, ring: new SceneKeyRing(SceneFixture.Key2024, SceneFixture.Key2023));
        var (fresh, _) = rotated.Sign(Place, ScenePurpose.Know, SceneFixture.At(1, 0), SceneFixture.At(31, 0));
        var dropped = SceneFixture.Tokens(clock, ring: new SceneKeyRing(SceneFixture.Key2024));

        Assert.True(rotated.Verify(old).IsAccepted);
        Assert.True(rotated.Verify(fresh).IsAccepted);
        Assert.True(dropped.Verify(fresh).IsAccepted);
        var refused = dropped.Verify(old);
        Assert.Equal(SceneRefusal.UnknownKey, refused.Refusal);
        Assert.Contains("'tz-2023'", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_foreign_token_is_refused_whether_its_key_or_its_issuer_is_foreign()
    {
        var clock = new FakeClock(SceneFixture.At(1, 10));
        var ours = SceneFixture.Tokens(clock);
        var (otherIssuer, _) = SceneFixture.Tokens(clock, issuer: "daxing").Sign(Place, ScenePurpose.Know, SceneFixture.At(1, 0), SceneFixture.At(31, 0));
        var (sameIdOtherSecret, _) = SceneFixture.Tokens(clock, ring: new SceneKeyRing(SceneFixture.Key("tz-2023", 9)))
            .Sign(Place, ScenePurpose.Know, SceneFixture.At(1, 0), SceneFixture.At(31, 0));

        Assert.Equal(SceneRefusal.ForeignIssuer, ours.Verify(otherIssuer).Refusal);
        Assert.Equal(SceneRefusal.BadSignature, ours.Verify(sameIdOtherSecret).Refusal);
        Assert.Equal(SceneRefusal.Malformed, ours.Verify(string.Empty).Refusal);
        Assert.Equal(SceneRefusal.Malformed, ours.Verify(new string('A', SceneTokens.MaxTokenLength + 1)).Refusal);
        Assert.Equal(SceneRefusal.UnsupportedVersion, ours.Verify("Ag" + new string('A', 60)).Refusal);
    }

    [Fact]
    public void Keys_are_checked_and_never_printed()
    {
        Assert.Throws<ArgumentException>(() => new SceneSigningKey("short", new byte[31]));
        Assert.Throws<ArgumentException>(() => new SceneSigningKey("has space", new byte[32]));
        Assert.Throws<ArgumentException>(() => new SceneKeyRing(SceneFixture.Key2023, SceneFixture.Key("tz-2023", 5)));
        Assert.Equal("SceneSigningKey(tz-2023)", SceneFixture.Key2023.ToString());
    }
}
