using System.Collections.Immutable;
using Governance.Core.Organization;
using NodaTime;

namespace Governance.Core.Brands;

/// <summary>
/// One entry of a unit's brand timeline in a <see cref="BrandRegistry"/>: from <paramref name="From"/> (inclusive) the
/// unit works as <paramref name="Brand"/> says, until its next entry. A <see langword="null"/> brand is a withdrawal:
/// from that date the unit has no brand of its own and follows its parent again.
/// </summary>
/// <param name="Unit">The unit that adopted it.</param>
/// <param name="From">The first local date it is in force.</param>
/// <param name="Brand">The brand version adopted, or <see langword="null"/> for a withdrawal.</param>
public sealed record BrandAdoption(UnitId Unit, LocalDate From, Brand? Brand);

/// <summary>The brand a unit works under on a date, and where that comes from.</summary>
/// <param name="Brand">The brand version in force.</param>
/// <param name="AdoptedBy">The unit whose adoption it is: the unit itself or its nearest ancestor with a brand of its own that day.</param>
/// <param name="Since">The date that adoption took effect.</param>
public sealed record BrandInForce(Brand Brand, UnitId AdoptedBy, LocalDate Since);

/// <summary>What a rollout did (or would do) to one unit it names.</summary>
public enum BrandChangeKind
{
    /// <summary>The unit had no brand in force that day; now it has this one.</summary>
    Adopted,

    /// <summary>The unit worked under another brand that day.</summary>
    Switched,

    /// <summary>The unit worked under another version of the same brand that day.</summary>
    NewVersion,

    /// <summary>The unit already worked under this very version (perhaps inherited); it now holds it as its own adoption.</summary>
    Unchanged,
}

/// <summary>
/// What a rollout changes for one unit it names, on the rollout's date: the brand in force before and after, the
/// settings that differ, and the descendants that follow the unit (no brand of their own that day), which change
/// with it.
/// </summary>
/// <param name="Unit">The named unit.</param>
/// <param name="UnitName">Its name.</param>
/// <param name="Before">The brand in force for it that day before the rollout; <see langword="null"/> when none.</param>
/// <param name="After">The brand rolled out.</param>
/// <param name="Kind">Adopted, switched, new version or unchanged.</param>
/// <param name="Settings">The settings that differ from <paramref name="Before"/> (all of them when there was none); empty when unchanged.</param>
/// <param name="Inheriting">
/// The unit's descendants, in chart order, whose brand that day comes from the unit after the rollout: they had no
/// brand of their own in force, and no unit between them and this one has. They change exactly as the unit does.
/// </param>
public sealed record BrandChange(
    UnitId Unit, string UnitName, BrandInForce? Before, Brand After, BrandChangeKind Kind,
    ImmutableArray<BrandSettingChange> Settings, ImmutableArray<UnitId> Inheriting)
{
    /// <summary>Returns <c>UnitName: old → new (settings)</c>.</summary>
    public override string ToString() =>
        $"{UnitName}: {Before?.Brand.ToString() ?? "(no brand)"} → {After} [{Kind}{(Settings.IsEmpty ? string.Empty : "; " + string.Join(", ", Settings.Select(s => s.Setting)))}] +{Inheriting.Length} inheriting";
}

/// <summary>What rolling a brand out to units does, per unit, in the order the units were named.</summary>
/// <param name="Brand">The brand rolled out.</param>
/// <param name="From">The first date the named units work under it.</param>
/// <param name="Changes">One entry per named unit.</param>
/// <param name="Applied">True when the registry was changed; false for <see cref="BrandRegistry.PreviewRollOut"/>.</param>
public sealed record RolloutReport(Brand Brand, LocalDate From, ImmutableArray<BrandChange> Changes, bool Applied)
{
    /// <summary>Every unit whose brand changes that day: each named unit that is not <see cref="BrandChangeKind.Unchanged"/>, and its inheriting descendants.</summary>
    public IEnumerable<UnitId> ChangedUnits =>
        Changes.Where(c => c.Kind != BrandChangeKind.Unchanged).SelectMany(c => c.Inheriting.Prepend(c.Unit));
}
