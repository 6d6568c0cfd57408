using System.Text.Json.Serialization;

namespace Governance.Core.Organization.Json;

// The JSON shape of a chart (format version 1), described for users in chart.schema.json.
// Every member is nullable so that a missing field is reported by the loader, with the others, instead of
// stopping the parser at the first one.

internal sealed class ChartDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public int? FormatVersion { get; set; }

    public List<UnitDocument?>? Units { get; set; }

    public List<HouseholdDocument?>? Households { get; set; }

    public List<PropertyCompanyDocument?>? PropertyCompanies { get; set; }

    public List<SubdistrictOfficeDocument?>? SubdistrictOffices { get; set; }

    public List<DistrictDepartmentDocument?>? DistrictDepartments { get; set; }

    public List<StaffMemberDocument?>? Staff { get; set; }

    public List<PartyOrganizationDocument?>? PartyOrganizations { get; set; }

    public List<PartyMemberDocument?>? PartyMembers { get; set; }
}

internal sealed class UnitDocument
{
    public string? Id { get; set; }

    public string? Kind { get; set; }

    public string? Name { get; set; }

    public string? Parent { get; set; }
}

internal sealed class HouseholdDocument
{
    public string? Id { get; set; }

    public string? Building { get; set; }

    public string? Address { get; set; }

    public string? Head { get; set; }

    public string? Phone { get; set; }

    public int? Residents { get; set; }
}

internal sealed class PropertyCompanyDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Hotline { get; set; }

    public List<string?>? Communities { get; set; }
}

internal sealed class SubdistrictOfficeDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Unit { get; set; }

    public List<string?>? Duties { get; set; }
}

internal sealed class DistrictDepartmentDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public List<string?>? Duties { get; set; }
}

internal sealed class StaffMemberDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Role { get; set; }

    public string? Phone { get; set; }

    public string? Agency { get; set; }

    public List<string?>? Duties { get; set; }
}

internal sealed class PartyOrganizationDocument
{
    public string? Id { get; set; }

    public string? Kind { get; set; }

    public string? Name { get; set; }

    public string? Unit { get; set; }
}

internal sealed class PartyMemberDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? Household { get; set; }

    public string? Organization { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    MaxDepth = 16)]
[JsonSerializable(typeof(ChartDocument))]
internal sealed partial class ChartJsonContext : JsonSerializerContext;
