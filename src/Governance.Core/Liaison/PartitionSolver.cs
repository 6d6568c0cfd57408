using Governance.Core.Organization;

namespace Governance.Core.Liaison;

/// <summary>
/// Solves one independent part of the district (a community, or a street-level unit when links may cross
/// communities) exactly, on a network aggregated by building. See <see cref="LiaisonAssigner"/> for the objective.
/// </summary>
/// <remarks>
/// <para>The network: the source feeds each building's free members (those without a link to keep) as one node
/// with two arcs, capacity k·Min at a reward of −S per unit (the shortfall below Min) and k·(Max − Min) at 0, and each
/// member who holds links to keep as its own node with the same two arcs. Every unit of the partition's tree is a node;
/// an arc goes up from each unit to its parent at the cost increment of that level (grid: SameGrid − SameBuilding,
/// community: SameCommunity − SameGrid, street level: AcrossCommunities − SameCommunity) and down at 0, so a path from
/// one building to another costs exactly the difference between their relation's cost and SameBuilding. Households
/// are grouped by (building, previous liaison): a building's households without a previous liaison go straight to the
/// sink, paying W (covering them is a change); those whose previous liaison is gone or out of reach form a group per
/// building without that penalty (they change either way); a group that shares a previous liaison is a node reached from its building (a changed link) or directly from
/// that liaison (a kept link, rewarded by −W). Each covered household earns −BIG at the sink.</para>
/// <para>The weights make the single cost lexicographic: BIG exceeds any difference the other terms can make, S
/// exceeds any difference in changes and costs, W exceeds any difference in costs. A min-cost flow (of any value) is
/// therefore: most households covered; then least total shortfall below Min; then fewest changed links; then least
/// cost.</para>
/// <para>Back to people: a flow of building-level supplies and demands is matched bottom-up (within a building, then
/// within a grid, then a community): this never crosses a boundary more often than the flow does, so its cost is at
/// most the flow's, hence optimal. A building's free members share its flow in ordinal id order: evenly when all can
/// reach Min, otherwise as few members as possible below Min. Households are taken in ordinal id order.</para>
/// </remarks>
internal static class PartitionSolver
{
    private const int Source = 0;
    private const int Sink = 1;

    /// <summary>In <c>oldLiaison</c>: the household had no liaison (or is new). Covering it is a change.</summary>
    public const int NoPrevious = -1;

    /// <summary>In <c>oldLiaison</c>: the household had a liaison who is gone or out of reach. It changes whether covered or not.</summary>
    public const int LostPrevious = -2;

