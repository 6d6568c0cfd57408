using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Core;
using Governance.Core.Liaison;
using Governance.Core.Time;

namespace Governance.Samples.Tongzhou.Simulation;

/// <summary>
/// Reads and writes a simulation policy file. Every part is optional and defaults to the library's defaults:
/// <code>
/// {
///   "serviceLevels": { "sameDayCutoff": "17:00", "limits": { "Ordinary": { "clock": "WorkingDays", "days": 5 } } },
///   "escalation": { "maxLevels": 2, "afterWorkingHours": 4, "whistles": true },
///   "liaison": { "minHouseholds": 5, "maxHouseholds": 10, "allowAcrossCommunities": false }
/// }
/// </code>
/// <c>serviceLevels</c> is the library's service-level policy format (<see cref="ServiceLevelPolicyJson"/>). Comments and
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
                    default:
                        errors.Add(new DataError(path, property.Name, "Unknown property: a policy has serviceLevels, escalation and liaison."));
                        break;
                }
            }

            return errors.Count > 0 ? throw new DataValidationException(Subject, errors) : new SimulationPolicy(serviceLevels, escalation, liaison);
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
