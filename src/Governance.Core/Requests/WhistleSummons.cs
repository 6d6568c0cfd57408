using Governance.Core.Organization;
using NodaTime;

namespace Governance.Core.Requests;

/// <summary>One department summoned to a request by a whistle (吹哨), and how its report (报到) went.</summary>
/// <param name="Department">The department summoned.</param>
/// <param name="SummonedAt">When.</param>
/// <param name="ReportBy">When its report was due.</param>
/// <param name="ReportedAt">When it reported, if it has.</param>
/// <param name="Missed">True once its miss was recorded (it may still report, late).</param>
public readonly record struct WhistleSummons(DistrictDepartmentId Department, Instant SummonedAt, Instant ReportBy, Instant? ReportedAt, bool Missed)
{
    /// <summary>True when it reported after <see cref="ReportBy"/>.</summary>
    public bool ReportedLate => ReportedAt is { } at && at > ReportBy;
}
