using System.Text.Json.Nodes;

namespace Governance.Samples.Tongzhou.Reporting;

// The report of a simulated run, as printed and as written by --report. The JSON field names are the camelCase names
// of these properties; they are documented in the README ("The simulation report") and are a contract: rename none.

/// <summary>The whole report: what was run, the district's totals, each street-level unit, and what stood out.</summary>
public sealed record SimulationReport(
    int FormatVersion,
    RunDescription Run,
    UnitReport District,
    IReadOnlyList<UnitReport> StreetLevelUnits,
    IReadOnlyList<ChannelCount> Channels,
    IReadOnlyList<DepartmentReport> Departments,
    HotspotSummary Hotspots,
    LedgerSummary Ledger,
    IReadOnlyList<BrandReport> Brands,
    ProjectsReport Projects,
    SimulationCounters Simulation);

/// <summary>What was run: the options that decide the outcome (not where it was stored) and the policy in full.</summary>
public sealed record RunDescription(long Seed, int Days, int RequestsPerDay, string Start, int HotspotScale, string AsOf, JsonNode? Policy);

/// <summary>The figures of one unit's subtree (the district, or a subdistrict, town or township).</summary>
public sealed record UnitReport(
    string Id,
    string Name,
    string Kind,
    long Received,
    long Closed,
    long Open,
    long OpenWithoutOwner,
    long OpenWithoutHandler,
    long Rejected,
    double? ResponseRate,
    double? ResolutionRate,
    double? SatisfactionRate,
    double? CompositeScore,
    double? SameDayRate,
    double? MedianHoursToResolve,
    long Escalations,
    long Whistles,
    long ReportsLate,
    long ReportsMissed,
    long Reopens,
    MissedDeadlines MissedDeadlines,
    LiaisonCoverage Liaison,
    int Hotspots,
    int LedgerProposals,
    IReadOnlyList<string> Brands);

/// <summary>Deadlines recorded as missed, by kind.</summary>
public sealed record MissedDeadlines(long Warning, long SameDay, long Resolution);

/// <summary>党员联户 coverage of the unit's households.</summary>
public sealed record LiaisonCoverage(int Households, int Covered, double CoverageRate, int PartyMembers, int MembersBelowMin, int MembersNeeded);

/// <summary>Requests received through one channel.</summary>
public sealed record ChannelCount(string Channel, long Received);

/// <summary>A district department's answers to whistles (吹哨报到).</summary>
public sealed record DepartmentReport(string Id, string Name, long Summoned, long Reported, long ReportedLate, long ReportsMissed);

/// <summary>The hotspots as of the end of the run: how many, and the largest.</summary>
public sealed record HotspotSummary(int Found, IReadOnlyList<HotspotReport> Top);

/// <summary>One hotspot.</summary>
public sealed record HotspotReport(
    string Kind, string Unit, string UnitName, string Level, string StreetLevelUnit, string Category, long Count, double Threshold,
    string WindowStart, string WindowEnd);

/// <summary>The proactive ledger items (未诉先办) proposed from each day's hotspots.</summary>
public sealed record LedgerSummary(int Proposed, int Urgent, int Difficult, int Worrying, int LongedFor);

/// <summary>What the simulated people did: commands sent to the desk, and those it refused.</summary>
public sealed record SimulationCounters(long Commands, long Refused, long DeskOpen);

/// <summary>
/// One brand version (一街一社区一品牌) and the figures of the requests received under it; the last entry, with a null
/// id, holds the requests received where no brand was in force (the policy's serviceLevels).
/// </summary>
public sealed record BrandReport(
    string? Id,
    string Name,
    int? Version,
    string? FirstContact,
    string? FrontDoor,
    IReadOnlyList<BrandAdoptionReport> Adoptions,
    long Received,
    long Closed,
    double? ResponseRate,
    double? ResolutionRate,
    double? SatisfactionRate,
    double? CompositeScore,
    double? SameDayRate);

/// <summary>One unit's own adoption of a brand: from when, and the street-level unit it is in.</summary>
public sealed record BrandAdoptionReport(string Unit, string UnitName, string StreetLevelUnit, string From);

/// <summary>
/// The micro-project library (微民生微服务项目库) at the end of the run: the year's progress towards its target, by theme
/// and street-level unit, the money, and where every project stands.
/// </summary>
public sealed record ProjectsReport(
    int Year,
    int Target,
    int Completed,
    int ExpectedByNow,
    bool OnTrack,
    int CarriedIn,
    int Proposed,
    int AnsweringLedgerItems,
    int AnsweringHotspots,
    IReadOnlyList<ThemeProgress> ByTheme,
    IReadOnlyList<StreetProjects> ByStreetLevelUnit,
    IReadOnlyList<StatusCount> Pipeline,
    decimal Spent,
    IReadOnlyList<FundingAmount> FundedBy);

/// <summary>One theme's projects: proposed during the run, and completed in the year.</summary>
public sealed record ThemeProgress(string Theme, int Proposed, int Completed);

/// <summary>One street-level unit's projects: proposed during the run, and completed in the year.</summary>
public sealed record StreetProjects(string Unit, string Name, int Proposed, int Completed);

/// <summary>How many of the library's projects are in a status.</summary>
public sealed record StatusCount(string Status, int Projects);

/// <summary>What the year's completed projects took from one source, in yuan.</summary>
public sealed record FundingAmount(string Source, decimal Amount);
