using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Domain;
using static SefData.Api.Tests.Aggregates.RollUpAssert;

namespace SefData.Api.Tests.Aggregates;

/// <summary>Colour transitions and movers, Estyn grade distributions per framework, follow-up counts as at a date.</summary>
public abstract class TransitionAndInspectionTests(ApiHost host)
{
    [Fact]
    public async Task Transition_matrix_and_amber_to_red_movers_of_a_consortium()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = host.NewDbContext();
        const string from = "2017/18", to = "2018/19";
        var code = await BiggestConsortiumAsync(db, await YearDateAsync(db, to));
        var members = await MembersAsync(db, code, await YearDateAsync(db, to));
        var before = await db.CategorisationResults.Where(c => c.YearCode == from).ToListAsync(ct);
        var after = await db.CategorisationResults.Where(c => c.YearCode == to).Include(c => c.School).ToListAsync(ct);
        var pairs = (from a in after where members.Contains(a.School!.LaCode)
                     join b in before on a.SchoolId equals b.SchoolId
                     select (School: a.School!, From: b.SupportColour, To: a.SupportColour, Rows: new[] { (a.Id, a.Version), (b.Id, b.Version) })).ToList();
        Assert.NotEmpty(pairs);

        using var json = await host.PostGraphQLAsync("""
            query($c: String!, $f: AcademicYear!, $t: AcademicYear!) { consortium(code: $c) { colourTransitions(from: $f, to: $t) {
              __typename ... on ColourTransitions { fromYear toYear computedAt sourceVersion stale suppressionThreshold total { count suppressed }
                cells { from to count percent suppressed }
                movers(fromColour: AMBER, toColour: RED, first: 500) { school { schoolNumber } fromColour toColour fromYear toYear }
                allMovers: movers(first: 500) { school { schoolNumber } } } } } }
            """, new { c = code, f = from, t = to });
        var x = GraphQLAssert.NoErrors(json).GetProperty("consortium").GetProperty("colourTransitions");
        Assert.Equal("ColourTransitions", x.GetProperty("__typename").GetString());
        Cell(x.GetProperty("total"), pairs.Count, "total");
        var cells = x.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(16, cells.Count);
        var shown = 0;
        foreach (var c in cells)
        {
            var n = pairs.Count(p => Upper(p.From) == c.GetProperty("from").GetString() && Upper(p.To) == c.GetProperty("to").GetString());
            if (Cell(c, n, $"{c.GetProperty("from")}->{c.GetProperty("to")}")) shown++;
            Percent(c, x.GetProperty("total"));
        }
        Assert.True(shown > 0);
        NoSingleUnknown(x.GetProperty("total"), cells, "matrix");
        var sig = pairs.SelectMany(p => p.Rows).ToList();
        Assert.Equal($"CategorisationResult:{sig.Count}:{sig.Sum(r => (long)r.Version)}:{pairs.Max(p => p.Rows[0].Id)}", x.GetProperty("sourceVersion").GetString());

