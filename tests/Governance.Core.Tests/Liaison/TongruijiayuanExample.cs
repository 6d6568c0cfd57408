using Governance.Core.Liaison;
using Governance.Core.Organization;

namespace Governance.Core.Tests.Liaison;

public class TongruijiayuanExample
{
    private static readonly Chart Chart = SampleDistrict.Chart;
    private static readonly Unit Community = Chart.GetUnit(SampleDistrict.Units.Tongruijiayuan);
    private static readonly LiaisonAssignment Assignment = LiaisonAssigner.Assign(Chart);

    [Fact]
    public void Every_household_of_通瑞嘉苑_has_a_liaison_looking_after_5_to_10_households()
    {
        var report = Assignment.Coverage.Communities.Single(c => c.Unit == Community.Id);

        Assert.Equal((1_200, 1_200, 181, 0), (report.Households, report.Covered, report.Members, report.MembersNeeded));
        Assert.Empty(report.MembersBelowMin);
        Assert.All(Chart.PartyMembersLivingUnder(Community).ToArray(), m => Assert.InRange(Assignment.HouseholdsOf(m.Id).Length, 5, 10));
    }

    /// <summary>
    /// 31 buildings of about 39 households and 181 members: in most buildings the members living there can hold all
    /// their neighbours (k members hold 5k–10k). A building whose members cannot — h > 10k — sends its extra households
    /// to a building of the same grid with room; a building with too many members (5k > h) borrows. Within a grid each
    /// such household is a crossing no assignment can avoid, so with every grid able to settle its own imbalance (a link
    /// across grids costs 10, more than settling both ends inside their grids) the 45 same-grid links are exactly the sum
    /// over grids of max(Σ excess, Σ shortage) of its buildings. Cost 1,155 × 1 + 45 × 3 = 1,290.
    /// </summary>
    [Fact]
    public void In_通瑞嘉苑_only_the_households_their_own_building_cannot_hold_are_linked_across_buildings_and_never_across_grids()
    {
        var links = Assignment.Links.Where(l => Chart.IsWithin(Chart.BuildingOf(Chart.GetHousehold(l.Household)), Community)).ToArray();
        var unavoidable = 0;
        foreach (var grid in Chart.ChildrenOf(Community))
        {
            var excess = 0;
            var shortage = 0;
            foreach (var building in Chart.ChildrenOf(grid))
            {
                var h = Chart.HouseholdsUnder(building).Length;
                var k = Chart.PartyMembersLivingUnder(building).Length;
                excess += Math.Max(0, h - (10 * k));
                shortage += Math.Max(0, (5 * k) - h);
            }

            unavoidable += Math.Max(excess, shortage);
        }

        Assert.Equal(1_155, links.Count(l => l.Relation == LiaisonRelation.SameBuilding));
        Assert.Equal(45, links.Count(l => l.Relation == LiaisonRelation.SameGrid));
        Assert.Equal(unavoidable, links.Count(l => l.Relation != LiaisonRelation.SameBuilding));
        Assert.DoesNotContain(links, l => l.Relation == LiaisonRelation.SameCommunity);
        Assert.Equal(1_290, links.Sum(l => l.Cost));
    }

    [Fact]
    public void When_a_liaison_moves_away_only_their_households_are_told_of_a_new_liaison()
    {
        var leaving = Chart.PartyMembersLivingUnder(Community)[0];
        var theirs = Assignment.HouseholdsOf(leaving.Id);
        var without = RebuildWithout(leaving.Id);

        var next = LiaisonAssigner.Reassign(without, Assignment);

        Assert.Equal(1.0, next.Coverage.Communities.Single(c => c.Unit == Community.Id).CoverageRate);
        Assert.All(next.Changes, c => Assert.Equal((leaving.Id, LiaisonChangeReason.LiaisonLeft), (c.Previous!.Value, c.Reason)));
        Assert.Equal(theirs.Select(h => h.Value).Order(StringComparer.Ordinal), next.Changes.Select(c => c.Household.Value).Order(StringComparer.Ordinal));
    }

    /// <summary>The sample district without one party member, rebuilt through its JSON export.</summary>
    private static Chart RebuildWithout(PartyMemberId member)
    {
        var json = ChartJson.Serialize(Chart, PersonalDataExport.Reveal);
        var document = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        var members = document["partyMembers"]!.AsArray();
        members.Remove(members.Single(m => (string?)m!["id"] == member.Value));
        return ChartJson.Parse(document.ToJsonString());
    }

    [Theory]
    [InlineData(0, 0, 1, 3, 10, 30, "MaxHouseholds")]
    [InlineData(0, 1_001, 1, 3, 10, 30, "MaxHouseholds")]
    [InlineData(11, 10, 1, 3, 10, 30, "MinHouseholds")]
    [InlineData(5, 10, -1, 3, 10, 30, "SameBuildingCost")]
    [InlineData(5, 10, 4, 3, 10, 30, "SameGridCost")]
    [InlineData(5, 10, 1, 3, 2, 30, "SameCommunityCost")]
    [InlineData(5, 10, 1, 3, 10, 9, "AcrossCommunitiesCost")]
    [InlineData(5, 10, 1, 3, 10, 1_001, "AcrossCommunitiesCost")]
    public void Rules_out_of_range_are_refused_by_name_before_and_by_the_assigner(int min, int max, int building, int grid, int community, int across, string name)
    {
        var options = new LiaisonOptions
        {
            MinHouseholds = min,
            MaxHouseholds = max,
            SameBuildingCost = building,
            SameGridCost = grid,
            SameCommunityCost = community,
            AcrossCommunitiesCost = across,
        };

        Assert.Equal(name, Assert.Throws<ArgumentException>(() => options.Validate()).ParamName);
        Assert.Equal(name, Assert.Throws<ArgumentException>(() => LiaisonAssigner.Assign(Chart, options)).ParamName);
        Assert.Same(LiaisonOptions.Default, LiaisonOptions.Default.Validate());
    }
}
