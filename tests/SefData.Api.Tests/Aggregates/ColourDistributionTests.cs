using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Data;
using SefData.Domain;
using static SefData.Api.Tests.Aggregates.RollUpAssert;

namespace SefData.Api.Tests.Aggregates;

/// <summary>
/// Colour distributions on Wales, LAs and consortia (dashboard story 1): counts against rows the test loads and
/// counts itself, small-cell suppression, change from last year, freshness, series gaps, and SQL shape and count.
/// </summary>
public abstract class ColourDistributionTests(ApiHost host)
{
    private const string Fields = """
        __typename
        ... on SeriesUnavailable { series reason message }
        ... on ColourDistribution {
          year by computedAt sourceVersion stale suppressionThreshold
          total { count suppressed }
          colours { colour count percent suppressed changeFromPreviousYear }
          groups { localAuthority { laCode } sector languageCategory { id } total { count suppressed }
                   colours { colour count percent suppressed changeFromPreviousYear } }
        }
        """;

    private sealed record Fact(int Id, int Version, int SchoolId, string La, Sector Sector, string? Lang, SupportColour Colour);

    /// <summary>The year's categorisation rows with LA, sector and the year's language category (profile, else school).</summary>
    private static async Task<List<Fact>> FactsAsync(SefDataDbContext db, string year)
    {
        var ct = TestContext.Current.CancellationToken;
        var results = await db.CategorisationResults.Where(c => c.YearCode == year).Include(c => c.School).ToListAsync(ct);
        var langs = (await db.SchoolYearProfiles.Where(p => p.YearCode == year).ToListAsync(ct)).ToDictionary(p => p.SchoolId, p => p.LanguageCategoryId);
        return results.Select(c => new Fact(c.Id, c.Version, c.SchoolId, c.School!.LaCode, c.School.Sector,
            langs.GetValueOrDefault(c.SchoolId) ?? c.School.LanguageCategoryId, c.SupportColour)).ToList();
    }

    private static (string?, string?, string?) Key(Fact f, bool la, bool sector, bool lang) =>
        (la ? f.La : null, sector ? Upper(f.Sector) : null, lang ? f.Lang : null);

    private static (string?, string?, string?) Key(JsonElement g) =>
        (Nested(g, "localAuthority", "laCode"), Str(g, "sector"), Nested(g, "languageCategory", "id"));

    /// <summary>Checks a distribution against the facts (and last year's for the change); returns how many cells were published.</summary>
    private static int Verify(JsonElement d, List<Fact> facts, List<Fact>? previous, bool la, bool sector, bool lang)
    {
        int Raw(IEnumerable<Fact> fs, (string?, string?, string?)? key, string colour) =>
            fs.Count(f => (key is null || Key(f, la, sector, lang) == key) && Upper(f.Colour) == colour);

        var shown = 0;
        var expectedKeys = facts.Select(f => Key(f, la, sector, lang)).Distinct().ToHashSet();
        var groups = d.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(expectedKeys.OrderBy(k => k.ToString()), groups.Select(Key).OrderBy(k => k.ToString()));

        if (Cell(d.GetProperty("total"), facts.Count, "total")) shown++;
        var top = d.GetProperty("colours").EnumerateArray().ToList();
        Assert.Equal(Colours, top.Select(c => c.GetProperty("colour").GetString()));
        foreach (var c in top)
        {
            var colour = c.GetProperty("colour").GetString()!;
            if (Cell(c, Raw(facts, null, colour), colour)) shown++;
            Percent(c, d.GetProperty("total"));
            if (c.GetProperty("changeFromPreviousYear").ValueKind != JsonValueKind.Null)
                Assert.Equal(Raw(facts, null, colour) - Raw(previous!, null, colour), c.GetProperty("changeFromPreviousYear").GetInt32());
        }
        foreach (var g in groups)
        {
            var key = Key(g);
            Cell(g.GetProperty("total"), facts.Count(f => Key(f, la, sector, lang) == key), $"{key} total");
            var cells = g.GetProperty("colours").EnumerateArray().ToList();
            foreach (var c in cells)
            {
                var colour = c.GetProperty("colour").GetString()!;
                if (Cell(c, Raw(facts, key, colour), $"{key} {colour}")) shown++;
                Percent(c, g.GetProperty("total"));
                var change = c.GetProperty("changeFromPreviousYear");
                if (change.ValueKind != JsonValueKind.Null)
                {
                    Assert.False(Suppressed(c));
                    var before = Raw(previous!, key, colour);
                    Assert.True(before >= Threshold, "change published although last year's count is small");
                    Assert.Equal(Raw(facts, key, colour) - before, change.GetInt32());
                }
            }
            NoSingleUnknown(g.GetProperty("total"), cells, $"row {key}");
        }
        // Every published equation of the table: the top row, each colour column, the totals column.
        NoSingleUnknown(d.GetProperty("total"), top, "top row");
        for (var i = 0; i < Colours.Length; i++)
            NoSingleUnknown(top[i], groups.Select(g => g.GetProperty("colours")[i]), $"column {Colours[i]}");
        NoSingleUnknown(d.GetProperty("total"), groups.Select(g => g.GetProperty("total")), "totals column");
        return shown;
    }

