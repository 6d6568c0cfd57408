using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Governance.Core.Liaison;
using Governance.Core.Organization;

namespace Governance.Core.Tests.Liaison;

/// <summary>A household of a small random town: its id and the community, grid and building it lives in.</summary>
public sealed record TownHousehold(string Id, int Community, int Grid, int Building);

/// <summary>A party member of a small random town, living in the household <paramref name="Household"/>.</summary>
public sealed record TownMember(string Id, string Household);

/// <summary>
/// A small district for liaison properties: one street-level unit, 1–2 communities of 1–3 grids of 1–4 buildings,
/// households and 0–<c>maxMembers</c> members per community. Built into a <see cref="Chart"/> with
/// <see cref="ChartBuilder"/>; changed by <see cref="Change"/> to test reassignment.
/// </summary>
public sealed record LiaisonTown(ImmutableArray<TownHousehold> Households, ImmutableArray<TownMember> Members, int Serial)
{
    public Chart Build()
    {
        var builder = new ChartBuilder()
            .AddUnit(new UnitId("d"), UnitKind.District, "通州区")
            .AddUnit(new UnitId("s"), UnitKind.Town, "潞邑", new UnitId("d"))
            .AddPartyOrganization(new PartyOrganizationId("p"), PartyOrganizationKind.WorkingCommittee, "潞邑党委", new UnitId("s"));
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var h in Households)
        {
            var c = $"c{h.Community}";
            var g = $"{c}-g{h.Grid}";
            var b = $"{g}-b{h.Building}";
            if (added.Add(c))
            {
                builder.AddUnit(new UnitId(c), UnitKind.Community, c, new UnitId("s"));
            }

            if (added.Add(g))
            {
                builder.AddUnit(new UnitId(g), UnitKind.Grid, g, new UnitId(c));
            }

            if (added.Add(b))
            {
                builder.AddUnit(new UnitId(b), UnitKind.Building, b, new UnitId(g));
            }

            builder.AddHousehold(new HouseholdId(h.Id), new UnitId(b));
        }

        foreach (var m in Members)
        {
            builder.AddPartyMember(new PartyMemberId(m.Id), new PersonName("党员"), new HouseholdId(m.Household), new PartyOrganizationId("p"));
        }

        return builder.Build();
    }

    /// <summary>A random town from <paramref name="seed"/>: at most <paramref name="maxHouseholds"/> households and <paramref name="maxMembers"/> members per community.</summary>
    public static LiaisonTown Random(int seed, int maxHouseholds, int maxMembers)
    {
        var random = new Random(seed);
        var households = new List<TownHousehold>();
        var members = new List<TownMember>();
        var communities = random.Next(1, 3);
        for (var c = 0; c < communities; c++)
        {
            var inCommunity = new List<TownHousehold>();
            var budget = random.Next(0, maxHouseholds + 1);
            var grids = random.Next(1, 4);
            for (var g = 0; g < grids; g++)
            {
                var buildings = random.Next(1, 5);
                for (var b = 0; b < buildings; b++)
                {
                    var count = Math.Min(budget - inCommunity.Count, random.Next(0, 2 + (maxHouseholds / 4)));
                    for (var k = 0; k < count; k++)
                    {
                        inCommunity.Add(new TownHousehold($"h{c}.{g}.{b}.{k}", c, g, b));
                    }
                }
            }

            households.AddRange(inCommunity);
            var memberCount = inCommunity.Count == 0 ? 0 : random.Next(0, maxMembers + 1);
            for (var m = 0; m < memberCount; m++)
            {
                members.Add(new TownMember($"m{c}.{m}", inCommunity[random.Next(inCommunity.Count)].Id));
            }
        }

        return new LiaisonTown([.. households], [.. members], 0);
    }

    /// <summary>
    /// The town after random changes from <paramref name="seed"/>: members leave, move to another household (possibly
    /// in the other community) or join; households leave (with any member living there) or join existing buildings.
    /// </summary>
    public LiaisonTown Change(int seed, int maxHouseholds, int maxMembers)
    {
        var random = new Random(seed);
        var serial = Serial + 1;
        var households = Households.Where(_ => random.Next(6) != 0).ToList();
        var buildings = Households.Select(h => (h.Community, h.Grid, h.Building)).Distinct().ToList();
        var joining = buildings.Count == 0 ? 0 : random.Next(0, 6);
        for (var k = 0; k < joining; k++)
        {
            var (c, g, b) = buildings[random.Next(buildings.Count)];
            if (households.Count(h => h.Community == c) < maxHouseholds)
            {
                households.Add(new TownHousehold($"h{c}.{g}.{b}.n{serial}.{k}", c, g, b));
            }
        }

        var ids = households.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        var members = new List<TownMember>();
        foreach (var m in Members)
        {
            if (!ids.Contains(m.Household) || random.Next(6) == 0)
            {
                continue; // left, or lived in a household that left
            }

            members.Add(random.Next(8) == 0 && households.Count > 0 ? m with { Household = households[random.Next(households.Count)].Id } : m);
        }

        var newcomers = households.Count == 0 ? 0 : random.Next(0, 3);
        for (var k = 0; k < newcomers; k++)
        {
            var home = households[random.Next(households.Count)];
            if (members.Count(m => households.First(h => h.Id == m.Household).Community == home.Community) < maxMembers)
            {
                members.Add(new TownMember($"m-new{serial}.{k}", home.Id));
            }
        }

        return new LiaisonTown([.. households], [.. members], serial);
    }

    public static Gen<LiaisonOptions> SmallOptions =>
        from min in Gen.Choose(0, 3)
        from max in Gen.Choose(Math.Max(1, min), 5)
        from building in Gen.Choose(0, 3)
        from grid in Gen.Choose(building, 6)
        from community in Gen.Choose(grid, 12)
        select new LiaisonOptions { MinHouseholds = min, MaxHouseholds = max, SameBuildingCost = building, SameGridCost = grid, SameCommunityCost = community };
}
