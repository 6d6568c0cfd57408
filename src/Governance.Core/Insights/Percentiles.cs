namespace Governance.Core.Insights;

/// <summary>Exact order statistics without sorting.</summary>
internal static class Percentiles
{
    /// <summary>
    /// The <paramref name="k"/>-th smallest value (0-based) of <paramref name="values"/>, which it reorders so that
    /// everything before position k is at most that value and everything after is at least it (Hoare's quickselect
    /// with a median-of-three pivot; expected linear time).
    /// </summary>
    public static long Select(Span<long> values, int k)
    {
        var lo = 0;
        var hi = values.Length - 1;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (values[mid] < values[lo])
            {
                (values[mid], values[lo]) = (values[lo], values[mid]);
            }

            if (values[hi] < values[lo])
            {
                (values[hi], values[lo]) = (values[lo], values[hi]);
            }

            if (values[hi] < values[mid])
            {
                (values[hi], values[mid]) = (values[mid], values[hi]);
            }

            var pivot = values[mid];
            var i = lo;
            var j = hi;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                break;
            }
        }

        return values[k];
    }
}
