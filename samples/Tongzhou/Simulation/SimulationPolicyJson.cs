using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Core;
using Governance.Core.Brands;
using Governance.Core.Liaison;
using Governance.Core.Organization;
using Governance.Core.Time;
using NodaTime;
using NodaTime.Text;

namespace Governance.Samples.Tongzhou.Simulation;

/// <summary>
/// Reads and writes a simulation policy file. Every part is optional and defaults to the library's defaults:
/// <code>
/// {
///   "serviceLevels": { "sameDayCutoff": "17:00", "limits": { "Ordinary": { "clock": "WorkingDays", "days": 5 } } },
///   "escalation": { "maxLevels": 2, "afterWorkingHours": 4, "whistles": true },
///   "liaison": { "minHouseholds": 5, "maxHouseholds": 10, "allowAcrossCommunities": false },
///   "brands": [ { "brand": "hulianwang", "units": ["luyi"], "from": "2022-01-01" } ]
/// }
/// </code>
/// <c>serviceLevels</c> is the library's service-level policy format (<see cref="ServiceLevelPolicyJson"/>); it is the
/// fallback for units with no brand in force. <c>brands</c> replaces <see cref="SimulationPolicy.DefaultBrands"/> when
/// given (<c>[]</c>: no brands); each entry names a preset of <see cref="BrandPresets"/> by id and units of the sample
/// district by id. Comments and
/// trailing commas are allowed; unknown properties are errors. Every error names its JSON path.
/// </summary>
public static class SimulationPolicyJson
{
    private const string Subject = "simulation policy";

    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads a policy file.</summary>
    /// <exception cref="DataValidationException">The text is not a valid policy; each error names its JSON path (<c>$.escalation.maxLevels</c>).</exception>
    public static SimulationPolicy Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, ReadOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : string.Empty;
            throw new DataValidationException(Subject, [new DataError(PathAtError(json), null, $"Not valid JSON{where}: {FirstSentence(e.Message)}")]);
        }

        using (document)
        {
            var errors = new List<DataError>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DataValidationException(Subject, [new DataError("$", null, $"The policy is a JSON object such as {{\"escalation\": {{\"maxLevels\": 1}}}}; got {Describe(root.ValueKind)}.")]);
            }

            var serviceLevels = ServiceLevelPolicy.Default;
            var escalation = EscalationLimits.Default;
            var liaison = LiaisonOptions.Default;
            var brands = SimulationPolicy.DefaultBrands;
            foreach (var property in root.EnumerateObject())
            {
                var path = "$." + property.Name;
                switch (property.Name)
                {
                    case "serviceLevels":
                        serviceLevels = ReadServiceLevels(property.Value, path, errors) ?? serviceLevels;
                        break;
                    case "escalation":
                        escalation = ReadEscalation(property.Value, path, errors) ?? escalation;
                        break;
                    case "liaison":
                        liaison = ReadLiaison(property.Value, path, errors) ?? liaison;
                        break;
                    case "brands":
                        brands = ReadBrands(property.Value, path, errors) ?? brands;
                        break;
                    default:
                        errors.Add(new DataError(path, property.Name, "Unknown property: a policy has serviceLevels, escalation, liaison and brands."));
                        break;
                }
            }

            return errors.Count > 0 ? throw new DataValidationException(Subject, errors) : new SimulationPolicy(serviceLevels, escalation, liaison, brands);
        }
    }

    /// <summary>
    /// Writes <paramref name="policy"/> as a complete policy file that <see cref="Parse"/> reads back to the same policy;
    /// every value is written, so two runs can be compared by their reports' <c>policy</c> text.
    /// </summary>
    public static string Serialize(SimulationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var node = new JsonObject
        {
            ["serviceLevels"] = JsonNode.Parse(ServiceLevelPolicyJson.Serialize(policy.ServiceLevels)),
            ["escalation"] = new JsonObject
            {
                ["maxLevels"] = policy.Escalation.MaxLevels,
                ["afterWorkingHours"] = policy.Escalation.AfterWorkingHours,
                ["whistles"] = policy.Escalation.Whistles,
            },
            ["liaison"] = new JsonObject
            {
                ["minHouseholds"] = policy.Liaison.MinHouseholds,
                ["maxHouseholds"] = policy.Liaison.MaxHouseholds,
                ["sameBuildingCost"] = policy.Liaison.SameBuildingCost,
                ["sameGridCost"] = policy.Liaison.SameGridCost,
                ["sameCommunityCost"] = policy.Liaison.SameCommunityCost,
                ["acrossCommunitiesCost"] = policy.Liaison.AcrossCommunitiesCost,
                ["allowAcrossCommunities"] = policy.Liaison.AllowAcrossCommunities,
            },
            ["brands"] = new JsonArray([.. policy.Brands.Select(b => (JsonNode)new JsonObject
            {
                ["brand"] = b.BrandId.Value,
                ["units"] = new JsonArray([.. b.Units.Select(u => (JsonNode)JsonValue.Create(u.Value))]),
                ["from"] = LocalDatePattern.Iso.Format(b.From),
            })]),
        };
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static ServiceLevelPolicy? ReadServiceLevels(JsonElement value, string path, List<DataError> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new DataError(path, null, $"serviceLevels is an object in the service-level policy format; got {Describe(value.ValueKind)}."));
            return null;
        }

        try
        {
            return ServiceLevelPolicyJson.Parse(value.GetRawText());
        }
        catch (DataValidationException e)
        {
            // The library names paths from its own document's root; put them under serviceLevels.
            errors.AddRange(e.Errors.Select(error => error with { Path = path + error.Path.TrimStart('$') }));
            return null;
        }
    }

    private static EscalationLimits? ReadEscalation(JsonElement value, string path, List<DataError> errors)
    {
        if (!IsObject(value, path, "escalation", "{\"maxLevels\": 2, \"afterWorkingHours\": 4, \"whistles\": true}", errors))
        {
            return null;
        }

        var count = errors.Count;
        var limits = EscalationLimits.Default;
        foreach (var property in value.EnumerateObject())
        {
            var at = path + "." + property.Name;
            switch (property.Name)
            {
                case "maxLevels":
                    if (ReadInt(property.Value, at, 0, 4, "levels", errors) is { } levels)
                    {
                        limits = limits with { MaxLevels = levels };
                    }

                    break;
                case "afterWorkingHours":
                    if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out var hours))
                    {
                        errors.Add(new DataError(at, null, $"afterWorkingHours is a number of office hours; got {Describe(property.Value.ValueKind)}."));
                    }
                    else if (hours is <= 0 or > 200)
                    {
                        errors.Add(new DataError(at, null, $"afterWorkingHours is more than 0 and at most 200 office hours; got {hours.ToString(CultureInfo.InvariantCulture)}."));
                    }
                    else
                    {
                        limits = limits with { AfterWorkingHours = hours };
                    }

                    break;
                case "whistles":
                    if (property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        limits = limits with { Whistles = property.Value.GetBoolean() };
                    }
                    else
                    {
                        errors.Add(new DataError(at, null, $"whistles is true or false; got {Describe(property.Value.ValueKind)}."));
                    }

                    break;
                default:
                    errors.Add(new DataError(at, property.Name, "Unknown property: escalation has maxLevels, afterWorkingHours and whistles."));
                    break;
            }
        }

        return errors.Count > count ? null : limits;
    }

    private static LiaisonOptions? ReadLiaison(JsonElement value, string path, List<DataError> errors)
    {
        if (!IsObject(value, path, "liaison", "{\"minHouseholds\": 5, \"maxHouseholds\": 10}", errors))
        {
            return null;
        }

        var count = errors.Count;
        var options = LiaisonOptions.Default;
        foreach (var property in value.EnumerateObject())
        {
            var at = path + "." + property.Name;
            int? Int() => ReadInt(property.Value, at, 0, LiaisonOptions.Limit, "households or cost", errors);
            switch (property.Name)
            {
                case "minHouseholds" when Int() is { } n:
                    options = options with { MinHouseholds = n };
                    break;
                case "maxHouseholds" when Int() is { } n:
                    options = options with { MaxHouseholds = n };
                    break;
                case "sameBuildingCost" when Int() is { } n:
                    options = options with { SameBuildingCost = n };
                    break;
                case "sameGridCost" when Int() is { } n:
                    options = options with { SameGridCost = n };
                    break;
                case "sameCommunityCost" when Int() is { } n:
                    options = options with { SameCommunityCost = n };
                    break;
                case "acrossCommunitiesCost" when Int() is { } n:
                    options = options with { AcrossCommunitiesCost = n };
                    break;
                case "allowAcrossCommunities":
                    if (property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        options = options with { AllowAcrossCommunities = property.Value.GetBoolean() };
                    }
                    else
                    {
                        errors.Add(new DataError(at, null, $"allowAcrossCommunities is true or false; got {Describe(property.Value.ValueKind)}."));
                    }

                    break;
                case "minHouseholds" or "maxHouseholds" or "sameBuildingCost" or "sameGridCost" or "sameCommunityCost" or "acrossCommunitiesCost":
                    break; // Int() reported the error
                default:
                    errors.Add(new DataError(at, property.Name,
                        "Unknown property: liaison has minHouseholds, maxHouseholds, sameBuildingCost, sameGridCost, sameCommunityCost, acrossCommunitiesCost and allowAcrossCommunities."));
                    break;
            }
        }

        if (errors.Count > count)
        {
            return null;
        }

        // The rules LiaisonOptions checks when it is used, checked here so that the error names the file's path.
        if (options.MaxHouseholds < 1)
        {
            errors.Add(new DataError(path + ".maxHouseholds", null, $"A liaison looks after at least 1 household at most; got {options.MaxHouseholds}."));
        }
        else if (options.MinHouseholds > options.MaxHouseholds)
        {
            errors.Add(new DataError(path + ".minHouseholds", null, $"minHouseholds ({options.MinHouseholds}) is more than maxHouseholds ({options.MaxHouseholds})."));
        }

        (string Name, int Cost)[] costs =
        [
            ("sameBuildingCost", options.SameBuildingCost), ("sameGridCost", options.SameGridCost),
            ("sameCommunityCost", options.SameCommunityCost), ("acrossCommunitiesCost", options.AcrossCommunitiesCost),
        ];
        for (var i = 1; i < costs.Length; i++)
        {
            if (costs[i].Cost < costs[i - 1].Cost)
            {
                errors.Add(new DataError(path + "." + costs[i].Name, null,
                    $"A farther link cannot cost less than a nearer one: {costs[i].Name} ({costs[i].Cost}) is less than {costs[i - 1].Name} ({costs[i - 1].Cost})."));
            }
        }

        return errors.Count > count ? null : options;
    }

    private static List<BrandRollout>? ReadBrands(JsonElement value, string path, List<DataError> errors)
    {
        const string Example = "[{\"brand\": \"hulianwang\", \"units\": [\"luyi\"], \"from\": \"2022-01-01\"}]";
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new DataError(path, null, $"brands is an array such as {Example}; got {Describe(value.ValueKind)}."));
            return null;
        }

        var count = errors.Count;
        var chart = SampleDistrict.Chart;
        var rollouts = new List<BrandRollout>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var at = $"{path}[{index++}]";
            if (!IsObject(item, at, "a brand rollout", "{\"brand\": \"hulianwang\", \"units\": [\"luyi\"], \"from\": \"2022-01-01\"}", errors))
            {
                continue;
            }

            var before = errors.Count;
            Brand? brand = null;
            List<UnitId>? units = null;
            LocalDate? from = null;
            foreach (var property in item.EnumerateObject())
            {
                var where = at + "." + property.Name;
                switch (property.Name)
                {
                    case "brand":
                        var id = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : null;
                        brand = id is null ? null : BrandRollout.Preset(new BrandId(id));
                        if (brand is null)
                        {
                            errors.Add(new DataError(where, id, $"brand is the id of a preset: {string.Join(", ", BrandPresets.All.Select(b => $"{b.Id} ({b.Name})"))}; got {(id is null ? Describe(property.Value.ValueKind) : $"'{id}'")}."));
                        }

                        break;
                    case "units":
                        units = ReadUnits(property.Value, where, chart, errors);
                        break;
                    case "from":
                        var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : null;
                        if (text is not null && LocalDatePattern.Iso.Parse(text) is { Success: true } date)
                        {
                            from = date.Value;
                        }
                        else
                        {
                            errors.Add(new DataError(where, text, $"from is a date such as \"2023-01-01\"; got {(text is null ? Describe(property.Value.ValueKind) : $"'{text}'")}."));
                        }

                        break;
                    default:
                        errors.Add(new DataError(where, property.Name, "Unknown property: a brand rollout has brand, units and from."));
                        break;
                }
            }

            foreach (var (name, missing) in new[] { ("brand", brand is null), ("units", units is null), ("from", from is null) })
            {
                if (missing && !item.TryGetProperty(name, out _))
                {
                    errors.Add(new DataError(at + "." + name, null, $"A brand rollout needs {name}."));
                }
            }

            if (errors.Count == before)
            {
                rollouts.Add(new BrandRollout(brand!.Id, units!, from!.Value));
            }
        }

        return errors.Count > count ? null : rollouts;
    }

    private static List<UnitId>? ReadUnits(JsonElement value, string path, Chart chart, List<DataError> errors)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            errors.Add(new DataError(path, null, $"units is a non-empty array of unit ids of the sample district, such as [\"luyi\"]; got {(value.ValueKind == JsonValueKind.Array ? "an empty array" : Describe(value.ValueKind))}."));
            return null;
        }

        var count = errors.Count;
        var units = new List<UnitId>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var at = $"{path}[{index++}]";
            var id = item.ValueKind == JsonValueKind.String ? item.GetString()! : null;
            if (id is null || id.Length == 0 || !chart.TryGetUnit(new UnitId(id), out _))
            {
                var streets = string.Join(", ", chart.ChildrenOf(chart.District).ToArray().Select(u => u.Id.Value));
                errors.Add(new DataError(at, id, $"Not a unit of the sample district: {(id is null ? Describe(item.ValueKind) : $"'{id}'")} (its street-level units are {streets}; communities are named like beiyuan-xinhuaxijie or luyi-c1)."));
            }
            else if (units.Contains(new UnitId(id)))
            {
                errors.Add(new DataError(at, id, $"The unit '{id}' is named twice in this rollout."));
            }
            else
            {
                units.Add(new UnitId(id));
            }
        }

        return errors.Count > count ? null : units;
    }

    private static bool IsObject(JsonElement value, string path, string name, string example, List<DataError> errors)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        errors.Add(new DataError(path, null, $"{name} is an object such as {example}; got {Describe(value.ValueKind)}."));
        return false;
    }

    private static int? ReadInt(JsonElement value, string path, int min, int max, string what, List<DataError> errors)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var n))
        {
            errors.Add(new DataError(path, null, $"Expected a whole number of {what} from {min} to {max}; got {(value.ValueKind == JsonValueKind.Number ? value.GetRawText() : Describe(value.ValueKind))}."));
            return null;
        }

        if (n < min || n > max)
        {
            errors.Add(new DataError(path, null, $"Expected a whole number of {what} from {min} to {max}; got {n}."));
            return null;
        }

        return n;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>The JSON path of the property being read where <paramref name="json"/> stops being valid JSON.</summary>
    private static string PathAtError(string json)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new List<string>(); // one entry per open container: the property or index being read in it
        var index = new List<int>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        path[^1] = "." + reader.GetString();
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Next();
                        path.Add(string.Empty);
                        index.Add(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        index.RemoveAt(index.Count - 1);
                        break;
                    default:
                        Next();
                        break;
                }
            }
        }
        catch (JsonException)
        {
        }

        return "$" + string.Concat(path);

        void Next()
        {
            if (index.Count > 0 && index[^1] >= 0)
            {
                path[^1] = $"[{index[^1]++}]";
            }
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