    [Fact]
    public async Task Wales_by_sector_and_language_category_matches_the_rows_and_is_grouped_in_sql()
    {
        await using var db = host.NewDbContext();
        var facts = await FactsAsync(db, "2018/19");
        var previous = await FactsAsync(db, "2017/18");
        Assert.NotEmpty(facts);

        var (json, sql) = await host.PostGraphQLWithSqlAsync(
            "query($y: AcademicYear!) { wales { colourDistribution(year: $y, by: [SECTOR, LANGUAGE_CATEGORY]) { " + Fields + " } } }", new { y = "2018/19" });
        using var _ = json;
        var d = GraphQLAssert.NoErrors(json).GetProperty("wales").GetProperty("colourDistribution");
        Assert.Equal("ColourDistribution", d.GetProperty("__typename").GetString());
        Assert.Equal(["SECTOR", "LANGUAGE_CATEGORY"], d.GetProperty("by").EnumerateArray().Select(x => x.GetString()));
        var shown = Verify(d, facts, previous, la: false, sector: true, lang: true);
        Assert.True(shown > 4, "too few published cells for the test to mean anything");
        Fresh(d, Signature("CategorisationResult", facts.Select(f => (f.Id, f.Version))));

        // Counted by the database: a GROUP BY over categorisation results, and one command for both years.
        var grouped = sql.Where(s => s.Contains("GROUP BY", StringComparison.OrdinalIgnoreCase) && s.Contains("CategorisationResults", StringComparison.Ordinal)).ToList();
        Assert.Single(grouped);
        Assert.True(sql.Count <= 2, string.Join("\n---\n", sql));
    }

    [Fact]
    public async Task Wales_as_a_whole_publishes_the_colour_counts_and_the_change()
    {
        await using var db = host.NewDbContext();
        var facts = await FactsAsync(db, "2019/20");
        var previous = await FactsAsync(db, "2018/19");
        using var json = await host.PostGraphQLAsync("query { wales { colourDistribution(year: \"2019/20\") { " + Fields + " } } }");
        var d = GraphQLAssert.NoErrors(json).GetProperty("wales").GetProperty("colourDistribution");
        Verify(d, facts, previous, false, false, false);
        // Wales-wide colour counts are large: all published, with the change from last year.
        foreach (var c in d.GetProperty("colours").EnumerateArray())
        {
            Assert.False(Suppressed(c));
            var colour = c.GetProperty("colour").GetString();
            Assert.Equal(facts.Count(f => Upper(f.Colour) == colour) - previous.Count(f => Upper(f.Colour) == colour), c.GetProperty("changeFromPreviousYear").GetInt32());
        }
        Assert.Equal(facts.Count, Count(d.GetProperty("total")));
    }

    [Fact]
    public async Task Consortium_by_la_and_sector_uses_membership_as_at_the_year()
    {
        await using var db = host.NewDbContext();
        const string year = "2016/17";
        var date = await YearDateAsync(db, year);
        var code = await BiggestConsortiumAsync(db, date);
        var members = await MembersAsync(db, code, date);
        var facts = (await FactsAsync(db, year)).Where(f => members.Contains(f.La)).ToList();
        var prevMembers = await MembersAsync(db, code, await YearDateAsync(db, "2015/16"));
        var previous = (await FactsAsync(db, "2015/16")).Where(f => prevMembers.Contains(f.La)).ToList();
        Assert.NotEmpty(facts);

        using var json = await host.PostGraphQLAsync(
            "query($c: String!, $y: AcademicYear!) { consortium(code: $c) { colourDistribution(year: $y, by: [LOCAL_AUTHORITY, SECTOR]) { " + Fields + " } } }",
            new { c = code, y = year });
        var d = GraphQLAssert.NoErrors(json).GetProperty("consortium").GetProperty("colourDistribution");
        Assert.True(Verify(d, facts, previous, la: true, sector: true, lang: false) > 0);
        Assert.Equal(members.Order(), d.GetProperty("groups").EnumerateArray().Select(g => Nested(g, "localAuthority", "laCode")!).Distinct().Order());
    }

