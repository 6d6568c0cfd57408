namespace Governance.Core.Requests;

/// <summary>渠道: how a request reached the first person who heard it.</summary>
public enum Channel
{
    /// <summary>The property company's phone (物业电话), which under 有事您找我 takes everything.</summary>
    PropertyHotline,

    /// <summary>The household network (户联网): the community's service account, watched around the clock.</summary>
    HouseholdNetwork,

    /// <summary>A 12345 hotline work order (工单), dispatched with its external ticket number.</summary>
    Hotline12345,

    /// <summary>Scanning a QR code on the spot to report (扫码即诉).</summary>
    QrScan,

    /// <summary>A phone number from the service card or calendar (便民卡 / 便民服务年历).</summary>
    ServiceCalendarPhone,

    /// <summary>In person at a committee or office.</summary>
    WalkIn,

    /// <summary>Raised by staff before anyone complains (未诉先办).</summary>
    Proactive,
}
