namespace Governance.Core.Organization.Synthetic;

/// <summary>
/// Generates large, realistic, made-up districts for load tests and benchmarks. Deterministic: the same
/// <see cref="SyntheticChartOptions"/> give the same chart, down to every name. Residents' phone numbers use the
/// 100 prefix, which no Chinese network uses, and work phones the unused 010-0000 exchange.
/// </summary>
public static class SyntheticChart
{
    private static readonly (UnitKind Kind, string Suffix)[] StreetLevelKinds =
        [(UnitKind.Subdistrict, "街道"), (UnitKind.Town, "镇"), (UnitKind.Township, "乡")];

    /// <summary>Generates a district of the given shape (the defaults: Tongzhou-sized, about 720,000 households).</summary>
    /// <exception cref="ArgumentException">An option is out of its documented range.</exception>
    public static Chart Generate(SyntheticChartOptions? options = null) => CreateBuilder(options ?? new SyntheticChartOptions()).Build();

    /// <summary>Like <see cref="Generate"/>, but returns the filled builder so a caller can add more before building.</summary>
    /// <exception cref="ArgumentException">An option is out of its documented range.</exception>
    public static ChartBuilder CreateBuilder(SyntheticChartOptions options)
    {
        Preconditions.CheckNotNull(options);
        options.Validate();
        var random = new Random(options.Seed);
        var builder = new ChartBuilder();
        var district = new UnitId("district");
        builder.AddUnit(district, UnitKind.District, "合成区");
        StandardBodies.AddDepartments(builder, random);
        var populator = new ChartPopulator(builder, random, options.PartyMemberShare);

        for (var s = 1; s <= options.StreetLevelUnits; s++)
        {
            var (kind, suffix) = StreetLevelKinds[(s - 1) % StreetLevelKinds.Length];
            var street = new UnitId($"s{s}");
            var streetName = $"第{s}{suffix}";
            builder.AddUnit(street, kind, streetName, district);
            builder.AddPartyOrganization(new PartyOrganizationId($"{street.Value}-committee"), PartyOrganizationKind.WorkingCommittee, $"{streetName}党工委", street);
            StandardBodies.AddOffices(builder, random, street, streetName);

            var served = new List<UnitId>();
            for (var c = 1; c <= options.CommunitiesPerStreetLevelUnit; c++)
            {
                var isVillage = kind != UnitKind.Subdistrict && c % 2 == 0;
                var community = new UnitId($"{street.Value}-c{c}");
                var communityName = $"{streetName}第{c}{(isVillage ? "村" : "社区")}";
                builder.AddUnit(community, isVillage ? UnitKind.Village : UnitKind.Community, communityName, street);
                var branch = new PartyOrganizationId($"{community.Value}-branch");
                builder.AddPartyOrganization(branch, PartyOrganizationKind.GeneralBranch, $"{communityName}党总支", community);
                StandardBodies.AddCommunityStaff(builder, random, community, isVillage);

                var grids = random.Next(options.MinGridsPerCommunity, options.MaxGridsPerCommunity + 1);
                var households = 0;
                for (var g = 0; g < grids; g++)
                {
                    households += random.Next(options.MinHouseholdsPerGrid, options.MaxHouseholdsPerGrid + 1);
                }

                populator.PopulateCommunity(community, communityName, branch, grids, households);
                if (!isVillage)
                {
                    served.Add(community);
                }

                if (served.Count == options.CommunitiesPerPropertyCompany || (c == options.CommunitiesPerStreetLevelUnit && served.Count > 0))
                {
                    AddPropertyCompany(builder, random, new PropertyCompanyId($"{street.Value}-pc{c}"), $"{streetName}物业{c}", served);
                    served.Clear();
                }
            }
        }

        return builder;
    }

    internal static void AddPropertyCompany(ChartBuilder builder, Random random, PropertyCompanyId id, string name, IReadOnlyList<UnitId> communities)
    {
        builder.AddPropertyCompany(id, name, communities, SyntheticNames.WorkPhone(random));
        builder.AddStaffMember(new StaffId($"{id.Value}-manager"), SyntheticNames.PlainName(random), "物业经理", SyntheticNames.WorkPhone(random),
            Agency.PropertyCompany(id), ["物业服务", "电梯", "房屋维修", "停车管理"]);
    }
}
