using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Domain;
using static SefData.Api.Tests.Recording.MutationKit;

namespace SefData.Api.Tests.UserStories;

/// <summary>
/// LA user story 4 (DOMAIN.md section 5): "See barriers that schools have escalated to the LA and record the LA's
/// response." The LA lists its escalated barriers (all and still open), responds to one, and sees it answered;
/// responses that break a rule are rejected and change nothing. Expected lists are read with EF.
/// </summary>
public abstract class LocalAuthority4BarriersStoryTests(ApiHost host)
{
    private const string ListQuery = """
        query($la: String!) { localAuthority(laCode: $la) {
          all: escalatedBarriers { id description scope escalatedTo escalatedOn response version year school { schoolNumber } }
          open: escalatedBarriers(responded: false) { id }
        } }
        """;

    private const string Respond = $$"""
        mutation($i: RespondToBarrierInput!) { respondToBarrier(input: $i) { barrier { id response version } {{Errors}} } }
        """;

    private sealed record Expected(int Id, string Description, BarrierScope Scope, DateOnly? EscalatedOn, string? Response, int Version, string Year, string SchoolNumber);

    private static async Task<List<Expected>> EscalatedToAsync(SefData.Data.SefDataDbContext db, string la) =>
        (await db.Barriers.Where(b => b.EscalatedTo == EscalationTarget.LocalAuthority && b.Cycle!.School!.LaCode == la)
            .Select(b => new Expected(b.Id, b.Description, b.Scope, b.EscalatedOn, b.Response, b.Version, b.Cycle!.YearCode, b.Cycle.School!.SchoolNumber))
            .ToListAsync(Ct))
        .OrderBy(b => b.EscalatedOn).ThenBy(b => b.Id).ToList();

    private static void AssertList(List<Expected> expected, System.Text.Json.JsonDocument json)
    {
        var l = GraphQLAssert.NoErrors(json).P("localAuthority");
        Assert.Equal(expected.Select(b => (Id("Barrier", b.Id), b.Description, b.Scope.Gql(), b.EscalatedOn?.ToString("O"), b.Response, b.Version, b.Year, b.SchoolNumber)),
            l.Items("all").Select(b => (b.Str("id")!, b.Str("description")!, b.Str("scope")!, b.Str("escalatedOn"), b.Str("response"), b.P("version").GetInt32(), b.Str("year")!, b.P("school").Str("schoolNumber")!)));
        Assert.All(l.Items("all"), b => Assert.Equal("LOCAL_AUTHORITY", b.Str("escalatedTo")));
        Assert.Equal(expected.Where(b => b.Response is null).Select(b => Id("Barrier", b.Id)), l.Items("open").Select(b => b.Str("id")!));
    }

    [Fact]
    public async Task The_LA_sees_its_escalated_barriers_and_records_its_response()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        // The LA with most open barriers escalated to it.
        var la = (await db.Barriers.Where(b => b.EscalatedTo == EscalationTarget.LocalAuthority && b.Response == null)
                .Select(b => b.Cycle!.School!.LaCode).ToListAsync(Ct))
            .GroupBy(l => l).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var expected = await EscalatedToAsync(db, la);
        Assert.True(expected.Count(b => b.Response is null) > 1);
        // Barriers of other LAs' schools or escalated elsewhere are not the LA's.
        Assert.True(await db.Barriers.AnyAsync(b => b.Cycle!.School!.LaCode == la && b.EscalatedTo != EscalationTarget.LocalAuthority, Ct)
                    || await db.Barriers.AnyAsync(b => b.EscalatedTo == EscalationTarget.LocalAuthority && b.Cycle!.School!.LaCode != la, Ct));

        using (var before = await copy.PostGraphQLAsync(ListQuery, new { la }))
            AssertList(expected, before);

        var open = expected.First(b => b.Response is null);
        var notEscalated = await db.Barriers.Where(b => b.EscalatedTo == null).OrderBy(b => b.Id).Select(b => new { b.Id, b.Version }).FirstAsync(Ct);
        using (var x = await copy.PostGraphQLAsync(Respond, new { i = new { barrier = Id("Barrier", notEscalated.Id), version = notEscalated.Version, response = "We will help" } }))
            Fails(x, "respondToBarrier", "barrier", "DomainRuleError:BARRIER_ESCALATION");
        using (var x = await copy.PostGraphQLAsync(Respond, new { i = new { barrier = Id("Barrier", open.Id), version = open.Version + 1, response = "Stale" } }))
            Fails(x, "respondToBarrier", "barrier", "ConcurrencyError");
        using (var x = await copy.PostGraphQLAsync(Respond, new { i = new { barrier = Id("Barrier", open.Id), version = open.Version, response = "  " } }))
            Fails(x, "respondToBarrier", "barrier", "ValidationError:REQUIRED");
        Assert.Equal(expected, await EscalatedToAsync(db, la));
        Assert.Null(await db.Barriers.Where(b => b.Id == notEscalated.Id).Select(b => b.Response).SingleAsync(Ct));

        const string response = "The LA will fund supply cover so staff can join the network's learning visits.";
        using (var x = await copy.PostGraphQLAsync(Respond, new { i = new { barrier = Id("Barrier", open.Id), version = open.Version, response } }))
        {
            var b = Ok(x, "respondToBarrier", "barrier");
            Assert.Equal((response, open.Version + 1), (b.Str("response"), b.P("version").GetInt32()));
        }
        var after = await EscalatedToAsync(db, la);
        Assert.Equal((response, open.Version + 1), after.Where(b => b.Id == open.Id).Select(b => (b.Response, b.Version)).Single());
        Assert.Equal(expected.Count(b => b.Response is null) - 1, after.Count(b => b.Response is null));
        using (var read = await copy.PostGraphQLAsync(ListQuery, new { la }))
            AssertList(after, read);
    }
}

public sealed class LocalAuthority4BarriersStoryTestsSqlite(SqliteApiHost host) : LocalAuthority4BarriersStoryTests(host);
public sealed class LocalAuthority4BarriersStoryTestsPostgres(PostgresApiHost host) : LocalAuthority4BarriersStoryTests(host);
