namespace Governance.Core.Ledger;

/// <summary>急难愁盼: the four classes of residents' pressing concerns that the ledger records.</summary>
public enum ConcernClass
{
    /// <summary>急: urgent; something that cannot wait (a broken water main, an unsafe stairwell).</summary>
    Urgent,

    /// <summary>难: difficult; needs several agencies or money the unit does not have alone.</summary>
    Difficult,

    /// <summary>愁: worrying; a lasting worry of residents (elderly care, parking, children's safety).</summary>
    Worrying,

    /// <summary>盼: longed-for; something residents hope for (a new facility, a better service).</summary>
    LongedFor,
}
