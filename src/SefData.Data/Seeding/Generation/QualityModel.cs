namespace SefData.Data.Seeding.Generation;

/// <summary>
/// A latent "effectiveness" score per school per academic year, standard normal in every year. It has a stable
/// part tied to deprivation (eFSM) and an AR(1) part, so year-to-year correlation is about 0.9: categorisation
/// colours, Estyn grades and measures all read from it, which keeps them mutually consistent.
/// </summary>
public sealed class QualityModel
{
    public const int FirstYear = 2003;
    public const int LastYear = 2025;
    private const double DeprivationLoading = 0.4;
    private const double Persistence = 0.88;

    private readonly float[] _scores;
    private readonly int _years = LastYear - FirstYear + 1;

    public QualityModel(IReadOnlyList<GenSchool> schools, int seed)
    {
        var random = SeedRandom.For(seed, "quality");
        _scores = new float[schools.Count * _years];
        var residual = Math.Sqrt(1 - DeprivationLoading * DeprivationLoading);
        var innovation = Math.Sqrt(1 - Persistence * Persistence);
        foreach (var school in schools)
        {
            // log-eFSM around a Welsh mid value, scaled so the deprivation component is roughly unit variance.
            var deprivation = Math.Clamp(-Math.Log(school.EfsmBase / 17.0) / 0.5, -3, 3);
            var u = random.NextGaussian();
            for (var y = 0; y < _years; y++)
            {
                if (y > 0) u = Persistence * u + innovation * random.NextGaussian();
                _scores[school.Index * _years + y] = (float)(DeprivationLoading * deprivation + residual * u);
            }
        }
    }

    public double Score(int school, int startYear) =>
        _scores[school * _years + Math.Clamp(startYear, FirstYear, LastYear) - FirstYear];
}

/// <summary>National colour shares per categorisation year and the thresholds that reproduce them.</summary>
public static class CategorisationShares
{
    public const int FirstYear = 2014;
    public const int LastYear = 2019;

    // Green rises from about 16% to 47% (WG, 31 Jan 2020: 41.6% in Jan 2019, 46.9% in Jan 2020); red falls to 2-3%.
    private static readonly (double Green, double Yellow, double Amber, double Red)[] Targets =
    [
        (0.165, 0.445, 0.290, 0.100),
        (0.245, 0.440, 0.245, 0.070),
        (0.305, 0.430, 0.215, 0.050),
        (0.370, 0.405, 0.185, 0.040),
        (0.416, 0.380, 0.170, 0.034),
        (0.469, 0.355, 0.150, 0.026),
    ];

    public static (double Green, double Yellow, double Amber, double Red) Target(int startYear) => Targets[startYear - FirstYear];

    public static Colour ColourFor(double score, int startYear)
    {
        var (green, _, amber, red) = Target(startYear);
        if (score >= NormalQuantile.Of(1 - green)) return Colour.Green;
        if (score < NormalQuantile.Of(red)) return Colour.Red;
        if (score < NormalQuantile.Of(red + amber)) return Colour.Amber;
        return Colour.Yellow;
    }
}
