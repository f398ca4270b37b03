using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Data;
using SefData.Domain;
using static SefData.Api.Tests.Recording.MutationKit;

namespace SefData.Api.Tests.UserStories;

/// <summary>
/// Challenge adviser story 4 (DOMAIN.md section 5): alert when a provider's own colour drops, when it is overloaded,
/// or when the same provider keeps being chosen (the seeds' "same schools" risk). Expected alerts are computed in
/// the test from rows read with EF.
/// </summary>
public abstract class Adviser4BrokerageAlertsStoryTests(ApiHost host)
{
    private const string Year = "2018/19";

    private const string Query = """
        query($y: AcademicYear!, $above: Int, $at: Int, $window: Int) {
          brokerageAlerts(year: $y, overloadedAbove: $above, repeatedAt: $at, windowYears: $window) {
            year
            providerColourDropped { providerColourNow brokerage { id providerColour provider { schoolNumber } } }
            overloadedProviders { school { schoolNumber } brokerages }
            repeatedProviders { school { schoolNumber } brokerages }
          }
        }
        """;

    private static readonly Dictionary<SupportColour, int> Severity = new()
        { [SupportColour.Green] = 0, [SupportColour.Yellow] = 1, [SupportColour.Amber] = 2, [SupportColour.Red] = 3 };

    /// <summary>Variables with the unset arguments left out, so the API's defaults apply.</summary>
    private static Dictionary<string, object> Vars(string year, int? above = null, int? at = null, int? window = null)
    {
        var v = new Dictionary<string, object> { ["y"] = year };
        if (above is { } a) v["above"] = a;
        if (at is { } r) v["at"] = r;
        if (window is { } w) v["window"] = w;
        return v;
    }

    private sealed record Expected(List<(string Id, string ColourNow)> Dropped, List<(string School, int N)> Overloaded, List<(string School, int N)> Repeated);

