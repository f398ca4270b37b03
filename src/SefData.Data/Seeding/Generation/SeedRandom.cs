namespace SefData.Data.Seeding.Generation;

/// <summary>
/// Per-stage random sources. Each stage gets its own <see cref="Random"/> derived from the run seed and the
/// stage name, so adding a draw to one stage never shifts the numbers another stage sees.
/// </summary>
public static class SeedRandom
{
    public static Random For(int seed, string stage)
    {
        // FNV-1a over the stage name: string.GetHashCode is randomised per process, so it cannot be used here.
        uint hash = 2166136261;
        foreach (var c in stage)
        {
            hash ^= c;
            hash *= 16777619;
        }
        return new Random(unchecked((int)(hash ^ (uint)seed * 2654435761u)));
    }

    /// <summary>Random source for one item of a stage, so an item's draws can be replayed without the others'.</summary>
    public static Random For(int seed, string stage, int item) => For(unchecked(seed * 31 + item * 1_000_003), stage);

    /// <summary>Standard normal draw (Box-Muller); deterministic given the source.</summary>
    public static double NextGaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Index drawn with probability proportional to <paramref name="weights"/>.</summary>
    public static int PickWeighted(this Random random, ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        var x = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.Length - 1;
    }

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    /// <summary>Deterministic GUID from the stage's random source (never Guid.NewGuid in seeded data).</summary>
    public static Guid NextGuid(this Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 layout so tools that check it are happy
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}

/// <summary>Inverse of the standard normal CDF (Acklam's rational approximation, |error| &lt; 1.2e-9).</summary>
public static class NormalQuantile
{
    private static readonly double[] A = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] B = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] C = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] D = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

    public static double Of(double p)
    {
        if (p <= 0) return double.NegativeInfinity;
        if (p >= 1) return double.PositiveInfinity;
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        if (p > 1 - low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        var r = p - 0.5;
        var s = r * r;
        return (((((A[0] * s + A[1]) * s + A[2]) * s + A[3]) * s + A[4]) * s + A[5]) * r / (((((B[0] * s + B[1]) * s + B[2]) * s + B[3]) * s + B[4]) * s + 1);
    }
}

/// <summary>Repeated weighted draws from a fixed list in O(log n) each (cumulative weights + binary search).</summary>
public sealed class WeightedPicker
{
    private readonly double[] _cumulative;

    public WeightedPicker(IEnumerable<double> weights)
    {
        var sum = 0.0;
        _cumulative = weights.Select(w => sum += w).ToArray();
    }

    public int Pick(Random random)
    {
        var x = random.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        return Math.Min(i < 0 ? ~i : i + 1, _cumulative.Length - 1);
    }
}
