using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Governance.Core.Catalogue;
using Governance.Core.Catalogue.Json;
using Governance.Core.Time;

namespace Governance.Core.Tests.Catalogue;

/// <summary>The schema shipped in schemas/ must describe exactly the properties the loader reads and writes.</summary>
public sealed class CatalogueSchemaTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(FindSchema()))!;

    private static readonly JsonNode Exported =
        JsonSchemaExporter.GetJsonSchemaAsNode(CatalogueJsonContext.Default.Options, typeof(CatalogueDocument));

    [Fact]
    public void The_schema_has_the_same_top_level_properties_as_the_format()
    {
        Assert.Equal(PropertyNames(Exported), PropertyNames(Schema));
    }

    [Fact]
    public void The_schema_has_the_same_category_properties_as_the_format()
    {
        Assert.Equal(PropertyNames(Exported["properties"]!["categories"]!["items"]!), PropertyNames(Schema["properties"]!["categories"]!["items"]!));
    }

    [Fact]
    public void The_schema_names_the_format_version_the_library_writes()
    {
        Assert.Equal(CatalogueJson.FormatVersion, Schema["properties"]!["formatVersion"]!["const"]!.GetValue<int>());
    }

    [Fact]
    public void The_schema_lists_every_category_class_and_responsible_kind()
    {
        var item = Schema["properties"]!["categories"]!["items"]!["properties"]!;

        Assert.Equal(Enum.GetNames<CategoryClass>(), item["class"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(Enum.GetNames<ResponsibleKind>(), item["responsible"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Theory]
    [InlineData("物业/电梯/故障", true)]
    [InlineData("其他", true)]
    [InlineData("a b/c", true)]
    [InlineData("物业//电梯", false)]
    [InlineData("/物业", false)]
    [InlineData("物业/", false)]
    [InlineData("物业/ 电梯", false)]
    public void The_schemas_code_pattern_agrees_with_the_loader(string code, bool valid)
    {
        var pattern = Schema["$defs"]!["code"]!["pattern"]!.GetValue<string>();

        Assert.Equal(valid, System.Text.RegularExpressions.Regex.IsMatch(code, pattern));
        Assert.Equal(valid, CategoryCodeRules.Problem(code) is null);
    }

    private static string[] PropertyNames(JsonNode node)
    {
        var properties = node["properties"] ?? throw new InvalidOperationException($"No properties in {node.ToJsonString()}");
        return [.. properties.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];
    }

    private static string FindSchema()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "schemas", "catalogue.schema.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("schemas/catalogue.schema.json not found above the test assembly.");
    }
}
