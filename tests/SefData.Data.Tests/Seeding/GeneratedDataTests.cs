using Microsoft.EntityFrameworkCore;
using SefData.Data.Seeding;
using SefData.Domain;

namespace SefData.Data.Tests.Seeding;

/// <summary>What a scale-1 demo database must look like; runs on SQLite and PostgreSQL.</summary>
public abstract class GeneratedDataTests(SeededDatabase fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly Census2015 = new(2015, 1, 15);

    [Fact]
    public async Task Schools_cover_all_22_authorities_in_4_consortia_at_wales_scale()
    {
        await using var db = fixture.NewContext();
        var schools = await db.Schools.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(22, schools.Select(s => s.LaCode).Distinct().Count());
        Assert.Equal(22, await db.LocalAuthorities.CountAsync(Ct));

        var memberships = await db.ConsortiumMemberships.AsNoTracking().ToListAsync(Ct);
        var consortia2015 = schools.Select(s => s.LaCode).Distinct()
            .Select(la => memberships.Single(m => m.LaCode == la && Check.Covers(m.ValidFrom, m.ValidTo, new DateOnly(2015, 1, 1))).ConsortiumCode)
            .Distinct().Order().ToList();
        Assert.Equal(["CSC", "EAS", "ERW", "GWE"], consortia2015);

        var open = schools.Where(s => s.OpenDate <= Census2015 && (s.CloseDate is null || s.CloseDate >= Census2015)).ToList();
        Assert.InRange(open.Count, 1400, 1600);
        Assert.InRange(open.Count(s => s.Sector == Sector.Primary), 1150, 1350);
        Assert.InRange(open.Count(s => s.Sector == Sector.Secondary), 160, 200);
        Assert.InRange(open.Count(s => s.Sector == Sector.Special), 30, 50);
        Assert.InRange(open.Count(s => s.Sector == Sector.Pru), 18, 32);
        Assert.All(schools, s => Assert.Matches("^[0-9]{7}$", s.SchoolNumber));

        // Cardiff and RCT are large, Merthyr and Blaenau Gwent small.
        int Count(string la) => open.Count(s => s.LaCode == la);
        Assert.True(Count("681") > 3 * Count("675") && Count("674") > 3 * Count("677"), "LA sizes should follow reality");
        Assert.Equal(fixture.Summary.OpenSchools, schools.Count(s => s.CloseDate is null || s.CloseDate > DemoDataGenerator.AsAt));
    }

    [Fact]
    public async Task Welsh_medium_primaries_are_about_a_quarter_and_concentrated_in_the_west()
    {
        await using var db = fixture.NewContext();
        var primaries = await db.Schools.AsNoTracking().Where(s => s.Sector == Sector.Primary).ToListAsync(Ct);
        double Share(IEnumerable<School> s) => s.Count(x => x.LanguageCategoryId == "2007:WM") / (double)s.Count();
        Assert.InRange(Share(primaries), 0.20, 0.32);
        Assert.True(Share(primaries.Where(s => s.LaCode == "661")) > 0.7, "Gwynedd is mostly Welsh-medium");
        Assert.True(Share(primaries.Where(s => s.LaCode is "679" or "677" or "678")) < 0.12, "the south-east is mostly English-medium");
    }

    [Fact]
    public async Task Amalgamated_schools_link_closed_predecessors_to_new_successors()
    {
        await using var db = fixture.NewContext();
        var links = await db.SchoolLinks.AsNoTracking().Include(l => l.Predecessor).Include(l => l.Successor).ToListAsync(Ct);
        Assert.NotEmpty(links);
        Assert.All(links, l =>
        {
            Assert.Equal(l.Successor!.OpenDate!.Value.AddDays(-1), l.Predecessor!.CloseDate);
            Assert.NotEqual(l.Predecessor.SchoolNumber, l.Successor.SchoolNumber);
        });
    }

    [Fact]
    public async Task Categorisation_covers_exactly_2014_15_to_2019_20()
    {
        await using var db = fixture.NewContext();
        var years = await db.CategorisationResults.Select(c => c.YearCode).Distinct().OrderBy(y => y).ToListAsync(Ct);
        Assert.Equal(["2014/15", "2015/16", "2016/17", "2017/18", "2018/19", "2019/20"], years);

        var results = await db.CategorisationResults.AsNoTracking().Include(c => c.School).ToListAsync(Ct);
        Assert.All(results, r =>
        {
            Assert.Equal(CategorisationStage.Published, r.Stage);
            Assert.NotNull(r.PublishedDate);
            Assert.NotNull(r.AdviserPersonId);
            if (string.CompareOrdinal(r.YearCode, "2017/18") >= 0 || r.School!.Sector is Sector.Special or Sector.Pru) Assert.Null(r.StandardsGroup);
        });
        Assert.Contains(results, r => r.StandardsGroup is not null);
        // Support days come from the reference table (green 4 ... red 25).
        Assert.All(results.Where(r => r.SupportColour == SupportColour.Red), r => Assert.Equal(25, r.SupportDays));
    }

    [Fact]
    public async Task Colour_shares_rise_from_a_sixth_green_to_nearly_half()
    {
        await using var db = fixture.NewContext();
        var rows = await db.CategorisationResults.AsNoTracking().Select(c => new { c.YearCode, c.SupportColour }).ToListAsync(Ct);
        double Share(string year, SupportColour colour) =>
            rows.Count(r => r.YearCode == year && r.SupportColour == colour) / (double)rows.Count(r => r.YearCode == year);

        Assert.InRange(Share("2014/15", SupportColour.Green), 0.11, 0.22);
        Assert.InRange(Share("2019/20", SupportColour.Green), 0.40, 0.54);
        Assert.InRange(Share("2014/15", SupportColour.Red), 0.06, 0.15);
        Assert.InRange(Share("2019/20", SupportColour.Red), 0.01, 0.05);
        var greens = new[] { "2014/15", "2015/16", "2016/17", "2017/18", "2018/19", "2019/20" }.Select(y => Share(y, SupportColour.Green)).ToList();
        Assert.Equal(greens.Order(), greens);
    }

    [Fact]
    public async Task Colours_mostly_stay_or_move_one_step_between_years()
    {
        await using var db = fixture.NewContext();
        var rows = await db.CategorisationResults.AsNoTracking().Select(c => new { c.SchoolId, c.YearCode, c.SupportColour }).ToListAsync(Ct);
        var byKey = rows.ToDictionary(r => (r.SchoolId, AcademicYears.StartYear(r.YearCode)), r => (int)r.SupportColour);
        var moves = byKey.Where(kv => byKey.ContainsKey((kv.Key.SchoolId, kv.Key.Item2 + 1)))
            .Select(kv => byKey[(kv.Key.SchoolId, kv.Key.Item2 + 1)] - kv.Value).ToList();
        Assert.True(moves.Count(m => Math.Abs(m) <= 1) > 0.95 * moves.Count, "at least 95% stable or one step");
        Assert.Contains(moves, m => m == 2); // the occasional two-step drop
    }

    [Fact]
    public async Task Every_brokerage_runs_from_green_or_yellow_to_amber_or_red_in_that_year()
    {
        await using var db = fixture.NewContext();
        var colours = (await db.CategorisationResults.AsNoTracking().Select(c => new { c.SchoolId, c.YearCode, c.SupportColour }).ToListAsync(Ct))
            .ToDictionary(c => (c.SchoolId, c.YearCode), c => c.SupportColour);
        var brokerages = await db.SupportBrokerages.AsNoTracking().ToListAsync(Ct);
        Assert.True(brokerages.Count > 500, $"expected a realistic number of brokerages, got {brokerages.Count}");
        foreach (var b in brokerages)
        {
            var year = AcademicYears.Format(b.StartDate.Month >= 9 ? b.StartDate.Year : b.StartDate.Year - 1);
            Assert.Contains(colours[(b.ProviderSchoolId, year)], new[] { SupportColour.Green, SupportColour.Yellow });
            Assert.Contains(colours[(b.RecipientSchoolId, year)], new[] { SupportColour.Amber, SupportColour.Red });
            Assert.Equal(colours[(b.ProviderSchoolId, year)], b.ProviderColour);
            Assert.Equal(colours[(b.RecipientSchoolId, year)], b.RecipientColour);
        }
        // Most providers carry one or two partnerships a year; a few are overloaded.
        var loads = brokerages.GroupBy(b => (b.ProviderSchoolId, b.StartDate.Year)).Select(g => g.Count()).ToList();
        Assert.True(loads.Count(l => l <= 2) > 0.7 * loads.Count);
        Assert.Contains(loads, l => l >= 5);
    }

    [Fact]
    public async Task Challenge_adviser_caseloads_are_15_to_25_schools_a_year()
    {
        await using var db = fixture.NewContext();
        var loads = await db.RoleAssignments.Where(r => r.Role == RoleKind.ChallengeAdviser)
            .GroupBy(r => new { r.PersonId, r.YearCode }).Select(g => g.Count()).ToListAsync(Ct);
        Assert.NotEmpty(loads);
        Assert.All(loads, n => Assert.InRange(n, 15, 25));
    }

    [Fact]
    public async Task Inspections_use_the_framework_of_their_date_with_its_own_areas_and_grades()
    {
        await using var db = fixture.NewContext();
        var inspections = await db.Inspections.AsNoTracking().Include(i => i.Judgements).Include(i => i.FollowUps).ToListAsync(Ct);
        var areas = await db.EstynAreas.AsNoTracking().ToListAsync(Ct);
        var grades = await db.EstynGrades.AsNoTracking().ToListAsync(Ct);
        Assert.All(inspections, i =>
        {
            var expected = i.StartDate < new DateOnly(2010, 9, 1) ? "PRE2010" : i.StartDate < new DateOnly(2017, 9, 1) ? "CIF2010"
                : i.StartDate < new DateOnly(2022, 1, 1) ? "CIF2017" : i.StartDate < new DateOnly(2024, 9, 1) ? "UNGRADED2022" : "FRAMEWORK2024";
            Assert.Equal(expected, i.FrameworkCode);
            Assert.False(i.StartDate >= new DateOnly(2020, 3, 16) && i.StartDate < new DateOnly(2021, 9, 1), "no inspections in the COVID pause");
            Assert.All(i.Judgements, j => Assert.Empty(InspectionJudgement.FrameworkRule(i.FrameworkCode, j.AreaCode, j.GradeCode, areas, grades)));
            if (i.FrameworkCode is "UNGRADED2022" or "FRAMEWORK2024") Assert.Empty(i.Judgements);
        });
        var followUps = inspections.SelectMany(i => i.FollowUps).ToList();
        Assert.InRange(followUps.Count(f => f.Category == FollowUpCategory.SpecialMeasures) / (double)inspections.Count, 0.001, 0.03);
        Assert.DoesNotContain(inspections, i => i.FrameworkCode == "CIF2010" && i.FollowUps.Any(f => f.Category == FollowUpCategory.EstynReview));
    }

    [Fact]
    public async Task Measures_have_efsm_gaps_and_la_and_wales_values()
    {
        await using var db = fixture.NewContext();
        var wales = await db.MeasureValues.AsNoTracking().Where(m => m.Subject == MeasureSubject.Wales && m.YearCode == "2015/16").ToListAsync(Ct);
        foreach (var code in new[] { "L2_INCL", "CSI" })
        {
            var efsm = wales.Single(m => m.MeasureCode == code && m.Subgroup == Subgroup.Efsm).Value;
            var non = wales.Single(m => m.MeasureCode == code && m.Subgroup == Subgroup.NonEfsm).Value;
            Assert.InRange(non - efsm, 10m, 45m);
        }
        Assert.Equal(22, await db.MeasureValues.Where(m => m.Subject == MeasureSubject.LocalAuthority && m.MeasureCode == "L2_INCL"
            && m.YearCode == "2015/16" && m.Subgroup == Subgroup.All).CountAsync(Ct));
        var school = await db.MeasureValues.AsNoTracking().Where(m => m.Subject == MeasureSubject.School).Take(200).ToListAsync(Ct);
        Assert.All(school, m => Assert.True(m.Estimate is not null && m.CiLow <= m.Value && m.Value <= m.CiHigh && m.CohortSize > 0));
    }

    [Fact]
    public async Task Collaboration_sef_pilot_and_outcome_agreements_are_present()
    {
        await using var db = fixture.NewContext();
        var groups = await db.CollaborationGroups.AsNoTracking().Include(g => g.Memberships).ToListAsync(Ct);
        foreach (var type in new[] { GroupType.Hub, GroupType.Sig, GroupType.PeerEnquiry, GroupType.Pathfinder, GroupType.SefNetwork })
            Assert.Contains(groups, g => g.Type == type);
        Assert.True(groups.Count(g => g.Type == GroupType.Hub && g.ConsortiumCode == "CSC") > groups.Count(g => g.Type == GroupType.Hub) / 2);
        Assert.All(groups.Where(g => g.Type == GroupType.PeerEnquiry), g => Assert.Equal(3, g.Memberships.Count));
        Assert.All(groups.Where(g => g.Type == GroupType.Pathfinder), g => Assert.Equal(2, g.Memberships.Count));

        var activities = await db.GroupActivities.AsNoTracking().ToListAsync(Ct);
        var byId = groups.ToDictionary(g => g.Id);
        Assert.All(activities, a =>
        {
            var g = byId[a.GroupId];
            Assert.InRange(a.Date, g.ValidFrom, g.ValidTo!.Value.AddDays(3));
            Assert.Contains(a.HostSchoolId!.Value, g.Memberships.Select(m => m.SchoolId));
            Assert.False(a.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        });
        Assert.Equal(groups.Count, activities.Select(a => a.GroupId).Distinct().Count());

        var pilot = await db.SchoolYearProfiles.CountAsync(p => p.SefPilot, Ct);
        Assert.InRange(pilot, 90, 100);
        Assert.Equal(pilot, await db.ImprovementCycles.CountAsync(Ct));
        var themes = await db.ThemesForImprovement.AsNoTracking().Include(t => t.Elements).ToListAsync(Ct);
        Assert.All(themes, t => Assert.Null(ThemeForImprovement.SpanRule(t.Title, t.Elements.Select(e => e.ElementCode))));
        Assert.Contains(await db.Barriers.AsNoTracking().ToListAsync(Ct), b => b.EscalatedTo is not null);
        var logs = await db.ActivityLogs.AsNoTracking().ToListAsync(Ct);
        Assert.True(logs.Count >= 4 * pilot, "every facilitated pilot school has visit logs");
        Assert.All(logs, l => Assert.InRange(l.Date, new DateOnly(2008, 9, 1), new DateOnly(2009, 7, 31)));

        var agreements = await db.OutcomeAgreements.AsNoTracking().Include(a => a.Outcomes).Include(a => a.Assessments).ToListAsync(Ct);
        Assert.Equal(44, agreements.Count);
        Assert.All(agreements.Where(a => a.PeriodStart.Year == 2010), a => Assert.Equal(10, a.Outcomes.Count));
        Assert.All(agreements.Where(a => a.PeriodStart.Year == 2013), a => Assert.Contains(a.Outcomes, o => o.Title == "School attainment"));
        Assert.All(agreements, a => Assert.Equal(3, a.Assessments.Count));
    }

    [Fact]
    public async Task Data_is_labelled_synthetic_with_scale_seed_and_generator_version()
    {
        await using var db = fixture.NewContext();
        var info = await DatasetInfoStore.ReadAsync(db, Ct);
        Assert.NotNull(info);
        Assert.True(info.IsSynthetic);
        Assert.Equal((1, SeededDatabase.Seed, DemoDataGenerator.GeneratorVersion), (info.Scale!.Value, info.Seed!.Value, info.GeneratorVersion));
    }
}

public sealed class GeneratedDataSqliteTests(SqliteSeededDatabase fixture) : GeneratedDataTests(fixture), IClassFixture<SqliteSeededDatabase>;

public sealed class GeneratedDataPostgresTests(PostgresSeededDatabase fixture) : GeneratedDataTests(fixture), IClassFixture<PostgresSeededDatabase>;
