using Governance.Core.Time;

namespace Governance.Core.Catalogue;

/// <summary>
/// Builds a <see cref="CategoryCatalogue"/>. Add categories in any order, name the triage category, then call
/// <see cref="Build"/>, which checks every rule and reports every problem at once; a builder builds once.
/// </summary>
/// <remarks>
/// <para>Rules: every code is well formed (1 to 128 characters, segments separated by single <c>/</c>, none empty or
/// padded with spaces, no control characters) and defined once; every category has a non-blank name; the triage code
/// is one of the defined codes.</para>
/// <para>Inheritance: a category may leave out its class, its responsible kind or its duty; each is then taken from
/// the nearest ancestor code that is defined (<c>物业/电梯/困人</c> from <c>物业/电梯</c>, else from <c>物业</c>).
/// The ancestors of a code need not be defined; a category that leaves a field out and has no defined ancestor giving
/// it is an error. After inheritance every category has a class and a responsible kind, and one handled by a
/// <see cref="ResponsibleKind.SubdistrictOffice"/> or <see cref="ResponsibleKind.DistrictDepartment"/> has a duty.</para>
/// </remarks>
public sealed class CatalogueBuilder
{
    private readonly List<Entry> _entries = [];
    private readonly List<(int Order, DataError Error)> _reported = [];
    private string? _triage;
    private bool _triageSet;
    private string _triagePath = "WithTriage";
    private bool _fromDocument;
    private bool _built;

    /// <summary>
    /// Adds a category. Leave <paramref name="categoryClass"/>, <paramref name="responsible"/> or
    /// <paramref name="duty"/> null to inherit it from the nearest defined ancestor code. Nothing is checked until
    /// <see cref="Build"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public CatalogueBuilder Add(CategoryCode code, string name, CategoryClass? categoryClass = null, ResponsibleKind? responsible = null, string? duty = null)
    {
        CheckNotBuilt();
        _entries.Add(new Entry(null, code.Value, name, categoryClass, responsible, duty) { Order = _entries.Count });
        return this;
    }

    /// <summary>Names the category a request with an unknown code is routed as (default catalogue: <c>其他/待分拣</c>).</summary>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public CatalogueBuilder WithTriage(CategoryCode code)
    {
        CheckNotBuilt();
        _triage = code.Value;
        _triageSet = true;
        _triagePath = "WithTriage";
        return this;
    }

    /// <summary>Checks every rule (see the remarks on the class) and makes the catalogue.</summary>
    /// <exception cref="DataValidationException">A rule is broken; every problem is listed, with its JSON path or builder call and the code.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called already.</exception>
    public CategoryCatalogue Build()
    {
        CheckNotBuilt();
        _built = true;
        // Each error with the document position it belongs to, so that they are reported in document order.
        var errors = new List<(int Order, DataError Error)>(_reported);
        void Report(Entry entry, DataError error) => errors.Add((entry.Order, error));

        var byCode = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var entry in _entries)
        {
            if (CategoryCodeRules.Problem(entry.Code) is { } problem)
            {
                Report(entry, new DataError(entry.PathOf("code"), entry.Code, problem));
                entry.Broken = true;
            }
            else if (byCode.TryGetValue(entry.Code!, out var first))
            {
                Report(entry, new DataError(entry.PathOf("code"), entry.Code, $"the code is defined twice; first at {first.PathOf(null)}"));
                entry.Broken = true;
            }
            else
            {
                byCode.Add(entry.Code!, entry);
            }

            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                Report(entry, new DataError(entry.PathOf("name"), entry.Code, "the name is missing or empty"));
                entry.Broken = true;
            }

