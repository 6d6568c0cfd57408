using NodaTime;

namespace Governance.Core.Insights;

/// <summary>
/// How <see cref="RequestMetrics"/> turns counts into rates: the weight of a partly satisfied resident, the weights of
/// the composite score and the response limit. Immutable; checked by <see cref="Validate"/>, which
/// <see cref="RequestMetrics"/> calls when it is constructed.
/// </summary>
/// <remarks>
/// The defaults are the commonly cited weights of Beijing's 接诉即办 assessment: response 10 %, resolution 50 %,
/// satisfaction 40 %, with 基本满意 counted as 0.9 of 满意. Use <c>with</c> to change one:
/// <c>MetricsOptions.Default with { SatisfactionWeight = 0.5, ResolutionWeight = 0.4 }</c>.
/// </remarks>
public sealed record MetricsOptions
{
    /// <summary>The defaults: response limit 24 hours, partly satisfied 0.9, weights 0.1 / 0.5 / 0.4.</summary>
    public static MetricsOptions Default { get; } = new();

    /// <summary>
    /// How long after receipt a request must be responded to (accepted, explained or resolved) to count as responded
    /// in time; inclusive. Default 24 hours. Must be positive.
    /// </summary>
    public Duration ResponseLimit { get; init; } = Duration.FromHours(24);

    /// <summary>How much a 基本满意 (partly satisfied) call-back counts towards the satisfaction rate, in [0, 1]. Default 0.9.</summary>
    public double PartlySatisfiedWeight { get; init; } = 0.9;

    /// <summary>The weight of the response rate in the composite score. Default 0.1.</summary>
    public double ResponseWeight { get; init; } = 0.1;

    /// <summary>The weight of the resolution rate in the composite score. Default 0.5.</summary>
    public double ResolutionWeight { get; init; } = 0.5;

    /// <summary>The weight of the satisfaction rate in the composite score. Default 0.4.</summary>
    public double SatisfactionWeight { get; init; } = 0.4;

    /// <summary>
    /// Checks every option: the three weights are finite, non-negative and sum to 1 (within 1e-9);
    /// <see cref="PartlySatisfiedWeight"/> is in [0, 1]; <see cref="ResponseLimit"/> is positive.
    /// </summary>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException">An option is out of range; the parameter name is the option's name.</exception>
    public MetricsOptions Validate()
    {
        CheckWeight(ResponseWeight, nameof(ResponseWeight));
        CheckWeight(ResolutionWeight, nameof(ResolutionWeight));
        CheckWeight(SatisfactionWeight, nameof(SatisfactionWeight));
        CheckWeight(PartlySatisfiedWeight, nameof(PartlySatisfiedWeight));
        var sum = ResponseWeight + ResolutionWeight + SatisfactionWeight;
        Preconditions.CheckArgument(Math.Abs(sum - 1) <= 1e-9, nameof(ResponseWeight),
            $"{nameof(ResponseWeight)} + {nameof(ResolutionWeight)} + {nameof(SatisfactionWeight)} must sum to 1; they sum to {sum.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        Preconditions.CheckArgument(ResponseLimit > Duration.Zero, nameof(ResponseLimit), $"{nameof(ResponseLimit)} must be positive; it is {ResponseLimit}.");
        return this;
    }

    private static void CheckWeight(double value, string name) =>
        Preconditions.CheckArgument(double.IsFinite(value) && value >= 0 && value <= 1, name,
            $"{name} must be a number in [0, 1]; it is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
}
