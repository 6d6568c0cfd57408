using System.Collections.Immutable;
using System.Globalization;
using Governance.Core.Liaison;
using Governance.Core.Requests;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Brands;

/// <summary>
/// 一街一社区一品牌: a named, versioned preset of how a unit works — the channels it takes requests on, who is the
/// first contact, its service levels (the same-day rule, resolution limits, the whistle report limit), its escalation
/// chain and its liaison bounds. A unit adopts a brand in a <see cref="BrandRegistry"/>, and units below it work the
/// same way unless they adopt their own. Immutable and safe to share; build one with <see cref="BrandBuilder"/>,
/// start from <see cref="BrandPresets"/>, or read one with <see cref="BrandJson"/>.
/// </summary>
/// <remarks>
/// A brand is identified by <see cref="Id"/> and <see cref="Version"/>: changing a setting makes a new version
/// (<see cref="ToBuilder"/> starts the next one), so a unit that adopted version 1 keeps working as version 1 said
/// until the new version is rolled out to it.
/// </remarks>
public sealed class Brand
{
    internal Brand(
        BrandId id, string name, int version, string description, ImmutableArray<Channel> channels, FirstContactRule firstContact,
        ServiceLevelPolicy serviceLevels, ImmutableArray<EscalationStep> escalationChain, LiaisonOptions liaison)
    {
        Id = id;
        Name = name;
        Version = version;
        Description = description;
        Channels = channels;
        FirstContact = firstContact;
        ServiceLevels = serviceLevels;
        EscalationChain = escalationChain;
        Liaison = liaison;
    }

    /// <summary>The brand's id, the same for all its versions.</summary>
    public BrandId Id { get; }

    /// <summary>The name residents know it by, for example 有事您找我.</summary>
    public string Name { get; }

    /// <summary>The version, from 1; a new version of a brand is a new <see cref="Brand"/> with the same id.</summary>
    public int Version { get; }

    /// <summary>What the brand promises, in words; may be empty.</summary>
    public string Description { get; }

    /// <summary>
    /// The channels the unit takes requests on, at least one and each once. The first is the brand's front door (the
    /// number or account on its posters); the <see cref="FirstContact"/> rule's channel is always among them.
    /// </summary>
    public ImmutableArray<Channel> Channels { get; }

    /// <summary>Who is the resident's first contact and owns the reply.</summary>
    public FirstContactRule FirstContact { get; }

    /// <summary>
    /// The service levels requests about the unit follow: same-day deadline and cut-off, resolution limits by class,
    /// warning fraction and the whistle report limit (<see cref="WhistleReportLimit"/>).
    /// </summary>
    public ServiceLevelPolicy ServiceLevels { get; }

    /// <summary>How long a district department summoned by a whistle has to report: <see cref="ServiceLevels"/>'s limit.</summary>
    public Duration WhistleReportLimit => ServiceLevels.WhistleReportLimit;

    /// <summary>
    /// The kinds of body a request goes up through, strictly upwards and at least one; a request escalated past the
    /// last step has nowhere further to go under this brand. A chain that ends before
    /// <see cref="EscalationStep.DistrictDepartment"/> does not blow whistles.
    /// </summary>
    public ImmutableArray<EscalationStep> EscalationChain { get; }

    /// <summary>True when the chain reaches district departments (吹哨报到).</summary>
    public bool BlowsWhistles => EscalationChain.Contains(EscalationStep.DistrictDepartment);

    /// <summary>The bounds of 党员联户: households per liaison and what a link costs; validated.</summary>
    public LiaisonOptions Liaison { get; }

    /// <summary>The channel <paramref name="rule"/> promises: <see cref="Channel.PropertyHotline"/>, <see cref="Channel.HouseholdNetwork"/>, or none.</summary>
    public static Channel? ChannelOf(FirstContactRule rule) => rule switch
    {
        FirstContactRule.PropertyCompanyTakesEverything => Channel.PropertyHotline,
        FirstContactRule.LiaisonNetwork => Channel.HouseholdNetwork,
        _ => null,
    };

