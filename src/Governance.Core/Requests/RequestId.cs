namespace Governance.Core.Requests;

/// <summary>Identifies a request within the system that received it; compared ordinally.</summary>
/// <param name="Value">The id text.</param>
public readonly record struct RequestId(string Value)
{
    /// <summary>Returns the id text.</summary>
    public override string ToString() => Value ?? string.Empty;
}
