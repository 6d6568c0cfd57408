using System.Buffers.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Core.Catalogue;
using Governance.Core.Organization;
using Governance.Core.Scenes;
using NodaTime;
using NodaTime.Testing;

namespace Governance.Core.Tests.Scenes;

/// <summary>
/// A genuine token reads back as the code signed; any change to a token — a character, a byte of what it encodes, a cut
/// or an addition — is refused with a reason, and verifying never throws; <see cref="SceneTokens.Open"/> throws only
/// <see cref="SceneTokenException"/>.
/// </summary>
public sealed class SceneTokenProperties
{
    private static readonly FakeClock Clock = new(SceneFixture.At(1, 10));
    private static readonly SceneTokens Tokens = SceneFixture.Tokens(Clock, ring: new SceneKeyRing(SceneFixture.Key2024, SceneFixture.Key2023));
    private static readonly char[] Replacements = [.. "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ .中\0"];

    [Property(MaxTest = 300)]
    public Property A_genuine_token_reads_back_as_the_code_that_was_signed() =>
        Prop.ForAll(Codes.ToArbitrary(), signed =>
        {
            var (token, code) = signed;
            var read = Tokens.Verify(token);
            Assert.True(read.IsAccepted, read.ToString());
            Assert.Equal(code, read.Value);
            Assert.Equal(code, Tokens.Open(token));
        });

    [Property(MaxTest = 1000)]
    public Property Changing_any_character_of_a_token_is_refused_and_never_throws() =>
        Prop.ForAll(Codes.ToArbitrary(), Gen.Choose(0, 10_000).ToArbitrary(), Gen.Elements(Replacements).ToArbitrary(), (signed, at, replacement) =>
        {
            var token = signed.Token;
            var i = at % token.Length;
            if (token[i] == replacement)
            {
                return true.ToProperty().Classify(true, "unchanged, skipped");
            }

            var tampered = string.Concat(token.AsSpan(0, i), replacement.ToString(), token.AsSpan(i + 1));
            return Refused(tampered).Label(tampered);
        });

    [Property(MaxTest = 1000)]
    public Property Changing_any_byte_the_token_encodes_is_refused_and_never_throws() =>
        Prop.ForAll(Codes.ToArbitrary(), Gen.Choose(0, 10_000).ToArbitrary(), Gen.Choose(1, 255).ToArbitrary(), (signed, at, mask) =>
        {
            var bytes = Base64Url.DecodeFromChars(signed.Token);
            var i = at % bytes.Length;
            bytes[i] ^= (byte)mask;
            var tampered = Base64Url.EncodeToString(bytes);
            return Refused(tampered).Classify(i == 0, "version byte").Classify(i > 0 && i < 10, "key id").Classify(i >= bytes.Length - 32, "signature");
        });

    [Property(MaxTest = 300)]
    public Property Cutting_or_extending_a_token_is_refused_and_never_throws() =>
        Prop.ForAll(Codes.ToArbitrary(), Gen.Choose(-200, 40).ToArbitrary(), (signed, change) =>
        {
            var token = signed.Token;
            var tampered = change < 0 ? token[..Math.Max(0, token.Length + change)] : token + new string('A', change + 1);
            return Refused(tampered);
        });

    [Fact]
    public void A_token_is_compact_enough_for_a_small_QR_code()
    {
        var (token, _) = Tokens.Sign(SceneFixture.Lift, ScenePurpose.Report, Clock.GetCurrentInstant(), Clock.GetCurrentInstant() + Duration.FromDays(365), new CategoryCode("物业/电梯/故障"));

        Assert.InRange(token.Length, 100, 200);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
    }

    private static Property Refused(string tampered)
    {
        SceneResult<SceneCode> verified;
        try
        {
            verified = Tokens.Verify(tampered);
        }
        catch (Exception e)
        {
            return false.Label($"Verify threw {e.GetType().Name}: {e.Message}");
        }

        try
        {
            Tokens.Open(tampered);
            return false.Label("Open accepted a tampered token");
        }
        catch (SceneTokenException refused) when (refused.Refusal == verified.Refusal)
        {
        }
        catch (Exception e)
        {
            return false.Label($"Open threw {e.GetType().Name}: {e.Message}");
        }

        return (!verified.IsAccepted && verified.Reason.Length > 0).Label($"accepted: {verified}").Classify(true, verified.Refusal?.ToString() ?? "accepted");
    }

    private static Gen<(string Token, SceneCode Code)> Codes =>
        from unit in Gen.Elements(SampleDistrict.Chart.Units.Where((_, i) => i % 97 == 0).Select(u => u.Id).ToArray())
        from facility in Gen.Frequency(
            (1, Gen.Constant<Facility?>(null)),
            (3, from kind in Gen.Elements(Enum.GetValues<FacilityKind>()) from n in Gen.Choose(1, 9) select (Facility?)new Facility(new FacilityId($"{unit}-{kind}-{n}"), kind)))
        from purpose in Gen.Elements(ScenePurpose.Know, ScenePurpose.Report)
        from category in Gen.Elements<CategoryCode?>(null, new CategoryCode("物业/电梯/故障"), new CategoryCode("市政/路灯"))
        from startHours in Gen.Choose(-48, 0)
        from days in Gen.Choose(3, 400)
        let start = Clock.GetCurrentInstant() + Duration.FromHours(startHours)
        select Tokens.Sign(new ScenePlace(unit, facility), purpose, start, start + Duration.FromDays(days), category);
}