            if (entry.Duty is not null && string.IsNullOrWhiteSpace(entry.Duty))
            {
                Report(entry, new DataError(entry.PathOf("duty"), entry.Code, "the duty is empty; leave it out to inherit the parent's"));
                entry.Broken = true;
            }
        }

        if (_entries.Count == 0)
        {
            errors.Add((-1, new DataError(_fromDocument ? "$.categories" : "Add", null, "the catalogue has no categories")));
        }

        // Resolve parents first, so each entry inherits from an ancestor that is already resolved.
        foreach (var entry in _entries.Where(e => !e.Broken && byCode.ContainsKey(e.Code!)).OrderBy(e => e.Code!.Count(c => c == CategoryCodeRules.Separator)))
        {
            var parent = NearestDefinedAncestor(entry.Code!, byCode);
            entry.ResolvedClass = entry.Class ?? parent?.ResolvedClass;
            entry.ResolvedResponsible = entry.Responsible ?? parent?.ResolvedResponsible;
            entry.ResolvedDuty = entry.Duty ?? parent?.ResolvedDuty;

            // A field that is missing because the ancestor's was bad is not reported again.
            entry.ClassReported |= entry.Class is null && parent?.ClassReported == true;
            entry.ResponsibleReported |= entry.Responsible is null && parent?.ResponsibleReported == true;
            if (entry.ResolvedClass is null && !entry.ClassReported)
            {
                Report(entry, new DataError(entry.PathOf("class"), entry.Code,
                    $"the class is missing and no defined ancestor code gives one; one of {string.Join(", ", Enum.GetNames<CategoryClass>())}"));
            }

            if (entry.ResolvedResponsible is null && !entry.ResponsibleReported)
            {
                Report(entry, new DataError(entry.PathOf("responsible"), entry.Code,
                    $"the responsible kind is missing and no defined ancestor code gives one; one of {string.Join(", ", Enum.GetNames<ResponsibleKind>())}"));
            }
            else if (entry.ResolvedResponsible is ResponsibleKind.SubdistrictOffice or ResponsibleKind.DistrictDepartment && entry.ResolvedDuty is null)
            {
                Report(entry, new DataError(entry.PathOf("duty"), entry.Code,
                    $"a category handled by a {(entry.ResolvedResponsible == ResponsibleKind.SubdistrictOffice ? "subdistrict office" : "district department")} needs the duty that picks it, and no defined ancestor code gives one"));
            }
        }

        if (!_triageSet || _triage is null)
        {
            errors.Add((int.MaxValue, new DataError(_triagePath, null, "the triage category is missing; name the code unknown requests are routed as, for example 其他/待分拣")));
        }
        else if (!byCode.ContainsKey(_triage))
        {
            errors.Add((int.MaxValue, new DataError(_triagePath, _triage, "the triage code is not one of the catalogue's categories")));
        }

        if (errors.Count > 0)
        {
            throw new DataValidationException("category catalogue", errors.OrderBy(e => e.Order).Select(e => e.Error));
        }

        var definitions = new CategoryDefinition[_entries.Count];
        for (var i = 0; i < definitions.Length; i++)
        {
            var e = _entries[i];
            definitions[i] = new CategoryDefinition(i, new CategoryCode(e.Code!), e.Name!, e.ResolvedClass!.Value, e.ResolvedResponsible!.Value, e.ResolvedDuty);
        }

        return new CategoryCatalogue(definitions, _entries.FindIndex(e => e.Code == _triage));
    }

    // ---- For CatalogueJson: entries with their place in the document --------------------------------------------

    internal void AddRaw(int sourceIndex, string? code, string? name, CategoryClass? categoryClass, bool classReported,
        ResponsibleKind? responsible, bool responsibleReported, string? duty) =>
        _entries.Add(new Entry(sourceIndex, code, name, categoryClass, responsible, duty)
        {
            Order = sourceIndex,
            ClassReported = classReported,
            ResponsibleReported = responsibleReported,
        });

    internal void WithTriageRaw(string? code)
    {
        _triage = code;
        _triageSet = true;
        _triagePath = "$.triage";
        _fromDocument = true;
    }

    /// <param name="error">The problem.</param>
    /// <param name="order">The index of the category it is about in the document; -1 before every category.</param>
    internal void ReportError(DataError error, int order) => _reported.Add((order, error));

    private static Entry? NearestDefinedAncestor(string code, Dictionary<string, Entry> byCode)
    {
        for (var parent = CategoryCodeRules.ParentOf(code); parent is not null; parent = CategoryCodeRules.ParentOf(parent))
        {
            if (byCode.TryGetValue(parent, out var entry))
            {
                return entry;
            }
        }

        return null;
    }

    private void CheckNotBuilt() => Preconditions.CheckState(!_built, "This builder has already built its catalogue; create a new CatalogueBuilder.");

    private sealed class Entry(int? sourceIndex, string? code, string? name, CategoryClass? categoryClass, ResponsibleKind? responsible, string? duty)
    {
        public string? Code { get; } = code;

        public string? Name { get; } = name;

        public CategoryClass? Class { get; } = categoryClass;

        public ResponsibleKind? Responsible { get; } = responsible;

        public string? Duty { get; } = duty;

        public bool ClassReported { get; set; }

        public bool ResponsibleReported { get; set; }

        /// <summary>Where the entry's errors sort: its index in the document, or its position among the builder's calls.</summary>
        public int Order { get; init; }

        public bool Broken { get; set; }

        public CategoryClass? ResolvedClass { get; set; }

        public ResponsibleKind? ResolvedResponsible { get; set; }

        public string? ResolvedDuty { get; set; }

        /// <summary><c>$.categories[3].class</c> for a document entry, <c>Add("物业/电梯")</c> for one added in code.</summary>
        public string PathOf(string? field) => sourceIndex is { } i
            ? (field is null ? $"$.categories[{i}]" : $"$.categories[{i}].{field}")
            : $"Add(\"{Code}\")";
    }
}
