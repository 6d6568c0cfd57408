using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Governance.Core.Organization;
using Governance.Core.Organization.Json;

namespace Governance.Core.Tests.Organization;

/// <summary>The schema shipped in schemas/ must describe exactly the properties the loader reads and writes.</summary>
public sealed class ChartSchemaTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(FindSchema()))!;

    private static readonly JsonNode Exported =
        JsonSchemaExporter.GetJsonSchemaAsNode(ChartJsonContext.Default.Options, typeof(ChartDocument));

    [Fact]
    public void The_schema_has_the_same_top_level_properties_as_the_format()
    {
        Assert.Equal(PropertyNames(Exported), PropertyNames(Schema));
    }

    [Theory]
    [InlineData("units")]
    [InlineData("households")]
    [InlineData("propertyCompanies")]
    [InlineData("subdistrictOffices")]
    [InlineData("districtDepartments")]
    [InlineData("staff")]
    [InlineData("partyOrganizations")]
    [InlineData("partyMembers")]
    public void Each_list_in_the_schema_has_the_same_item_properties_as_the_format(string list)
    {
        Assert.Equal(PropertyNames(Exported["properties"]![list]!["items"]!), PropertyNames(Schema["properties"]![list]!["items"]!));
    }

    [Fact]
    public void The_schema_names_the_format_version_the_library_writes()
    {
        Assert.Equal(ChartJson.FormatVersion, Schema["properties"]!["formatVersion"]!["const"]!.GetValue<int>());
    }

    [Fact]
    public void The_schema_lists_every_unit_kind_and_party_organisation_kind()
    {
        var unitKinds = Schema["properties"]!["units"]!["items"]!["properties"]!["kind"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());
        var partyKinds = Schema["properties"]!["partyOrganizations"]!["items"]!["properties"]!["kind"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());

        Assert.Equal(Enum.GetNames<UnitKind>(), unitKinds);
        Assert.Equal(Enum.GetNames<PartyOrganizationKind>(), partyKinds);
    }

    private static string[] PropertyNames(JsonNode node)
    {
        // The exporter may wrap nullable objects as { "type": ["object", "null"], "properties": … }.
        var properties = node["properties"] ?? throw new InvalidOperationException($"No properties in {node.ToJsonString()}");
        return [.. properties.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];
    }

    private static string FindSchema()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "schemas", "chart.schema.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("schemas/chart.schema.json not found above the test assembly.");
    }
}
