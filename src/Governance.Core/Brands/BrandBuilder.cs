using System.Collections.Immutable;
using Governance.Core.Liaison;
using Governance.Core.Requests;
using Governance.Core.Time;

namespace Governance.Core.Brands;

/// <summary>
/// Builds an immutable <see cref="Brand"/>. A new builder holds version 1, an empty description, the channels
/// <see cref="Channel.Hotline12345"/>, <see cref="Channel.WalkIn"/> and <see cref="Channel.ServiceCalendarPhone"/>,
/// <see cref="FirstContactRule.WhoeverHears"/>, <see cref="ServiceLevelPolicy.Default"/>, the chain community → street
/// level → district department, and <see cref="LiaisonOptions.Default"/>. <see cref="Build"/> checks every rule and
/// reports every problem at once; a builder builds once, and afterwards every method throws
/// <see cref="InvalidOperationException"/>.
/// </summary>
/// <remarks>
/// The rules: the id is 1–128 characters without white space; the name is not blank and at most 64 characters; the
/// version is 1 to 1,000,000; there is at least one channel, each defined and listed once; the first-contact rule is
/// defined and its channel (<see cref="Brand.ChannelOf"/>) is among the channels; the escalation chain has at least
/// one step, each defined, strictly upwards; the liaison options pass their own checks (<see cref="LiaisonOptions"/>).
/// </remarks>
public sealed class BrandBuilder
{
    private readonly BrandId _id;
    private readonly string _name;
    private int _version = 1;
    private string _description = string.Empty;
    private ImmutableArray<Channel> _channels = [Channel.Hotline12345, Channel.WalkIn, Channel.ServiceCalendarPhone];
    private FirstContactRule _firstContact = FirstContactRule.WhoeverHears;
    private ServiceLevelPolicy _serviceLevels = ServiceLevelPolicy.Default;
    private ImmutableArray<EscalationStep> _chain = [EscalationStep.Community, EscalationStep.StreetLevel, EscalationStep.DistrictDepartment];
    private LiaisonOptions _liaison = LiaisonOptions.Default;
    private bool _built;

    /// <summary>Starts a brand called <paramref name="name"/> with the defaults described on <see cref="BrandBuilder"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public BrandBuilder(BrandId id, string name)
    {
        _id = id;
        _name = Preconditions.CheckNotNull(name);
    }

    internal BrandBuilder(Brand brand)
        : this(brand.Id, brand.Name)
    {
        _version = brand.Version + 1;
        _description = brand.Description;
        _channels = brand.Channels;
        _firstContact = brand.FirstContact;
        _serviceLevels = brand.ServiceLevels;
        _chain = brand.EscalationChain;
        _liaison = brand.Liaison;
    }

    /// <summary>Sets the version (default 1, or the next one for <see cref="Brand.ToBuilder"/>).</summary>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public BrandBuilder WithVersion(int version) => Set(() => _version = version);

    /// <summary>Sets what the brand promises, in words.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="description"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public BrandBuilder WithDescription(string description)
    {
        Preconditions.CheckNotNull(description);
        return Set(() => _description = description);
    }

    /// <summary>Sets the channels, the front door first (see <see cref="Brand.Channels"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="channels"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public BrandBuilder WithChannels(params IEnumerable<Channel> channels)
    {
        var list = Preconditions.CheckNotNull(channels).ToImmutableArray();
        return Set(() => _channels = list);
    }

    /// <summary>Sets who is the first contact.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public BrandBuilder WithFirstContact(FirstContactRule rule) => Set(() => _firstContact = rule);

    /// <summary>Sets the service levels (which include the whistle report limit).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public BrandBuilder WithServiceLevels(ServiceLevelPolicy policy)
    {
        Preconditions.CheckNotNull(policy);
        return Set(() => _serviceLevels = policy);
    }

    /// <summary>Sets the escalation chain, lowest step first.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="chain"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public BrandBuilder WithEscalationChain(params IEnumerable<EscalationStep> chain)
    {
        var list = Preconditions.CheckNotNull(chain).ToImmutableArray();
        return Set(() => _chain = list);
    }

    /// <summary>Sets the bounds of 党员联户.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public BrandBuilder WithLiaison(LiaisonOptions options)
    {
        Preconditions.CheckNotNull(options);
        return Set(() => _liaison = options);
    }

