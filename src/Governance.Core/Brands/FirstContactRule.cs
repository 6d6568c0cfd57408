using Governance.Core.Requests;

namespace Governance.Core.Brands;

/// <summary>
/// Who a brand makes the resident's first contact, the one who owns the reply (首接负责, 照单全收). Each rule names the
/// channel whose owner rule in <see cref="Routing.Router"/> it promises, and a brand with the rule must take requests
/// on that channel (see <see cref="Brand.Channels"/>).
/// </summary>
public enum FirstContactRule
{
    /// <summary>
    /// Whoever hears the request owns it, on whichever channel it arrives: the router's rule per channel, with no
    /// channel singled out. Needs no particular channel.
    /// </summary>
    WhoeverHears,

    /// <summary>
    /// 有事您找我: the property company's phone takes everything (<see cref="Channel.PropertyHotline"/>). What is not
    /// its duty it passes to the community, and on up, but the company still owes the resident the answer.
    /// </summary>
    PropertyCompanyTakesEverything,

    /// <summary>
    /// 户联网: the household network (<see cref="Channel.HouseholdNetwork"/>), watched around the clock by building
    /// heads, social workers and property staff; the community of the household's liaison owns the request.
    /// </summary>
    LiaisonNetwork,
}
