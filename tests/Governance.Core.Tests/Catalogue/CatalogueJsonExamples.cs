using System.Text.Json.Nodes;
using Governance.Core.Catalogue;
using Governance.Core.Time;

namespace Governance.Core.Tests.Catalogue;

/// <summary>The catalogue format: what loads, what is refused, and that every refusal names its path and code.</summary>
public sealed class CatalogueJsonExamples
{
    private const string Small = """
        {
          "formatVersion": 1,
          "triage": "其他/待分拣",
          "categories": [
            { "code": "物业", "name": "物业服务", "class": "Ordinary", "responsible": "PropertyCompany", "duty": "物业管理" },
            { "code": "物业/电梯", "name": "电梯", "duty": "电梯" },
            { "code": "物业/电梯/困人", "name": "电梯困人", "class": "Emergency" },
            { "code": "违建", "name": "违法建设", "class": "Complex", "responsible": "SubdistrictOffice", "duty": "违法建设" },
            { "code": "其他/待分拣", "name": "待分拣", "class": "Ordinary", "responsible": "StreetLevelUnit" }
          ]
        }
        """;

    private static DataValidationException Refused(string json) => Assert.Throws<DataValidationException>(() => CatalogueJson.Parse(json));

    private static string Mutate(Action<JsonObject> change)
    {
        var document = JsonNode.Parse(Small)!.AsObject();
        change(document);
        return document.ToJsonString();
    }

    private static JsonObject Category(JsonObject document, int i) => document["categories"]![i]!.AsObject();

    [Fact]
    public void A_child_inherits_class_responsible_kind_and_duty_from_its_nearest_defined_ancestor()
    {
        var catalogue = CatalogueJson.Parse(Small);

        Assert.True(catalogue.TryGet(new CategoryCode("物业/电梯/困人"), out var trapped));
        Assert.Equal(CategoryClass.Emergency, trapped.Class);
        Assert.Equal(ResponsibleKind.PropertyCompany, trapped.Responsible);
        Assert.Equal("电梯", trapped.Duty);
        Assert.Equal("电梯困人", trapped.Name);
    }

    [Fact]
    public void An_unknown_child_code_is_found_as_its_nearest_defined_ancestor_and_an_unknown_root_is_not_found()
    {
        var catalogue = CatalogueJson.Parse(Small);

        Assert.True(catalogue.TryGet(new CategoryCode("物业/电梯/异响"), out var noise));
        Assert.Equal("物业/电梯", noise.Code.Value);
        Assert.True(catalogue.TryGet(new CategoryCode("物业/绿化/修剪"), out var garden));
        Assert.Equal("物业", garden.Code.Value);
        Assert.False(catalogue.TryGet(new CategoryCode("天气"), out _));
        Assert.False(catalogue.TryGet(new CategoryCode("物业电梯"), out _)); // a prefix of text is not an ancestor code
        Assert.False(catalogue.TryGet(default, out _));
        Assert.Same(catalogue.Triage, catalogue.Resolve(new CategoryCode("天气")));
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        var catalogue = CatalogueJson.Parse("""
            // hand-written
            { "formatVersion": 1, "triage": "t", "categories": [ { "code": "t", "name": "待分拣", "class": "Ordinary", "responsible": "StreetLevelUnit", }, ], }
            """);

        Assert.Single(catalogue.Categories);
    }

    [Fact]
    public void A_written_catalogue_loads_back_to_the_same_definitions_and_writes_the_same_text()
    {
        foreach (var catalogue in new[] { CatalogueJson.Parse(Small), CategoryCatalogue.Default })
        {
            var text = CatalogueJson.Serialize(catalogue);
            var again = CatalogueJson.Parse(text);

            Assert.Equal(Describe(catalogue), Describe(again));
            Assert.Equal(text, CatalogueJson.Serialize(again));
            Assert.Equal(CatalogueJson.Serialize(catalogue, indented: false), CatalogueJson.Serialize(again, indented: false));
        }
    }

