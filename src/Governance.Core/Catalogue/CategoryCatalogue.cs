using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Governance.Core.Catalogue;

/// <summary>
/// 派单目录: which kind of body handles which category of request, and how urgent each category is. Immutable and safe
/// to share between threads. Made by <see cref="CatalogueBuilder"/>, loaded with <see cref="CatalogueJson"/>, or the
/// shipped <see cref="Default"/>.
/// </summary>
/// <remarks>
/// A code that is not defined is looked up as its nearest defined ancestor (<c>物业/电梯/异响</c> as
/// <c>物业/电梯</c>); a code with no defined ancestor either is unknown, and the router sends it to
/// <see cref="Triage"/>. Lookups allocate nothing.
/// </remarks>
public sealed class CategoryCatalogue
{
    private const string DefaultResource = "Governance.Core.Catalogue.Data.default-catalogue.json";
    private static readonly Lazy<CategoryCatalogue> DefaultInstance = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly CategoryDefinition[] _categories;
    private readonly FrozenDictionary<string, int> _index;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _prefixIndex;

    internal CategoryCatalogue(CategoryDefinition[] categories, int triage)
    {
        _categories = categories;
        _index = categories.ToFrozenDictionary(c => c.Code.Value, c => c.Index, StringComparer.Ordinal);
        _prefixIndex = _index.GetAlternateLookup<ReadOnlySpan<char>>();
        Triage = categories[triage];
    }

    /// <summary>
    /// The catalogue shipped with the package (about 80 categories: lifts, repairs and leaks, sanitation, greening,
    /// parking, heating, water, power, gas, illegal construction, disputes, noise, public order, markets, roads,
    /// street lights, property fees and services, elderly care…; triage <c>其他/待分拣</c>). The duties it names are
    /// held by the offices and departments of <see cref="Organization.SampleDistrict"/> and the synthetic districts.
    /// </summary>
    public static CategoryCatalogue Default => DefaultInstance.Value;

    /// <summary>Every category, in the order they were added (for a loaded catalogue, document order).</summary>
    public ImmutableArray<CategoryDefinition> Categories => ImmutableCollectionsMarshal.AsImmutableArray(_categories);

    /// <summary>The category a request with an unknown code is routed as; one of <see cref="Categories"/>.</summary>
    public CategoryDefinition Triage { get; }

    /// <summary>
    /// Finds the definition of <paramref name="code"/>: the category with exactly that code or, failing that, the one
    /// with its nearest defined ancestor code. False when neither exists (the request is then triaged). Allocates nothing.
    /// </summary>
    public bool TryGet(CategoryCode code, [NotNullWhen(true)] out CategoryDefinition? definition)
    {
        var i = IndexOf(code.Value);
        definition = i < 0 ? null : _categories[i];
        return i >= 0;
    }

    /// <summary>The definition <see cref="TryGet"/> finds for <paramref name="code"/>, or <see cref="Triage"/> when it finds none.</summary>
    public CategoryDefinition Resolve(CategoryCode code)
    {
        var i = IndexOf(code.Value);
        return i < 0 ? Triage : _categories[i];
    }

    /// <summary>Returns the number of categories and the triage code.</summary>
    public override string ToString() => $"{_categories.Length} categories, triage {Triage.Code}";

    /// <summary>The index of the definition for <paramref name="code"/> (exact, else nearest defined ancestor); -1 when none.</summary>
    internal int IndexOf(string? code)
    {
        if (code is null)
        {
            return -1;
        }

        if (_index.TryGetValue(code, out var found))
        {
            return found;
        }

        var prefix = code.AsSpan();
        int cut;
        while ((cut = prefix.LastIndexOf(CategoryCodeRules.Separator)) > 0)
        {
            prefix = prefix[..cut];
            if (_prefixIndex.TryGetValue(prefix, out found))
            {
                return found;
            }
        }

        return -1;
    }

    private static CategoryCatalogue LoadDefault()
    {
        using var stream = typeof(CategoryCatalogue).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"The resource {DefaultResource} is missing from the assembly.");
        return CatalogueJson.Load(stream);
    }
}
