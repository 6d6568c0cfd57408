namespace Governance.Core.Organization.Synthetic;

/// <summary>
/// Fills communities with grids, buildings, households, party branches, groups and members, deterministically
/// from a seeded <see cref="Random"/>. Shared by the synthetic district and the sample district so both look alike.
/// </summary>
internal sealed class ChartPopulator(ChartBuilder builder, Random random, double partyMemberShare)
{
    /// <summary>Households per building (楼门): one entrance of a six-storey block up to a small tower.</summary>
    public const int MinHouseholdsPerBuilding = 24;

    /// <summary>See <see cref="MinHouseholdsPerBuilding"/>.</summary>
    public const int MaxHouseholdsPerBuilding = 60;

    public int Households { get; private set; }

    /// <summary>Adds <paramref name="grids"/> grids to the community, their households summing to <paramref name="households"/>.</summary>
    public void PopulateCommunity(UnitId community, string communityName, PartyOrganizationId? generalBranch, int grids, int households)
    {
        var remaining = households;
        for (var g = 1; g <= grids; g++)
        {
            var inGrid = g == grids ? remaining : households / grids;
            remaining -= inGrid;
            var grid = new UnitId($"{community.Value}-g{g}");
            builder.AddUnit(grid, UnitKind.Grid, $"{communityName}第{g}网格", community);
            PartyOrganizationId? branch = null;
            if (generalBranch is not null)
            {
                branch = new PartyOrganizationId($"{grid.Value}-branch");
                builder.AddPartyOrganization(branch.Value, PartyOrganizationKind.Branch, $"{communityName}第{g}网格党支部", grid);
            }

            PopulateGrid(grid, branch, inGrid);
        }
    }

    private void PopulateGrid(UnitId grid, PartyOrganizationId? branch, int households)
    {
        var building = 0;
        while (households > 0)
        {
            building++;
            var size = Math.Min(households, random.Next(MinHouseholdsPerBuilding, MaxHouseholdsPerBuilding + 1));
            households -= size;
            var buildingId = new UnitId($"{grid.Value}-b{building}");
            builder.AddUnit(buildingId, UnitKind.Building, $"{building}号楼", grid);
            PartyOrganizationId? group = null;
            if (branch is not null)
            {
                group = new PartyOrganizationId($"{buildingId.Value}-group");
                builder.AddPartyOrganization(group.Value, PartyOrganizationKind.Group, $"{building}号楼党小组", buildingId);
            }

            PopulateBuilding(buildingId, group, size);
        }
    }

    private void PopulateBuilding(UnitId building, PartyOrganizationId? group, int households)
    {
        const int PerFloor = 2;
        for (var h = 0; h < households; h++)
        {
            var entrance = (h / (PerFloor * 6)) + 1;
            var floor = (h % (PerFloor * 6) / PerFloor) + 1;
            var door = (h % PerFloor) + 1;
            var id = new HouseholdId($"{building.Value}-{entrance}{floor:D2}{door:D2}");
            var known = random.Next(10) < 8; // one household in five has not left a name
            builder.AddHousehold(id, building, $"{entrance}单元{floor}{door:D2}",
                known ? SyntheticNames.Name(random) : null,
                known ? SyntheticNames.ResidentPhone(random) : null,
                random.Next(1, 6));
            Households++;
            if (group is not null && random.NextDouble() < partyMemberShare)
            {
                builder.AddPartyMember(new PartyMemberId($"{id.Value}-pm"), SyntheticNames.Name(random), id, group.Value, SyntheticNames.ResidentPhone(random));
            }
        }
    }
}
