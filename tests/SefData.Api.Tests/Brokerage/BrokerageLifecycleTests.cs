using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Data;
using SefData.Domain;
using static SefData.Api.Tests.Recording.MutationKit;

namespace SefData.Api.Tests.Brokerage;

/// <summary>CA 2/4: proposing, agreeing, starting, reviewing and closing a brokerage; rules, concurrency and alerts.</summary>
public abstract class BrokerageLifecycleTests(ApiHost host)
{
    private const string Year = "2018/19";
    private const string Fields = "id status version focus providerColour recipientColour outcome startDate endDate provider { schoolNumber } recipient { schoolNumber }";

    private static string Propose => $$"""
        mutation($i: ProposeBrokerageInput!) { proposeBrokerage(input: $i) { brokerage { {{Fields}} } {{Errors}} } }
        """;

    private static string MoveMutation(string name, string input) => $$"""
        mutation($i: {{input}}!) { {{name}}(input: $i) { brokerage { {{Fields}} } {{Errors}} } }
        """;

    private static object ProposeInput(string provider, string recipient, string focus = "Literacy", string year = Year) =>
        new { i = new { provider, recipient, year, focus, startDate = "2019-02-04", plannedDays = 6.5m } };

    /// <summary>A school of the colour in the year with no open brokerage as provider (so the cap is not reached by seeds).</summary>
    private static async Task<School> SchoolAsync(SefDataDbContext db, SupportColour colour, int skip = 0) =>
        await db.CategorisationResults.Where(c => c.YearCode == Year && c.SupportColour == colour
                && !db.SupportBrokerages.Any(x => x.ProviderSchoolId == c.SchoolId
                    && (x.Status == BrokerageStatus.Proposed || x.Status == BrokerageStatus.Agreed || x.Status == BrokerageStatus.Active)))
            .OrderBy(c => c.SchoolId).Skip(skip).Select(c => c.School!).FirstAsync(Ct);

    [Fact]
    public async Task Full_lifecycle_with_snapshots_versions_and_read_back()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var provider = await SchoolAsync(db, SupportColour.Green);
        var recipient = await SchoolAsync(db, SupportColour.Amber);
        var before = await db.SupportBrokerages.CountAsync(Ct);

        using var proposed = await copy.PostGraphQLAsync(Propose, ProposeInput(provider.SchoolNumber, Id("School", recipient.SchoolNumber)));
        var b = Ok(proposed, "proposeBrokerage", "brokerage");
        Assert.Equal(("PROPOSED", "GREEN", "AMBER"), (b.GetProperty("status").GetString(), b.GetProperty("providerColour").GetString(), b.GetProperty("recipientColour").GetString()));
        Assert.Equal(before + 1, await db.SupportBrokerages.CountAsync(Ct));
        var id = b.GetProperty("id").GetString()!;
        var version = b.GetProperty("version").GetInt32();

        JsonElement Step(JsonDocument json, string name)
        {
            var x = Ok(json, name, "brokerage");
            Assert.Equal(version + 1, x.GetProperty("version").GetInt32());
            version = x.GetProperty("version").GetInt32();
            return x;
        }

