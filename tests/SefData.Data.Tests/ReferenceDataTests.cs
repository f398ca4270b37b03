using Microsoft.EntityFrameworkCore;
using SefData.Domain;
using SefData.Testing;

namespace SefData.Data.Tests;

/// <summary>The reference data the migrations seed, read back on each provider.</summary>
public abstract class ReferenceDataTests(MigratedDatabase fixture) : DataTestBase(fixture)
{
    private async Task<List<ConsortiumMembership>> MembershipsAsAt(DateOnly date)
    {
        await using var db = NewContext();
        return await db.ConsortiumMemberships.AsNoTracking()
            .Where(m => m.ValidFrom <= date && (m.ValidTo == null || m.ValidTo >= date))
            .ToListAsync(Ct);
    }

    [Fact]
    public async Task There_are_22_local_authorities_with_three_digit_codes_and_welsh_names()
    {
        await using var db = NewContext();
        var las = await db.LocalAuthorities.AsNoTracking().OrderBy(l => l.LaCode).ToListAsync(Ct);
        Assert.Equal(22, las.Count);
        Assert.Equal(Enumerable.Range(660, 22).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), las.Select(l => l.LaCode));
        Assert.All(las, l => Assert.Empty(l.Validate()));
        Assert.Equal("Bro Morgannwg", las.Single(l => l.LaCode == "673").NameCy);
        Assert.Equal("Caerdydd", las.Single(l => l.LaCode == "681").NameCy);
        // Only the Vale's code was confirmed against a public source.
        Assert.Equal(["673"], las.Where(l => l.LaCodeVerified).Select(l => l.LaCode));
    }

    [Fact]
    public async Task On_1_January_2015_four_regional_consortia_cover_all_22_authorities()
    {
        var members = await MembershipsAsAt(new DateOnly(2015, 1, 1));
        Assert.Equal(22, members.Count);
        Assert.Equal(22, members.Select(m => m.LaCode).Distinct().Count());
        Assert.Equal(["CSC", "EAS", "ERW", "GWE"], members.Select(m => m.ConsortiumCode).Distinct().Order());
        // 2012 swap: Cardiff in CSC, Caerphilly in EAS.
        Assert.Equal("CSC", members.Single(m => m.LaCode == "681").ConsortiumCode);
        Assert.Equal("EAS", members.Single(m => m.LaCode == "676").ConsortiumCode);
    }

    [Fact]
    public async Task On_1_January_2009_the_seeds_four_ADEW_consortia_cover_all_22_authorities()
    {
        var members = await MembershipsAsAt(new DateOnly(2009, 1, 1));
        Assert.Equal(22, members.Count);
        Assert.All(members, m => Assert.Equal(FactSource.Seed, m.Source));
        var byConsortium = members.GroupBy(m => m.ConsortiumCode).ToDictionary(g => g.Key, g => g.Select(m => m.LaCode).Order().ToList());
        Assert.Equal(["CSW", "NW", "SEW", "SWAMWAC"], byConsortium.Keys.Order());
        Assert.Equal(["672", "673", "674", "675", "676"], byConsortium["CSW"]); // Caerphilly here before 2012
        Assert.Equal(["660", "661", "662", "663", "664", "665"], byConsortium["NW"]); // with Conwy (fn 11 omits it)
        Assert.Equal(["677", "678", "679", "680", "681"], byConsortium["SEW"]); // with Torfaen and Cardiff
        Assert.Equal(["666", "667", "668", "669", "670", "671"], byConsortium["SWAMWAC"]);
    }

    [Fact]
    public async Task From_September_2021_ERW_has_ended_and_Neath_Port_Talbot_has_no_consortium()
    {
        var members = await MembershipsAsAt(new DateOnly(2021, 9, 1));
        Assert.Equal(21, members.Count);
        Assert.DoesNotContain(members, m => m.LaCode == "671");
        Assert.DoesNotContain(members, m => m.ConsortiumCode == "ERW");
        Assert.Equal(["668", "669", "670"], members.Where(m => m.ConsortiumCode == "PARTNERIAETH").Select(m => m.LaCode).Order());
        Assert.Equal(["666", "667"], members.Where(m => m.ConsortiumCode == "POWYS_CEREDIGION").Select(m => m.LaCode).Order());
        var lastErwDay = await MembershipsAsAt(new DateOnly(2021, 8, 31));
        Assert.Equal(6, lastErwDay.Count(m => m.ConsortiumCode == "ERW"));
    }

    [Fact]
    public async Task No_authority_ever_belongs_to_two_consortia_on_the_same_date()
    {
        await using var db = NewContext();
        var all = await db.ConsortiumMemberships.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(22 + 22 + 5, all.Count); // ADEW 22, regional 22, 2021 partnerships 5
        Assert.All(all, m => Assert.Null(ConsortiumMembership.Overlap(m, all)));
    }

    [Fact]
    public async Task Academic_years_run_from_2008_09_to_2025_26()
    {
        await using var db = NewContext();
        var years = await db.AcademicYears.AsNoTracking().OrderBy(y => y.StartYear).ToListAsync(Ct);
        Assert.Equal(Enumerable.Range(2008, 18).Select(AcademicYears.Format), years.Select(y => y.Code));
        Assert.All(years, y => Assert.Empty(y.Validate()));
        Assert.Equal(new DateOnly(2014, 9, 1), years.Single(y => y.Code == "2014/15").StartDate);
    }

    [Fact]
    public async Task SEF_structure_has_six_elements_and_five_core_themes()
    {
        await using var db = NewContext();
        Assert.Equal([1, 2, 3, 4, 5, 6], await db.SefElements.OrderBy(e => e.Number).Select(e => e.Number).ToListAsync(Ct));
        Assert.Equal("Networks of professional practice", (await db.SefElements.SingleAsync(e => e.Number == 4, Ct)).NameEn);
        Assert.Equal(5, await db.SefThemes.CountAsync(Ct));
        Assert.True(await db.SefThemes.AnyAsync(t => t.NameEn == "Bilingualism", Ct));
    }

    [Fact]
    public async Task Estyn_frameworks_carry_their_own_areas_and_grade_wording()
    {
        await using var db = NewContext();
        var grades = await db.EstynGrades.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(["Excellent", "Good", "Adequate", "Unsatisfactory"],
            grades.Where(g => g.FrameworkCode == "CIF2010").OrderBy(g => g.Rank).Select(g => g.Label));
        Assert.Equal(["Excellent", "Good", "Adequate and needs improvement", "Unsatisfactory and needs urgent improvement"],
            grades.Where(g => g.FrameworkCode == "CIF2017").OrderBy(g => g.Rank).Select(g => g.Label));
        Assert.All(grades.Where(g => g.FrameworkCode == "PRE2010"), g => Assert.False(g.IsVerified));
        Assert.Equal(5, grades.Count(g => g.FrameworkCode == "PRE2010"));
        Assert.DoesNotContain(grades, g => g.FrameworkCode is "UNGRADED2022" or "FRAMEWORK2024");
        var areas = await db.EstynAreas.AsNoTracking().Where(a => a.FrameworkCode == "CIF2010").Select(a => a.Code).ToListAsync(Ct);
        Assert.Equal(["CURRENT_PERFORMANCE", "KQ1", "KQ2", "KQ3", "PROSPECTS"], areas.Order(StringComparer.Ordinal));
        Assert.Equal(5, await db.EstynAreas.CountAsync(a => a.FrameworkCode == "CIF2017", Ct));
    }

    [Fact]
    public async Task Categorisation_reference_has_colours_unverified_support_days_and_only_the_known_matrix_cell()
    {
        await using var db = NewContext();
        var days = await db.SupportDaysRules.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(4, days.Single(d => d.Colour == SupportColour.Green).MaxDays);
        Assert.Equal(10, days.Single(d => d.Colour == SupportColour.Yellow).MaxDays);
        Assert.Equal(15, days.Single(d => d.Colour == SupportColour.Amber).MaxDays);
        Assert.Equal(25, days.Single(d => d.Colour == SupportColour.Red).MaxDays);
        Assert.All(days, d => Assert.False(d.IsVerified));
        var cell = Assert.Single(await db.CategorisationMatrix.AsNoTracking().ToListAsync(Ct));
        Assert.Equal((1, ImprovementCapacity.A, SupportColour.Green), (cell.StandardsGroup!.Value, cell.Capacity, cell.Colour));
        Assert.Equal(4, await db.CategorisationColours.CountAsync(Ct));
    }

    [Fact]
    public async Task Every_code_in_ReferenceCodes_exists_exactly_as_seeded()
    {
        await using var db = NewContext();
        Assert.Equal(ReferenceCodes.Consortia.All.Order(), (await db.Consortia.Select(c => c.Code).ToListAsync(Ct)).Order());
        Assert.Equal(ReferenceCodes.EstynFrameworks.All.Order(), (await db.EstynFrameworks.Select(c => c.Code).ToListAsync(Ct)).Order());
        Assert.Equal(ReferenceCodes.SefElements.All.Order(), (await db.SefElements.Select(c => c.Code).ToListAsync(Ct)).Order());
        Assert.Equal(ReferenceCodes.SefThemes.All.Order(), (await db.SefThemes.Select(c => c.Code).ToListAsync(Ct)).Order());
        Assert.Equal(ReferenceCodes.Measures.All.Order(), (await db.Measures.Select(c => c.Code).ToListAsync(Ct)).Order());
        Assert.Equal(ReferenceCodes.LanguageCategories2007.All.Order(), (await db.LanguageCategories.Select(c => c.Id).ToListAsync(Ct)).Order());
        Assert.Equal(ReferenceCodes.LaCodes, await db.LocalAuthorities.OrderBy(l => l.LaCode).Select(l => l.LaCode).ToListAsync(Ct));
        var areas = await db.EstynAreas.ToListAsync(Ct);
        var grades = await db.EstynGrades.ToListAsync(Ct);
        foreach (var (framework, expectedAreas, expectedGrades) in new[]
                 {
                     (ReferenceCodes.EstynFrameworks.Pre2010, ReferenceCodes.EstynAreas.Pre2010, ReferenceCodes.EstynGrades.Pre2010),
                     (ReferenceCodes.EstynFrameworks.Cif2010, ReferenceCodes.EstynAreas.Cif2010, ReferenceCodes.EstynGrades.Cif2010),
                     (ReferenceCodes.EstynFrameworks.Cif2017, ReferenceCodes.EstynAreas.Cif2017, ReferenceCodes.EstynGrades.Cif2017),
                 })
        {
            Assert.Equal(expectedAreas.Order(), areas.Where(a => a.FrameworkCode == framework).Select(a => a.Code).Order());
            Assert.Equal(expectedGrades, grades.Where(g => g.FrameworkCode == framework).OrderBy(g => g.Rank).Select(g => g.Code));
        }
        Assert.True(await db.AcademicYears.AnyAsync(y => y.Code == ReferenceCodes.FirstYear, Ct));
        Assert.True(await db.AcademicYears.AnyAsync(y => y.Code == ReferenceCodes.LastYear, Ct));
    }

    [Fact]
    public async Task Measures_catalogue_has_the_named_measures()
    {
        await using var db = NewContext();
        var codes = await db.Measures.Select(m => m.Code).ToListAsync(Ct);
        Assert.Superset(new HashSet<string> { "L2_INCL", "CAPPED8", "CAPPED9", "CSI", "ATTENDANCE", "FFT_PROGRESS", "VA_POST16" }, codes.ToHashSet());
        Assert.False((await db.Measures.SingleAsync(m => m.Code == "CSI", Ct)).IsVerified);
    }
}

public sealed class ReferenceDataTestsSqlite(SqliteMigratedDatabase db) : ReferenceDataTests(db), IClassFixture<SqliteMigratedDatabase>;

public sealed class ReferenceDataTestsPostgres(PostgresMigratedDatabase db) : ReferenceDataTests(db), IClassFixture<PostgresMigratedDatabase>;
