using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SefData.Data.Seeding.Generation;
using SefData.Domain;

namespace SefData.Data.Seeding;

public sealed record SeedOptions(int Scale, int Seed)
{
    public void Validate()
    {
        if (Scale < 1) throw new ArgumentOutOfRangeException(nameof(Scale), Scale, "Scale must be a positive whole number (1 = about 1,500 schools).");
        if (Scale > 100) throw new ArgumentOutOfRangeException(nameof(Scale), Scale, "Scale above 100 is not supported (school numbers are LA code + 4 digits).");
    }
}

/// <summary>Progress of one stage: rows written so far in that stage and time since the run started.</summary>
public sealed record SeedProgress(string Stage, string Table, long Rows, TimeSpan Elapsed);

public sealed record SeedSummary(int Scale, int Seed, long Rows, int OpenSchools, TimeSpan Elapsed);

/// <summary>
/// Deterministic synthetic demo data: same scale and seed give byte-identical tables. Each stage draws from its own
/// random source (<see cref="SeedRandom"/>), rows are streamed straight to the database (<see cref="BulkWriter"/>)
/// with generator-assigned keys, and every row is checked against the domain's own rules before it is written.
/// </summary>
public sealed partial class DemoDataGenerator
{
    /// <summary>Bumped whenever the generated data changes for the same scale and seed.</summary>
    public const string GeneratorVersion = "1.0";

    /// <summary>"Today" for generated data: follow-ups still open at this date have no removal date.</summary>
    public static readonly DateOnly AsAt = new(2025, 7, 31);

    private readonly SefDataDbContext _db;
    private readonly SeedOptions _options;
    private readonly IProgress<SeedProgress>? _progress;
    private readonly BulkWriter _writer;
    private readonly Stopwatch _clock = new();
    private long _rows;

    private ReferenceData _reference = null!;
    private List<GenSchool> _schools = null!;
    private QualityModel _quality = null!;
    private SchoolYearState _state = null!;

    private DemoDataGenerator(SefDataDbContext db, SeedOptions options, IProgress<SeedProgress>? progress)
    {
        _db = db;
        _options = options;
        _progress = progress;
        _writer = new BulkWriter(db);
    }

    private int Seed => _options.Seed;
    private int Scale => _options.Scale;

    public static async Task<SeedSummary> SeedAsync(SefDataDbContext db, SeedOptions options, IProgress<SeedProgress>? progress = null, CancellationToken ct = default)
    {
        options.Validate();
        var generator = new DemoDataGenerator(db, options, progress);
        return await generator.RunAsync(ct);
    }

    private async Task<SeedSummary> RunAsync(CancellationToken ct)
    {
        _clock.Start();
        var tracking = _db.ChangeTracker.AutoDetectChangesEnabled;
        _db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            _reference = await ReferenceData.LoadAsync(_db, ct);
            _schools = SchoolPlanner.Plan(_reference.Authorities.Select(a => new AuthorityRef(a.LaCode, a.NameEn)).ToList(), Scale, Seed);
            _quality = new QualityModel(_schools, Seed);
            _state = new SchoolYearState(_schools.Count);

            await WriteSchoolsAsync(ct);
            PlanPilotAndPioneers();
            await WriteProfilesAsync(ct);
            await WritePeopleAsync(ct);
            await WriteCategorisationAsync(ct);
            await WriteInspectionsAsync(ct);
            await WriteMeasuresAsync(ct);
            await WriteCollaborationAsync(ct);
            await WriteBrokeragesAsync(ct);
            await WriteOutcomeAgreementsAsync(ct);
            await WriteSefCycleAsync(ct);
            await WriteMetadataAsync(ct);
            await SefDataDb.RefreshPlannerStatisticsAsync(_db, ct);
        }
        finally
        {
            _db.ChangeTracker.AutoDetectChangesEnabled = tracking;
            _db.ChangeTracker.Clear();
        }
        var open = _schools.Count(s => s.IsOpenOn(AsAt));
        return new SeedSummary(Scale, Seed, _rows, open, _clock.Elapsed);
    }

    /// <summary>Streams rows to one table, validating each against its domain rules, reporting progress as it goes.</summary>
    private async Task WriteAsync<T>(string stage, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var table = typeof(T).Name;
        long written = 0;
        IEnumerable<T> Checked()
        {
            foreach (var row in rows)
            {
                if (row is IValidatable v)
                    foreach (var violation in v.Validate())
                        throw new InvalidOperationException($"Generated {table} breaks {violation.Code}: {violation.Message}");
                written++;
                if (written % 100_000 == 0) _progress?.Report(new SeedProgress(stage, table, written, _clock.Elapsed));
                yield return row;
            }
        }
        await _writer.WriteAsync(Checked(), ct);
        _rows += written;
        _progress?.Report(new SeedProgress(stage, table, written, _clock.Elapsed));
    }

    private static void Ensure(RuleViolation? violation)
    {
        if (violation is not null) throw new InvalidOperationException($"Generated data breaks {violation.Code}: {violation.Message}");
    }

    private static string Year(int startYear) => AcademicYears.Format(startYear);

    private static Sector ToSector(SchoolSector s) => (Sector)(int)s;

    private static SupportColour ToColour(Colour c) => (SupportColour)(int)c;
}

