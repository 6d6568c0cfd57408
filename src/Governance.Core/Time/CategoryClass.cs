namespace Governance.Core.Time;

/// <summary>
/// How urgent a request's category is, which decides its resolution limit (<see cref="ServiceLevelPolicy.LimitFor"/>).
/// Every category in the catalogue belongs to exactly one class.
/// </summary>
public enum CategoryClass
{
    /// <summary>
    /// A danger to people or property that cannot wait for office hours: a trapped lift, a gas smell, a burst main.
    /// Default limit 2 hours of calendar time.
    /// </summary>
    Emergency,

    /// <summary>
    /// Loss of water, power, gas or heating, which residents live without around the clock.
    /// Default limit 24 hours of calendar time.
    /// </summary>
    Utilities,

    /// <summary>An everyday request handled by a desk in office hours. Default limit 7 working days.</summary>
    Ordinary,

    /// <summary>
    /// A request that needs several departments or a site visit (a dispute between neighbours, a building defect).
    /// Default limit 15 working days.
    /// </summary>
    Complex,
}
