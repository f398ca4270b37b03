using SefData.Data.Seeding.Generation;
using SefData.Domain;

namespace SefData.Data.Seeding;

public sealed partial class DemoDataGenerator
{
    private async Task WriteSchoolsAsync(CancellationToken ct)
    {
        var language = LanguageCodes.Resolve(_reference.LanguageCategories);
        await WriteAsync("schools", _schools.Select(s => new School
        {
            Id = s.Index + 1,
            SchoolNumber = s.SchoolNumber,
            LaCode = s.LaCode,
            EstablishmentNumber = s.Establishment,
            NameEn = s.NameEn,
            NameCy = s.NameCy,
            Sector = ToSector(s.Sector),
            LanguageCategoryId = language(s.Language),
            AgeLow = s.AgeLow,
            AgeHigh = s.AgeHigh,
            Faith = s.Faith switch { Faith.ChurchInWales => "Church in Wales", Faith.RomanCatholic => "Roman Catholic", _ => null },
            OpenDate = s.OpenDate,
            CloseDate = s.CloseDate,
        }), ct);

        var linkId = 0;
        await WriteAsync("schools", _schools.Where(s => s.Successor is not null).Select(s => new SchoolLink
        {
            Id = ++linkId,
            PredecessorSchoolId = s.Index + 1,
            SuccessorSchoolId = s.Successor!.Value + 1,
            Kind = SchoolLinkKind.Amalgamation,
            EffectiveDate = _schools[s.Successor.Value].OpenDate,
        }), ct);
    }

    /// <summary>
    /// The 2008-09 SEF pilot: about 96 schools per unit of scale across the four ADEW consortia (Torfaen opted
    /// out), and about 200 Pioneer schools (48 in CSC) from 2015/16.
    /// </summary>
    private void PlanPilotAndPioneers()
    {
        var random = SeedRandom.For(Seed, "pilot");
        var pilotDate = new DateOnly(2008, 10, 1);
        var quotas = new Dictionary<string, int> { ["NW"] = 20, ["SWAMWAC"] = 28, ["CSW"] = 24, ["SEW"] = 24 };
        foreach (var (consortium, quota) in quotas)
        {
            var candidates = _schools.Where(s => s.IsOpenOn(pilotDate) && s.LaCode != "678" && s.Sector != SchoolSector.Nursery
                && _reference.ConsortiumOf(s.LaCode, pilotDate) == consortium).ToList();
            // swamwac's pilot had 16 primary, 10 secondary and 2 special schools (and a PRU): keep the mix secondary-heavy.
            var weights = candidates.Select(s => s.Sector switch { SchoolSector.Primary => 1.0, SchoolSector.Secondary => 5.0, _ => 2.0 }).ToArray();
            for (var i = 0; i < quota * Scale && candidates.Count > 0; i++)
            {
                var k = random.PickWeighted(weights);
                if (weights[k] == 0) break; // every candidate already chosen
                _state.PilotSchools.Add(candidates[k].Index);
                weights[k] = 0;
            }
        }

        var pioneerDate = new DateOnly(2016, 1, 15);
        var open = _schools.Where(s => s.IsOpenOn(pioneerDate) && s.Sector is not SchoolSector.Nursery).ToList();
        var csc = open.Where(s => _reference.ConsortiumOf(s.LaCode, pioneerDate) == "CSC").ToList();
        var rest = open.Where(s => _reference.ConsortiumOf(s.LaCode, pioneerDate) != "CSC").ToList();
        foreach (var (pool, count) in new[] { (csc, 48 * Scale), (rest, 152 * Scale) })
        {
            var shuffled = pool.ToArray();
            random.Shuffle(shuffled);
            // Pioneers were chosen from stronger schools: take the better half of a random draw.
            foreach (var s in shuffled.Take(count * 2).OrderByDescending(s => _quality.Score(s.Index, 2015)).ThenBy(s => s.Index).Take(count))
                _state.PioneerSchools.Add(s.Index);
        }
    }

    private const int ProfileFirstYear = 2008;
    private const int ProfileLastYear = 2024;

    /// <summary>National eFSM drift by start year (falls to 2018/19, then rises with transitional protection) [I].</summary>
    private static double EfsmFactor(int year) => year switch
    {
        <= 2012 => 1.0 + 0.01 * (2012 - year),
        <= 2018 => 1.0 - 0.025 * (year - 2012),
        _ => 0.85 + 0.06 * (year - 2018),
    };