    /// <summary>The three alert lists for the year, from plain rows.</summary>
    private static async Task<Expected> ExpectedAsync(SefDataDbContext db, string year, int overloadedAbove, int repeatedAt, int window)
    {
        var y = int.Parse(year[..4], System.Globalization.CultureInfo.InvariantCulture);
        var from = new DateOnly(y, 9, 1);
        var to = new DateOnly(y + 1, 8, 31);
        var live = (await db.SupportBrokerages.AsNoTracking().ToListAsync(Ct)).Where(x => x.Status != BrokerageStatus.Cancelled).ToList();
        var colourNow = await db.CategorisationResults.Where(c => c.YearCode == year).ToDictionaryAsync(c => c.SchoolId, c => c.SupportColour, Ct);
        var numbers = await db.Schools.ToDictionaryAsync(s => s.Id, s => s.SchoolNumber, Ct);
        var dropped = live.Where(x => x.StartDate >= from.AddYears(-1) && x.StartDate <= to && x.ProviderColour is { } then
                && colourNow.TryGetValue(x.ProviderSchoolId, out var now) && Severity[now] > Severity[then])
            .Select(x => (Id("SupportBrokerage", x.Id), colourNow[x.ProviderSchoolId].ToString().ToUpperInvariant())).OrderBy(x => x.Item1, StringComparer.Ordinal).ToList();
        List<(string, int)> Counts(DateOnly start, int atLeast) => live.Where(x => x.StartDate >= start && x.StartDate <= to)
            .GroupBy(x => x.ProviderSchoolId).Where(g => g.Count() >= atLeast)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (numbers[g.Key], g.Count())).ToList();
        return new(dropped, Counts(from, overloadedAbove + 1), Counts(new DateOnly(y - window + 1, 9, 1), repeatedAt));
    }

    private static void AssertAlerts(Expected expected, JsonDocument json, string year)
    {
        var alerts = GraphQLAssert.NoErrors(json).GetProperty("brokerageAlerts");
        Assert.Equal(year, alerts.GetProperty("year").GetString());
        Assert.Equal(expected.Dropped, alerts.GetProperty("providerColourDropped").EnumerateArray()
            .Select(d => (d.GetProperty("brokerage").GetProperty("id").GetString()!, d.GetProperty("providerColourNow").GetString()!))
            .OrderBy(x => x.Item1, StringComparer.Ordinal).ToList());
        static List<(string, int)> Loads(JsonElement e) => e.EnumerateArray()
            .Select(x => (x.GetProperty("school").GetProperty("schoolNumber").GetString()!, x.GetProperty("brokerages").GetInt32())).ToList();
        Assert.Equal(expected.Overloaded, Loads(alerts.GetProperty("overloadedProviders")));
        Assert.Equal(expected.Repeated, Loads(alerts.GetProperty("repeatedProviders")));
    }

    [Theory]
    [InlineData("2018/19", null, null, null)]
    [InlineData("2017/18", 1, 2, 2)]
    [InlineData("2019/20", 0, 5, 6)]
    public async Task The_three_alerts_match_the_brokerages_and_colours_on_record(string year, int? above, int? at, int? window)
    {
        await using var db = host.NewDbContext();
        // Defaults: overloaded above the cap (3 open), repeated at 3 within 3 years.
        var expected = await ExpectedAsync(db, year, above ?? 3, at ?? 3, window ?? 3);
        using var json = await host.PostGraphQLAsync(Query, Vars(year, above, at, window));
        AssertAlerts(expected, json, year);
        if (year == "2018/19") Assert.NotEmpty(expected.Repeated); // the seeded data does reuse providers
    }

    [Fact]
    public async Task Brokering_the_same_provider_again_and_its_colour_dropping_raise_alerts()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        // A green provider with no brokerage at all yet, and three amber/red recipients.
        var provider = await db.CategorisationResults.Where(c => c.YearCode == Year && c.SupportColour == SupportColour.Green
                && !db.SupportBrokerages.Any(x => x.ProviderSchoolId == c.SchoolId)
                && db.CategorisationResults.Any(n => n.SchoolId == c.SchoolId && n.YearCode == "2019/20"))
            .OrderBy(c => c.SchoolId).Select(c => c.School!).FirstAsync(Ct);
        var recipients = await db.CategorisationResults.Where(c => c.YearCode == Year && (c.SupportColour == SupportColour.Amber || c.SupportColour == SupportColour.Red))
            .OrderBy(c => c.SchoolId).Take(3).Select(c => c.School!.SchoolNumber).ToListAsync(Ct);

        using (var none = await copy.PostGraphQLAsync(Query, Vars(Year, 2, 3, 1)))
        {
            var alerts = GraphQLAssert.NoErrors(none).GetProperty("brokerageAlerts");
            Assert.DoesNotContain(alerts.GetProperty("repeatedProviders").EnumerateArray(), x => x.GetProperty("school").GetProperty("schoolNumber").GetString() == provider.SchoolNumber);
        }

        // The adviser keeps choosing the same school.
        var ids = new List<string>();
        foreach (var r in recipients)
        {
            using var json = await copy.PostGraphQLAsync("""
                mutation($i: ProposeBrokerageInput!) { proposeBrokerage(input: $i) { brokerage { id } errors { __typename } } }
                """, new { i = new { provider = provider.SchoolNumber, recipient = r, year = Year, focus = "Numeracy", startDate = "2019-01-21", plannedDays = 3m } });
            ids.Add(Ok(json, "proposeBrokerage", "brokerage").GetProperty("id").GetString()!);
        }
        var expected = await ExpectedAsync(db, Year, 2, 3, 1);
        Assert.Contains((provider.SchoolNumber, 3), expected.Overloaded);
        Assert.Contains((provider.SchoolNumber, 3), expected.Repeated);
        using (var json = await copy.PostGraphQLAsync(Query, Vars(Year, 2, 3, 1)))
            AssertAlerts(expected, json, Year);

        // Next year the provider is categorised amber (setup, as a published result would be): its brokerages of this
        // year are flagged in next year's alerts.
        var next = await db.CategorisationResults.AsTracking().SingleAsync(c => c.SchoolId == provider.Id && c.YearCode == "2019/20", Ct);
        next.SupportColour = SupportColour.Amber;
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();
        var nextExpected = await ExpectedAsync(db, "2019/20", 3, 3, 3);
        Assert.Equal(ids.Order(StringComparer.Ordinal).Select(id => (id, "AMBER")).ToList(),
            nextExpected.Dropped.Where(d => ids.Contains(d.Id)).ToList());
        using (var json = await copy.PostGraphQLAsync(Query, Vars("2019/20")))
            AssertAlerts(nextExpected, json, "2019/20");
    }
}

public sealed class Adviser4BrokerageAlertsStoryTestsSqlite(SqliteApiHost host) : Adviser4BrokerageAlertsStoryTests(host);
public sealed class Adviser4BrokerageAlertsStoryTestsPostgres(PostgresApiHost host) : Adviser4BrokerageAlertsStoryTests(host);
