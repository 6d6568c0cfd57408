using Governance.Core.Liaison;
using Governance.Core.Requests;
using Governance.Core.Time;

namespace Governance.Core.Brands;

/// <summary>
/// The brands of the source article (一街（乡镇）一社区（村）一品牌, 2022), each version 1. 有事您找我 and 户联网 are
/// described in the article and preset accordingly; 马桥近邻, 玉见骑士 and 零距梨 are only named there, so they hold
/// the <see cref="BrandBuilder"/> defaults for their owners to fill in (<c>BrandPresets.MaqiaoJinlin.ToBuilder()…</c>).
/// </summary>
public static class BrandPresets
{
    /// <summary>
    /// 有事您找我, piloted by 北苑街道 in three communities served by one property company and to be rolled out to more
    /// communities in 2023: the property company's phone takes everything (<see cref="FirstContactRule.PropertyCompanyTakesEverything"/>,
    /// its hotline the front door); what is not its duty goes to the community, which brings in the subdistrict's
    /// offices, and what they cannot solve goes to district departments by 吹哨报到 (report within 30 minutes); solved
    /// the same day, or the owner is told why the same day (<see cref="ServiceLevelPolicy.Default"/>: no cut-off, so a
    /// request on any day is due that day).
    /// </summary>
    public static Brand YoushiNinZhaoWo { get; } = new BrandBuilder(new BrandId("youshi-ninzhaowo"), "有事您找我")
        .WithDescription("物业电话照单全收；不属于物业职责的第一时间反馈社区，社区协调街道科室，街道处理不了的通过吹哨报到联系区级部门；当天能解决的当天解决，不能解决的当天向业主说明原因。")
        .WithChannels(Channel.PropertyHotline, Channel.Hotline12345, Channel.WalkIn, Channel.ServiceCalendarPhone)
        .WithFirstContact(FirstContactRule.PropertyCompanyTakesEverything)
        .WithServiceLevels(ServiceLevelPolicy.Default)
        .WithEscalationChain(EscalationStep.PropertyCompany, EscalationStep.Community, EscalationStep.StreetLevel, EscalationStep.DistrictDepartment)
        .Build();

    /// <summary>
    /// 户联网, 潞邑街道's model (通瑞嘉苑): every household is on the community's service account, watched 24 hours a day
    /// by party-member building heads, social workers and property staff (<see cref="FirstContactRule.LiaisonNetwork"/>,
    /// the network the front door, no same-day cut-off); what the community cannot solve it calls the subdistrict for
    /// (community then street level); each party member links 5 to 10 households.
    /// </summary>
    public static Brand HuLianWang { get; } = new BrandBuilder(new BrandId("hulianwang"), "户联网")
        .WithDescription("居民接入社区微信服务号，党员楼门长、社工、物业人员24小时值守；社区层面无法解决的呼叫街道；每名党员联系5到10户居民。")
        .WithChannels(Channel.HouseholdNetwork, Channel.Hotline12345, Channel.PropertyHotline, Channel.WalkIn)
        .WithFirstContact(FirstContactRule.LiaisonNetwork)
        .WithServiceLevels(ServiceLevelPolicy.Default)
        .WithEscalationChain(EscalationStep.Community, EscalationStep.StreetLevel)
        .WithLiaison(LiaisonOptions.Default)
        .Build();

    /// <summary>马桥近邻 of 马驹桥镇: named in the article, its rules not described; the <see cref="BrandBuilder"/> defaults, to fill in.</summary>
    public static Brand MaqiaoJinlin { get; } = Named("maqiao-jinlin", "马桥近邻", "马驹桥镇");

    /// <summary>玉见骑士 of 玉桥街道: named in the article, its rules not described; the <see cref="BrandBuilder"/> defaults, to fill in.</summary>
    public static Brand YujianQishi { get; } = Named("yujian-qishi", "玉见骑士", "玉桥街道");

    /// <summary>零距梨 of 梨园镇: named in the article, its rules not described; the <see cref="BrandBuilder"/> defaults, to fill in.</summary>
    public static Brand Lingjuli { get; } = Named("lingjuli", "零距梨", "梨园镇");

    /// <summary>Every preset, in the order above.</summary>
    public static IReadOnlyList<Brand> All { get; } = [YoushiNinZhaoWo, HuLianWang, MaqiaoJinlin, YujianQishi, Lingjuli];

    private static Brand Named(string id, string name, string home) =>
        new BrandBuilder(new BrandId(id), name)
            .WithDescription($"{home}的基层治理品牌；文章只提到名称，规则待填写。")
            .Build();
}