        // Starting before agreement is not a legal move; nothing changes.
        using (var early = await copy.PostGraphQLAsync(MoveMutation("startBrokerage", "StartBrokerageInput"), new { i = new { id, version } }))
            Fails(early, "startBrokerage", "brokerage", "DomainRuleError:BROKERAGE_STATUS_TRANSITION");
        using (var agreed = await copy.PostGraphQLAsync(MoveMutation("agreeBrokerage", "BrokerageVersionInput"), new { i = new { id, version } }))
            Assert.Equal("AGREED", Step(agreed, "agreeBrokerage").GetProperty("status").GetString());
        // The version just replaced is stale now.
        using (var stale = await copy.PostGraphQLAsync(MoveMutation("startBrokerage", "StartBrokerageInput"), new { i = new { id, version = version - 1 } }))
        {
            Fails(stale, "startBrokerage", "brokerage", "ConcurrencyError");
            var err = Payload(stale, "startBrokerage").GetProperty("errors")[0];
            Assert.Equal((version - 1, version), (err.GetProperty("expectedVersion").GetInt32(), err.GetProperty("actualVersion").GetInt32()));
        }
        using (var reviewEarly = await copy.PostGraphQLAsync(MoveMutation("reviewBrokerage", "ReviewBrokerageInput"), new { i = new { id, version, note = "Too soon" } }))
            Fails(reviewEarly, "reviewBrokerage", "brokerage", "DomainRuleError:BROKERAGE_STATUS_TRANSITION");
        using (var started = await copy.PostGraphQLAsync(MoveMutation("startBrokerage", "StartBrokerageInput"), new { i = new { id, version, startDate = "2019-02-11" } }))
        {
            var s = Step(started, "startBrokerage");
            Assert.Equal(("ACTIVE", "2019-02-11"), (s.GetProperty("status").GetString(), s.GetProperty("startDate").GetString()));
        }
        using (var reviewed = await copy.PostGraphQLAsync(MoveMutation("reviewBrokerage", "ReviewBrokerageInput"), new { i = new { id, version, note = "Coaching under way" } }))
        {
            var r = Step(reviewed, "reviewBrokerage");
            Assert.Equal(("ACTIVE", "Coaching under way"), (r.GetProperty("status").GetString(), r.GetProperty("outcome").GetString()));
        }
        using (var closed = await copy.PostGraphQLAsync(MoveMutation("closeBrokerage", "CloseBrokerageInput"),
                   new { i = new { id, version, outcome = "COMPLETED", endDate = "2019-07-12", note = "Recipient improved" } }))
            Assert.Equal("COMPLETED", Step(closed, "closeBrokerage").GetProperty("status").GetString());
        using (var reopened = await copy.PostGraphQLAsync(MoveMutation("closeBrokerage", "CloseBrokerageInput"),
                   new { i = new { id, version, outcome = "CANCELLED", endDate = "2019-07-13" } }))
            Fails(reopened, "closeBrokerage", "brokerage", "DomainRuleError:BROKERAGE_STATUS_TRANSITION");