    /// <summary>Writes the liaison (a member's chart index, or −1) of every household under <paramref name="root"/> into <paramref name="liaisonOf"/>.</summary>
    /// <param name="chart">The district.</param>
    /// <param name="root">The partition: a community, or a street-level unit.</param>
    /// <param name="options">Validated rules.</param>
    /// <param name="oldLiaison">By household index: the previous liaison's member index when the link is still allowed, <see cref="LostPrevious"/> when it had one that cannot be kept, else <see cref="NoPrevious"/>; null for a first assignment.</param>
    /// <param name="liaisonOf">Output by household index; only this partition's households are written.</param>
    /// <param name="localOf">Scratch by unit index, shared by partitions (each writes only its own units).</param>
    public static void Solve(Chart chart, Unit root, LiaisonOptions options, int[]? oldLiaison, int[] liaisonOf, int[] localOf)
    {
        var households = chart.HouseholdsUnder(root);
        var members = chart.PartyMembersLivingUnder(root);
        if (households.IsEmpty)
        {
            return;
        }

        var min = options.MinHouseholds;
        var max = options.MaxHouseholds;

        // Units of the partition, preorder; index 0 is the root.
        var descendants = chart.DescendantsOf(root);
        var units = new Unit[descendants.Length + 1];
        units[0] = root;
        descendants.CopyTo(units.AsSpan(1));
        for (var i = 0; i < units.Length; i++)
        {
            localOf[units[i].Index] = i;
        }

        var unitParent = new int[units.Length];
        unitParent[0] = -1;
        for (var i = 1; i < units.Length; i++)
        {
            unitParent[i] = localOf[chart.ParentIndex(units[i].Index)];
        }

        // Weights of the lexicographic objective (see remarks).
        long n = households.Length;
        long maxCost = options.AllowAcrossCommunities ? options.AcrossCommunitiesCost : options.SameCommunityCost;
        long w, s, big;
        checked
        {
            w = (n * maxCost) + 1;
            s = w * (n + 1);
            big = s * (((long)min * members.Length) + 1);
        }

        // Households: by building, then by previous liaison. Groups are numbered in order of first appearance.
        var householdBuilding = new int[households.Length];
        var groupOf = new int[households.Length];   // -1: the building's free households
        var groupKey = new Dictionary<(int Building, int Member), int>();
        var groupBuilding = new List<int>();
        var groupMember = new List<int>();
        var freeHouseholds = new int[units.Length];
        for (var i = 0; i < households.Length; i++)
        {
            var b = localOf[chart.BuildingIndex(households[i])];
            householdBuilding[i] = b;
            var old = oldLiaison is null ? NoPrevious : oldLiaison[households[i].Index];
            if (old == NoPrevious)
            {
                groupOf[i] = -1;
                freeHouseholds[b]++;
                continue;
            }

            if (!groupKey.TryGetValue((b, old), out var g))
            {
                g = groupKey.Count;
                groupKey.Add((b, old), g);
                groupBuilding.Add(b);
                groupMember.Add(old);
            }

            groupOf[i] = g;
        }

        var groupSize = new int[groupKey.Count];
        foreach (var g in groupOf)
        {
            if (g >= 0)
            {
                groupSize[g]++;
            }
        }

        // Members: individual nodes for those with links to keep, the rest pooled per building.
        var individual = new Dictionary<int, int>();   // member index -> position in keepers
        var keepers = new List<PartyMember>();
        var memberBuilding = new int[members.Length];
        var freeMembers = new List<PartyMember>?[units.Length];
        for (var i = 0; i < members.Length; i++)
        {
            memberBuilding[i] = localOf[chart.BuildingIndex(chart.HouseholdOf(members[i]))];
        }

        foreach (var m in groupMember)
        {
            if (m >= 0)
            {
                individual.TryAdd(m, -1);
            }
        }

        for (var i = 0; i < members.Length; i++)
        {
            if (individual.ContainsKey(members[i].Index))
            {
                individual[members[i].Index] = keepers.Count;
                keepers.Add(members[i]);
            }
            else
            {
                (freeMembers[memberBuilding[i]] ??= []).Add(members[i]);
            }
        }

        var keeperBuilding = new int[keepers.Count];
        for (var i = 0; i < members.Length; i++)
        {
            if (individual.TryGetValue(members[i].Index, out var k))
            {
                keeperBuilding[k] = memberBuilding[i];
            }
        }

        // The network.
        var unitNode = 2;
        var keeperNode = unitNode + units.Length;
        var groupNode = keeperNode + keepers.Count;
        var flow = new MinCostFlow(groupNode + groupKey.Count);
        for (var u = 1; u < units.Length; u++)
        {
            flow.AddArc(unitNode + u, unitNode + unitParent[u], MinCostFlow.Infinite, Increment(options, units[unitParent[u]].Level));
            flow.AddArc(unitNode + unitParent[u], unitNode + u, MinCostFlow.Infinite, 0);
        }

        var freeSupplyArcs = new (int Full, int Extra)[units.Length];
        var freeDemandArc = new int[units.Length];
        for (var u = 0; u < units.Length; u++)
        {
            if (freeMembers[u] is { Count: > 0 } pool)
            {
                freeSupplyArcs[u] = (
                    flow.AddArc(Source, unitNode + u, pool.Count * min, -s),
                    flow.AddArc(Source, unitNode + u, pool.Count * (max - min), 0));
            }

            if (freeHouseholds[u] > 0)
            {
                freeDemandArc[u] = flow.AddArc(unitNode + u, Sink, freeHouseholds[u], -big + w + options.SameBuildingCost);
            }
        }

        var keeperHubArc = new int[keepers.Count];
        for (var k = 0; k < keepers.Count; k++)
        {
            flow.AddArc(Source, keeperNode + k, min, -s);
            flow.AddArc(Source, keeperNode + k, max - min, 0);
            keeperHubArc[k] = flow.AddArc(keeperNode + k, unitNode + keeperBuilding[k], MinCostFlow.Infinite, 0);
        }

        var keptArc = new int[groupKey.Count];
        var changedArc = new int[groupKey.Count];
        for (var g = 0; g < groupKey.Count; g++)
        {
            changedArc[g] = flow.AddArc(unitNode + groupBuilding[g], groupNode + g, groupSize[g], options.SameBuildingCost);
            keptArc[g] = -1;
            if (groupMember[g] >= 0)
            {
                var k = individual[groupMember[g]];
                var relationCost = options.CostAt(Relation(units, unitParent, keeperBuilding[k], groupBuilding[g]));
                keptArc[g] = flow.AddArc(keeperNode + k, groupNode + g, groupSize[g], relationCost - w);
            }

            flow.AddArc(groupNode + g, Sink, groupSize[g], -big);
        }

        flow.Solve(Source, Sink);

        // Household queues, ordinal id order: free households per building, and each group (kept ones first).
        var freeQueue = new List<Household>?[units.Length];
        var groupQueue = new List<Household>[groupKey.Count];
        for (var i = 0; i < households.Length; i++)
        {
            if (groupOf[i] < 0)
            {
                (freeQueue[householdBuilding[i]] ??= []).Add(households[i]);
            }
            else
            {
                (groupQueue[groupOf[i]] ??= []).Add(households[i]);
            }
        }

        foreach (var q in freeQueue)
        {
            q?.Sort(ByHouseholdId);
        }

        var groupNext = new int[groupKey.Count];
        for (var g = 0; g < groupKey.Count; g++)
        {
            groupQueue[g].Sort(ByHouseholdId);
            var kept = keptArc[g] < 0 ? 0 : flow.Flow(keptArc[g]);
            for (var j = 0; j < kept; j++)
            {
                liaisonOf[groupQueue[g][j].Index] = groupMember[g];
            }

            groupNext[g] = kept;
        }

        // Supply slots: (member index, quota) in order; free pools share their flow by the split rule.
        var slots = new List<(int Member, int Quota)>();
        var supplies = new List<(int Entry, int Amount)>?[units.Length];
        var demands = new List<(int Entry, int Amount)>?[units.Length];
        var supplySlotStart = new List<int>();
        for (var u = 0; u < units.Length; u++)
        {
            if (freeMembers[u] is { Count: > 0 } pool)
            {
                var total = flow.Flow(freeSupplyArcs[u].Full) + flow.Flow(freeSupplyArcs[u].Extra);
                if (total > 0)
                {
                    pool.Sort(ByMemberId);
                    (supplies[u] ??= []).Add((supplySlotStart.Count, total));
                    supplySlotStart.Add(slots.Count);
                    Split(pool, total, min, slots);
                }
            }
        }

        for (var k = 0; k < keepers.Count; k++)
        {
            var viaHub = flow.Flow(keeperHubArc[k]);
            if (viaHub > 0)
            {
                (supplies[keeperBuilding[k]] ??= []).Add((supplySlotStart.Count, viaHub));
                supplySlotStart.Add(slots.Count);
                slots.Add((keepers[k].Index, viaHub));
            }
        }

        // Demand entries: ≥ 0 a group, < 0 the free households of building ~entry.
        for (var u = 0; u < units.Length; u++)
        {
            if (freeHouseholds[u] > 0 && flow.Flow(freeDemandArc[u]) is var f and > 0)
            {
                (demands[u] ??= []).Add((~u, f));
            }
        }

        for (var g = 0; g < groupKey.Count; g++)
        {
            if (flow.Flow(changedArc[g]) is var f and > 0)
            {
                (demands[groupBuilding[g]] ??= []).Add((g, f));
            }
        }

        // Bottom-up matching: children before parents, leftovers passed up.
        var freeNext = new int[units.Length];
        var slotNext = new int[supplySlotStart.Count];
        var slotUsed = new int[supplySlotStart.Count];
        for (var u = units.Length - 1; u >= 0; u--)
        {
            var sup = supplies[u];
            var dem = demands[u];
            int si = 0, di = 0;
            if (sup is not null && dem is not null)
            {
                var sLeft = sup.Count > 0 ? sup[0].Amount : 0;
                var dLeft = dem.Count > 0 ? dem[0].Amount : 0;
                while (si < sup.Count && di < dem.Count)
                {
                    var amount = Math.Min(sLeft, dLeft);
                    Assign(sup[si].Entry, dem[di].Entry, amount);
                    sLeft -= amount;
                    dLeft -= amount;
                    if (sLeft == 0 && ++si < sup.Count)
                    {
                        sLeft = sup[si].Amount;
                    }

                    if (dLeft == 0 && ++di < dem.Count)
                    {
                        dLeft = dem[di].Amount;
                    }
                }

                if (si < sup.Count)
                {
                    sup[si] = (sup[si].Entry, sLeft);
                }

                if (di < dem.Count)
                {
                    dem[di] = (dem[di].Entry, dLeft);
                }
            }

            if (unitParent[u] >= 0)
            {
                PassUp(sup, si, ref supplies[unitParent[u]]);
                PassUp(dem, di, ref demands[unitParent[u]]);
            }
        }

        void Assign(int supplyEntry, int demandEntry, int amount)
        {
            for (var j = 0; j < amount; j++)
            {
                Household household;
                if (demandEntry < 0)
                {
                    household = freeQueue[~demandEntry]![freeNext[~demandEntry]++];
                }
                else
                {
                    household = groupQueue[demandEntry][groupNext[demandEntry]++];
                }

                var slot = supplySlotStart[supplyEntry] + slotNext[supplyEntry];
                while (slotUsed[supplyEntry] == slots[slot].Quota)
                {
                    slotNext[supplyEntry]++;
                    slotUsed[supplyEntry] = 0;
                    slot++;
                }

                slotUsed[supplyEntry]++;
                liaisonOf[household.Index] = slots[slot].Member;
            }
        }
    }