    /// <summary>Checks every rule (see the remarks) and builds the brand. The builder cannot be used afterwards.</summary>
    /// <exception cref="DataValidationException">A rule is broken; each error names the builder call (<c>WithChannels</c>) and the brand's id.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has already been called.</exception>
    public Brand Build()
    {
        CheckNotBuilt();
        var errors = Problems(_id, _name, _version, _channels, _firstContact, _chain, _liaison)
            .Select(p => new DataError(p.Setting switch
            {
                "id" => "new BrandBuilder(id)",
                "name" => "new BrandBuilder(name)",
                _ => "With" + char.ToUpperInvariant(p.Setting[0]) + p.Setting[1..],
            }, _id.Value, p.Message))
            .ToList();
        if (errors.Count > 0)
        {
            throw new DataValidationException($"brand {_id}", errors);
        }

        _built = true;
        return new Brand(_id, _name, _version, _description, _channels, _firstContact, _serviceLevels, _chain, _liaison);
    }

    /// <summary>
    /// Every broken rule, as (the setting's JSON name, the message): <c>id</c>, <c>name</c>, <c>version</c>,
    /// <c>channels</c>, <c>firstContact</c>, <c>escalationChain</c>, <c>liaison</c> (the JSON reader maps these to paths).
    /// </summary>
    internal static IEnumerable<(string Setting, string Message)> Problems(
        BrandId id, string name, int version, ImmutableArray<Channel> channels, FirstContactRule firstContact,
        ImmutableArray<EscalationStep> chain, LiaisonOptions liaison)
    {
        if (BrandId.Problem(id.Value) is { } idProblem)
        {
            yield return ("id", idProblem);
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 64)
        {
            yield return ("name", "a brand's name is not blank and at most 64 characters");
        }

        if (version is < 1 or > 1_000_000)
        {
            yield return ("version", $"a brand's version is 1 to 1,000,000; got {version}");
        }

        if (channels.IsDefaultOrEmpty)
        {
            yield return ("channels", "a brand takes requests on at least one channel");
        }
        else if (FirstUndefined(channels) is { } undefined)
        {
            yield return ("channels", $"{undefined} is not a defined channel");
        }
        else if (channels.Distinct().Count() != channels.Length)
        {
            yield return ("channels", $"{channels.GroupBy(c => c).First(g => g.Count() > 1).Key} is listed more than once");
        }

        if (!Enum.IsDefined(firstContact))
        {
            yield return ("firstContact", $"{(int)firstContact} is not a defined first-contact rule");
        }
        else if (Brand.ChannelOf(firstContact) is { } needed && (channels.IsDefault || !channels.Contains(needed)))
        {
            yield return ("firstContact", $"{firstContact} promises the {needed} channel, which the brand's channels do not list");
        }

        if (chain.IsDefaultOrEmpty)
        {
            yield return ("escalationChain", "the escalation chain has at least one step");
        }
        else if (FirstUndefined(chain) is { } badStep)
        {
            yield return ("escalationChain", $"{badStep} is not a defined escalation step");
        }
        else
        {
            for (var i = 1; i < chain.Length; i++)
            {
                if (chain[i] <= chain[i - 1])
                {
                    yield return ("escalationChain", $"the chain goes strictly upwards, but {chain[i]} follows {chain[i - 1]}");
                    break;
                }
            }
        }

        string? liaisonProblem = null;
        try
        {
            liaison.Validate();
        }
        catch (ArgumentException e)
        {
            liaisonProblem = $"{e.ParamName}: {e.Message[..(e.Message.IndexOf(" (Parameter", StringComparison.Ordinal) is var cut and >= 0 ? cut : e.Message.Length)]}";
        }

        if (liaisonProblem is not null)
        {
            yield return ("liaison", liaisonProblem);
        }
    }

    private static int? FirstUndefined<T>(ImmutableArray<T> values)
        where T : struct, Enum
    {
        foreach (var value in values)
        {
            if (!Enum.IsDefined(value))
            {
                return Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private BrandBuilder Set(Action set)
    {
        CheckNotBuilt();
        set();
        return this;
    }

    private void CheckNotBuilt() =>
        Preconditions.CheckState(!_built, "This builder has already built its brand; create a new builder or call ToBuilder() on the brand.");
}
