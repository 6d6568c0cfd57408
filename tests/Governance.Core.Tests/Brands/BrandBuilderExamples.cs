using Governance.Core.Brands;
using Governance.Core.Liaison;
using Governance.Core.Requests;

namespace Governance.Core.Tests.Brands;

/// <summary>What a brand must be, each rule once, and the presets of the article.</summary>
public sealed class BrandBuilderExamples
{
    [Fact]
    public void The_article_presets_keep_their_rules()
    {
        var youshi = BrandPresets.YoushiNinZhaoWo;
        Assert.Equal(("有事您找我", 1, Channel.PropertyHotline, FirstContactRule.PropertyCompanyTakesEverything), (youshi.Name, youshi.Version, youshi.Channels[0], youshi.FirstContact));
        Assert.True(youshi.BlowsWhistles);
        Assert.Equal(NodaTime.Duration.FromMinutes(30), youshi.WhistleReportLimit);
        Assert.Null(youshi.ServiceLevels.SameDayCutoff); // 当天: any day's request is due that day

        var hulianwang = BrandPresets.HuLianWang;
        Assert.Equal((Channel.HouseholdNetwork, FirstContactRule.LiaisonNetwork), (hulianwang.Channels[0], hulianwang.FirstContact));
        Assert.Equal([EscalationStep.Community, EscalationStep.StreetLevel], hulianwang.EscalationChain.ToArray());
        Assert.False(hulianwang.BlowsWhistles);
        Assert.Equal((5, 10), (hulianwang.Liaison.MinHouseholds, hulianwang.Liaison.MaxHouseholds));

        Assert.Equal(["有事您找我", "户联网", "马桥近邻", "玉见骑士", "零距梨"], BrandPresets.All.Select(b => b.Name));
        Assert.Equal(5, BrandPresets.All.Select(b => b.Id).Distinct().Count());
    }

    [Fact]
    public void A_named_preset_is_filled_in_as_its_next_version()
    {
        var filled = BrandPresets.MaqiaoJinlin.ToBuilder()
            .WithChannels(Channel.WalkIn, Channel.Hotline12345)
            .WithEscalationChain(EscalationStep.Community, EscalationStep.StreetLevel, EscalationStep.DistrictDepartment)
            .Build();

        Assert.Equal((BrandPresets.MaqiaoJinlin.Id, "马桥近邻", 2), (filled.Id, filled.Name, filled.Version));
        var change = Assert.Single(filled.DifferencesFrom(BrandPresets.MaqiaoJinlin));
        Assert.Equal(new BrandSettingChange(BrandSetting.Channels, "Hotline12345, WalkIn, ServiceCalendarPhone", "WalkIn, Hotline12345"), change);
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once_naming_the_builder_call()
    {
        var builder = new BrandBuilder(new BrandId("bad id"), " ")
            .WithVersion(0)
            .WithChannels(Channel.WalkIn, Channel.WalkIn)
            .WithFirstContact(FirstContactRule.LiaisonNetwork)
            .WithEscalationChain(EscalationStep.StreetLevel, EscalationStep.Community)
            .WithLiaison(new LiaisonOptions { MinHouseholds = 12, MaxHouseholds = 10 });

        var invalid = Assert.Throws<DataValidationException>(builder.Build);

        Assert.Equal(
            ["new BrandBuilder(id)", "new BrandBuilder(name)", "WithVersion", "WithChannels", "WithFirstContact", "WithEscalationChain", "WithLiaison"],
            invalid.Errors.Select(e => e.Path));
        Assert.All(invalid.Errors, e => Assert.Equal("bad id", e.Id));
        Assert.Contains("WalkIn is listed more than once", invalid.Errors[3].Message, StringComparison.Ordinal);
        Assert.Contains("LiaisonNetwork promises the HouseholdNetwork channel", invalid.Errors[4].Message, StringComparison.Ordinal);
        Assert.Contains("Community follows StreetLevel", invalid.Errors[5].Message, StringComparison.Ordinal);
        Assert.StartsWith("MinHouseholds:", invalid.Errors[6].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_and_undefined_lists_are_refused()
    {
        var empty = Assert.Throws<DataValidationException>(() => new BrandBuilder(new BrandId("x"), "x").WithChannels().WithEscalationChain().Build());
        Assert.Equal(["WithChannels", "WithEscalationChain"], empty.Errors.Select(e => e.Path));

        var undefined = Assert.Throws<DataValidationException>(() =>
            new BrandBuilder(new BrandId("x"), "x").WithChannels((Channel)99).WithEscalationChain((EscalationStep)(-1)).WithFirstContact((FirstContactRule)7).Build());
        Assert.Equal(["99 is not a defined channel", "7 is not a defined first-contact rule", "-1 is not a defined escalation step"], undefined.Errors.Select(e => e.Message));
    }

    [Fact]
    public void A_builder_builds_once()
    {
        var builder = new BrandBuilder(new BrandId("x"), "x");
        builder.Build();

        Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Throws<InvalidOperationException>(() => builder.WithVersion(2));
    }

    [Fact]
    public void Two_brands_differ_in_the_settings_that_differ_and_not_in_their_names()
    {
        Assert.Empty(BrandPresets.MaqiaoJinlin.DifferencesFrom(BrandPresets.YujianQishi));
        Assert.Equal(
            [BrandSetting.Channels, BrandSetting.FirstContact, BrandSetting.EscalationChain],
            BrandPresets.HuLianWang.DifferencesFrom(BrandPresets.YoushiNinZhaoWo).Select(c => c.Setting));
        Assert.False(BrandPresets.MaqiaoJinlin.IsSameAs(BrandPresets.YujianQishi));
    }
}
