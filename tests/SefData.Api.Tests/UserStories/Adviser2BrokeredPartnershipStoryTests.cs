using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Brokerage;
using SefData.Api.Tests.Infrastructure;
using SefData.Data;
using SefData.Domain;
using static SefData.Api.Tests.Recording.MutationKit;

namespace SefData.Api.Tests.UserStories;

/// <summary>
/// Challenge adviser story 2 (DOMAIN.md section 5): record a brokered partnership (provider, recipient, focus, days,
/// dates), then its review and outcome. Each step is checked against the row read back from the database, and
/// bad input is refused with a typed error and writes nothing.
/// </summary>
public abstract class Adviser2BrokeredPartnershipStoryTests(ApiHost host)
{
    private const string Year = "2018/19";
    private const string Fields = "id status version focus plannedDays startDate endDate outcome providerColour recipientColour provider { schoolNumber } recipient { schoolNumber } broker { id }";

    private static string Mutation(string name, string input) => $$"""
        mutation($i: {{input}}!) { {{name}}(input: $i) { brokerage { {{Fields}} } {{Errors}} } }
        """;

    private static readonly string Propose = Mutation("proposeBrokerage", "ProposeBrokerageInput");
    private static readonly string Agree = Mutation("agreeBrokerage", "BrokerageVersionInput");
    private static readonly string Start = Mutation("startBrokerage", "StartBrokerageInput");
    private static readonly string Review = Mutation("reviewBrokerage", "ReviewBrokerageInput");
    private static readonly string Close = Mutation("closeBrokerage", "CloseBrokerageInput");

