using Governance.Core.Brands;
using Governance.Core.Catalogue;
using Governance.Core.Desk;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Routing;
using Governance.Core.Time;
using NodaTime;
using NodaTime.Testing;

namespace Governance.Core.Tests.Brands;

/// <summary>The desk takes the registry as its policy source: each request gets the service levels of its unit's brand on the day it is received.</summary>
public sealed class BrandAtTheDeskStory
{
    private static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly Chart Chart = SampleDistrict.Chart;

    [Fact]
    public void A_whistle_in_a_community_under_a_stricter_brand_version_must_be_answered_sooner_than_elsewhere()
    {
        var clock = new FakeClock(new LocalDateTime(2023, 7, 3, 9, 0).InZoneStrictly(Beijing).ToInstant());
        var registry = new BrandRegistry(Chart, clock);
        var strict = BrandPresets.YoushiNinZhaoWo.ToBuilder()
            .WithServiceLevels(ServiceLevelPolicy.Default.ToBuilder().WithWhistleReportLimit(Duration.FromMinutes(20)).Build())
            .Build();
        registry.RollOut(strict, [SampleDistrict.Units.Xinhuaxijie], new LocalDate(2023, 7, 1));
        var desk = new RequestDesk(new Router(Chart, CategoryCatalogue.Default), registry, clock, new InMemoryRequestEventSink());
        var department = new DistrictDepartmentId("tongzhou-zfj");

        var limits = new[] { SampleDistrict.Units.Xinhuaxijie, SampleDistrict.Units.Hounancang }.Select((community, i) =>
        {
            var received = desk.Submit(new RequestSubmission(new RequestId($"w-{i}"), Channel.Hotline12345, new CategoryCode("违建/私搭乱建"),
                CategoryClass.Complex, new RequestLocation(community), ResidentContact.None, "私搭乱建"));
            desk.Execute(received.RequestId, new AcceptRequest(received.Handler, clock.GetCurrentInstant()));
            var summoned = (DepartmentSummoned)desk.Execute(received.RequestId, new SummonDepartment(received.Handler, clock.GetCurrentInstant(), department, "需执法"));
            return summoned.ReportBy - summoned.At;
        }).ToArray();

        Assert.Equal([Duration.FromMinutes(20), Duration.FromMinutes(30)], limits);
    }
}
