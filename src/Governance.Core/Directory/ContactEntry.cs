using System.Collections.Immutable;
using Governance.Core.Catalogue;
using Governance.Core.Organization;

namespace Governance.Core.Directory;

/// <summary>
/// One line of a service card (便民卡): for a category, the agency that routing makes its handler at the card's
/// location and whom there to call. Staff names and work phones are the public contacts printed on the card, so they
/// are plain text here, as in <see cref="StaffMember"/>; residents' data never appears in an entry.
/// </summary>
public sealed class ContactEntry
{
    internal ContactEntry(CategoryDefinition category, Agency handler, string handlerName, ContactSource source, StaffMember? staff, string name, string role, string phone)
    {
        Category = category.Code;
        CategoryName = category.Name;
        Handler = handler;
        HandlerName = handlerName;
        Source = source;
        Staff = staff?.Id;
        Name = name;
        Role = role;
        Phone = phone;
        Duties = staff?.Duties ?? [];
    }

    /// <summary>The category's code in the router's catalogue.</summary>
    public CategoryCode Category { get; }

    /// <summary>The category's name, as residents read it.</summary>
    public string CategoryName { get; }

    /// <summary>The handler that <see cref="Routing.Router.Route"/> picks for the category at the card's location.</summary>
    public Agency Handler { get; }

    /// <summary>The handler's name in the chart (a unit's, company's, office's or department's name).</summary>
    public string HandlerName { get; }

    /// <summary>Where <see cref="Name"/> and <see cref="Phone"/> come from.</summary>
    public ContactSource Source { get; }

    /// <summary>The staff member to call; <see langword="null"/> when the entry is a hotline.</summary>
    public StaffId? Staff { get; }

    /// <summary>The staff member's name, or the hotline's name (the company's name, or 12345市民服务热线).</summary>
    public string Name { get; }

    /// <summary>The staff member's role; 服务热线 for a hotline; may be empty.</summary>
    public string Role { get; }

    /// <summary>The public work phone or hotline, unmasked (it is printed on the card); never empty.</summary>
    public string Phone { get; }

    /// <summary>What the staff member answers for, as the chart lists it; empty for a hotline.</summary>
    public ImmutableArray<string> Duties { get; }

    /// <summary>Returns <c>CategoryName: HandlerName Name Phone</c>.</summary>
    public override string ToString() => $"{CategoryName}: {HandlerName} {Name} {Phone}";
}
