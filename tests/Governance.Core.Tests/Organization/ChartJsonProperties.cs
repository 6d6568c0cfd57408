using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Core.Organization;

namespace Governance.Core.Tests.Organization;

/// <summary>Random valid charts survive JSON exactly; any damage to the text is refused with DataValidationException only.</summary>
public sealed class ChartJsonProperties
{
    [Property(Arbitrary = [typeof(ChartArbitraries)], MaxTest = 200)]
    public void A_built_chart_holds_exactly_the_items_added_in_the_order_they_were_added(ChartRecipe recipe) =>
        ChartAssert.Holds(recipe, recipe.Build());

    [Property(Arbitrary = [typeof(ChartArbitraries)], MaxTest = 200)]
    public void A_revealed_export_reloads_as_the_same_chart_and_writes_the_same_text(ChartRecipe recipe)
    {
        var chart = recipe.Build();
        foreach (var indented in new[] { true, false })
        {
            var text = ChartJson.Serialize(chart, PersonalDataExport.Reveal, indented);
            var reloaded = ChartJson.Parse(text);

            Assert.Equal(text, ChartJson.Serialize(reloaded, PersonalDataExport.Reveal, indented));
            ChartAssert.Same(chart, reloaded);
            ChartAssert.Holds(recipe, reloaded);
        }
    }

    [Property(Arbitrary = [typeof(ChartArbitraries)], MaxTest = 100)]
    public void Write_to_a_stream_and_Load_from_it_agree_with_Serialize_and_Parse(ChartRecipe recipe)
    {
        var chart = recipe.Build();
        using var stream = new MemoryStream();
        ChartJson.Write(chart, stream, PersonalDataExport.Reveal);

        Assert.Equal(ChartJson.Serialize(chart, PersonalDataExport.Reveal), Encoding.UTF8.GetString(stream.ToArray()));
        stream.Position = 0;
        ChartAssert.Same(chart, ChartJson.Load(stream));
        ChartAssert.Same(chart, ChartJson.Load(stream.ToArray()));
    }

    [Property(Arbitrary = [typeof(ChartArbitraries)], MaxTest = 100)]
    public void A_document_written_independently_from_the_recipe_loads_as_the_built_chart(ChartRecipe recipe) =>
        ChartAssert.Same(recipe.Build(), ChartJson.Parse(recipe.ToJson()));

    [Property(Arbitrary = [typeof(ChartArbitraries)], MaxTest = 100)]
    public void A_masked_export_reloads_with_every_name_and_phone_masked(ChartRecipe recipe)
    {
        var chart = recipe.Build();
        var reloaded = ChartJson.Parse(ChartJson.Serialize(chart));

        Assert.Equal(chart.Households.Select(h => (h.Head?.Masked, h.Phone?.Masked)), reloaded.Households.Select(h => (h.Head?.Reveal(), h.Phone?.Reveal())));
        Assert.Equal(chart.PartyMembers.Select(m => (m.Name.Masked, m.Phone?.Masked)), reloaded.PartyMembers.Select(m => (m.Name.Reveal(), m.Phone?.Reveal())));
    }

    [Property(MaxTest = 300)]
    public Property Loading_a_document_with_bytes_changed_fails_only_with_DataValidationException() =>
        Prop.ForAll(MutatedDocuments.ToArbitrary(), bytes => LoadsOrRefusesCleanly(bytes));

    [Property(MaxTest = 300)]
    public Property Loading_a_truncated_document_fails_only_with_DataValidationException_naming_where() =>
        Prop.ForAll(TruncatedDocuments.ToArbitrary(), bytes =>
        {
            var e = Assert.Throws<DataValidationException>(() => ChartJson.Load(bytes));
            var error = Assert.Single(e.Errors);
            Assert.StartsWith("$", error.Path, StringComparison.Ordinal);
            Assert.Contains(bytes.Length == 0 ? "malformed JSON" : "malformed JSON (line ", error.Message, StringComparison.Ordinal);
            Assert.Throws<DataValidationException>(() => ChartJson.Load(new MemoryStream(bytes)));
        });

    private static Gen<byte[]> Documents =>
        from recipe in ChartGenerators.ValidChart
        from indented in Gen.Elements(true, false)
        select Encoding.UTF8.GetBytes(ChartJson.Serialize(recipe.Build(), PersonalDataExport.Reveal, indented));

    private static Gen<byte[]> MutatedDocuments =>
        from document in Documents
        from count in Gen.Choose(1, 4)
        from positions in Gen.Choose(0, document.Length - 1).ArrayOf(count)
        from values in Gen.OneOf(
            Gen.Elements<byte>((byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)'"', (byte)',', (byte)':', (byte)'\\', (byte)'n', (byte)'0', (byte)' ', 0x80, 0xE5, 0xFF, 0),
            Gen.Choose(0, 255).Select(b => (byte)b)).ArrayOf(count)
        select Mutate(document, positions, values);

    private static Gen<byte[]> TruncatedDocuments =>
        from document in Documents
        from cut in Gen.Choose(0, document.Length - 1)
        select document[..cut];

    private static byte[] Mutate(byte[] document, int[] positions, byte[] values)
    {
        var copy = (byte[])document.Clone();
        for (var i = 0; i < positions.Length; i++)
        {
            copy[positions[i]] = values[i];
        }

        return copy;
    }

    /// <summary>True when the loader succeeds or throws DataValidationException with at least one error; any other exception fails the property.</summary>
    private static bool LoadsOrRefusesCleanly(byte[] bytes)
    {
        try
        {
            ChartJson.Load(bytes);
            ChartJson.Load(new MemoryStream(bytes));
            return true;
        }
        catch (DataValidationException e)
        {
            Assert.NotEmpty(e.Errors);
            Assert.All(e.Errors, error => Assert.StartsWith("$", error.Path, StringComparison.Ordinal));
            return true;
        }
        catch (Exception e)
        {
            Assert.Fail($"the loader threw {e.GetType()} instead of DataValidationException: {e}");
            return false;
        }
    }
}
