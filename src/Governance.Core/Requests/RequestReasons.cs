namespace Governance.Core.Requests;

/// <summary>满意度: what the resident says on the call-back.</summary>
public enum Satisfaction
{
    /// <summary>满意.</summary>
    Satisfied,

    /// <summary>基本满意: counts towards the satisfaction rate with a weight (0.9 by default in the rates).</summary>
    PartlySatisfied,

    /// <summary>不满意.</summary>
    Dissatisfied,
}

/// <summary>Why a handler waits on the resident.</summary>
public enum PauseReason
{
    /// <summary>The resident cannot be reached.</summary>
    ResidentUnreachable,

    /// <summary>The handler asked the resident for more information.</summary>
    AwaitingInformation,
}

/// <summary>Why a request is rejected; the resident is told in every case.</summary>
public enum RejectionReason
{
    /// <summary>A malicious or abusive request.</summary>
    Malicious,

    /// <summary>The same matter is already being handled.</summary>
    Duplicate,

    /// <summary>Not something grassroots governance can act on.</summary>
    OutOfScope,
}

/// <summary>The deadlines a request can pass.</summary>
public enum DeadlineKind
{
    /// <summary>The warning point of the resolution limit.</summary>
    Warning,

    /// <summary>The end of the local day of receipt: by then resolved or explained.</summary>
    SameDay,

    /// <summary>The resolution limit of the request's category class.</summary>
    Resolution,
}
