using NodaTime;

namespace Governance.Core.Time;

/// <summary>
/// Builds an immutable <see cref="ServiceLevelPolicy"/>. A new builder holds the defaults: <see cref="WorkingCalendar.Default"/>,
/// no same-day cut-off, warning fraction 0.8, and
/// <see cref="ServiceLevelPolicy.DefaultLimitFor"/> for every class. Each option is checked when it is set, so a bad
/// value fails at the call that gave it. A builder builds once: after <see cref="Build"/> every method throws
/// <see cref="InvalidOperationException"/>.
/// </summary>
public sealed class ServiceLevelPolicyBuilder
{
    private readonly ResolutionLimit[] _limits;
    private WorkingCalendar? _calendar;
    private LocalTime? _sameDayCutoff;
    private double _warningFraction = ServiceLevelPolicy.DefaultWarningFraction;
    private Duration _whistleReportLimit = ServiceLevelPolicy.DefaultWhistleReportLimit;
    private bool _built;

    /// <summary>Creates a builder holding the defaults described on <see cref="ServiceLevelPolicyBuilder"/>.</summary>
    public ServiceLevelPolicyBuilder()
    {
        _limits = Enum.GetValues<CategoryClass>().Select(ServiceLevelPolicy.DefaultLimitFor).ToArray();
    }

    internal ServiceLevelPolicyBuilder(ServiceLevelPolicy policy)
    {
        _calendar = policy.Calendar;
        _sameDayCutoff = policy.SameDayCutoff;
        _warningFraction = policy.WarningFraction;
        _whistleReportLimit = policy.WhistleReportLimit;
        _limits = Enum.GetValues<CategoryClass>().Select(policy.LimitFor).ToArray();
    }

    /// <summary>Sets how long a summoned district department has to report (<see cref="ServiceLevelPolicy.WhistleReportLimit"/>; default 30 minutes).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not more than zero and at most a day.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public ServiceLevelPolicyBuilder WithWhistleReportLimit(Duration limit)
    {
        if (limit <= Duration.Zero || limit > ServiceLevelPolicy.MaxWhistleReportLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "A whistle report limit is more than zero and at most a day.");
        }

        CheckNotBuilt();
        _whistleReportLimit = limit;
        return this;
    }

    /// <summary>Sets the working calendar (default <see cref="WorkingCalendar.Default"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public ServiceLevelPolicyBuilder WithCalendar(WorkingCalendar calendar)
    {
        Preconditions.CheckNotNull(calendar);
        CheckNotBuilt();
        _calendar = calendar;
        return this;
    }

    /// <summary>
    /// Sets the time of day from which a request counts as received on the next working day
    /// (<see cref="ServiceLevelPolicy.ReceiptDay"/>), or <see langword="null"/> for none (the default: every request is
    /// due by the end of the day it arrives, 当天).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="cutoff"/> is midnight, which would move every request to the next working day, so that no request
    /// would ever be due the day it arrives.
    /// </exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public ServiceLevelPolicyBuilder WithSameDayCutoff(LocalTime? cutoff)
    {
        Preconditions.CheckArgument(
            cutoff != LocalTime.Midnight,
            nameof(cutoff),
            "A same-day cut-off at 00:00 would move every request to the next working day; use null for no cut-off.");
        CheckNotBuilt();
        _sameDayCutoff = cutoff;
        return this;
    }

    /// <summary>
    /// Sets the share of the time to the resolution deadline after which the handler is warned
    /// (<see cref="ServiceLevelPolicy.WarningFraction"/>; default 0.8).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="fraction"/> is not strictly between 0 and 1 (or is NaN).</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public ServiceLevelPolicyBuilder WithWarningFraction(double fraction)
    {
        Preconditions.CheckArgument(
            fraction is > 0 and < 1,
            nameof(fraction),
            $"The warning fraction must be strictly between 0 and 1 (0.8 warns at 80% of the time); got {fraction}.");
        CheckNotBuilt();
        _warningFraction = fraction;
        return this;
    }

    /// <summary>Sets the resolution limit of <paramref name="categoryClass"/>, replacing its default.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="limit"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="categoryClass"/> is not a defined <see cref="CategoryClass"/>.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has been called.</exception>
    public ServiceLevelPolicyBuilder WithLimit(CategoryClass categoryClass, ResolutionLimit limit)
    {
        ServiceLevelPolicy.CheckClass(categoryClass);
        Preconditions.CheckNotNull(limit);
        CheckNotBuilt();
        _limits[(int)categoryClass] = limit;
        return this;
    }

    /// <summary>Builds the policy. The builder cannot be used afterwards.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> has already been called.</exception>
    public ServiceLevelPolicy Build()
    {
        CheckNotBuilt();
        _built = true;
        return new ServiceLevelPolicy(_calendar ?? WorkingCalendar.Default, _sameDayCutoff, _warningFraction, [.. _limits], _whistleReportLimit);
    }

    private void CheckNotBuilt() =>
        Preconditions.CheckState(!_built, "This builder has already built its policy; create a new builder or call ToBuilder() on the policy.");
}
