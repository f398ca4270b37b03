using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Brokerage;
using SefData.Api.Tests.Infrastructure;
using SefData.Domain;
using static SefData.Api.Tests.Recording.MutationKit;

namespace SefData.Api.Tests.UserStories;

/// <summary>
/// Challenge adviser story 1 (DOMAIN.md section 5): find green (capacity A) schools whose key strengths or hub offer
/// match an amber/red school's focus, taking account of phase, language medium, distance across LA boundaries and
/// current load. Every expectation is computed from the database in the test (<see cref="ExpectedRanking"/>).
/// </summary>
public abstract class Adviser1SupportCandidatesStoryTests(ApiHost host)
{
    private const string Year = "2018/19";

    private static List<JsonElement> Candidates(JsonDocument json) =>
        GraphQLAssert.NoErrors(json).GetProperty("supportCandidates").GetProperty("candidates").EnumerateArray().ToList();

    private static string Number(JsonElement c) => c.GetProperty("school").GetProperty("schoolNumber").GetString()!;

    private static Dictionary<string, (int Weight, string Detail)> Reasons(JsonElement c) =>
        c.GetProperty("reasons").EnumerateArray().ToDictionary(r => r.GetProperty("factor").GetString()!,
            r => (r.GetProperty("weight").GetInt32(), r.GetProperty("detail").GetString()!));

