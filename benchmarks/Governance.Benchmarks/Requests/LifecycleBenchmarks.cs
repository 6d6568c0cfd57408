using BenchmarkDotNet.Attributes;
using Governance.Core.Catalogue;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Benchmarks.Requests;

/// <summary>
/// The full lifecycle of one request — receive (deadlines set), accept, resolve, call back (closed) — through
/// <see cref="Request"/>, against the baseline that builds a Stateless machine per request and fires it for each
/// step while recording the same events. Target: at least 10× faster.
/// </summary>
[MemoryDiagnoser]
public class LifecycleBenchmarks
{
    private static readonly Agency Community = Agency.Unit(new UnitId("luyi-tongruijiayuan"));
    private static readonly Agency Company = Agency.PropertyCompany(new PropertyCompanyId("luyi-tongruijiayuan-wuye"));
    private static readonly Instant Receipt = Instant.FromUtc(2023, 3, 1, 2, 0);

    private readonly ServiceLevelPolicy _policy = ServiceLevelPolicy.Default;
    private readonly RequestSubmission _submission = new(new RequestId("r-1"), Channel.HouseholdNetwork, new CategoryCode("物业/电梯/故障"),
        CategoryClass.Emergency, new RequestLocation(new UnitId("b1"), new HouseholdId("h1")), ResidentContact.None, "单元电梯坏了");

    [Benchmark(Baseline = true, Description = "Stateless machine per request")]
    public int StatelessMachinePerRequest()
    {
        var request = new StatelessPerRequest(_submission, Community, Company, Receipt, _policy);
        request.Execute(new RequestAccepted(_submission.Id, Receipt + Duration.FromMinutes(2), Company));
        request.Execute(new RequestResolved(_submission.Id, Receipt + Duration.FromMinutes(55), Company, "修好了"));
        request.Execute(new RequestCalledBack(_submission.Id, Receipt + Duration.FromHours(3), Community, Satisfaction.Satisfied, string.Empty));
        return request.Events + (int)request.Status;
    }

    [Benchmark(Description = "Request (compiled table)")]
    public int RequestWithCompiledTable()
    {
        var request = Request.Receive(_submission, Community, Company, Receipt, _policy);
        request.Execute(new AcceptRequest(Company, Receipt + Duration.FromMinutes(2)));
        request.Execute(new ResolveRequest(Company, Receipt + Duration.FromMinutes(55), "修好了"));
        request.Execute(new CallBackResident(Community, Receipt + Duration.FromHours(3), Satisfaction.Satisfied, string.Empty));
        return request.History.Count + (int)request.Status;
    }
}