    private static void PassUp(List<(int Entry, int Amount)>? from, int start, ref List<(int Entry, int Amount)>? to)
    {
        if (from is null || start >= from.Count)
        {
            return;
        }

        to ??= [];
        for (var i = start; i < from.Count; i++)
        {
            to.Add(from[i]);
        }
    }

    /// <summary>Shares <paramref name="total"/> among a building's free members (ordinal order): evenly when all reach Min, else as few as possible below Min.</summary>
    private static void Split(List<PartyMember> pool, int total, int min, List<(int Member, int Quota)> slots)
    {
        var k = pool.Count;
        if (total >= (long)k * min)
        {
            var baseQuota = total / k;
            var extra = total % k;
            for (var i = 0; i < k; i++)
            {
                slots.Add((pool[i].Index, baseQuota + (i < extra ? 1 : 0)));
            }

            return;
        }

        for (var i = 0; i < k && total > 0; i++)
        {
            var quota = Math.Min(min, total);
            slots.Add((pool[i].Index, quota));
            total -= quota;
        }
    }

    /// <summary>The level at which two buildings of the partition meet.</summary>
    internal static UnitLevel Relation(Unit[] units, int[] unitParent, int a, int b)
    {
        var level = UnitLevel.Building;
        while (a != b)
        {
            a = unitParent[a];
            b = unitParent[b];
            level--;
        }

        return level < UnitLevel.StreetLevel ? UnitLevel.StreetLevel : level;
    }

    private static long Increment(LiaisonOptions options, UnitLevel parentLevel) => parentLevel switch
    {
        UnitLevel.Grid => options.SameGridCost - options.SameBuildingCost,
        UnitLevel.Community => options.SameCommunityCost - options.SameGridCost,
        _ => options.AcrossCommunitiesCost - options.SameCommunityCost,
    };

    private static int ByHouseholdId(Household x, Household y) => string.CompareOrdinal(x.Id.Value, y.Id.Value);

    private static int ByMemberId(PartyMember x, PartyMember y) => string.CompareOrdinal(x.Id.Value, y.Id.Value);
}
