namespace Governance.Core;

/// <summary>
/// One problem found in data given to the library (a chart, a calendar file, a catalogue).
/// </summary>
/// <param name="Path">
/// Where the problem is, as a JSON path into the document (<c>$.units[3].parent</c>); for data built in code,
/// the builder call that added the offending item (<c>AddUnit("beiyuan")</c>).
/// </param>
/// <param name="Id">The id of the offending item when it has one, otherwise <see langword="null"/>.</param>
/// <param name="Message">What is wrong, in words a data owner can act on.</param>
public sealed record DataError(string Path, string? Id, string Message)
{
    /// <summary>Returns <c>path (id): message</c>, or <c>path: message</c> when there is no id.</summary>
    public override string ToString() => Id is null ? $"{Path}: {Message}" : $"{Path} ({Id}): {Message}";
}
