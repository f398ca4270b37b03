using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Domain;
using static SefData.Api.Tests.Recording.MutationKit;

namespace SefData.Api.Tests.Brokerage;

/// <summary>CA 1/2: ranking schools that could support an amber or red school, with reasons; CA 4 alerts.</summary>
public abstract class SupportCandidatesTests(ApiHost host)
{
    public const string Year = "2018/19";

    public const string Query = """
        query($r: String!, $f: String!, $y: AcademicYear!, $n: Int) {
          supportCandidates(recipient: $r, focus: $f, year: $y, first: $n) {
            __typename
            ... on SupportCandidateList { recipientColour considered
              candidates { school { schoolNumber } colour capacity score load reasons { factor detail weight } } }
            ... on RecipientNotEligible { ineligibility colour message }
            ... on SeriesUnavailable { reason }
          }
        }
        """;

    /// <summary>The first red school of the year (by id): a deterministic recipient.</summary>
    public static async Task<School> RedSchoolAsync(SefData.Data.SefDataDbContext db, string year = Year) =>
        await db.CategorisationResults.Where(c => c.YearCode == year && c.SupportColour == SupportColour.Red)
            .OrderBy(c => c.SchoolId).Select(c => c.School!).FirstAsync(Ct);

    [Fact]
    public async Task Candidates_are_green_or_yellow_ranked_with_reasons_that_add_up()
    {
        await using var db = host.NewDbContext();
        var recipient = await RedSchoolAsync(db);
        var from = new DateOnly(2018, 9, 1);
        var to = new DateOnly(2019, 8, 31);
        var pool = await db.CategorisationResults
            .Where(c => c.YearCode == Year && (c.SupportColour == SupportColour.Green || c.SupportColour == SupportColour.Yellow) && c.SchoolId != recipient.Id)
            .Select(c => new { c.School!.SchoolNumber, c.School.LaCode, c.School.Sector, c.School.CloseDate, c.SupportColour, c.SchoolId })
            .ToListAsync(Ct);
        pool = pool.Where(p => p.CloseDate is null || p.CloseDate >= from).ToList();
        var bySchool = pool.ToDictionary(p => p.SchoolNumber);
        var brokerages = await db.SupportBrokerages.ToListAsync(Ct);
        int LoadOf(int id) => brokerages.Count(x => x.ProviderSchoolId == id && x.Status != BrokerageStatus.Cancelled && x.StartDate >= from && x.StartDate <= to);

        using var json = await host.PostGraphQLAsync(Query, new { r = recipient.SchoolNumber, f = "Literacy and leadership", y = Year, n = 40 });
        var list = GraphQLAssert.NoErrors(json).GetProperty("supportCandidates");
        Assert.Equal("SupportCandidateList", list.GetProperty("__typename").GetString());
        Assert.Equal("RED", list.GetProperty("recipientColour").GetString());
        Assert.Equal(pool.Count, list.GetProperty("considered").GetInt32());
        var candidates = list.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(Math.Min(40, pool.Count), candidates.Count);

        var seen = new List<(int Tier, int Score, int Load, string Number)>();
        foreach (var c in candidates)
        {
            var number = c.GetProperty("school").GetProperty("schoolNumber").GetString()!;
            var expected = bySchool[number];
            var colour = c.GetProperty("colour").GetString();
            Assert.Equal(expected.SupportColour.ToString().ToUpperInvariant(), colour);
            var reasons = c.GetProperty("reasons").EnumerateArray().ToDictionary(r => r.GetProperty("factor").GetString()!, r => r.GetProperty("weight").GetInt32());
            Assert.Equal(reasons.Values.Sum(), c.GetProperty("score").GetInt32());
            Assert.Equal(expected.LaCode == recipient.LaCode, reasons.ContainsKey("SAME_AUTHORITY"));
            Assert.Equal(expected.Sector == recipient.Sector, reasons.ContainsKey("SAME_SECTOR"));
            Assert.Equal(colour == "GREEN", reasons.ContainsKey("GREEN"));
            Assert.Equal(colour == "YELLOW", reasons.ContainsKey("YELLOW_FALLBACK"));
            var load = LoadOf(expected.SchoolId);
            Assert.Equal(load, c.GetProperty("load").GetInt32());
            Assert.Equal(load > 0, reasons.ContainsKey("CURRENT_LOAD"));
            if (load > 0) Assert.True(reasons["CURRENT_LOAD"] < 0, "load lowers the rank");
            seen.Add((colour == "GREEN" ? 0 : 1, c.GetProperty("score").GetInt32(), load, number));
        }
        // Deterministic order: green first, score desc, then lower load, then school number.
        var sorted = seen.OrderBy(s => s.Tier).ThenByDescending(s => s.Score).ThenBy(s => s.Load).ThenBy(s => s.Number, StringComparer.Ordinal).ToList();
        Assert.Equal(sorted, seen);
        if (pool.Any(p => p.SupportColour == SupportColour.Green)) Assert.Equal(0, seen[0].Tier);

        using var again = await host.PostGraphQLAsync(Query, new { r = recipient.SchoolNumber, f = "Literacy and leadership", y = Year, n = 40 });
        Assert.Equal(list.GetRawText(), GraphQLAssert.NoErrors(again).GetProperty("supportCandidates").GetRawText());
    }

