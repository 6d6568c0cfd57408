using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Governance.Core.Catalogue;
using Governance.Core.Organization;
using Governance.Core.Scenes;
using NodaTime;

namespace Governance.Benchmarks.Scenes;

/// <summary>
/// Verifying the QR codes residents scan: 1,000 lift codes of the sample district's buildings, each checked for
/// signature, issuer and validity and read back. The baseline is the usual hand-rolled token: JSON payload in base64
/// plus a hex HMAC, a new HMACSHA256 per check, and the signature compared as strings. Read Ratio and Alloc Ratio.
/// </summary>
[MemoryDiagnoser]
public class SceneTokenBenchmarks
{
    private const int Codes = 1_000;
    private static readonly byte[] Secret = Encoding.ASCII.GetBytes("benchmark-secret-0123456789abcdef0123");

    private SceneTokens _tokens = null!;
    private string[] _compact = [];
    private string[] _naive = [];

    [GlobalSetup]
    public void Setup()
    {
        var clock = new FixedClock(Instant.FromUtc(2023, 3, 1, 2, 0));
        _tokens = new SceneTokens(new SceneKeyRing(new SceneSigningKey("tz-1", Secret)), "tongzhou", clock);
        var all = SampleDistrict.Chart.Units.Where(u => u.Level == UnitLevel.Building).ToArray();
        var buildings = Enumerable.Range(0, Codes).Select(i => all[i % all.Length]).ToArray(); // a lift per building, several if too few
        var from = clock.GetCurrentInstant() - Duration.FromDays(30);
        var until = from + Duration.FromDays(365);
        _compact = [.. buildings.Select((b, i) => _tokens.Sign(new ScenePlace(b.Id, new Facility(new FacilityId($"{b.Id}-lift-{(i / all.Length) + 1}"), FacilityKind.Lift)),
            ScenePurpose.Report, from, until, new CategoryCode("物业/电梯/故障")).Token)];
        _naive = [.. buildings.Select((b, i) => NaiveToken.Sign(new NaivePayload("tongzhou", b.Id.Value, $"{b.Id}-lift-{(i / all.Length) + 1}", "Lift", "Report",
            from.ToUnixTimeSeconds(), until.ToUnixTimeSeconds(), "物业/电梯/故障"), Secret))];
        if (Verify() != Codes || Naive() != Codes)
        {
            throw new InvalidOperationException("Both ways must accept every genuine token.");
        }
    }

    [Benchmark(Baseline = true)]
    public int Naive()
    {
        var now = Instant.FromUtc(2023, 3, 1, 2, 0).ToUnixTimeSeconds();
        var accepted = 0;
        foreach (var token in _naive)
        {
            if (NaiveToken.Verify(token, Secret) is { } p && p.Issuer == "tongzhou" && now >= p.NotBefore && now < p.ExpiresAt)
            {
                accepted++;
            }
        }

        return accepted;
    }

    [Benchmark]
    public int Verify()
    {
        var accepted = 0;
        foreach (var token in _compact)
        {
            if (_tokens.Verify(token).IsAccepted)
            {
                accepted++;
            }
        }

        return accepted;
    }
}

/// <summary>A clock that stands still: every scan happens at the same instant.</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}

/// <summary>The baseline's payload, as JSON.</summary>
public sealed record NaivePayload(string Issuer, string Unit, string Facility, string Kind, string Purpose, long NotBefore, long ExpiresAt, string Category);

/// <summary>The usual hand-rolled token: <c>base64(json).hex(hmac)</c>.</summary>
internal static class NaiveToken
{
    public static string Sign(NaivePayload payload, byte[] secret)
    {
        var body = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(payload));
        using var hmac = new HMACSHA256(secret);
        return body + "." + Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(body)));
    }

    public static NaivePayload? Verify(string token, byte[] secret)
    {
        var parts = token.Split('.');
        if (parts.Length != 2)
        {
            return null;
        }

        using var hmac = new HMACSHA256(secret);
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(parts[0]))) == parts[1]
            ? JsonSerializer.Deserialize<NaivePayload>(Convert.FromBase64String(parts[0]))
            : null;
    }
}