        // Read back through the API: node and both school lists.
        using var read = await copy.PostGraphQLAsync($$"""
            query($id: ID!, $p: String!, $r: String!) {
              node(id: $id) { ... on SupportBrokerage { {{Fields}} } }
              p: school(schoolNumber: $p) { brokeragesGiven { id } }
              r: school(schoolNumber: $r) { brokeragesReceived { id } }
            }
            """, new { id, p = provider.SchoolNumber, r = recipient.SchoolNumber });
        var data = GraphQLAssert.NoErrors(read);
        var node = data.GetProperty("node");
        Assert.Equal(("COMPLETED", "Recipient improved", "2019-07-12", version), (node.GetProperty("status").GetString(),
            node.GetProperty("outcome").GetString(), node.GetProperty("endDate").GetString(), node.GetProperty("version").GetInt32()));
        Assert.Contains(data.GetProperty("p").GetProperty("brokeragesGiven").EnumerateArray(), x => x.GetProperty("id").GetString() == id);
        Assert.Contains(data.GetProperty("r").GetProperty("brokeragesReceived").EnumerateArray(), x => x.GetProperty("id").GetString() == id);
        var stored = await db.SupportBrokerages.SingleAsync(x => x.ProviderSchoolId == provider.Id && x.RecipientSchoolId == recipient.Id && x.Focus == "Literacy", Ct);
        Assert.Equal(BrokerageStatus.Completed, stored.Status);
    }

    [Fact]
    public async Task A_new_brokerage_lowers_the_providers_rank_so_the_same_schools_are_not_used_continually()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var recipient = await SupportCandidatesTests.RedSchoolAsync(db);
        var busy = (await db.SupportBrokerages.Where(x => x.Status == BrokerageStatus.Proposed || x.Status == BrokerageStatus.Agreed || x.Status == BrokerageStatus.Active)
            .Select(x => x.Provider!.SchoolNumber).ToListAsync(Ct)).ToHashSet();
        var vars = new { r = recipient.SchoolNumber, f = "Numeracy", y = Year, n = 1000 };

        List<JsonElement> Candidates(JsonDocument json) =>
            GraphQLAssert.NoErrors(json).GetProperty("supportCandidates").GetProperty("candidates").EnumerateArray().ToList();
        static string Number(JsonElement c) => c.GetProperty("school").GetProperty("schoolNumber").GetString()!;

        using var before = await copy.PostGraphQLAsync(SupportCandidatesTests.Query, vars);
        var list = Candidates(before);
        var index = list.FindIndex(c => !busy.Contains(Number(c)));
        var top = list[index];
        var number = Number(top);
        var (score, load) = (top.GetProperty("score").GetInt32(), top.GetProperty("load").GetInt32());

        using (var proposed = await copy.PostGraphQLAsync(Propose, ProposeInput(number, recipient.SchoolNumber, focus: "Numeracy")))
            Ok(proposed, "proposeBrokerage", "brokerage");

        using var after = await copy.PostGraphQLAsync(SupportCandidatesTests.Query, vars);
        var again = Candidates(after);
        var newIndex = again.FindIndex(c => Number(c) == number);
        var moved = again[newIndex];
        Assert.Equal(load + 1, moved.GetProperty("load").GetInt32());
        Assert.Equal(score - 8, moved.GetProperty("score").GetInt32());
        Assert.Contains(moved.GetProperty("reasons").EnumerateArray(),
            r => r.GetProperty("factor").GetString() == "CURRENT_LOAD" && r.GetProperty("weight").GetInt32() == -8 * (load + 1));
        Assert.True(newIndex >= index, $"rank {index} -> {newIndex}");
    }

    [Fact]
    public async Task Proposal_rules_reject_and_write_nothing()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var green = await SchoolAsync(db, SupportColour.Green);
        var red = await SchoolAsync(db, SupportColour.Red);
        var amber = await SchoolAsync(db, SupportColour.Amber);
        var otherGreen = await SchoolAsync(db, SupportColour.Green, 1);
        var before = await db.SupportBrokerages.CountAsync(Ct);

        using (var x = await copy.PostGraphQLAsync(Propose, ProposeInput(red.SchoolNumber, amber.SchoolNumber)))
            Fails(x, "proposeBrokerage", "brokerage", "DomainRuleError:BROKERAGE_PROVIDER_COLOUR");
        using (var x = await copy.PostGraphQLAsync(Propose, ProposeInput(green.SchoolNumber, otherGreen.SchoolNumber)))
            Fails(x, "proposeBrokerage", "brokerage", "DomainRuleError:BROKERAGE_RECIPIENT_COLOUR");
        using (var x = await copy.PostGraphQLAsync(Propose, ProposeInput(amber.SchoolNumber, amber.SchoolNumber)))
            Fails(x, "proposeBrokerage", "brokerage", "DomainRuleError:BROKERAGE_SAME_SCHOOL");
        using (var x = await copy.PostGraphQLAsync(Propose, ProposeInput(green.SchoolNumber, amber.SchoolNumber, focus: " ")))
            Fails(x, "proposeBrokerage", "brokerage", "DomainRuleError:REQUIRED");
        using (var x = await copy.PostGraphQLAsync(Propose, ProposeInput("9999999", amber.SchoolNumber)))
            Fails(x, "proposeBrokerage", "brokerage", "ValidationError:NOT_FOUND");
        Assert.Equal(before, await db.SupportBrokerages.CountAsync(Ct));

        // The load cap (3 open per provider, so the same schools are not used continually).
        for (var k = 0; k < 3; k++)
        {
            var recipient = await SchoolAsync(db, k == 0 ? SupportColour.Red : SupportColour.Amber, k);
            using var ok = await copy.PostGraphQLAsync(Propose, ProposeInput(green.SchoolNumber, recipient.SchoolNumber));
            Ok(ok, "proposeBrokerage", "brokerage");
        }
        using (var x = await copy.PostGraphQLAsync(Propose, ProposeInput(green.SchoolNumber, red.SchoolNumber, focus: "Numeracy")))
            Fails(x, "proposeBrokerage", "brokerage", "DomainRuleError:BROKERAGE_LOAD_CAP");
        Assert.Equal(before + 3, await db.SupportBrokerages.CountAsync(Ct));
    }

    /// <summary>Recipients (amber or red in the year), deterministic.</summary>
    private static async Task<List<School>> RecipientsAsync(SefDataDbContext db, int count) =>
        await db.CategorisationResults.Where(c => c.YearCode == Year && (c.SupportColour == SupportColour.Amber || c.SupportColour == SupportColour.Red))
            .OrderBy(c => c.SchoolId).Take(count).Select(c => c.School!).ToListAsync(Ct);

    private static Task<int> OpenAsync(SefDataDbContext db, int providerId) =>
        db.SupportBrokerages.CountAsync(x => x.ProviderSchoolId == providerId
            && (x.Status == BrokerageStatus.Proposed || x.Status == BrokerageStatus.Agreed || x.Status == BrokerageStatus.Active), Ct);

    [Fact]
    public async Task Concurrent_proposals_for_one_provider_never_pass_the_load_cap()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var provider = await SchoolAsync(db, SupportColour.Green);
        var recipients = await RecipientsAsync(db, 8);
        const int cap = 3; // BrokerageRules.DefaultMaxOpenPerProvider, the host's configuration
        for (var k = 0; k < cap - 1; k++)
            using (var ok = await copy.PostGraphQLAsync(Propose, ProposeInput(provider.SchoolNumber, recipients[k].SchoolNumber)))
                Ok(ok, "proposeBrokerage", "brokerage");
        Assert.Equal(cap - 1, await OpenAsync(db, provider.Id));

        // One place left; six proposals race for it over HTTP.
        var racing = await Task.WhenAll(recipients.Skip(cap - 1).Select(r =>
            copy.PostGraphQLAsync(Propose, ProposeInput(provider.SchoolNumber, r.SchoolNumber, focus: "Race " + r.SchoolNumber))));
        var outcomes = racing.Select(json =>
        {
            using (json)
            {
                var errors = ErrorsOf(Payload(json, "proposeBrokerage"));
                return errors.Count == 0 ? "OK" : Assert.Single(errors);
            }
        }).ToList();
        Assert.Equal(1, outcomes.Count(o => o == "OK"));
        Assert.All(outcomes.Where(o => o != "OK"), o => Assert.Contains(o, new[] { "ConcurrencyError", "DomainRuleError:BROKERAGE_LOAD_CAP" }));
        Assert.Equal(cap, await OpenAsync(db, provider.Id));
        Assert.Equal(1, await db.SupportBrokerages.CountAsync(x => x.ProviderSchoolId == provider.Id && x.Focus.StartsWith("Race "), Ct));
    }

    [Fact]
    public async Task Concurrent_agree_and_start_for_one_provider_are_serialised_and_recheck_the_cap()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var provider = await SchoolAsync(db, SupportColour.Green);
        var recipients = await RecipientsAsync(db, 4);
        var ids = new List<string>();
        foreach (var r in recipients.Take(3))
            using (var ok = await copy.PostGraphQLAsync(Propose, ProposeInput(provider.SchoolNumber, r.SchoolNumber)))
                ids.Add(Ok(ok, "proposeBrokerage", "brokerage").GetProperty("id").GetString()!);
        using (var agreed = await copy.PostGraphQLAsync(MoveMutation("agreeBrokerage", "BrokerageVersionInput"), new { i = new { id = ids[2], version = 0 } }))
            Ok(agreed, "agreeBrokerage", "brokerage");
        var providerVersion = await db.Schools.Where(s => s.Id == provider.Id).Select(s => s.Version).SingleAsync(Ct);

        // Agree two and start one of the same provider at once: each either passes or gets a typed ConcurrencyError
        // and writes nothing; the provider's version counts the writers that passed.
        var calls = new (string Mutation, string Input, string Id, int Version, BrokerageStatus To)[]
        {
            ("agreeBrokerage", "BrokerageVersionInput", ids[0], 0, BrokerageStatus.Agreed),
            ("agreeBrokerage", "BrokerageVersionInput", ids[1], 0, BrokerageStatus.Agreed),
            ("startBrokerage", "StartBrokerageInput", ids[2], 1, BrokerageStatus.Active),
        };
        var responses = await Task.WhenAll(calls.Select(c => copy.PostGraphQLAsync(MoveMutation(c.Mutation, c.Input), new { i = new { id = c.Id, version = c.Version } })));
        var passed = 0;
        foreach (var (call, json) in calls.Zip(responses))
        {
            using (json)
            {
                var errors = ErrorsOf(Payload(json, call.Mutation));
                var key = int.Parse(IdKey(call.Id), System.Globalization.CultureInfo.InvariantCulture);
                var stored = await db.SupportBrokerages.AsNoTracking().SingleAsync(x => x.Id == key, Ct);
                if (errors.Count == 0)
                {
                    passed++;
                    Assert.Equal((call.To, call.Version + 1), (stored.Status, stored.Version));
                }
                else
                {
                    Assert.Equal(["ConcurrencyError"], errors);
                    Assert.Equal(call.Version, stored.Version);
                }
            }
        }
        Assert.True(passed >= 1);
        Assert.Equal(providerVersion + passed, await db.Schools.Where(s => s.Id == provider.Id).Select(s => s.Version).SingleAsync(Ct));

        // Agreeing re-checks the cap: a fourth open brokerage written around the API (setup) puts the provider over it.
        db.SupportBrokerages.Add(new SupportBrokerage
        {
            ProviderSchoolId = provider.Id, RecipientSchoolId = recipients[3].Id, Focus = "Imported", StartDate = new DateOnly(2019, 3, 1),
            PlannedDays = 2, Status = BrokerageStatus.Proposed, ProviderColour = SupportColour.Green, RecipientColour = SupportColour.Amber,
        });
        await db.SaveChangesAsync(Ct);
        var proposed = await db.SupportBrokerages.AsNoTracking().Where(x => x.ProviderSchoolId == provider.Id && x.Status == BrokerageStatus.Proposed)
            .OrderBy(x => x.Id).FirstAsync(Ct);
        using (var over = await copy.PostGraphQLAsync(MoveMutation("agreeBrokerage", "BrokerageVersionInput"),
                   new { i = new { id = Id("SupportBrokerage", proposed.Id), version = proposed.Version } }))
            Fails(over, "agreeBrokerage", "brokerage", "DomainRuleError:BROKERAGE_LOAD_CAP");
        Assert.Equal(BrokerageStatus.Proposed, (await db.SupportBrokerages.AsNoTracking().SingleAsync(x => x.Id == proposed.Id, Ct)).Status);
    }

    private static string IdKey(string id)
    {
        Assert.True(SefData.Api.GraphQL.Core.NodeId.TryDecode(id, out _, out var key));
        return key;
    }

    [Fact]
    public async Task Injection_looking_focus_is_stored_verbatim_and_never_in_sql()
    {
        const string evil = "x'); DROP TABLE \"Schools\"; --";
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var green = await SchoolAsync(db, SupportColour.Green);
        var red = await SchoolAsync(db, SupportColour.Red);
        var schools = await db.Schools.CountAsync(Ct);
        var (json, sql) = await copy.PostGraphQLWithSqlAsync(Propose, ProposeInput(green.SchoolNumber, red.SchoolNumber, focus: evil));
        using (json) Assert.Equal(evil, Ok(json, "proposeBrokerage", "brokerage").GetProperty("focus").GetString());
        Assert.NotEmpty(sql);
        Assert.DoesNotContain(sql, s => s.Contains("DROP TABLE", StringComparison.OrdinalIgnoreCase) || s.Contains("x')", StringComparison.Ordinal));
        Assert.Equal(schools, await db.Schools.CountAsync(Ct));
        Assert.Equal(1, await db.SupportBrokerages.CountAsync(x => x.Focus == evil, Ct));
    }

    [Fact]
    public async Task Alert_when_the_providers_colour_drops_after_the_proposal()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        // A brokerage of the previous year whose green provider is still categorised the next year.
        var brokerage = await db.SupportBrokerages.Where(x => x.Status != BrokerageStatus.Cancelled && x.ProviderColour == SupportColour.Green
                && x.StartDate >= new DateOnly(2018, 1, 1) && x.StartDate <= new DateOnly(2018, 8, 31)
                && db.CategorisationResults.Any(c => c.SchoolId == x.ProviderSchoolId && c.YearCode == Year))
            .OrderBy(x => x.Id).FirstAsync(Ct);
        // Setup (not the API under test): the provider's categorisation drops to amber.
        var providerResult = await db.CategorisationResults.SingleAsync(c => c.SchoolId == brokerage.ProviderSchoolId && c.YearCode == Year, Ct);
        providerResult.SupportColour = SupportColour.Amber;
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();
        var expected = await (from x in db.SupportBrokerages
                               join c in db.CategorisationResults on x.ProviderSchoolId equals c.SchoolId
                               where c.YearCode == Year && x.Status != BrokerageStatus.Cancelled
                                   && x.StartDate >= new DateOnly(2017, 9, 1) && x.StartDate <= new DateOnly(2019, 8, 31)
                               select new { x.Id, x.ProviderColour, c.SupportColour }).ToListAsync(Ct);
        var rank = new Dictionary<SupportColour, int> { [SupportColour.Green] = 0, [SupportColour.Yellow] = 1, [SupportColour.Amber] = 2, [SupportColour.Red] = 3 };
        var expectedIds = expected.Where(e => e.ProviderColour is not null && rank[e.SupportColour] > rank[e.ProviderColour!.Value]).Select(e => Id("SupportBrokerage", e.Id)).Order().ToList();

        using var json = await copy.PostGraphQLAsync("""
            { brokerageAlerts(year: "2018/19") { providerColourDropped { providerColourNow brokerage { id providerColour } } } }
            """);
        var dropped = GraphQLAssert.NoErrors(json).GetProperty("brokerageAlerts").GetProperty("providerColourDropped").EnumerateArray().ToList();
        Assert.Equal(expectedIds, dropped.Select(d => d.GetProperty("brokerage").GetProperty("id").GetString()!).Order().ToList());
        var mine = Assert.Single(dropped, d => d.GetProperty("brokerage").GetProperty("id").GetString() == Id("SupportBrokerage", brokerage.Id));
        Assert.Equal(("AMBER", "GREEN"), (mine.GetProperty("providerColourNow").GetString(), mine.GetProperty("brokerage").GetProperty("providerColour").GetString()));
    }

    [Fact]
    public async Task Brokerage_lists_are_batched_per_level()
    {
        await using var db = host.NewDbContext();
        var (json, sql) = await host.PostGraphQLWithSqlAsync("""
            { schools(first: 30) { nodes { schoolNumber brokeragesGiven { id recipient { schoolNumber } } brokeragesReceived { id } } } }
            """);
        using (json)
        {
            var nodes = GraphQLAssert.NoErrors(json).GetProperty("schools").GetProperty("nodes").EnumerateArray().ToList();
            Assert.Equal(30, nodes.Count);
            var numbers = nodes.Select(n => n.GetProperty("schoolNumber").GetString()!).ToList();
            var given = await db.SupportBrokerages.Where(x => numbers.Contains(x.Provider!.SchoolNumber)).CountAsync(Ct);
            var received = await db.SupportBrokerages.Where(x => numbers.Contains(x.Recipient!.SchoolNumber)).CountAsync(Ct);
            Assert.Equal(given, nodes.Sum(n => n.GetProperty("brokeragesGiven").GetArrayLength()));
            Assert.Equal(received, nodes.Sum(n => n.GetProperty("brokeragesReceived").GetArrayLength()));
        }
        // schools (+count), given, received, recipients of given: a constant, not one per school.
        Assert.True(sql.Count <= 6, $"{sql.Count} SQL commands");
    }
}

public sealed class BrokerageLifecycleTestsSqlite(SqliteApiHost host) : BrokerageLifecycleTests(host);
public sealed class BrokerageLifecycleTestsPostgres(PostgresApiHost host) : BrokerageLifecycleTests(host);
