using FsCheck.Xunit;
using Governance.Core.Catalogue;
using Governance.Core.Directory;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Routing;
using Governance.Core.Tests.Organization;
using Governance.Core.Tests.Routing;

namespace Governance.Core.Tests.Directory;

/// <summary>The service card and routing never disagree: for every category and location, the card names routing's handler.</summary>
public sealed class ServiceDirectoryProperties
{
    [Property(Arbitrary = [typeof(ChartArbitraries)], MaxTest = 100)]
    public void On_random_charts_every_entry_names_the_handler_routing_picks_and_a_contact_there(ChartRecipe recipe)
    {
        var chart = recipe.Build();
        AssertAgreesWithRouting(new Router(chart, RoutingProperties.CatalogueFor(chart)), RoutingProperties.Locations(chart));
    }

    [Fact]
    public void In_the_sample_district_every_entry_names_the_handler_routing_picks_and_a_contact_there()
    {
        var chart = SampleDistrict.Chart;
        var locations = chart.Units.Select(u => new RequestLocation(u.Id))
            .Concat(chart.Households.Where((_, i) => i % 97 == 0).Select(h => new RequestLocation(h.BuildingId, h.Id)));
        AssertAgreesWithRouting(new Router(chart, CategoryCatalogue.Default), locations);
    }

    private static void AssertAgreesWithRouting(Router router, IEnumerable<RequestLocation> locations)
    {
        var directory = new ServiceDirectory(router);
        var chart = router.Chart;
        var unknown = new CategoryCode("未知/从未定义");
        foreach (var location in locations)
        {
            var card = location.Household is { } household ? directory.CardFor(household) : directory.CardFor(location.Unit);
            Assert.Equal(location, card.Location);
            Assert.Equal(router.Catalogue.Categories.Select(c => c.Code), card.Entries.Select(e => e.Category));
            Assert.Equal(card.Entries.Length, card.Groups.Sum(g => g.Entries.Length));
            foreach (var code in router.Catalogue.Categories.Select(c => c.Code).Append(unknown))
            {
                var entry = card.EntryFor(code);
                foreach (var channel in new[] { Channel.ServiceCalendarPhone, Channel.WalkIn, Channel.Hotline12345 })
                {
                    var decision = router.Route(channel, location, code);
                    Assert.Equal(decision.Handler, entry.Handler);
                    Assert.Equal(decision.Category, entry.Category);
                }

                Assert.False(string.IsNullOrEmpty(entry.Phone), $"{entry} has no phone");
                Assert.Equal(directory.NameOf(entry.Handler), entry.HandlerName);
                var staffThere = chart.StaffAt(entry.Handler).ToArray();
                if (entry.Staff is { } staff)
                {
                    var member = Assert.Single(staffThere, s => s.Id == staff);
                    Assert.Equal(member.Phone, entry.Phone);
                }
                else
                {
                    Assert.DoesNotContain(staffThere, s => s.Phone.Length > 0);
                }

                Assert.Contains(card.Groups, g => g.Handler == entry.Handler && g.Entries.Contains(entry));
            }
        }
    }
}
