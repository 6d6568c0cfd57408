using Governance.Core.Catalogue;
using Governance.Core.Insights;
using Governance.Core.Organization;
using NodaTime;

namespace Governance.Core.Projects;

/// <summary>Identifies a project of the micro-project library (微民生微服务项目库); compared ordinally.</summary>
/// <param name="Value">The id text, for example <c>2023-beiyuan-007</c>.</param>
public readonly record struct MicroProjectId(string Value)
{
    /// <summary>Returns the id text.</summary>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>The themes of the renewal project list (更新项目清单) the article names.</summary>
public enum ProjectTheme
{
    /// <summary>邻里和谐: neighbourly harmony — neighbourhood rooms (邻里微空间), community micro-centres.</summary>
    NeighbourlyHarmony,

    /// <summary>文化创意: culture — a community concert hall (社区音乐厅), reading corners.</summary>
    Culture,

    /// <summary>运动健康: sport and health — community sports corners (社区运动角).</summary>
    SportAndHealth,

    /// <summary>绿色生态: green — pocket parks (口袋公园), greening.</summary>
    Green,
}

/// <summary>Where a project's money comes from (拓宽基层治理多元资金支持渠道).</summary>
public enum FundingSource
{
    /// <summary>城市副中心社区基金会: the sub-centre's community foundation.</summary>
    CommunityFoundation,

    /// <summary>社区基金: a community's own fund, piloted under the foundation.</summary>
    CommunityFund,

    /// <summary>街道（乡镇）经费: the street-level unit's budget.</summary>
    StreetLevelBudget,

    /// <summary>区级财政: the district's budget.</summary>
    DistrictBudget,

    /// <summary>物业公司: the property company.</summary>
    PropertyCompany,

    /// <summary>居民自筹: residents' own contributions.</summary>
    Residents,

    /// <summary>社会捐赠: donations from companies and others.</summary>
    Donation,
}

/// <summary>One source's share of a project's cost, in yuan (at most two decimal places, 分).</summary>
/// <param name="Source">Where it comes from.</param>
/// <param name="Amount">How much, in yuan; more than zero.</param>
public readonly record struct Funding(FundingSource Source, decimal Amount)
{
    /// <summary>Returns <c>Source ¥Amount</c>.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Source} ¥{Amount:0.00}");
}

/// <summary>
/// Refers to a hotspot a project answers (未诉先办: a recurring, rising or seasonal cluster of requests found by
/// <see cref="RequestHotspots"/>): its kind, unit, category and window, which together identify it.
/// </summary>
/// <param name="Kind">The pattern.</param>
/// <param name="Unit">The building, grid or community.</param>
/// <param name="Category">The category, as the hotspot cut it.</param>
/// <param name="WindowStart">The first local date of its window, inclusive.</param>
/// <param name="WindowEnd">The last local date of its window, inclusive.</param>
public readonly record struct HotspotRef(HotspotKind Kind, UnitId Unit, CategoryCode Category, LocalDate WindowStart, LocalDate WindowEnd)
{
    /// <summary>The reference to <paramref name="hotspot"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="hotspot"/> is null.</exception>
    public static HotspotRef Of(Hotspot hotspot)
    {
        Preconditions.CheckNotNull(hotspot);
        return new(hotspot.Kind, hotspot.Unit, hotspot.Category, hotspot.Window.Start, hotspot.Window.End);
    }

    /// <summary>Returns <c>Kind Unit Category Start..End</c>.</summary>
    public override string ToString() => $"{Kind} {Unit} {Category} {WindowStart:yyyy-MM-dd}..{WindowEnd:yyyy-MM-dd}";
}

/// <summary>Where a micro-project stands (declared in <see cref="MicroProjectLifecycle"/>).</summary>
public enum MicroProjectStatus
{
    /// <summary>The superstate of every status before completion (proposed, approved, funded, in progress); a project is never in it itself.</summary>
    Active,

    /// <summary>申报: proposed for the library, with a theme, a place and a cost.</summary>
    Proposed,

    /// <summary>立项: approved into the year's library.</summary>
    Approved,

    /// <summary>Its whole cost is funded, by one or several sources.</summary>
    Funded,

    /// <summary>实施: work has started.</summary>
    InProgress,

    /// <summary>完工: finished; counts towards the yearly target of the year it was completed.</summary>
    Completed,

    /// <summary>评议: residents evaluated it. Terminal.</summary>
    Evaluated,

    /// <summary>Not approved, with a reason. Terminal.</summary>
    Rejected,

    /// <summary>Withdrawn before completion, with a reason. Terminal.</summary>
    Withdrawn,
}

/// <summary>What can happen to a micro-project after it is proposed; each command fires one trigger (see <see cref="MicroProjectLifecycle"/>).</summary>
public enum MicroProjectTrigger
{
    /// <summary>Approved into the library.</summary>
    Approve,

    /// <summary>Not approved.</summary>
    Reject,

    /// <summary>The funding plan is set: sources summing exactly to the cost.</summary>
    Fund,

    /// <summary>Work starts.</summary>
    Start,

    /// <summary>Progress is noted.</summary>
    NoteProgress,

    /// <summary>Work is finished, with the outcome and the actual cost.</summary>
    Complete,

    /// <summary>Residents evaluate the finished project.</summary>
    Evaluate,

    /// <summary>Withdrawn before completion.</summary>
    Withdraw,

    /// <summary>The project is linked to a ledger item (急难愁盼台账) it answers.</summary>
    AnswerLedgerItem,

    /// <summary>The project is linked to a hotspot it answers.</summary>
    AnswerHotspot,
}
