namespace Governance.Core.Brands;

/// <summary>The settings a <see cref="Brand"/> presets, compared one by one by <see cref="Brand.DifferencesFrom"/>.</summary>
public enum BrandSetting
{
    /// <summary><see cref="Brand.Channels"/>, in order (the first is the front door).</summary>
    Channels,

    /// <summary><see cref="Brand.FirstContact"/>.</summary>
    FirstContact,

    /// <summary><see cref="Brand.ServiceLevels"/>: calendar, same-day cut-off, warning fraction, whistle report limit, resolution limits.</summary>
    ServiceLevels,

    /// <summary><see cref="Brand.EscalationChain"/>.</summary>
    EscalationChain,

    /// <summary><see cref="Brand.Liaison"/>: households per liaison and link costs.</summary>
    Liaison,
}

/// <summary>One setting that differs between two brands (or two versions of one), described before and after.</summary>
/// <param name="Setting">Which setting.</param>
/// <param name="Before">How it was, in words (for example <c>PropertyHotline, Hotline12345</c>); empty when there was no brand.</param>
/// <param name="After">How it is.</param>
public sealed record BrandSettingChange(BrandSetting Setting, string Before, string After)
{
    /// <summary>Returns <c>Setting: Before → After</c>.</summary>
    public override string ToString() => $"{Setting}: {(Before.Length == 0 ? "(none)" : Before)} → {After}";
}
