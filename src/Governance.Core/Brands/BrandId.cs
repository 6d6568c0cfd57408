namespace Governance.Core.Brands;

/// <summary>
/// Identifies a <see cref="Brand"/> across its versions (for example <c>youshi-ninzhaowo</c> for 有事您找我); compared
/// ordinally. 1–128 characters without white space or control characters, as chart ids.
/// </summary>
/// <param name="Value">The id text.</param>
public readonly record struct BrandId(string Value)
{
    /// <summary>Returns the id text.</summary>
    public override string ToString() => Value ?? string.Empty;

    /// <summary>What is wrong with <paramref name="value"/> as a brand id; null when nothing is.</summary>
    internal static string? Problem(string? value) =>
        string.IsNullOrEmpty(value) ? "a brand id is required"
        : value.Length > 128 ? $"a brand id is at most 128 characters; '{value[..20]}…' has {value.Length}"
        : value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) ? $"the brand id '{value}' contains white space or a control character"
        : null;
}