    [Fact]
    public void Writing_leaves_out_what_a_category_inherits()
    {
        var written = JsonNode.Parse(CatalogueJson.Serialize(CatalogueJson.Parse(Small)))!;

        Assert.Equal("""{"code":"物业/电梯/困人","name":"电梯困人","class":"Emergency"}""", written["categories"]![2]!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void A_category_whose_parent_code_is_not_defined_is_allowed_when_it_gives_every_field()
    {
        var catalogue = CatalogueJson.Parse(Mutate(d => d["categories"]!.AsArray().Add(JsonNode.Parse(
            """{ "code": "市政/道路/破损", "name": "道路破损", "class": "Ordinary", "responsible": "SubdistrictOffice", "duty": "道路" }"""))));

        Assert.True(catalogue.TryGet(new CategoryCode("市政/道路/破损"), out var road));
        Assert.Equal("道路", road.Duty);
        Assert.False(catalogue.TryGet(new CategoryCode("市政/道路"), out _));
    }

    public static TheoryData<string, string, string?, string> BadDocuments => new()
    {
        // name of the case, path, code, a word the message must contain
        { "missing class, no ancestor", "$.categories[3].class", "违建", "class" },
        { "unknown class", "$.categories[2].class", "物业/电梯/困人", "Urgent" },
        { "unknown responsible kind", "$.categories[0].responsible", "物业", "Police" },
        { "office without duty", "$.categories[3].duty", "违建", "duty" },
        { "empty duty", "$.categories[1].duty", "物业/电梯", "empty" },
        { "missing name", "$.categories[1].name", "物业/电梯", "name" },
        { "blank name", "$.categories[1].name", "物业/电梯", "name" },
        { "empty segment", "$.categories[1].code", "物业//电梯", "segment" },
        { "trailing slash", "$.categories[1].code", "物业/电梯/", "segment" },
        { "padded segment", "$.categories[1].code", "物业/ 电梯", "spaces" },
        { "missing code", "$.categories[1].code", null, "missing" },
        { "duplicate code", "$.categories[2].code", "物业/电梯", "twice" },
        { "unknown triage", "$.triage", "其他", "not one of" },
        { "missing triage", "$.triage", null, "triage" },
        { "wrong version", "$.formatVersion", null, "version" },
        { "missing version", "$.formatVersion", null, "version" },
        { "null entry", "$.categories[1]", null, "null" },
        { "no categories", "$.categories", null, "no categories" },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public void Every_kind_of_bad_catalogue_is_reported_with_its_path_and_code(string name, string path, string? code, string word)
    {
        var json = Mutate(d =>
        {
            switch (name)
            {
                case "missing class, no ancestor":
                    Category(d, 3).Remove("class");
                    break;
                case "unknown class":
                    Category(d, 2)["class"] = "Urgent";
                    break;
                case "unknown responsible kind":
                    Category(d, 0)["responsible"] = "Police";
                    break;
                case "office without duty":
                    Category(d, 3).Remove("duty");
                    break;
                case "empty duty":
                    Category(d, 1)["duty"] = " ";
                    break;
                case "missing name":
                    Category(d, 1).Remove("name");
                    break;
                case "blank name":
                    Category(d, 1)["name"] = "  ";
                    break;
                case "empty segment":
                    Category(d, 1)["code"] = "物业//电梯";
                    break;
                case "trailing slash":
                    Category(d, 1)["code"] = "物业/电梯/";
                    break;
                case "padded segment":
                    Category(d, 1)["code"] = "物业/ 电梯";
                    break;
                case "missing code":
                    Category(d, 1).Remove("code");
                    break;
                case "duplicate code":
                    Category(d, 2)["code"] = "物业/电梯";
                    break;
                case "unknown triage":
                    d["triage"] = "其他";
                    break;
                case "missing triage":
                    d.Remove("triage");
                    break;
                case "wrong version":
                    d["formatVersion"] = 2;
                    break;
                case "missing version":
                    d.Remove("formatVersion");
                    break;
                case "null entry":
                    d["categories"]![1] = null;
                    break;
                case "no categories":
                    d["categories"] = new JsonArray();
                    d["triage"] = null;
                    break;
                default:
                    throw new ArgumentException(name);
            }
        });

        var error = Assert.Single(Refused(json).Errors, e => e.Path == path);
        Assert.Equal(code, error.Id);
        Assert.Contains(word, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_in_document_order()
    {
        var e = Refused(Mutate(d =>
        {
            Category(d, 0)["class"] = "Urgent";
            Category(d, 3).Remove("duty");
            d["triage"] = "没有";
        }));

        Assert.Equal(["$.categories[0].class", "$.categories[3].duty", "$.triage"], e.Errors.Select(x => x.Path));
        Assert.Equal("category catalogue", e.Subject);
    }

    [Theory]
    [InlineData("$", "{ \"formatVersion\": 1, \"triage\": \"t\", \"categories\": [], \"extra\": 1 }")]
    [InlineData("$.categories[0]", "{ \"formatVersion\": 1, \"triage\": \"t\", \"categories\": [ { \"code\": \"t\", \"name\": \"n\", \"class\": \"Ordinary\", \"responsible\": \"Community\", \"handler\": \"x\" } ] }")]
    public void Unknown_properties_are_refused_where_they_are(string path, string json)
    {
        var error = Assert.Single(Refused(json).Errors);

        Assert.StartsWith(path, error.Path, StringComparison.Ordinal);
        Assert.Contains("malformed JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{ \"formatVersion\": \"one\" }")]
    [InlineData("{ \"categories\": [ { \"code\": 3 } ] }")]
    public void Malformed_json_is_a_data_validation_error(string json)
    {
        Assert.NotEmpty(Refused(json).Errors);
    }

    [Fact]
    public void The_builder_names_the_call_that_added_a_bad_category_and_builds_once()
    {
        var builder = new CatalogueBuilder()
            .Add(new CategoryCode("t"), "待分拣", CategoryClass.Ordinary, ResponsibleKind.StreetLevelUnit)
            .Add(new CategoryCode("部门"), "部门", CategoryClass.Ordinary, ResponsibleKind.DistrictDepartment)
            .WithTriage(new CategoryCode("t"));

        var error = Assert.Single(Assert.Throws<DataValidationException>(builder.Build).Errors);
        Assert.Equal("Add(\"部门\")", error.Path);
        Assert.Equal("部门", error.Id);
        Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Throws<InvalidOperationException>(() => builder.WithTriage(new CategoryCode("t")));
    }

    private static string[] Describe(CategoryCatalogue catalogue) =>
        [$"triage {catalogue.Triage.Code}", .. catalogue.Categories.Select(c => $"{c.Code}|{c.Name}|{c.Class}|{c.Responsible}|{c.Duty}")];
}
