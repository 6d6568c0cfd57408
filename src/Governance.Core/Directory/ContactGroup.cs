using System.Collections.Immutable;
using Governance.Core.Organization;

namespace Governance.Core.Directory;

/// <summary>The entries of a <see cref="ContactCard"/> that one handler answers for, in catalogue order.</summary>
public sealed class ContactGroup
{
    internal ContactGroup(Agency handler, string handlerName, ImmutableArray<ContactEntry> entries)
    {
        Handler = handler;
        HandlerName = handlerName;
        Entries = entries;
    }

    /// <summary>The handler every entry of the group names.</summary>
    public Agency Handler { get; }

    /// <summary>The handler's name in the chart.</summary>
    public string HandlerName { get; }

    /// <summary>The group's entries, in catalogue order; never empty.</summary>
    public ImmutableArray<ContactEntry> Entries { get; }

    /// <summary>Returns <c>HandlerName (n categories)</c>.</summary>
    public override string ToString() => $"{HandlerName} ({Entries.Length} categories)";
}
