namespace Governance.Core.Requests;

/// <summary>
/// The one exception for a command a request refuses: the lifecycle does not permit it in the request's status, or
/// a rule forbids it (the wrong agency, a missing reason, time going backwards). The message names the request, its
/// status and the command. When it is thrown the request is unchanged.
/// </summary>
public sealed class RequestCommandException : InvalidOperationException
{
    internal RequestCommandException(RequestId requestId, RequestStatus status, RequestTrigger trigger, string problem)
        : base($"Request {requestId} ({status}) refuses {trigger}: {problem}")
    {
        RequestId = requestId;
        Status = status;
        Trigger = trigger;
        Problem = problem;
    }

    /// <summary>The request that refused.</summary>
    public RequestId RequestId { get; }

    /// <summary>Its status when it refused.</summary>
    public RequestStatus Status { get; }

    /// <summary>The trigger of the refused command.</summary>
    public RequestTrigger Trigger { get; }

    /// <summary>Why, in words: for example "the lifecycle permits nothing in Closed".</summary>
    public string Problem { get; }
}