        var expectedMovers = pairs.Where(p => p.From == SupportColour.Amber && p.To == SupportColour.Red).Select(p => p.School.SchoolNumber).Order(StringComparer.Ordinal).ToList();
        var movers = x.GetProperty("movers").EnumerateArray().ToList();
        Assert.Equal(expectedMovers, movers.Select(m => m.GetProperty("school").GetProperty("schoolNumber").GetString()));
        Assert.All(movers, m => Assert.Equal(("AMBER", "RED", from, to), (m.GetProperty("fromColour").GetString(), m.GetProperty("toColour").GetString(), m.GetProperty("fromYear").GetString(), m.GetProperty("toYear").GetString())));
        Assert.Equal(pairs.Where(p => p.From != p.To).Select(p => p.School.SchoolNumber).Order(StringComparer.Ordinal).Take(500),
            x.GetProperty("allMovers").EnumerateArray().Select(m => m.GetProperty("school").GetProperty("schoolNumber").GetString()));
    }

    [Fact]
    public async Task Transitions_into_a_year_without_categorisation_and_oversized_lists_are_refused()
    {
        using var json = await host.PostGraphQLAsync("""{ wales { colourTransitions(from: "2019/20", to: "2020/21") { __typename ... on SeriesUnavailable { reason } } } }""");
        var x = GraphQLAssert.NoErrors(json).GetProperty("wales").GetProperty("colourTransitions");
        Assert.Equal(("SeriesUnavailable", "SUSPENDED"), (x.GetProperty("__typename").GetString(), x.GetProperty("reason").GetString()));

        using var tooMany = await host.PostGraphQLAsync("""{ wales { colourTransitions(from: "2018/19", to: "2019/20") { ... on ColourTransitions { movers(first: 501) { fromColour } } } } }""");
        Assert.Contains("PAGE_SIZE_EXCEEDED", GraphQLAssert.ErrorCodes(tooMany));
    }

    [Theory]
    [InlineData("2015/16", "cif2010", "area")]
    [InlineData("2018/19", "cif2017", "area")]
    [InlineData("2008/09", "pre2010", "keyQuestion")]
    public async Task Estyn_grades_per_framework_area_and_grade(string year, string field, string areaField)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = host.NewDbContext();
        var start = new DateOnly(int.Parse(year[..4], System.Globalization.CultureInfo.InvariantCulture), 9, 1);
        var end = start.AddYears(1).AddDays(-1);
        var judgements = await db.InspectionJudgements.Include(j => j.Inspection)
            .Where(j => j.Inspection!.Subject == InspectionSubject.School && j.Inspection.StartDate >= start && j.Inspection.StartDate <= end).ToListAsync(ct);
        var framework = field.ToUpperInvariant();
        var ofFramework = judgements.Where(j => j.FrameworkCode == framework).ToList();
        Assert.NotEmpty(ofFramework);

        using var json = await host.PostGraphQLAsync($$"""
            query($y: AcademicYear!) { wales { estynGradeDistribution(year: $y) { __typename ... on EstynGradeDistribution {
              year computedAt sourceVersion stale suppressionThreshold
              {{field}} { {{areaField}} judgements { count suppressed } grades { grade count percent suppressed } } } } } }
            """, new { y = year });
        var d = GraphQLAssert.NoErrors(json).GetProperty("wales").GetProperty("estynGradeDistribution");
        Assert.Equal("EstynGradeDistribution", d.GetProperty("__typename").GetString());
        Fresh(d, $"InspectionJudgement:{judgements.Count}:{judgements.Sum(j => (long)j.Inspection!.Version)}:{judgements.Max(j => j.Id)}");

        // Area and grade enums carry the stored codes except the CIF 2010 prospects judgement (named in full).
        static string Code(string name) => name == "PROSPECTS_FOR_IMPROVEMENT" ? "PROSPECTS" : name switch
        {
            "STANDARDS" => "IA1", "WELLBEING_AND_ATTITUDES_TO_LEARNING" => "IA2", "TEACHING_AND_LEARNING_EXPERIENCES" => "IA3",
            "CARE_SUPPORT_AND_GUIDANCE" => "IA4", "LEADERSHIP_AND_MANAGEMENT" => "IA5",
            "GRADE_1" => "G1", "GRADE_2" => "G2", "GRADE_3" => "G3", "GRADE_4" => "G4", "GRADE_5" => "G5",
            "ADEQUATE_AND_NEEDS_IMPROVEMENT" => "ADEQUATE_NEEDS_IMPROVEMENT", "UNSATISFACTORY_AND_NEEDS_URGENT_IMPROVEMENT" => "UNSATISFACTORY_URGENT",
            _ => name,
        };
        var areas = d.GetProperty(field).EnumerateArray().ToList();
        Assert.Equal(ofFramework.Select(j => j.AreaCode).Distinct().Order(), areas.Select(a => Code(a.GetProperty(areaField).GetString()!)).Where(a => ofFramework.Any(j => j.AreaCode == a)).Order());
        var shown = 0;
        foreach (var a in areas)
        {
            var area = Code(a.GetProperty(areaField).GetString()!);
            Cell(a.GetProperty("judgements"), ofFramework.Count(j => j.AreaCode == area), area);
            var grades = a.GetProperty("grades").EnumerateArray().ToList();
            foreach (var g in grades)
            {
                var grade = Code(g.GetProperty("grade").GetString()!);
                if (Cell(g, ofFramework.Count(j => j.AreaCode == area && j.GradeCode == grade), $"{area} {grade}")) shown++;
                Percent(g, a.GetProperty("judgements"));
            }
            NoSingleUnknown(a.GetProperty("judgements"), grades, area);
        }
        Assert.True(shown > 0);
    }

    [Fact]
    public async Task Estyn_grades_from_2022_answer_with_the_reason()
    {
        using var json = await host.PostGraphQLAsync("""{ wales { estynGradeDistribution(year: "2022/23") { __typename ... on SeriesUnavailable { series reason } } } }""");
        var d = GraphQLAssert.NoErrors(json).GetProperty("wales").GetProperty("estynGradeDistribution");
        Assert.Equal(("SeriesUnavailable", "ESTYN_GRADES", "ENDED"), (d.GetProperty("__typename").GetString(), d.GetProperty("series").GetString(), d.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Follow_up_counts_current_on_a_date_for_wales_and_each_consortium()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = host.NewDbContext();
        var asOf = new DateOnly(2016, 1, 31);
        var current = (await db.FollowUps.Include(f => f.Inspection).ThenInclude(i => i!.School).ToListAsync(ct))
            .Where(f => f.Category != FollowUpCategory.None && f.StartDate <= asOf && (f.RemovedDate == null || f.RemovedDate > asOf) && f.Inspection!.School is not null).ToList();
        Assert.True(current.Count >= Threshold);
        using var json = await host.PostGraphQLAsync("""
            query { wales { followUpCounts(asOf: "2016-01-31") { ...F } } consortia(asOf: "2016-01-31") { code followUpCounts(asOf: "2016-01-31") { ...F } } }
            fragment F on FollowUpCounts { asOf computedAt sourceVersion stale suppressionThreshold total { count suppressed } categories { category count percent suppressed } }
            """);
        var data = GraphQLAssert.NoErrors(json);
        var consortia = data.GetProperty("consortia").EnumerateArray().Select(c => (Code: c.GetProperty("code").GetString()!, F: c.GetProperty("followUpCounts"))).ToList();
        var scopes = new List<(JsonElement F, List<FollowUp> Rows)> { (data.GetProperty("wales").GetProperty("followUpCounts"), current) };
        foreach (var (code, f) in consortia)
        {
            var members = await MembersAsync(db, code, asOf);
            scopes.Add((f, current.Where(x => members.Contains(x.Inspection!.School!.LaCode)).ToList()));
        }
        foreach (var (f, rows) in scopes)
        {
            Fresh(f, Signature("FollowUp", rows.Select(r => (r.Id, r.Version))));
            Cell(f.GetProperty("total"), rows.Count, "total");
            var cats = f.GetProperty("categories").EnumerateArray().ToList();
            Assert.Equal(5, cats.Count);
            foreach (var c in cats)
            {
                Cell(c, rows.Count(r => Upper(r.Category) == c.GetProperty("category").GetString()), c.GetProperty("category").GetString()!);
                Percent(c, f.GetProperty("total"));
            }
            NoSingleUnknown(f.GetProperty("total"), cats, "follow-ups");
        }
        Assert.Equal(current.Count, Count(scopes[0].F.GetProperty("total")));
    }
}

public sealed class TransitionAndInspectionTestsSqlite(SqliteApiHost host) : TransitionAndInspectionTests(host);
public sealed class TransitionAndInspectionTestsPostgres(PostgresApiHost host) : TransitionAndInspectionTests(host);
