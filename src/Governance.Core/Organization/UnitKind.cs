namespace Governance.Core.Organization;

/// <summary>
/// The kinds of administrative unit, from the district down to a building. Subdistricts (街道), towns (镇) and
/// townships (乡) sit at the same street level and behave alike, as do communities (社区) and villages (村).
/// </summary>
public enum UnitKind
{
    /// <summary>区: the top of the tree (通州区 Tongzhou). A chart has exactly one.</summary>
    District,

    /// <summary>街道: an urban street-level unit under the district.</summary>
    Subdistrict,

    /// <summary>镇: a town, a street-level unit under the district.</summary>
    Town,

    /// <summary>乡: a township, a street-level unit under the district.</summary>
    Township,

    /// <summary>社区: an urban community (residents' committee) under a street-level unit.</summary>
    Community,

    /// <summary>村: a village (villagers' committee) under a street-level unit.</summary>
    Village,

    /// <summary>网格: a grid of a few hundred households under a community or village.</summary>
    Grid,

    /// <summary>楼 / 楼门: a building (or building entrance) under a grid; households live in buildings.</summary>
    Building,
}

/// <summary>The five levels of the administrative tree. A unit's parent is always exactly one level up.</summary>
public enum UnitLevel
{
    /// <summary>The district.</summary>
    District = 0,

    /// <summary>Subdistricts, towns and townships.</summary>
    StreetLevel = 1,

    /// <summary>Communities and villages.</summary>
    Community = 2,

    /// <summary>Grids.</summary>
    Grid = 3,

    /// <summary>Buildings.</summary>
    Building = 4,
}

/// <summary>Facts about <see cref="UnitKind"/> values.</summary>
public static class UnitKindExtensions
{
    /// <summary>The number of levels in the tree (<see cref="UnitLevel.District"/> to <see cref="UnitLevel.Building"/>).</summary>
    public const int LevelCount = 5;

    /// <summary>The level a kind sits at: subdistrict, town and township are all <see cref="UnitLevel.StreetLevel"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public static UnitLevel Level(this UnitKind kind) => kind switch
    {
        UnitKind.District => UnitLevel.District,
        UnitKind.Subdistrict or UnitKind.Town or UnitKind.Township => UnitLevel.StreetLevel,
        UnitKind.Community or UnitKind.Village => UnitLevel.Community,
        UnitKind.Grid => UnitLevel.Grid,
        UnitKind.Building => UnitLevel.Building,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined unit kind."),
    };

    /// <summary>True for subdistricts, towns and townships: the units that run a 12345 desk and blow whistles.</summary>
    public static bool IsStreetLevel(this UnitKind kind) => kind is UnitKind.Subdistrict or UnitKind.Town or UnitKind.Township;
}
