using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Core.Organization;

namespace Governance.Core.Tests.Organization;

/// <summary>One thing broken in a valid chart, and the error that must name it.</summary>
public sealed record Corruption(string What, ChartRecipe Recipe, string Path, string Id, string MessagePart)
{
    public override string ToString() => $"{What}: expect {Path} ({Id}) '{MessagePart}' in {Recipe}";
}

/// <summary>Each kind of broken chart is refused, by the builder and by the loader alike, with an error at the right path and id.</summary>
public sealed class ChartCorruptionProperties
{
    private const string Nowhere = "nowhere∅";

    [Property(MaxTest = 300)]
    public Property A_corrupted_chart_is_refused_with_an_error_naming_the_path_and_id() =>
        Prop.ForAll(Corruptions.ToArbitrary(), corruption =>
        {
            var built = Assert.Throws<DataValidationException>(corruption.Recipe.Build);
            Assert.Contains(built.Errors, e => e.Path == corruption.Path && e.Id == corruption.Id && e.Message.Contains(corruption.MessagePart, StringComparison.Ordinal));

            var loaded = Assert.Throws<DataValidationException>(() => ChartJson.Parse(corruption.Recipe.ToJson()));
            Assert.Equal(built.Errors, loaded.Errors);
            return true.ToProperty().Collect(corruption.What);
        });

    private static Gen<Corruption> Corruptions =>
        from recipe in ChartGenerators.ValidChart
        from corruption in Gen.OneOf(Applicable(recipe))
        select corruption;

    private static IEnumerable<Gen<Corruption>> Applicable(ChartRecipe r)
    {
        var nonDistrict = Enumerable.Range(0, r.Units.Count).Where(i => r.Units[i].Kind != UnitKind.District).ToArray();
        yield return DuplicateId(r);
        yield return Gen.Elements(nonDistrict).SelectMany(i => Cycle(r, i));
        yield return Gen.Elements(nonDistrict).SelectMany(i => BadNesting(r, i));
        yield return Gen.Elements(nonDistrict).Select(i => new Corruption(
            "unknown parent", r with { Units = r.Units.SetItem(i, r.Units[i] with { Parent = Nowhere }) },
            $"$.units[{i}].parent", r.Units[i].Id, $"unknown unit '{Nowhere}'"));
        yield return UnknownAgency(r);
        if (r.Households.Count > 0)
        {
            var notBuildings = r.Units.Where(u => u.Kind != UnitKind.Building).Select(u => u.Id).ToArray();
            yield return
                from i in Gen.Choose(0, r.Households.Count - 1)
                from unit in Gen.Elements(notBuildings)
                select new Corruption(
                    "household outside a building", r with { Households = r.Households.SetItem(i, r.Households[i] with { Building = unit }) },
                    $"$.households[{i}].building", r.Households[i].Id, "households live only in buildings");
            yield return Gen.Choose(0, r.Households.Count - 1).Select(i => new Corruption(
                "unknown building", r with { Households = r.Households.SetItem(i, r.Households[i] with { Building = Nowhere }) },
                $"$.households[{i}].building", r.Households[i].Id, $"unknown unit '{Nowhere}'"));
        }

        if (r.PartyMembers.Count > 0)
        {
            yield return Gen.Choose(0, r.PartyMembers.Count - 1).Select(i => new Corruption(
                "unknown household of a member", r with { PartyMembers = r.PartyMembers.SetItem(i, r.PartyMembers[i] with { Household = Nowhere }) },
                $"$.partyMembers[{i}].household", r.PartyMembers[i].Id, $"unknown household '{Nowhere}'"));
        }
    }

    /// <summary>A department added with an id already used by any item; the later of the two in document order is flagged.</summary>
    private static Gen<Corruption> DuplicateId(ChartRecipe r) =>
        Gen.Elements(r.IdsInDocumentOrder().Select(x => x.Id).ToArray()).Select(id =>
        {
            var corrupted = r with { DistrictDepartments = r.DistrictDepartments.Add(new DistrictDepartmentRecipe(id, "区重复局", [])) };
            var second = corrupted.IdsInDocumentOrder().Where(x => x.Id == id).Skip(1).First();
            return new Corruption("duplicate id", corrupted, second.Path, id, "duplicate id");
        });

    /// <summary>Unit <paramref name="i"/> made a child of itself or of one of its descendants; the cycle is reported at its first unit in document order.</summary>
    private static Gen<Corruption> Cycle(ChartRecipe r, int i)
    {
        var indexOf = Enumerable.Range(0, r.Units.Count).ToDictionary(k => r.Units[k].Id);
        var below = Descendants(r, r.Units[i].Id).Prepend(r.Units[i].Id).ToArray();
        return Gen.Elements(below).Select(newParent =>
        {
            var cycle = new List<int> { i };
            for (var u = indexOf[newParent]; u != i; u = indexOf[r.Units[u].Parent!])
            {
                cycle.Add(u);
            }

            var first = cycle.Min();
            return new Corruption(
                "cycle of parents", r with { Units = r.Units.SetItem(i, r.Units[i] with { Parent = newParent }) },
                $"$.units[{first}].parent", r.Units[first].Id, "a cycle of parents");
        });
    }

    /// <summary>Unit <paramref name="i"/> given a parent at any level but the one above it.</summary>
    private static Gen<Corruption> BadNesting(ChartRecipe r, int i)
    {
        var unit = r.Units[i];
        var wrong = r.Units.Where(p => p.Id != unit.Id && p.Kind.Level() != unit.Kind.Level() - 1).Select(p => p.Id).ToArray();
        return wrong.Length == 0
            ? Cycle(r, i)
            : Gen.Elements(wrong).Select(parent => new Corruption(
                "wrong nesting", r with { Units = r.Units.SetItem(i, unit with { Parent = parent }) },
                $"$.units[{i}].parent", unit.Id, "wrong nesting"));
    }

    /// <summary>A staff member (an existing one, or one added) whose agency does not exist.</summary>
    private static Gen<Corruption> UnknownAgency(ChartRecipe r)
    {
        if (r.Staff.Count == 0)
        {
            var added = r with { Staff = [new StaffRecipe("新员工", "王五", "网格员", "", AgencyKind.Unit, Nowhere, [])] };
            return Gen.Constant(new Corruption("unknown agency", added, "$.staff[0].agency", "新员工", $"unknown agency '{Nowhere}'"));
        }

        return Gen.Choose(0, r.Staff.Count - 1).Select(i => new Corruption(
            "unknown agency", r with { Staff = r.Staff.SetItem(i, r.Staff[i] with { Agency = Nowhere }) },
            $"$.staff[{i}].agency", r.Staff[i].Id, $"unknown agency '{Nowhere}'"));
    }

    private static IEnumerable<string> Descendants(ChartRecipe r, string unit) =>
        r.Units.Where(u => u.Parent == unit).SelectMany(u => Descendants(r, u.Id).Prepend(u.Id));
}