    [Fact]
    public async Task Local_authority_distribution_by_sector()
    {
        await using var db = host.NewDbContext();
        var facts = await FactsAsync(db, "2017/18");
        var la = facts.GroupBy(f => f.La).OrderByDescending(g => g.Count()).First().Key;
        var previous = (await FactsAsync(db, "2016/17")).Where(f => f.La == la).ToList();
        using var json = await host.PostGraphQLAsync(
            "query($la: String!) { localAuthority(laCode: $la) { colourDistribution(year: \"2017/18\", by: [SECTOR]) { " + Fields + " } } }", new { la });
        var d = GraphQLAssert.NoErrors(json).GetProperty("localAuthority").GetProperty("colourDistribution");
        Verify(d, facts.Where(f => f.La == la).ToList(), previous, false, true, false);
    }

    [Theory]
    [InlineData("2013/14", "NOT_STARTED")]
    [InlineData("2020/21", "SUSPENDED")]
    [InlineData("2022/23", "ENDED")]
    public async Task Years_without_categorisation_answer_with_the_reason(string year, string reason)
    {
        using var json = await host.PostGraphQLAsync(
            "query($y: AcademicYear!) { wales { colourDistribution(year: $y) { " + Fields + " } } consortia { colourDistribution(year: $y, by: [SECTOR]) { __typename } } }",
            new { y = year });
        var data = GraphQLAssert.NoErrors(json);
        var d = data.GetProperty("wales").GetProperty("colourDistribution");
        Assert.Equal("SeriesUnavailable", d.GetProperty("__typename").GetString());
        Assert.Equal("CATEGORISATION", d.GetProperty("series").GetString());
        Assert.Equal(reason, d.GetProperty("reason").GetString());
        Assert.All(data.GetProperty("consortia").EnumerateArray(), c => Assert.Equal("SeriesUnavailable", c.GetProperty("colourDistribution").GetProperty("__typename").GetString()));
    }

    [Fact]
    public async Task Six_years_by_la_and_sector_cost_the_same_few_commands_for_a_consortium_as_for_one_la()
    {
        await using var db = host.NewDbContext();
        var date = await YearDateAsync(db, "2017/18");
        var code = await BiggestConsortiumAsync(db, date);
        var members = await MembersAsync(db, code, date);
        var smallLa = (await db.Schools.GroupBy(s => s.LaCode).Select(g => new { g.Key, N = g.Count() }).ToListAsync(TestContext.Current.CancellationToken))
            .OrderBy(x => x.N).First().Key;
        var years = new[] { "2014/15", "2015/16", "2016/17", "2017/18", "2018/19", "2019/20" };
        string Query(string root) => "query($c: String!) { " + root + " { " + string.Join(" ", years.Select((y, i) =>
            $"y{i}: colourDistribution(year: \"{y}\", by: [LOCAL_AUTHORITY, SECTOR]) {{ ... on ColourDistribution {{ total {{ count }} groups {{ localAuthority {{ name }} sector colours {{ count changeFromPreviousYear }} }} }} }}")) + " } }";

        var (big, bigSql) = await host.PostGraphQLWithSqlAsync(Query("consortium(code: $c)"), new { c = code });
        var (small, smallSql) = await host.PostGraphQLWithSqlAsync(Query("localAuthority(laCode: $c)"), new { c = smallLa });
        using var _1 = big;
        using var _2 = small;
        GraphQLAssert.NoErrors(big);
        GraphQLAssert.NoErrors(small);
        var schools = await db.Schools.CountAsync(s => members.Contains(s.LaCode), TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"{host.Provider}: six years by LA and sector: consortium {code} ({schools} schools) {bigSql.Count} SQL commands, LA {smallLa} {smallSql.Count}");
        Assert.True(schools > 50, "the consortium should have many schools for this test");
        // One grouped command for all six years (and their previous years), one for the consortium, one for the LA names.
        Assert.True(bigSql.Count <= 3, string.Join("\n---\n", bigSql));
        Assert.Equal(smallSql.Count, bigSql.Count);
        Assert.Contains(bigSql, s => s.Contains("GROUP BY", StringComparison.OrdinalIgnoreCase));
    }
}

public sealed class ColourDistributionTestsSqlite(SqliteApiHost host) : ColourDistributionTests(host);
public sealed class ColourDistributionTestsPostgres(PostgresApiHost host) : ColourDistributionTests(host);
