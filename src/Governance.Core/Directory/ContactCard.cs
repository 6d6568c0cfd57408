using System.Collections.Immutable;
using Governance.Core.Catalogue;
using Governance.Core.Organization;
using Governance.Core.Requests;

namespace Governance.Core.Directory;

/// <summary>
/// A service card (便民卡) for one unit or household: for every category of the catalogue, whom to contact — the handler
/// routing picks there and a named person with a phone, or a hotline. Made by <see cref="ServiceDirectory"/>.
/// </summary>
/// <remarks>
/// The card holds no resident's personal data: for a household it keeps the household's id and the
/// <see cref="Organization.Household"/> object (whose name and phone print masked), never its raw name or phone.
/// </remarks>
public sealed class ContactCard
{
    private readonly CategoryCatalogue _catalogue;

    internal ContactCard(CategoryCatalogue catalogue, Unit unit, Household? household, ImmutableArray<StaffMember> localStaff, ImmutableArray<ContactEntry> entries, ImmutableArray<ContactGroup> groups)
    {
        LocalStaff = localStaff;
        _catalogue = catalogue;
        Unit = unit;
        Household = household;
        Entries = entries;
        Groups = groups;
    }

    /// <summary>The unit the card is for; for a household, its building.</summary>
    public Unit Unit { get; }

    /// <summary>The household the card is for; <see langword="null"/> for a unit's card.</summary>
    public Household? Household { get; }

    /// <summary>The location the card's entries were routed for.</summary>
    public RequestLocation Location => new(Unit.Id, Household?.Id);

    /// <summary>
    /// The people printed at the top of the card, as the article's 便民卡 and 便民服务年历 print the village's and the
    /// township's staff: every staff member (with a phone or not) of the location's own unit and of each unit above
    /// it up to and including its street-level unit, nearest unit first and in chart order within a unit; not the
    /// district's, nor the offices' and departments' (those appear in <see cref="Entries"/> when they handle a category).
    /// </summary>
    public ImmutableArray<StaffMember> LocalStaff { get; }

    /// <summary>One entry per category of the catalogue (the triage category included), in catalogue order.</summary>
    public ImmutableArray<ContactEntry> Entries { get; }

    /// <summary>
    /// The entries grouped by handler: the location's own units up to its community first, then its property company,
    /// its street-level unit, the street-level unit's offices and the district's departments; ties in order of first
    /// appearance in the catalogue.
    /// </summary>
    public ImmutableArray<ContactGroup> Groups { get; }

    /// <summary>
    /// The entry for <paramref name="category"/>: its own, or its nearest defined ancestor's, or — for a code the
    /// catalogue does not know — the triage category's, exactly as the router treats the code.
    /// </summary>
    public ContactEntry EntryFor(CategoryCode category)
    {
        var i = _catalogue.IndexOf(category.Value);
        return Entries[i < 0 ? _catalogue.Triage.Index : i];
    }

    /// <summary>Returns <c>Unit: n entries from m handlers</c>.</summary>
    public override string ToString() => $"{Unit.Name}: {Entries.Length} entries from {Groups.Length} handlers";
}
