using Governance.Core.Catalogue;
using Governance.Core.Organization;
using Governance.Core.Time;

namespace Governance.Core.Routing;

/// <summary>
/// Where a request goes on receipt: its owner (the first contact, who owes the resident an answer until it is closed,
/// 首接负责) and its first handler (the nearest agency up the tree with the category's duty).
/// </summary>
/// <param name="Owner">The first contact; never changes.</param>
/// <param name="Handler">Who works on it first; may equal <paramref name="Owner"/>.</param>
/// <param name="Category">The category routed on: the submitted one, or the catalogue's triage category when the submitted one is unknown.</param>
/// <param name="CategoryClass">The class that sets its resolution limit, from the catalogue.</param>
/// <param name="IsTriage">True when no rule matched and the street-level unit triages it: nothing is dropped.</param>
public readonly record struct RoutingDecision(Agency Owner, Agency Handler, CategoryCode Category, CategoryClass CategoryClass, bool IsTriage);