    [Theory]
    [InlineData("Literacy and leadership", 1000)]
    [InlineData("Numeracy", 7)]
    [InlineData("Welsh language and bilingual teaching across the curriculum", 1000)]
    [InlineData("x", 25)]
    public async Task Ranking_from_sql_equals_an_independent_in_memory_ranking(string focus, int first)
    {
        await using var db = host.NewDbContext();
        foreach (var colour in new[] { SupportColour.Red, SupportColour.Amber })
        {
            var recipient = await db.CategorisationResults.Where(c => c.YearCode == Year && c.SupportColour == colour)
                .OrderBy(c => c.SchoolId).Select(c => c.School!).FirstAsync(Ct);
            var expected = await ExpectedRanking.ComputeAsync(db, recipient, focus, Year);
            using var json = await host.PostGraphQLAsync(Query, new { r = recipient.SchoolNumber, f = focus, y = Year, n = first });
            var list = GraphQLAssert.NoErrors(json).GetProperty("supportCandidates");
            Assert.Equal(expected.Count, list.GetProperty("considered").GetInt32());
            ExpectedRanking.AssertSame(expected, list.GetProperty("candidates").EnumerateArray().ToList(), first);
        }
    }

    [Fact]
    public async Task A_recipient_that_is_not_amber_or_red_gets_a_typed_reason()
    {
        await using var db = host.NewDbContext();
        var green = await db.CategorisationResults.Where(c => c.YearCode == Year && c.SupportColour == SupportColour.Green)
            .OrderBy(c => c.SchoolId).Select(c => c.School!.SchoolNumber).FirstAsync(Ct);
        using var json = await host.PostGraphQLAsync(Query, new { r = Id("School", green), f = "Numeracy", y = Year, n = 5 });
        var result = GraphQLAssert.NoErrors(json).GetProperty("supportCandidates");
        Assert.Equal("RecipientNotEligible", result.GetProperty("__typename").GetString());
        Assert.Equal("NOT_AMBER_OR_RED", result.GetProperty("ineligibility").GetString());
        Assert.Equal("GREEN", result.GetProperty("colour").GetString());

        using var unknown = await host.PostGraphQLAsync(Query, new { r = "9999999", f = "Numeracy", y = Year, n = 5 });
        Assert.Equal("NOT_FOUND", GraphQLAssert.NoErrors(unknown).GetProperty("supportCandidates").GetProperty("ineligibility").GetString());

        using var suspended = await host.PostGraphQLAsync(Query, new { r = green, f = "Numeracy", y = "2020/21", n = 5 });
        Assert.Equal("SeriesUnavailable", GraphQLAssert.NoErrors(suspended).GetProperty("supportCandidates").GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task Injection_looking_focus_is_a_parameter_never_sql()
    {
        const string evil = "x'); DROP TABLE \"Schools\"; --";
        await using var db = host.NewDbContext();
        var recipient = await RedSchoolAsync(db);
        var schools = await db.Schools.CountAsync(Ct);
        var (json, sql) = await host.PostGraphQLWithSqlAsync(Query, new { r = recipient.SchoolNumber, f = evil, y = Year, n = 3 });
        using (json)
        {
            var list = GraphQLAssert.NoErrors(json).GetProperty("supportCandidates");
            Assert.Equal("SupportCandidateList", list.GetProperty("__typename").GetString());
            // Nothing matched the focus, so no focus reason appears.
            Assert.DoesNotContain(list.GetProperty("candidates").EnumerateArray().SelectMany(c => c.GetProperty("reasons").EnumerateArray()),
                r => r.GetProperty("factor").GetString() is "KEY_STRENGTH_MATCH" or "HUB_OFFER_MATCH");
        }
        Assert.NotEmpty(sql);
        Assert.DoesNotContain(sql, s => s.Contains("DROP TABLE", StringComparison.OrdinalIgnoreCase) || s.Contains("x')", StringComparison.Ordinal));
        Assert.Equal(schools, await db.Schools.CountAsync(Ct));
    }

    [Fact]
    public async Task A_matching_key_strength_or_hub_offer_is_a_reason()
    {
        await using var db = host.NewDbContext();
        var recipient = await RedSchoolAsync(db);
        // Strengths offered in improvement cycles up to the year, by school (computed here in memory).
        var offered = (await db.KeyStrengths.Where(k => k.OfferedToOthers)
                .Select(k => new { k.Cycle!.School!.SchoolNumber, k.Cycle.SchoolId, k.Cycle.YearCode, k.Text }).ToListAsync(Ct))
            .Where(k => string.CompareOrdinal(k.YearCode, Year) <= 0).ToList();
        var greens = (await db.CategorisationResults.Where(c => c.YearCode == Year && c.SupportColour == SupportColour.Green)
            .Select(c => c.SchoolId).ToListAsync(Ct)).ToHashSet();
        var offer = offered.Where(k => greens.Contains(k.SchoolId)).OrderBy(k => k.SchoolId).ThenBy(k => k.Text, StringComparer.Ordinal).FirstOrDefault();
        Assert.NotNull(offer);
        using var json = await host.PostGraphQLAsync(Query, new { r = recipient.SchoolNumber, f = offer.Text, y = Year, n = 1000 });
        var candidates = GraphQLAssert.NoErrors(json).GetProperty("supportCandidates").GetProperty("candidates").EnumerateArray().ToList();
        var match = Assert.Single(candidates, c => c.GetProperty("school").GetProperty("schoolNumber").GetString() == offer.SchoolNumber);
        Assert.Contains(match.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("factor").GetString() == "KEY_STRENGTH_MATCH");
        // Every strength match names a strength the school really offered.
        var offeredBySchool = offered.ToLookup(x => x.SchoolNumber, x => x.Text);
        foreach (var c in candidates)
            foreach (var r in c.GetProperty("reasons").EnumerateArray().Where(r => r.GetProperty("factor").GetString() == "KEY_STRENGTH_MATCH"))
                Assert.Contains(offeredBySchool[c.GetProperty("school").GetProperty("schoolNumber").GetString()!], t => r.GetProperty("detail").GetString()!.EndsWith(t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Alerts_list_overloaded_and_repeated_providers()
    {
        await using var db = host.NewDbContext();
        var all = await db.SupportBrokerages.Where(x => x.Status != BrokerageStatus.Cancelled).ToListAsync(Ct);
        var from = new DateOnly(2018, 9, 1);
        var to = new DateOnly(2019, 8, 31);
        var overloaded = all.Where(x => x.StartDate >= from && x.StartDate <= to).GroupBy(x => x.ProviderSchoolId)
            .Where(g => g.Count() > 2).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key).ToList();
        var repeated = all.Where(x => x.StartDate >= new DateOnly(2016, 9, 1) && x.StartDate <= to).GroupBy(x => x.ProviderSchoolId)
            .Where(g => g.Count() >= 4).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key).ToList();
        var numbers = await db.Schools.ToDictionaryAsync(s => s.Id, s => s.SchoolNumber, Ct);

        using var json = await host.PostGraphQLAsync("""
            { brokerageAlerts(year: "2018/19", overloadedAbove: 2, repeatedAt: 4, windowYears: 3) {
                overloadedProviders { school { schoolNumber } brokerages }
                repeatedProviders { school { schoolNumber } brokerages } } }
            """);
        var alerts = GraphQLAssert.NoErrors(json).GetProperty("brokerageAlerts");
        static List<(string, int)> Read(JsonElement e) => e.EnumerateArray()
            .Select(x => (x.GetProperty("school").GetProperty("schoolNumber").GetString()!, x.GetProperty("brokerages").GetInt32())).ToList();
        Assert.Equal(overloaded.Select(x => (numbers[x.Key], x.Item2)).ToList(), Read(alerts.GetProperty("overloadedProviders")));
        Assert.Equal(repeated.Select(x => (numbers[x.Key], x.Item2)).ToList(), Read(alerts.GetProperty("repeatedProviders")));
        Assert.NotEmpty(Read(alerts.GetProperty("repeatedProviders")));
    }
}

public sealed class SupportCandidatesTestsSqlite(SqliteApiHost host) : SupportCandidatesTests(host);
public sealed class SupportCandidatesTestsPostgres(PostgresApiHost host) : SupportCandidatesTests(host);