    /// <summary>
    /// The settings in which this brand differs from <paramref name="before"/> (or every setting, when
    /// <paramref name="before"/> is null), in <see cref="BrandSetting"/> order, each described before and after. Names,
    /// ids, versions and descriptions are not settings. Service levels are equal when their calendars are the same
    /// object and their policy files (<see cref="ServiceLevelPolicyJson.Serialize"/>) are equal.
    /// </summary>
    public ImmutableArray<BrandSettingChange> DifferencesFrom(Brand? before)
    {
        var changes = ImmutableArray.CreateBuilder<BrandSettingChange>();
        foreach (var setting in Enum.GetValues<BrandSetting>())
        {
            var after = Describe(setting);
            if (before is null)
            {
                changes.Add(new BrandSettingChange(setting, string.Empty, after));
                continue;
            }

            var same = setting switch
            {
                BrandSetting.Channels => Channels.SequenceEqual(before.Channels),
                BrandSetting.FirstContact => FirstContact == before.FirstContact,
                BrandSetting.ServiceLevels => SameServiceLevels(ServiceLevels, before.ServiceLevels),
                BrandSetting.EscalationChain => EscalationChain.SequenceEqual(before.EscalationChain),
                _ => Liaison == before.Liaison,
            };
            if (!same)
            {
                changes.Add(new BrandSettingChange(setting, before.Describe(setting), after));
            }
        }

        return changes.ToImmutable();
    }

    /// <summary>True when both brands have the same id, version, name, description and settings.</summary>
    public bool IsSameAs(Brand other)
    {
        Preconditions.CheckNotNull(other);
        return ReferenceEquals(this, other) || (Id == other.Id && Version == other.Version && Name == other.Name
            && Description == other.Description && DifferencesFrom(other).IsEmpty);
    }

    /// <summary>
    /// A builder holding this brand's name and settings and the next version (<see cref="Version"/> + 1), to derive the
    /// brand's next version; <see cref="BrandBuilder.WithVersion"/> sets another.
    /// </summary>
    public BrandBuilder ToBuilder() => new(this);

    /// <summary>Describes one setting in words, as <see cref="BrandSettingChange"/> shows it.</summary>
    public string Describe(BrandSetting setting) => setting switch
    {
        BrandSetting.Channels => string.Join(", ", Channels),
        BrandSetting.FirstContact => FirstContact.ToString(),
        BrandSetting.ServiceLevels => DescribeServiceLevels(ServiceLevels),
        BrandSetting.EscalationChain => string.Join(" → ", EscalationChain),
        BrandSetting.Liaison => DescribeLiaison(Liaison),
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting, "Not a defined brand setting."),
    };

    /// <summary>Returns <c>Name (Id v Version)</c>, for example <c>有事您找我 (youshi-ninzhaowo v1)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Id} v{Version})");

    private static bool SameServiceLevels(ServiceLevelPolicy a, ServiceLevelPolicy b) =>
        ReferenceEquals(a, b) || (ReferenceEquals(a.Calendar, b.Calendar) && ServiceLevelPolicyJson.Serialize(a) == ServiceLevelPolicyJson.Serialize(b));

    private static string DescribeServiceLevels(ServiceLevelPolicy policy)
    {
        var cutoff = policy.SameDayCutoff is { } c ? $"same day until {c.ToString("HH:mm", CultureInfo.InvariantCulture)}" : "same day, no cut-off";
        var limits = string.Join(", ", Enum.GetValues<CategoryClass>().Select(k => $"{k} {policy.LimitFor(k)}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{cutoff}; warning at {policy.WarningFraction:0.##}; whistle report within {policy.WhistleReportLimit.TotalMinutes:0.##} min; {limits}; {policy.Calendar.Zone.Id}");
    }

    private static string DescribeLiaison(LiaisonOptions o) => string.Create(CultureInfo.InvariantCulture,
        $"{o.MinHouseholds}–{o.MaxHouseholds} households; link costs {o.SameBuildingCost}/{o.SameGridCost}/{o.SameCommunityCost}/{o.AcrossCommunitiesCost}; {(o.AllowAcrossCommunities ? "across communities" : "within communities")}");
}
