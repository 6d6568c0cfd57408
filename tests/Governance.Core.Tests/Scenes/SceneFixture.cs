using System.Text;
using Governance.Core.Catalogue;
using Governance.Core.Directory;
using Governance.Core.Organization;
using Governance.Core.Routing;
using Governance.Core.Scenes;
using NodaTime;
using NodaTime.Testing;

namespace Governance.Core.Tests.Scenes;

/// <summary>Keys, an issuer and places of the sample district for scene tests.</summary>
internal static class SceneFixture
{
    public static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    public static readonly SceneSigningKey Key2023 = Key("tz-2023", 1);

    public static readonly SceneSigningKey Key2024 = Key("tz-2024", 2);

    private static readonly Lazy<ServiceDirectory> LazyDirectory = new(() => new ServiceDirectory(new Router(SampleDistrict.Chart, CategoryCatalogue.Default)));

    public static ServiceDirectory Directory => LazyDirectory.Value;

    public static Chart Chart => SampleDistrict.Chart;

    /// <summary>A building of 新华西街社区 (北苑街道), and its lift.</summary>
    public static Unit Building => Chart.DescendantsOf(Chart.GetUnit(SampleDistrict.Units.Xinhuaxijie)).ToArray().First(u => u.Level == UnitLevel.Building);

    public static ScenePlace Lift => new(Building.Id, new Facility(new FacilityId($"{Building.Id}-lift-1"), FacilityKind.Lift));

    /// <summary>Wednesday 1 March 2023 (a working day) at the given Beijing time, or a later day of that March.</summary>
    public static Instant At(int day, int hour, int minute = 0) =>
        new LocalDateTime(2023, 3, day, hour, minute).InZoneStrictly(Beijing).ToInstant();

    public static SceneSigningKey Key(string id, byte seed) =>
        new(id, Encoding.ASCII.GetBytes($"not-a-real-secret-{seed}-0123456789abcdef"));

    public static SceneTokens Tokens(IClock clock, string issuer = "tongzhou", SceneKeyRing? ring = null) =>
        new(ring ?? new SceneKeyRing(Key2023), issuer, clock);

    public static QrScenes Scenes(FakeClock clock) => new(Tokens(clock), Directory);
}