/// <summary>Per-school, per-year facts later stages read: challenge adviser, colour and capacity.</summary>
internal sealed class SchoolYearState(int schools)
{
    public const int FirstYear = 2008;
    public const int LastYear = 2024;
    private const int Years = LastYear - FirstYear + 1;
    private const byte None = 255;

    private readonly int[] _adviser = new int[schools * Years];
    private readonly byte[] _colour = Enumerable.Repeat(None, schools * Years).ToArray();
    private readonly byte[] _capacity = Enumerable.Repeat(None, schools * Years).ToArray();

    public HashSet<int> PilotSchools { get; } = [];
    public Dictionary<int, int> PilotFacilitator { get; } = [];
    public HashSet<int> PioneerSchools { get; } = [];

    private static int Slot(int school, int year) => school * Years + (year - FirstYear);

    /// <summary>Link adviser (2008/09-2011/12) or challenge adviser (from 2012/13): both are kept in the same slot.</summary>
    public int? Adviser(int school, int year) => year is < FirstYear or > LastYear || _adviser[Slot(school, year)] == 0 ? null : _adviser[Slot(school, year)];
    public void SetAdviser(int school, int year, int person) => _adviser[Slot(school, year)] = person;

    public Colour? Colour(int school, int year) => year is < FirstYear or > LastYear || _colour[Slot(school, year)] == None ? null : (Colour)_colour[Slot(school, year)];
    public char? Capacity(int school, int year) => year is < FirstYear or > LastYear || _capacity[Slot(school, year)] == None ? null : (char)('A' + _capacity[Slot(school, year)]);

    public void SetCategory(int school, int year, Colour colour, char capacity)
    {
        _colour[Slot(school, year)] = (byte)colour;
        _capacity[Slot(school, year)] = (byte)(capacity - 'A');
    }
}

/// <summary>The migrated reference data the generator builds on.</summary>
internal sealed class ReferenceData
{
    public required List<LocalAuthority> Authorities { get; init; }
    public required List<Consortium> Consortia { get; init; }
    public required List<ConsortiumMembership> Memberships { get; init; }
    public required List<AcademicYear> Years { get; init; }
    public required List<LanguageCategory> LanguageCategories { get; init; }
    public required List<SupportDaysRule> SupportDays { get; init; }
    public required List<CategorisationMatrixCell> Matrix { get; init; }
    public required List<EstynFramework> Frameworks { get; init; }
    public required List<EstynArea> Areas { get; init; }
    public required List<EstynGrade> Grades { get; init; }
    public required List<Measure> Measures { get; init; }
    public required List<SefElement> Elements { get; init; }

    public static async Task<ReferenceData> LoadAsync(SefDataDbContext db, CancellationToken ct)
    {
        var data = new ReferenceData
        {
            Authorities = await db.LocalAuthorities.AsNoTracking().OrderBy(x => x.LaCode).ToListAsync(ct),
            Consortia = await db.Consortia.AsNoTracking().OrderBy(x => x.Code).ToListAsync(ct),
            Memberships = await db.ConsortiumMemberships.AsNoTracking().OrderBy(x => x.Id).ToListAsync(ct),
            Years = await db.AcademicYears.AsNoTracking().OrderBy(x => x.StartYear).ToListAsync(ct),
            LanguageCategories = await db.LanguageCategories.AsNoTracking().OrderBy(x => x.Id).ToListAsync(ct),
            SupportDays = await db.SupportDaysRules.AsNoTracking().ToListAsync(ct),
            Matrix = await db.CategorisationMatrix.AsNoTracking().OrderBy(x => x.Id).ToListAsync(ct),
            Frameworks = await db.EstynFrameworks.AsNoTracking().OrderBy(x => x.Code).ToListAsync(ct),
            Areas = await db.EstynAreas.AsNoTracking().OrderBy(x => x.FrameworkCode).ThenBy(x => x.SortOrder).ToListAsync(ct),
            Grades = await db.EstynGrades.AsNoTracking().OrderBy(x => x.FrameworkCode).ThenBy(x => x.Rank).ToListAsync(ct),
            Measures = await db.Measures.AsNoTracking().OrderBy(x => x.Code).ToListAsync(ct),
            Elements = await db.SefElements.AsNoTracking().OrderBy(x => x.Number).ToListAsync(ct),
        };
        if (data.Authorities.Count == 0)
            throw new InvalidOperationException("The database has no local authorities: apply the migrations (sefdata migrate) before seeding.");
        return data;
    }

    /// <summary>The consortium an LA belonged to on a date, among the given codes (null if none).</summary>
    public string? ConsortiumOf(string laCode, DateOnly date, IReadOnlyCollection<string>? among = null) =>
        Memberships.FirstOrDefault(m => m.LaCode == laCode && m.ValidFrom <= date && (m.ValidTo is null || m.ValidTo >= date)
            && (among is null || among.Contains(m.ConsortiumCode)))?.ConsortiumCode;
}

public sealed partial class DemoDataGenerator
{
    private Task WriteMetadataAsync(CancellationToken ct) =>
        DatasetInfoStore.WriteAsync(_db, new DatasetInfo(DatasetInfo.SyntheticKind,
            "Synthetic demo data: fictional schools, people and results generated for demonstration; not official statistics.",
            Scale, Seed, GeneratorVersion), ct);
}
