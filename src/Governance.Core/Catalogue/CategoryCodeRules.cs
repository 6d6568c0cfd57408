namespace Governance.Core.Catalogue;

/// <summary>What a well-formed category code looks like, checked by the catalogue builder.</summary>
internal static class CategoryCodeRules
{
    public const int MaxLength = 128;

    public const char Separator = '/';

    /// <summary>Null when <paramref name="code"/> is well formed; otherwise what is wrong with it.</summary>
    public static string? Problem(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return "the code is missing or empty";
        }

        if (code.Length > MaxLength)
        {
            return $"the code is {code.Length} characters long; at most {MaxLength} are allowed";
        }

        foreach (var segment in code.Split(Separator))
        {
            if (segment.Length == 0)
            {
                return "the code has an empty segment; segments are separated by single '/' with none at either end";
            }

            if (segment.Trim().Length != segment.Length)
            {
                return $"the segment '{segment}' has spaces at its start or end";
            }

            foreach (var c in segment)
            {
                if (char.IsControl(c))
                {
                    return "the code contains a control character";
                }
            }
        }

        return null;
    }

    /// <summary>The code with its last segment removed; null for a one-segment code.</summary>
    public static string? ParentOf(string code)
    {
        var cut = code.LastIndexOf(Separator);
        return cut > 0 ? code[..cut] : null;
    }
}