    private static int Key(string id)
    {
        Assert.True(SefData.Api.GraphQL.Core.NodeId.TryDecode(id, out var type, out var key));
        Assert.Equal("SupportBrokerage", type);
        return int.Parse(key, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<SupportBrokerage> StoredAsync(SefDataDbContext db, int id) =>
        db.SupportBrokerages.AsNoTracking().SingleAsync(x => x.Id == id, Ct);

    /// <summary>A school of the colour with no open brokerage as provider, so the cap does not interfere.</summary>
    private static async Task<School> FreeSchoolAsync(SefDataDbContext db, SupportColour colour, int skip = 0) =>
        await db.CategorisationResults.Where(c => c.YearCode == Year && c.SupportColour == colour
                && !db.SupportBrokerages.Any(x => x.ProviderSchoolId == c.SchoolId
                    && (x.Status == BrokerageStatus.Proposed || x.Status == BrokerageStatus.Agreed || x.Status == BrokerageStatus.Active)))
            .OrderBy(c => c.SchoolId).Skip(skip).Select(c => c.School!).FirstAsync(Ct);

    private static Task<int> OpenAsync(SefDataDbContext db, int providerId) =>
        db.SupportBrokerages.CountAsync(x => x.ProviderSchoolId == providerId
            && (x.Status == BrokerageStatus.Proposed || x.Status == BrokerageStatus.Agreed || x.Status == BrokerageStatus.Active), Ct);

    [Fact]
    public async Task An_adviser_brokers_the_top_candidate_then_records_reviews_and_the_outcome()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var recipient = await SupportCandidatesTests.RedSchoolAsync(db);
        const string focus = "Leadership of literacy";
        // The provider: the best-ranked candidate (computed independently) with no open brokerage.
        var open = (await db.SupportBrokerages.Where(x => x.Status == BrokerageStatus.Proposed || x.Status == BrokerageStatus.Agreed || x.Status == BrokerageStatus.Active)
            .Select(x => x.ProviderSchoolId).ToListAsync(Ct)).ToHashSet();
        var provider = (await ExpectedRanking.ComputeAsync(db, recipient, focus, Year)).First(c => !open.Contains(c.SchoolId));
        var adviser = await db.RoleAssignments.Where(r => r.Role == RoleKind.ChallengeAdviser).OrderBy(r => r.PersonId).Select(r => r.PersonId).FirstAsync(Ct);
        var colours = await db.CategorisationResults.Where(c => c.YearCode == Year && (c.SchoolId == provider.SchoolId || c.SchoolId == recipient.Id))
            .ToDictionaryAsync(c => c.SchoolId, c => c.SupportColour, Ct);
        var count = await db.SupportBrokerages.CountAsync(Ct);

        // 1. Record the partnership.
        using var proposed = await copy.PostGraphQLAsync(Propose, new
        {
            i = new { provider = provider.SchoolNumber, recipient = Id("School", recipient.SchoolNumber), year = Year, focus, startDate = "2019-01-07", plannedDays = 8.5m, broker = Id("Person", adviser) },
        });
        var b = Ok(proposed, "proposeBrokerage", "brokerage");
        var id = b.GetProperty("id").GetString()!;
        var row = await StoredAsync(db, Key(id));
        Assert.Equal(count + 1, await db.SupportBrokerages.CountAsync(Ct));
        Assert.Equal((provider.SchoolId, recipient.Id, (int?)adviser, focus, new DateOnly(2019, 1, 7), 8.5m, BrokerageStatus.Proposed, (DateOnly?)null),
            (row.ProviderSchoolId, row.RecipientSchoolId, row.BrokerPersonId, row.Focus, row.StartDate, row.PlannedDays, row.Status, row.EndDate));
        // The colours of the year are snapshotted.
        Assert.Equal((colours[provider.SchoolId], colours[recipient.Id]), (row.ProviderColour!.Value, row.RecipientColour!.Value));
        Assert.Equal(Id("Person", adviser), b.GetProperty("broker").GetProperty("id").GetString());
        Assert.Equal(row.Version, b.GetProperty("version").GetInt32());

        // 2. Agree and start (work starts a week later than planned).
        using (var agreed = await copy.PostGraphQLAsync(Agree, new { i = new { id, version = row.Version } }))
            Assert.Equal("AGREED", Ok(agreed, "agreeBrokerage", "brokerage").GetProperty("status").GetString());
        row = await StoredAsync(db, row.Id);
        Assert.Equal(BrokerageStatus.Agreed, row.Status);
        using (var started = await copy.PostGraphQLAsync(Start, new { i = new { id, version = row.Version, startDate = "2019-01-14" } }))
            Ok(started, "startBrokerage", "brokerage");
        row = await StoredAsync(db, row.Id);
        Assert.Equal((BrokerageStatus.Active, new DateOnly(2019, 1, 14)), (row.Status, row.StartDate));

        // 3. Reviews: the latest note is kept; the brokerage stays active.
        foreach (var note in new[] { "Mid-term review: joint planning under way", "Second review: reading ages rising" })
        {
            using var reviewed = await copy.PostGraphQLAsync(Review, new { i = new { id, version = row.Version, note } });
            Assert.Equal("ACTIVE", Ok(reviewed, "reviewBrokerage", "brokerage").GetProperty("status").GetString());
            row = await StoredAsync(db, row.Id);
            Assert.Equal((BrokerageStatus.Active, note), (row.Status, row.Outcome));
        }

        // 4. The outcome.
        using (var closed = await copy.PostGraphQLAsync(Close, new { i = new { id, version = row.Version, outcome = "COMPLETED", endDate = "2019-07-19", note = "Recipient moved to yellow" } }))
            Ok(closed, "closeBrokerage", "brokerage");
        row = await StoredAsync(db, row.Id);
        Assert.Equal((BrokerageStatus.Completed, (DateOnly?)new DateOnly(2019, 7, 19), "Recipient moved to yellow"), (row.Status, row.EndDate, row.Outcome));

        // Read back through the API: both schools list it, with the stored values.
        using var read = await copy.PostGraphQLAsync($$"""
            query($p: String!, $r: String!) {
              p: school(schoolNumber: $p) { brokeragesGiven { {{Fields}} } }
              r: school(schoolNumber: $r) { brokeragesReceived { {{Fields}} } }
            }
            """, new { p = provider.SchoolNumber, r = recipient.SchoolNumber });
        var data = GraphQLAssert.NoErrors(read);
        var given = Assert.Single(data.GetProperty("p").GetProperty("brokeragesGiven").EnumerateArray(), x => x.GetProperty("id").GetString() == id);
        Assert.Contains(data.GetProperty("r").GetProperty("brokeragesReceived").EnumerateArray(), x => x.GetProperty("id").GetString() == id);
        Assert.Equal(("COMPLETED", "2019-01-14", "2019-07-19", 8.5m, row.Version),
            (given.GetProperty("status").GetString(), given.GetProperty("startDate").GetString(), given.GetProperty("endDate").GetString(),
             given.GetProperty("plannedDays").GetDecimal(), given.GetProperty("version").GetInt32()));
        Assert.Equal(recipient.SchoolNumber, given.GetProperty("recipient").GetProperty("schoolNumber").GetString());
    }

    [Fact]
    public async Task Bad_input_and_broken_rules_get_typed_errors_and_write_nothing()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var green = await FreeSchoolAsync(db, SupportColour.Green);
        var red = await FreeSchoolAsync(db, SupportColour.Red);
        var amber = await FreeSchoolAsync(db, SupportColour.Amber);
        var yellow = await FreeSchoolAsync(db, SupportColour.Yellow);
        var count = await db.SupportBrokerages.CountAsync(Ct);
        object Input(string provider, string recipient, string focus = "Numeracy", decimal days = 5m, string year = Year) =>
            new { i = new { provider, recipient, year, focus, startDate = "2019-02-04", plannedDays = days } };

        async Task Refused(object input, string error)
        {
            using var json = await copy.PostGraphQLAsync(Propose, input);
            Fails(json, "proposeBrokerage", "brokerage", error);
        }
        await Refused(Input(red.SchoolNumber, amber.SchoolNumber), "DomainRuleError:BROKERAGE_PROVIDER_COLOUR");
        await Refused(Input(green.SchoolNumber, yellow.SchoolNumber), "DomainRuleError:BROKERAGE_RECIPIENT_COLOUR");
        await Refused(Input(amber.SchoolNumber, amber.SchoolNumber), "DomainRuleError:BROKERAGE_SAME_SCHOOL");
        await Refused(Input(green.SchoolNumber, red.SchoolNumber, days: -1m), "DomainRuleError:NEGATIVE_NUMBER");
        await Refused(Input(green.SchoolNumber, red.SchoolNumber, focus: ""), "DomainRuleError:REQUIRED");
        await Refused(Input("9999999", red.SchoolNumber), "ValidationError:NOT_FOUND");
        await Refused(Input(green.SchoolNumber, red.SchoolNumber, year: "2020/21"), "DomainRuleError:BROKERAGE_PROVIDER_COLOUR");
        Assert.Equal(count, await db.SupportBrokerages.CountAsync(Ct));

        // A yellow provider is allowed (a fallback); then stale versions and illegal moves change nothing.
        using var proposed = await copy.PostGraphQLAsync(Propose, Input(yellow.SchoolNumber, red.SchoolNumber));
        var id = Ok(proposed, "proposeBrokerage", "brokerage").GetProperty("id").GetString()!;
        var before = await StoredAsync(db, Key(id));
        using (var stale = await copy.PostGraphQLAsync(Agree, new { i = new { id, version = before.Version + 1 } }))
            Fails(stale, "agreeBrokerage", "brokerage", "ConcurrencyError");
        using (var early = await copy.PostGraphQLAsync(Close, new { i = new { id, version = before.Version, outcome = "COMPLETED", endDate = "2019-06-01" } }))
            Fails(early, "closeBrokerage", "brokerage", "DomainRuleError:BROKERAGE_STATUS_TRANSITION");
        using (var review = await copy.PostGraphQLAsync(Review, new { i = new { id, version = before.Version, note = "Too soon" } }))
            Fails(review, "reviewBrokerage", "brokerage", "DomainRuleError:BROKERAGE_STATUS_TRANSITION");
        using (var badEnd = await copy.PostGraphQLAsync(Close, new { i = new { id, version = before.Version, outcome = "CANCELLED", endDate = "2018-01-01" } }))
            Fails(badEnd, "closeBrokerage", "brokerage", "DomainRuleError:DATE_RANGE");
        var after = await StoredAsync(db, before.Id);
        Assert.Equal((before.Status, before.Version, before.EndDate, before.Outcome), (after.Status, after.Version, after.EndDate, after.Outcome));
    }

