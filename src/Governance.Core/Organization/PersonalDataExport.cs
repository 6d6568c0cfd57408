namespace Governance.Core.Organization;

/// <summary>How residents' personal data (names, phone numbers) is written when a chart is exported.</summary>
public enum PersonalDataExport
{
    /// <summary>The default: names and phone numbers are written masked (张*, 138****1234).</summary>
    Masked,

    /// <summary>Names and phone numbers are written raw. Ask for it by name, only where the export is protected.</summary>
    Reveal,
}
