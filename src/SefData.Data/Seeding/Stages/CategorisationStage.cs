using SefData.Data.Seeding.Generation;
using SefData.Domain;

namespace SefData.Data.Seeding;

public sealed partial class DemoDataGenerator
{
    /// <summary>
    /// Fallback (standards group, capacity) -> colour matrix for 2014/15-2016/17 [I]: the WG matrix was not
    /// retrieved, so any cell stored in the reference data wins over this one.
    /// </summary>
    private static Colour DefaultMatrix(int group, char capacity)
    {
        var score = group + (capacity - 'A' + 1);
        return score switch
        {
            2 => Colour.Green,
            3 => capacity == 'A' ? Colour.Green : Colour.Yellow,
            4 => Colour.Yellow,
            5 or 6 => Colour.Amber,
            _ => Colour.Red,
        };
    }

    private async Task WriteCategorisationAsync(CancellationToken ct)
    {
        // The matrix in force for each year: the fallback, overridden by the reference cells valid by then.
        var matrices = new Dictionary<int, Dictionary<(int, char), Colour>>();
        Dictionary<(int, char), Colour> MatrixFor(int year)
        {
            if (matrices.TryGetValue(year, out var m)) return m;
            m = [];
            for (var g = 1; g <= 4; g++)
                foreach (var c in "ABCD")
                    m[(g, c)] = DefaultMatrix(g, c);
            foreach (var cell in _reference.Matrix.Where(x => x.StandardsGroup is not null && AcademicYears.StartYear(x.ValidFromYearCode) <= year)
                         .OrderBy(x => AcademicYears.StartYear(x.ValidFromYearCode)))
                m[(cell.StandardsGroup!.Value, (char)('A' + (int)cell.Capacity))] = (Colour)(int)cell.Colour;
            return matrices[year] = m;
        }

        var id = 0;
        IEnumerable<CategorisationResult> Rows()
        {
            var random = SeedRandom.For(Seed, "categorisation");
            foreach (var s in _schools)
            {
                for (var year = CategorisationShares.FirstYear; year <= CategorisationShares.LastYear; year++)
                {
                    var noise = random.NextGaussian();
                    var pick = random.NextDouble();
                    if (!s.IsOpenInYear(year) || s.Sector == SchoolSector.Nursery) continue;
                    var z = _quality.Score(s.Index, year);
                    var colour = CategorisationShares.ColourFor(z, year);
                    int? group = null;
                    char capacity;
                    if (s.HasStandardsGroup && year < 2017)
                        (group, capacity) = GroupAndCapacity(MatrixFor(year), colour, z + 0.6 * noise, pick);
                    else
                        capacity = CapacityFor(colour, pick);
                    _state.SetCategory(s.Index, year, colour, capacity);
                    var supportColour = ToColour(colour);
                    var code = Year(year);
                    var result = new CategorisationResult
                    {
                        Id = ++id,
                        SchoolId = s.Index + 1,
                        YearCode = code,
                        StandardsGroup = group,
                        ImprovementCapacity = (ImprovementCapacity)(capacity - 'A'),
                        SupportColour = supportColour,
                        Stage = CategorisationStage.Published,
                        PublishedDate = LastFridayOfJanuary(year + 1),
                        SupportDays = CategorisationResult.SupportDaysFor(supportColour, code, _reference.SupportDays),
                        AdviserPersonId = _state.Adviser(s.Index, year),
                    };
                    // Rules that need reference rows, which the per-row Validate cannot check on its own.
                    Ensure(CategorisationResult.SectorRule(result, ToSector(s.Sector)));
                    Ensure(CategorisationResult.MatrixRule(result, _reference.Matrix));
                    yield return result;
                }
            }
        }
        await WriteAsync("categorisation", Rows(), ct);
    }

    /// <summary>Capacity follows the colour: green schools are mostly A, red mostly D.</summary>
    private static char CapacityFor(Colour colour, double pick) => colour switch
    {
        Colour.Green => pick < 0.85 ? 'A' : 'B',
        Colour.Yellow => pick < 0.10 ? 'A' : pick < 0.90 ? 'B' : 'C',
        Colour.Amber => pick < 0.25 ? 'B' : 'C',
        _ => pick < 0.30 ? 'C' : 'D',
    };

    /// <summary>
    /// A standards group drawn from the (noisy) latent score, then a capacity that gives the required colour in the
    /// matrix; if that group has no such cell, the nearest group that has one is used.
    /// </summary>
    private static (int Group, char Capacity) GroupAndCapacity(Dictionary<(int, char), Colour> matrix, Colour colour, double score, double pick)
    {
        var preferred = score switch { > 0.8 => 1, > 0 => 2, > -0.8 => 3, _ => 4 };
        foreach (var group in new[] { preferred, preferred - 1, preferred + 1, preferred - 2, preferred + 2, preferred - 3, preferred + 3 })
        {
            if (group is < 1 or > 4) continue;
            var options = "ABCD".Where(c => matrix[(group, c)] == colour).ToList();
            if (options.Count == 0) continue;
            // Prefer the capacity the colour usually has.
            var usual = CapacityFor(colour, pick);
            return (group, options.Contains(usual) ? usual : options[(int)(pick * options.Count)]);
        }
        throw new InvalidOperationException($"The categorisation matrix has no cell for {colour}.");
    }

    private static DateOnly LastFridayOfJanuary(int year)
    {
        var d = new DateOnly(year, 1, 31);
        while (d.DayOfWeek != DayOfWeek.Friday) d = d.AddDays(-1);
        return d;
    }
}
