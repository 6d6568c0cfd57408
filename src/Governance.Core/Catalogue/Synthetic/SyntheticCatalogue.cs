using Governance.Core.Time;

namespace Governance.Core.Catalogue.Synthetic;

/// <summary>
/// Generates catalogues of any size for load tests and benchmarks, over the duties of <see cref="CategoryCatalogue.Default"/>
/// (so they route in the sample and synthetic districts). Deterministic: the same arguments give the same catalogue.
/// </summary>
public static class SyntheticCatalogue
{
    /// <summary>
    /// A catalogue of exactly <paramref name="categories"/> categories: the default catalogue's (its triage category
    /// first, then the others in order, as many as fit), then generated sub-categories <c>{parent}/合成{n}</c> of random
    /// default categories with a random class and responsible kind, and a duty that some default category of that kind
    /// names. The triage category is the default one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="categories"/> is less than 1 or more than 1,000,000.</exception>
    public static CategoryCatalogue Create(int categories, int seed)
    {
        Preconditions.CheckInRange(categories, 1, 1_000_000);
        var source = CategoryCatalogue.Default;
        var builder = new CatalogueBuilder().WithTriage(source.Triage.Code);
        var triage = source.Triage;
        builder.Add(triage.Code, triage.Name, triage.Class, triage.Responsible, triage.Duty);
        var added = 1;
        foreach (var c in source.Categories)
        {
            if (added == categories)
            {
                break;
            }

            if (c != triage)
            {
                builder.Add(c.Code, c.Name, c.Class, c.Responsible, c.Duty);
                added++;
            }
        }

        var random = new Random(seed);
        var kinds = Enum.GetValues<ResponsibleKind>();
        var classes = Enum.GetValues<CategoryClass>();
        var dutiesByKind = kinds.ToDictionary(k => k, k => source.Categories.Where(c => c.Responsible == k && c.Duty is not null).Select(c => c.Duty!).Distinct().ToArray());
        var allDuties = source.Categories.Where(c => c.Duty is not null).Select(c => c.Duty!).Distinct().ToArray();
        for (var n = 1; added < categories; n++, added++)
        {
            var parent = source.Categories[random.Next(source.Categories.Length)];
            var kind = kinds[random.Next(kinds.Length)];
            var duties = dutiesByKind[kind].Length > 0 ? dutiesByKind[kind] : allDuties;
            builder.Add(new CategoryCode($"{parent.Code.Value}/合成{n}"), $"{parent.Name}细类{n}", classes[random.Next(classes.Length)], kind,
                duties[random.Next(duties.Length)]);
        }

        return builder.Build();
    }
}