    private async Task WriteProfilesAsync(CancellationToken ct)
    {
        var language = LanguageCodes.Resolve(_reference.LanguageCategories);
        var years = _reference.Years.Select(y => y.StartYear).Where(y => y is >= ProfileFirstYear and <= ProfileLastYear).ToList();
        var id = 0;
        IEnumerable<SchoolYearProfile> Rows()
        {
            var random = SeedRandom.For(Seed, "profiles");
            foreach (var s in _schools)
            {
                var pupils = (double)s.BasePupils;
                var trend = 0.004 * random.NextGaussian();
                foreach (var year in years)
                {
                    var draw = random.NextGaussian();
                    var efsmNoise = random.NextGaussian();
                    var alnNoise = random.NextGaussian();
                    if (!s.IsOpenInYear(year)) continue;
                    pupils = Math.Max(8, pupils * (1 + trend + 0.03 * draw));
                    var efsm = Math.Clamp(s.EfsmBase * EfsmFactor(year) * Math.Exp(0.08 * efsmNoise), 0.5, 85);
                    // ALN reform (from 2021/22) narrowed identification; special schools are all ALN.
                    var alnBase = s.Sector switch { SchoolSector.Special => 100.0, SchoolSector.Pru => 55.0, SchoolSector.Nursery => 8.0, _ => 21.0 };
                    var aln = s.Sector == SchoolSector.Special ? 100.0
                        : Math.Clamp(alnBase * (year >= 2021 ? 0.6 : 1.0) * Math.Exp(0.2 * alnNoise), 1, 95);
                    var pilot = year == 2008 && _state.PilotSchools.Contains(s.Index);
                    yield return new SchoolYearProfile
                    {
                        Id = ++id,
                        SchoolId = s.Index + 1,
                        YearCode = Year(year),
                        Pupils = (int)Math.Round(pupils),
                        PctEfsm = Math.Round((decimal)efsm, 1),
                        PctAln = Math.Round((decimal)aln, 1),
                        LanguageCategoryId = language(s.Language),
                        IsPioneer = year is >= 2015 and <= 2018 && _state.PioneerSchools.Contains(s.Index),
                        SefPilot = pilot,
                        PilotModel = pilot ? IsSwamwac(s) ? PilotModel.ImprovementFacilitator : PilotModel.Associate : null,
                    };
                }
            }
        }
        await WriteAsync("profiles", Rows(), ct);
    }

    private bool IsSwamwac(GenSchool s) => _reference.ConsortiumOf(s.LaCode, new DateOnly(2008, 10, 1)) == "SWAMWAC";
}

/// <summary>Maps the generator's language media onto the 2007-scheme rows of the migrated code list.</summary>
internal static class LanguageCodes
{
    public static Func<LanguageMedium, string?> Resolve(IReadOnlyList<LanguageCategory> categories)
    {
        var scheme = categories.Where(c => c.Scheme.Contains("2007", StringComparison.Ordinal)).ToList();
        var map = new Dictionary<LanguageMedium, string?>();
        foreach (var medium in Enum.GetValues<LanguageMedium>())
            map[medium] = scheme.FirstOrDefault(c => Matches(c, medium))?.Id;
        return m => map[m];
    }

    private static bool Matches(LanguageCategory c, LanguageMedium medium)
    {
        var name = c.NameEn.ToLowerInvariant();
        var code = c.Code.ToUpperInvariant();
        return medium switch
        {
            LanguageMedium.WelshMedium => name.StartsWith("welsh", StringComparison.Ordinal),
            LanguageMedium.DualStream => name.Contains("dual", StringComparison.Ordinal),
            LanguageMedium.Transitional => name.Contains("transitional", StringComparison.Ordinal),
            LanguageMedium.BilingualA => name.Contains("bilingual", StringComparison.Ordinal) && (code.EndsWith("2A", StringComparison.Ordinal) || name.EndsWith(" a", StringComparison.Ordinal) || name.Contains("(a)", StringComparison.Ordinal)),
            LanguageMedium.BilingualB => name.Contains("bilingual", StringComparison.Ordinal) && (code.EndsWith("2B", StringComparison.Ordinal) || name.EndsWith(" b", StringComparison.Ordinal) || name.Contains("(b)", StringComparison.Ordinal)),
            LanguageMedium.BilingualC => name.Contains("bilingual", StringComparison.Ordinal) && (code.EndsWith("2C", StringComparison.Ordinal) || name.EndsWith(" c", StringComparison.Ordinal) || name.Contains("(c)", StringComparison.Ordinal)),
            LanguageMedium.BilingualCh => name.Contains("bilingual", StringComparison.Ordinal) && (code.EndsWith("CH", StringComparison.Ordinal) || name.EndsWith(" ch", StringComparison.Ordinal) || name.Contains("(ch)", StringComparison.Ordinal)),
            LanguageMedium.EnglishSignificantWelsh => name.StartsWith("english", StringComparison.Ordinal) && name.Contains("significant", StringComparison.Ordinal),
            _ => name.StartsWith("english", StringComparison.Ordinal) && !name.Contains("significant", StringComparison.Ordinal),
        };
    }
}
