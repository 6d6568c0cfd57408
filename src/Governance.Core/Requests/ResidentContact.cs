namespace Governance.Core.Requests;

/// <summary>
/// How to reach the resident who asked: personal data, masked in <see cref="ToString"/> and logs. Either part may be
/// missing (an anonymous report, a proactive request).
/// </summary>
/// <param name="Name">The resident's name, when given.</param>
/// <param name="Phone">The resident's phone, when given.</param>
public readonly record struct ResidentContact(PersonName? Name = null, PhoneNumber? Phone = null)
{
    /// <summary>No contact details: an anonymous or proactive request.</summary>
    public static ResidentContact None => default;

    /// <summary>Returns the masked name and phone, never the raw values.</summary>
    public override string ToString() => $"{Name?.Masked ?? "-"} {Phone?.Masked ?? "-"}";
}