    [Fact]
    public async Task A_provider_takes_at_most_three_open_brokerages_and_closing_one_frees_a_place()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var provider = await FreeSchoolAsync(db, SupportColour.Green);
        var recipients = await db.CategorisationResults.Where(c => c.YearCode == Year && (c.SupportColour == SupportColour.Amber || c.SupportColour == SupportColour.Red))
            .OrderBy(c => c.SchoolId).Take(4).Select(c => c.School!.SchoolNumber).ToListAsync(Ct);
        object Input(string recipient) => new { i = new { provider = provider.SchoolNumber, recipient, year = Year, focus = "Numeracy", startDate = "2019-03-04", plannedDays = 3m } };
        var ids = new List<string>();
        foreach (var r in recipients.Take(3))
            using (var ok = await copy.PostGraphQLAsync(Propose, Input(r)))
                ids.Add(Ok(ok, "proposeBrokerage", "brokerage").GetProperty("id").GetString()!);
        using (var refused = await copy.PostGraphQLAsync(Propose, Input(recipients[3])))
            Fails(refused, "proposeBrokerage", "brokerage", "DomainRuleError:BROKERAGE_LOAD_CAP");
        Assert.Equal(3, await OpenAsync(db, provider.Id));

        var first = await StoredAsync(db, Key(ids[0]));
        using (var cancelled = await copy.PostGraphQLAsync(Close, new { i = new { id = ids[0], version = first.Version, outcome = "CANCELLED", endDate = "2019-03-04" } }))
            Assert.Equal("CANCELLED", Ok(cancelled, "closeBrokerage", "brokerage").GetProperty("status").GetString());
        using (var accepted = await copy.PostGraphQLAsync(Propose, Input(recipients[3])))
            Ok(accepted, "proposeBrokerage", "brokerage");
        Assert.Equal(3, await OpenAsync(db, provider.Id));
    }

    [Fact]
    public async Task Two_advisers_brokering_the_same_provider_at_once_cannot_pass_the_cap_together()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var provider = await FreeSchoolAsync(db, SupportColour.Green);
        var recipients = await db.CategorisationResults.Where(c => c.YearCode == Year && (c.SupportColour == SupportColour.Amber || c.SupportColour == SupportColour.Red))
            .OrderBy(c => c.SchoolId).Take(4).Select(c => c.School!.SchoolNumber).ToListAsync(Ct);
        object Input(string recipient) => new { i = new { provider = provider.SchoolNumber, recipient, year = Year, focus = "Numeracy", startDate = "2019-03-04", plannedDays = 3m } };
        foreach (var r in recipients.Take(2))
            using (var ok = await copy.PostGraphQLAsync(Propose, Input(r)))
                Ok(ok, "proposeBrokerage", "brokerage");

        // The third place, claimed by two advisers at the same moment.
        var both = await Task.WhenAll(copy.PostGraphQLAsync(Propose, Input(recipients[2])), copy.PostGraphQLAsync(Propose, Input(recipients[3])));
        var outcomes = both.Select(json => { using (json) return ErrorsOf(Payload(json, "proposeBrokerage")); }).ToList();
        Assert.Single(outcomes, o => o.Count == 0);
        var loser = Assert.Single(outcomes, o => o.Count > 0);
        Assert.Contains(Assert.Single(loser), new[] { "ConcurrencyError", "DomainRuleError:BROKERAGE_LOAD_CAP" });
        Assert.Equal(3, await OpenAsync(db, provider.Id));
    }
}

public sealed class Adviser2BrokeredPartnershipStoryTestsSqlite(SqliteApiHost host) : Adviser2BrokeredPartnershipStoryTests(host);
public sealed class Adviser2BrokeredPartnershipStoryTestsPostgres(PostgresApiHost host) : Adviser2BrokeredPartnershipStoryTests(host);
