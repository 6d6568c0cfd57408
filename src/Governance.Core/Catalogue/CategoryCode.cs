namespace Governance.Core.Catalogue;

/// <summary>
/// A hierarchical category code, segments separated by <c>/</c> from general to specific, for example
/// <c>物业/电梯/故障</c> (property / lift / breakdown). Compared ordinally.
/// </summary>
/// <param name="Value">The code text.</param>
public readonly record struct CategoryCode(string Value)
{
    /// <summary>Returns the code text.</summary>
    public override string ToString() => Value ?? string.Empty;
}
