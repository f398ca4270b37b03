using SefData.Data.Seeding.Generation;
using SefData.Domain;

namespace SefData.Data.Seeding;

public sealed partial class DemoDataGenerator
{
    /// <summary>
    /// Shape of one outcome measure [K/I]: national level by start year, spread between schools, eFSM gap and the
    /// pupil-level spread behind confidence intervals. Levels are approximate and only meant to look plausible.
    /// </summary>
    private sealed record MeasureShape(string Code, bool Secondary, IReadOnlyDictionary<int, double> National,
        double SchoolSpread, double EfsmSlope, double Gap, bool Percentage, double PupilSpread, double Max);

    private static readonly MeasureShape[] MeasureShapes =
    [
        new("L2_INCL", true, Levels(2011, 51.1, 52.7, 55.4, 57.9, 60.3, 54.6, 55.1, 55.0), 9, -1.0, 32, true, 0, 100),
        new("CAPPED8", true, Levels(2011, 320, 327, 333, 339, 345, 349), 20, -1.8, 65, false, 90, 600),
        new("CAPPED9", true, Levels(2016, 343, 349, 354), 20, -1.8, 70, false, 95, 600),
        new("CSI", false, Levels(2011, 82.6, 84.3, 86.1, 87.7, 88.6, 89.5, 89.5, 89.9), 6, -0.35, 17, true, 0, 100),
    ];

    private static Dictionary<int, double> Levels(int first, params double[] values) =>
        values.Select((v, i) => (Year: first + i, v)).ToDictionary(x => x.Year, x => x.v);

    private sealed class Aggregate
    {
        public long Cohort;
        public double Weighted;
    }

    private async Task WriteMeasuresAsync(CancellationToken ct)
    {
        var known = _reference.Measures.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        var shapes = MeasureShapes.Where(m => known.Contains(m.Code)).ToArray();
        var aggregates = new SortedDictionary<(string Code, int Year, MeasureSubject Subject, string Key, Subgroup Subgroup), Aggregate>();
        var id = 0;

        IEnumerable<MeasureValue> SchoolRows()
        {
            var random = SeedRandom.For(Seed, "measures");
            foreach (var s in _schools)
            {
                var takesKs4 = s.Sector is SchoolSector.Secondary || (s.Sector is SchoolSector.Middle && s.AgeHigh >= 16);
                var takesKs2 = s.Sector is SchoolSector.Primary or SchoolSector.Middle && s.AgeHigh >= 11;
                foreach (var shape in shapes)
                {
                    if (shape.Secondary ? !takesKs4 : !takesKs2) continue;
                    foreach (var (year, national) in shape.National)
                    {
                        var noise = random.NextGaussian();
                        var efsmNoise = random.NextGaussian();
                        var nonNoise = random.NextGaussian();
                        if (!s.IsOpenInYear(year)) continue;
                        var pupils = s.BasePupils;
                        var cohort = Math.Max(1, (int)Math.Round(pupils / (shape.Secondary ? (s.AgeHigh >= 18 ? 7.0 : 5.0) : (s.AgeLow <= 4 ? 7.5 : 6.5))));
                        var efsmPct = s.EfsmBase * EfsmFactor(year);
                        var efsmCohort = (int)Math.Round(cohort * efsmPct / 100);
                        var share = (double)efsmCohort / cohort;
                        var estimate = national + shape.EfsmSlope * (efsmPct - 17.5);
                        var value = estimate + shape.SchoolSpread * (0.9 * _quality.Score(s.Index, year)) + shape.SchoolSpread * 0.3 * noise;
                        foreach (var (subgroup, n, shift, sampling) in new[]
                                 {
                                     (Subgroup.All, cohort, 0.0, 0.0),
                                     (Subgroup.Efsm, efsmCohort, -shape.Gap * (1 - share), efsmNoise),
                                     (Subgroup.NonEfsm, cohort - efsmCohort, shape.Gap * share, nonNoise),
                                 })
                        {
                            if (n <= 0) continue;
                            var spread = shape.Percentage ? 100 * Math.Sqrt(0.25 / n) : shape.PupilSpread / Math.Sqrt(n);
                            var v = Math.Clamp(value + shift + 0.5 * spread * sampling, 0, shape.Max);
                            var e = Math.Clamp(estimate + shift, 0, shape.Max);
                            var half = shape.Percentage
                                ? 196 * Math.Sqrt(Math.Max(v / 100 * (1 - v / 100), 0.0025) / n)
                                : 1.96 * shape.PupilSpread / Math.Sqrt(n);
                            var rounded = Math.Round((decimal)v, 1);
                            Accumulate(aggregates, shape.Code, year, subgroup, s, n, (double)rounded);
                            yield return new MeasureValue
                            {
                                Id = ++id, MeasureCode = shape.Code, YearCode = Year(year), Subject = MeasureSubject.School,
                                SchoolId = s.Index + 1, Subgroup = subgroup, CohortSize = n, Value = rounded,
                                Estimate = Math.Round((decimal)e, 1),
                                CiLow = Math.Round((decimal)Math.Max(0, v - half), 1),
                                CiHigh = Math.Round((decimal)Math.Min(shape.Max, v + half), 1),
                            };
                        }
                    }
                }
            }
        }
        await WriteAsync("measures", SchoolRows(), ct);

        // LA, consortium (as at the year) and Wales values: cohort-weighted means of the school values.
        await WriteAsync("measures", aggregates.Select(a => new MeasureValue
        {
            Id = ++id, MeasureCode = a.Key.Code, YearCode = Year(a.Key.Year), Subject = a.Key.Subject,
            LaCode = a.Key.Subject == MeasureSubject.LocalAuthority ? a.Key.Key : null,
            ConsortiumCode = a.Key.Subject == MeasureSubject.Consortium ? a.Key.Key : null,
            Subgroup = a.Key.Subgroup, CohortSize = (int)Math.Min(int.MaxValue, a.Value.Cohort),
            Value = Math.Round((decimal)(a.Value.Weighted / a.Value.Cohort), 1),
        }), ct);
    }

    private void Accumulate(SortedDictionary<(string, int, MeasureSubject, string, Subgroup), Aggregate> aggregates,
        string code, int year, Subgroup subgroup, GenSchool s, int cohort, double value)
    {
        var consortium = RegionalConsortium(s.LaCode, year);
        foreach (var (subject, key) in new[] { (MeasureSubject.LocalAuthority, s.LaCode), (MeasureSubject.Consortium, consortium), (MeasureSubject.Wales, "") })
        {
            if (key is null) continue;
            if (!aggregates.TryGetValue((code, year, subject, key, subgroup), out var a))
                aggregates[(code, year, subject, key, subgroup)] = a = new Aggregate();
            a.Cohort += cohort;
            a.Weighted += value * cohort;
        }
    }
}