    [Fact]
    public async Task A_red_school_gets_green_capacity_A_schools_matching_its_focus_first_ranked_by_phase_language_distance_and_load()
    {
        await using var db = host.NewDbContext();
        var recipient = await SupportCandidatesTests.RedSchoolAsync(db);
        // The focus: a key strength offered to others by a green, capacity-A school of the recipient's phase.
        var greenA = await db.CategorisationResults.Where(c => c.YearCode == Year && c.SupportColour == SupportColour.Green
                && c.ImprovementCapacity == ImprovementCapacity.A && c.School!.Sector == recipient.Sector)
            .Select(c => c.SchoolId).ToListAsync(Ct);
        var strength = (await db.KeyStrengths.Where(k => k.OfferedToOthers && greenA.Contains(k.Cycle!.SchoolId))
                .Select(k => new { k.Cycle!.School!.SchoolNumber, k.Cycle.YearCode, k.Text }).ToListAsync(Ct))
            .Where(k => string.CompareOrdinal(k.YearCode, Year) <= 0).OrderBy(k => k.SchoolNumber, StringComparer.Ordinal).ThenBy(k => k.Text, StringComparer.Ordinal)
            .First();
        var focus = strength.Text;
        var expected = await ExpectedRanking.ComputeAsync(db, recipient, focus, Year);

        using var json = await host.PostGraphQLAsync(SupportCandidatesTests.Query, new { r = recipient.SchoolNumber, f = focus, y = Year, n = 1000 });
        var candidates = Candidates(json);
        // The whole ranking, score, load and reasons, as computed independently.
        ExpectedRanking.AssertSame(expected, candidates, 1000);

        // Green schools come first (yellow only as a fallback), and the green capacity-A strength holder is among them with the match named.
        var firstYellow = candidates.FindIndex(c => c.GetProperty("colour").GetString() == "YELLOW");
        Assert.True(firstYellow < 0 || candidates.Skip(firstYellow).All(c => c.GetProperty("colour").GetString() == "YELLOW"));
        var holder = Assert.Single(candidates, c => Number(c) == strength.SchoolNumber);
        var holderReasons = Reasons(holder);
        Assert.Equal("A", holder.GetProperty("capacity").GetString());
        Assert.Contains("CAPACITY_A", holderReasons.Keys);
        Assert.True(holderReasons.ContainsKey("KEY_STRENGTH_MATCH"), "the strength that gave the focus is a reason");
        Assert.Contains("SAME_SECTOR", holderReasons.Keys);

        // Every factor of the story moves the rank: among green schools with equal other facts, the one with the
        // factor ranks higher. Checked on the expected data: for each factor, some pair differing only in it.
        var index = candidates.Select(Number).Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
        var greens = expected.Where(e => e.Colour == SupportColour.Green).ToList();
        var factorsCompared = 0;
        void FactorRaisesRank(string name, Func<ExpectedRanking.Candidate, bool> has, Func<ExpectedRanking.Candidate, object> rest)
        {
            var pair = greens.Where(has).SelectMany(a => greens.Where(b => !has(b) && Equals(rest(a), rest(b))).Take(1).Select(b => (a, b))).FirstOrDefault();
            if (pair.a is null) return; // the seeded data has no such pair for this recipient
            Assert.True(index[pair.a.SchoolNumber] < index[pair.b.SchoolNumber], $"{name}: {pair.a.SchoolNumber} should rank above {pair.b.SchoolNumber}");
            factorsCompared++;
        }
        FactorRaisesRank("phase", e => e.SameSector, e => (e.Capacity, e.Strength, e.Hub, e.SameLanguage, e.Distance, e.Load));
        FactorRaisesRank("language", e => e.SameLanguage, e => (e.Capacity, e.Strength, e.Hub, e.SameSector, e.Distance, e.Load));
        FactorRaisesRank("same authority", e => e.Distance == "SAME_AUTHORITY", e => (e.Capacity, e.Strength, e.Hub, e.SameSector, e.SameLanguage, e.Load, e.Distance == "BEYOND_CONSORTIUM"));
        FactorRaisesRank("same consortium", e => e.Distance == "SAME_CONSORTIUM", e => (e.Capacity, e.Strength, e.Hub, e.SameSector, e.SameLanguage, e.Load, e.Distance == "SAME_AUTHORITY"));
        FactorRaisesRank("no load", e => e.Load == 0, e => (e.Capacity, e.Strength, e.Hub, e.SameSector, e.SameLanguage, e.Distance));
        FactorRaisesRank("capacity A", e => e.Capacity == ImprovementCapacity.A, e => (e.Strength, e.Hub, e.SameSector, e.SameLanguage, e.Distance, e.Load));
        Assert.True(factorsCompared >= 4, $"only {factorsCompared} factors had a comparable pair in the data");

        // The reasons spell out phase, language and distance for the adviser.
        foreach (var c in candidates.Take(20))
        {
            var reasons = Reasons(c);
            var e = expected[index[Number(c)]];
            if (e.SameSector) Assert.Contains(recipient.Sector.ToString(), reasons["SAME_SECTOR"].Detail, StringComparison.Ordinal);
            if (e.SameLanguage) Assert.Contains(recipient.LanguageCategoryId!, reasons["SAME_LANGUAGE"].Detail, StringComparison.Ordinal);
            if (e.Distance == "SAME_AUTHORITY") Assert.Contains(recipient.LaCode, reasons["SAME_AUTHORITY"].Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_hub_offer_matching_the_focus_is_a_reason()
    {
        await using var db = host.NewDbContext();
        var recipient = await db.CategorisationResults.Where(c => c.YearCode == Year && c.SupportColour == SupportColour.Amber)
            .OrderBy(c => c.SchoolId).Select(c => c.School!).FirstAsync(Ct);
        var from = new DateOnly(2018, 9, 1);
        var to = new DateOnly(2019, 8, 31);
        var greens = (await db.CategorisationResults.Where(c => c.YearCode == Year && c.SupportColour == SupportColour.Green)
            .Select(c => c.SchoolId).ToListAsync(Ct)).ToHashSet();
        var hub = (await db.GroupMemberships.Where(m => m.Group!.Type == GroupType.Hub && m.Group.Focus != null
                    && (m.Role == GroupRole.Host || m.Role == GroupRole.Lead || m.Role == GroupRole.Provider))
                .Select(m => new { m.SchoolId, m.School!.SchoolNumber, m.ValidFrom, m.ValidTo, m.Group!.Focus }).ToListAsync(Ct))
            .Where(m => greens.Contains(m.SchoolId) && m.ValidFrom <= to && (m.ValidTo is null || m.ValidTo >= from) && ExpectedRanking.Words(m.Focus!).Count > 0)
            .OrderBy(m => m.SchoolNumber, StringComparer.Ordinal).FirstOrDefault();
        Assert.NotNull(hub);
        var expected = await ExpectedRanking.ComputeAsync(db, recipient, hub.Focus!, Year);

        using var json = await host.PostGraphQLAsync(SupportCandidatesTests.Query, new { r = recipient.SchoolNumber, f = hub.Focus, y = Year, n = 1000 });
        var candidates = Candidates(json);
        ExpectedRanking.AssertSame(expected, candidates, 1000);
        var school = Assert.Single(candidates, c => Number(c) == hub.SchoolNumber);
        Assert.Contains(hub.Focus!, Reasons(school)["HUB_OFFER_MATCH"].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_brokerage_raises_the_providers_load_and_lowers_its_rank()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var recipient = await SupportCandidatesTests.RedSchoolAsync(db);
        const string focus = "Numeracy and leadership";
        var vars = new { r = recipient.SchoolNumber, f = focus, y = Year, n = 1000 };
        var open = (await db.SupportBrokerages.Where(x => x.Status == BrokerageStatus.Proposed || x.Status == BrokerageStatus.Agreed || x.Status == BrokerageStatus.Active)
            .Select(x => x.ProviderSchoolId).ToListAsync(Ct)).ToHashSet();

        using var before = await copy.PostGraphQLAsync(SupportCandidatesTests.Query, vars);
        var list = Candidates(before);
        ExpectedRanking.AssertSame(await ExpectedRanking.ComputeAsync(db, recipient, focus, Year), list, 1000);
        // The best-ranked school with no open brokerage (so the cap does not refuse it) takes one on.
        var expectedBefore = await ExpectedRanking.ComputeAsync(db, recipient, focus, Year);
        var chosen = expectedBefore.First(e => !open.Contains(e.SchoolId));
        var rankBefore = expectedBefore.IndexOf(chosen);

        using (var proposed = await copy.PostGraphQLAsync("""
                   mutation($i: ProposeBrokerageInput!) { proposeBrokerage(input: $i) { brokerage { id } errors { __typename } } }
                   """, new { i = new { provider = chosen.SchoolNumber, recipient = recipient.SchoolNumber, year = Year, focus, startDate = "2019-01-14", plannedDays = 4m } }))
            Ok(proposed, "proposeBrokerage", "brokerage");

        var expectedAfter = await ExpectedRanking.ComputeAsync(db, recipient, focus, Year);
        using var after = await copy.PostGraphQLAsync(SupportCandidatesTests.Query, vars);
        var again = Candidates(after);
        ExpectedRanking.AssertSame(expectedAfter, again, 1000);
        var moved = Assert.Single(again, c => Number(c) == chosen.SchoolNumber);
        Assert.Equal(chosen.Load + 1, moved.GetProperty("load").GetInt32());
        Assert.Equal(chosen.Score - 8, moved.GetProperty("score").GetInt32());
        Assert.Equal(-8 * (chosen.Load + 1), Reasons(moved)["CURRENT_LOAD"].Weight);
        Assert.True(again.IndexOf(moved) >= rankBefore);
    }

    [Fact]
    public async Task Only_amber_or_red_schools_get_candidates()
    {
        await using var db = host.NewDbContext();
        var byColour = await db.CategorisationResults.Where(c => c.YearCode == Year).GroupBy(c => c.SupportColour)
            .Select(g => new { Colour = g.Key, Number = g.OrderBy(c => c.SchoolId).Select(c => c.School!.SchoolNumber).First() }).ToListAsync(Ct);
        foreach (var x in byColour)
        {
            using var json = await host.PostGraphQLAsync(SupportCandidatesTests.Query, new { r = x.Number, f = "Literacy", y = Year, n = 3 });
            var result = GraphQLAssert.NoErrors(json).GetProperty("supportCandidates");
            if (x.Colour is SupportColour.Amber or SupportColour.Red)
            {
                Assert.Equal("SupportCandidateList", result.GetProperty("__typename").GetString());
                Assert.Equal(x.Colour.ToString().ToUpperInvariant(), result.GetProperty("recipientColour").GetString());
            }
            else
            {
                Assert.Equal(("RecipientNotEligible", "NOT_AMBER_OR_RED"), (result.GetProperty("__typename").GetString(), result.GetProperty("ineligibility").GetString()));
                Assert.Equal(x.Colour.ToString().ToUpperInvariant(), result.GetProperty("colour").GetString());
            }
        }
        Assert.Equal(4, byColour.Count);
    }
}

public sealed class Adviser1SupportCandidatesStoryTestsSqlite(SqliteApiHost host) : Adviser1SupportCandidatesStoryTests(host);
public sealed class Adviser1SupportCandidatesStoryTestsPostgres(PostgresApiHost host) : Adviser1SupportCandidatesStoryTests(host);
