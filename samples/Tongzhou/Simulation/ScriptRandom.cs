namespace Governance.Samples.Tongzhou.Simulation;

/// <summary>
/// A small deterministic random source (SplitMix64) seeded from a tuple of numbers, so that what happens to request
/// (day, index) of a run is a pure function of (seed, day, index): the same on every machine, every .NET version and
/// after a resume. <see cref="System.Random"/> is not used because its seeded sequence is not promised to stay the same.
/// </summary>
internal struct ScriptRandom
{
    private ulong _state;

    public ScriptRandom(long seed, long a, long b = 0, long c = 0)
    {
        _state = Mix((ulong)seed ^ 0x9E3779B97F4A7C15UL);
        _state = Mix(_state ^ (ulong)a);
        _state = Mix(_state ^ (ulong)b);
        _state = Mix(_state ^ (ulong)c);
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(NextDouble() * maxExclusive);

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    /// <summary>A uniform double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Between(double min, double max) => min + (NextDouble() * (max - min));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>An index drawn with the given cumulative weights (the last one is the total).</summary>
    public int Pick(ReadOnlySpan<double> cumulative)
    {
        var x = NextDouble() * cumulative[^1];
        for (var i = 0; i < cumulative.Length; i++)
        {
            if (x < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }

    /// <summary>
    /// A delay in minutes around <paramref name="typical"/>: mostly a bell between 0 and twice it (a sum of uniforms),
    /// with a tail: with probability <paramref name="tail"/> anywhere up to <paramref name="max"/>. Clamped below by
    /// <paramref name="min"/>. Only additions and multiplications, so the result is bit-identical everywhere.
    /// </summary>
    public double Minutes(double min, double typical, double max, double tail = 0.1)
    {
        var value = Chance(tail)
            ? Between(2 * typical, Math.Max(2 * typical, max))
            : typical * (NextDouble() + NextDouble() + NextDouble()) / 1.5;
        return Math.Clamp(value, min, max);
    }

    public static double[] Cumulative(ReadOnlySpan<double> weights)
    {
        var result = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            result[i] = sum;
        }

        return result;
    }

    private ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
