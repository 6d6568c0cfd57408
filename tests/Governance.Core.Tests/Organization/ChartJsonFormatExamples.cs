using System.Text.Json.Nodes;
using Governance.Core.Organization;

namespace Governance.Core.Tests.Organization;

/// <summary>Documents that are not charts are refused with one clear error at the right path.</summary>
public sealed class ChartJsonFormatExamples
{
    private static JsonObject SampleDocument() => JsonNode.Parse(BeiyuanSample.Recipe.ToJson())!.AsObject();

    private static DataValidationException Refused(string json) => Assert.Throws<DataValidationException>(() => ChartJson.Parse(json));

    [Fact]
    public void The_sample_document_loads() => ChartAssert.Same(BeiyuanSample.Build(), ChartJson.Parse(SampleDocument().ToJsonString()));

    [Fact]
    public void An_unknown_property_is_refused_naming_its_path()
    {
        var document = SampleDocument();
        document["units"]![2]!["colour"] = "red";

        var error = Assert.Single(Refused(document.ToJsonString()).Errors);

        Assert.Equal("$.units[2].colour", error.Path);
        Assert.Contains("colour", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_format_version_is_refused()
    {
        var document = SampleDocument();
        document.Remove("formatVersion");

        var error = Assert.Single(Refused(document.ToJsonString()).Errors);

        Assert.Equal("$.formatVersion", error.Path);
        Assert.Contains("format version is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_newer_format_version_is_refused_asking_for_an_upgrade()
    {
        var document = SampleDocument();
        document["formatVersion"] = 2;

        var error = Assert.Single(Refused(document.ToJsonString()).Errors);

        Assert.Equal("$.formatVersion", error.Path);
        Assert.Contains("format version 2 is newer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_entry_in_a_list_is_refused_at_its_index()
    {
        var document = SampleDocument();
        document["households"]!.AsArray().Insert(0, null);

        var e = Refused(document.ToJsonString());

        var error = Assert.Single(e.Errors, x => x.Path == "$.households[0]");
        Assert.Contains("the entry is null", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("units")]
    [InlineData("households")]
    [InlineData("partyOrganizations")]
    [InlineData("partyMembers")]
    public void A_null_entry_before_referenced_items_is_the_only_error_and_references_still_resolve(string list)
    {
        // Null entries shift document indexes against list positions; references must still resolve by position.
        var document = SampleDocument();
        document[list]!.AsArray().Insert(0, null);
        document[list]!.AsArray().Insert(1, null);

        var e = Refused(document.ToJsonString());

        Assert.Equal([$"$.{list}[0]", $"$.{list}[1]"], e.Errors.Select(x => x.Path));
    }

    [Fact]
    public void A_misspelt_unit_kind_is_refused_listing_the_kinds_allowed()
    {
        var document = SampleDocument();
        document["units"]![1]!["kind"] = "Subdistric";

        var error = Assert.Single(Refused(document.ToJsonString()).Errors);

        Assert.Equal(("$.units[1].kind", "beiyuan"), (error.Path, error.Id));
        Assert.Contains("'Subdistric' is not one of District, Subdistrict, Town, Township, Community, Village, Grid, Building", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_party_organisation_kind_given_as_a_number_is_refused()
    {
        var document = SampleDocument();
        document["partyOrganizations"]![0]!["kind"] = "0";

        var error = Assert.Single(Refused(document.ToJsonString()).Errors);

        Assert.Equal(("$.partyOrganizations[0].kind", "po-beiyuan"), (error.Path, error.Id));
        Assert.Contains("WorkingCommittee, GeneralBranch, Branch, Group", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_document_is_refused() =>
        Assert.Equal(("$", "the document is null; a chart is a JSON object"), Single(Refused("null")));

    [Fact]
    public void An_empty_document_is_refused() =>
        Assert.StartsWith("malformed JSON", Assert.Single(Refused("").Errors).Message, StringComparison.Ordinal);

    [Fact]
    public void A_JSON_array_at_the_top_is_refused()
    {
        var error = Assert.Single(Refused("[]").Errors);

        Assert.Equal("$", error.Path);
        Assert.StartsWith("malformed JSON (line 1, byte ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_without_units_is_refused() =>
        Assert.Equal("$.units", Assert.Single(Refused("""{ "formatVersion": 1 }""").Errors).Path);

    [Fact]
    public void A_wrongly_typed_value_is_refused_at_its_path()
    {
        var document = SampleDocument();
        document["households"]![0]!["residents"] = "three";

        var error = Assert.Single(Refused(document.ToJsonString()).Errors);

        Assert.Equal("$.households[0].residents", error.Path);
    }

    [Fact]
    public void An_empty_duty_in_a_document_is_refused_at_its_index()
    {
        var document = SampleDocument();
        document["subdistrictOffices"]![0]!["duties"] = new JsonArray("市容环境", " ");

        var error = Assert.Single(Refused(document.ToJsonString()).Errors);

        Assert.Equal(("$.subdistrictOffices[0].duties[1]", "beiyuan-cgb"), (error.Path, error.Id));
    }

    [Fact]
    public void Comments_and_trailing_commas_are_accepted() =>
        ChartAssert.Same(BeiyuanSample.Build(), ChartJson.Parse(BeiyuanSample.Recipe.ToJson().Replace("\"formatVersion\": 1,", "// 北苑\n\"formatVersion\": 1,", StringComparison.Ordinal)));

    private static (string Path, string Message) Single(DataValidationException e)
    {
        var error = Assert.Single(e.Errors);
        return (error.Path, error.Message);
    }
}
