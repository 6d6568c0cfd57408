using Governance.Core.Catalogue;
using Governance.Core.Organization;

namespace Governance.Core.Scenes;

/// <summary>Identifies a facility a QR code hangs on (a lift, a street light…); 1–64 characters without white space, compared ordinally.</summary>
/// <param name="Value">The id text, for example <c>beiyuan-xinhuaxijie-g1-b2-lift-1</c>.</param>
public readonly record struct FacilityId(string Value)
{
    /// <summary>Returns the id text.</summary>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>What kind of facility a QR code hangs on; each kind suggests the category a report from it is likely about.</summary>
public enum FacilityKind
{
    /// <summary>电梯: a lift; a report is likely 物业/电梯/故障 (breakdown).</summary>
    Lift,

    /// <summary>路灯: a street light; likely 市政/路灯.</summary>
    StreetLight,

    /// <summary>垃圾分类驿站: a waste sorting station; likely 环境/垃圾分类.</summary>
    WasteStation,

    /// <summary>充电桩: an electric bike charging point; likely 停车/充电.</summary>
    ChargingPoint,

    /// <summary>消防通道: a fire lane; likely 物业/消防通道 (blocked).</summary>
    FireLane,

    /// <summary>健身器材: outdoor fitness equipment; likely 物业/公共设施.</summary>
    FitnessEquipment,

    /// <summary>Anything else; no likely category (a report goes to triage unless the code or the resident names one).</summary>
    Other,
}

/// <summary>A facility a QR code hangs on: its id and kind. Where it is, is the code's unit (usually its building).</summary>
/// <param name="Id">The facility's id.</param>
/// <param name="Kind">What it is.</param>
public readonly record struct Facility(FacilityId Id, FacilityKind Kind)
{
    /// <summary>
    /// The category a report from a facility of <paramref name="kind"/> is likely about, in the default catalogue's
    /// codes (<see cref="FacilityKind"/> lists them); <see langword="null"/> for <see cref="FacilityKind.Other"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public static CategoryCode? LikelyCategory(FacilityKind kind) => kind switch
    {
        FacilityKind.Lift => new CategoryCode("物业/电梯/故障"),
        FacilityKind.StreetLight => new CategoryCode("市政/路灯"),
        FacilityKind.WasteStation => new CategoryCode("环境/垃圾分类"),
        FacilityKind.ChargingPoint => new CategoryCode("停车/充电"),
        FacilityKind.FireLane => new CategoryCode("物业/消防通道"),
        FacilityKind.FitnessEquipment => new CategoryCode("物业/公共设施"),
        FacilityKind.Other => null,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined facility kind."),
    };

    /// <summary>Returns <c>Kind Id</c>.</summary>
    public override string ToString() => $"{Kind} {Id}";
}

/// <summary>Where a QR code hangs: a unit (a building, a community…) and, optionally, a facility in it.</summary>
/// <param name="Unit">The unit; for a facility, the unit it is in (its building).</param>
/// <param name="Facility">The facility, when the code hangs on one.</param>
public readonly record struct ScenePlace(UnitId Unit, Facility? Facility = null)
{
    /// <summary>Returns the unit id, with the facility after a slash when there is one.</summary>
    public override string ToString() => Facility is { } f ? $"{Unit}/{f}" : Unit.ToString();
}

/// <summary>What a QR code is for.</summary>
public enum ScenePurpose
{
    /// <summary>扫码即知: scan to know who is responsible here, for what, and how to reach them.</summary>
    Know,

    /// <summary>扫码即诉: scan to report on the spot; the request arrives with the place and likely category filled in.</summary>
    Report,
}
