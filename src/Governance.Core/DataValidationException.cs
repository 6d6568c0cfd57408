using System.Collections.ObjectModel;
using System.Text;

namespace Governance.Core;

/// <summary>
/// The one exception every loader and builder of this library throws for bad data. It carries every problem found,
/// not just the first, each naming its JSON path and the offending id. When it is thrown nothing has been
/// built or changed.
/// </summary>
public sealed class DataValidationException : Exception
{
    private const int MaxErrorsInMessage = 20;

    /// <summary>Creates the exception from at least one error.</summary>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public DataValidationException(string subject, IEnumerable<DataError> errors)
        : this(subject, Preconditions.CheckNotNull(errors).ToArray())
    {
    }

    private DataValidationException(string subject, DataError[] errors)
        : base(FormatMessage(subject, errors))
    {
        Preconditions.CheckArgument(errors.Length > 0, nameof(errors), "A validation failure needs at least one error.");
        Subject = subject;
        Errors = new ReadOnlyCollection<DataError>(errors);
    }

    /// <summary>What was being loaded or built, for example <c>chart</c> or <c>holiday-cn calendar 2023</c>.</summary>
    public string Subject { get; }

    /// <summary>Every problem found, in document order.</summary>
    public IReadOnlyList<DataError> Errors { get; }

    private static string FormatMessage(string subject, DataError[] errors)
    {
        var text = new StringBuilder();
        text.Append("Invalid ").Append(subject).Append(": ").Append(errors.Length)
            .Append(errors.Length == 1 ? " error." : " errors.");
        foreach (var error in errors.Take(MaxErrorsInMessage))
        {
            text.AppendLine().Append("  ").Append(error);
        }

        if (errors.Length > MaxErrorsInMessage)
        {
            text.AppendLine().Append("  … and ").Append(errors.Length - MaxErrorsInMessage).Append(" more (see Errors).");
        }

        return text.ToString();
    }
}
