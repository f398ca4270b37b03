using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Domain;
using H = SefData.Api.Tests.Recording.CategorisationStageHistoryTests;
using static SefData.Api.Tests.Recording.MutationKit;

namespace SefData.Api.Tests.UserStories;

/// <summary>
/// Consortium story 5 (DOMAIN.md section 5): "Record the moderation outcome (draft -> moderated -> verified) for each
/// school." On a private copy, three schools of one LA are drafted and agreed by their advisers; the consortium
/// moderates them (one colour raised, one lowered, one confirmed), with who and why; a draft that was never agreed
/// cannot be moderated, a moderator working on a stale copy is stopped, verification cannot change a colour; then
/// the consortium's view of every school of the LA (stage, colour, history) is compared with the rows.
/// </summary>
public abstract class Consortium5ModerationStoryTests(ApiHost host)
{
    private const string Year = "2019/20";
    private static readonly DateOnly YearStart = new(2019, 9, 1);

    private static string? Str(JsonElement e, string name) => H.Str(e, name);

    [Fact]
    public async Task Consortium_moderates_and_verifies_each_school_and_sees_who_changed_what()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();

        // The LA with the most primary results this year that belongs to a consortium on the year's first day.
        var memberships = await db.ConsortiumMemberships.Where(m => m.ValidFrom <= YearStart && (m.ValidTo == null || m.ValidTo >= YearStart)).ToListAsync(Ct);
        var laCode = (await db.CategorisationResults.Where(c => c.YearCode == Year && c.School!.Sector == Sector.Primary)
                .GroupBy(c => c.School!.LaCode).Select(g => new { La = g.Key, Count = g.Count() }).ToListAsync(Ct))
            .Where(x => memberships.Any(m => m.LaCode == x.La)).OrderByDescending(x => x.Count).ThenBy(x => x.La).First().La;
        var consortium = memberships.Single(m => m.LaCode == laCode).ConsortiumCode;
        var schools = await db.CategorisationResults.Where(c => c.YearCode == Year && c.School!.Sector == Sector.Primary && c.School.LaCode == laCode)
            .OrderBy(c => c.School!.SchoolNumber).Select(c => c.School!).Take(4).ToListAsync(Ct);
        Assert.Equal(4, schools.Count);
        var people = await db.People.OrderBy(p => p.Id).Take(3).ToListAsync(Ct);
        var (adviser, moderator, verifier) = (people[0], people[1], people[2]);

        // Setup: the four schools' published results are removed so this year's cycle can be recorded afresh.
        var ids = schools.Select(s => s.Id).ToList();
        db.CategorisationResults.RemoveRange(await db.CategorisationResults.AsTracking().Where(c => c.YearCode == Year && ids.Contains(c.SchoolId)).ToListAsync(Ct));
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();

        async Task<JsonElement> Run(string query, string mutation, object input)
        {
            using var json = await copy.PostGraphQLAsync(query, new { i = input });
            return Ok(json, mutation, "categorisation").Clone();
        }

        // Advisers: drafts agreed with the heads and governors (the fourth stays a draft).
        var drafted = new Dictionary<string, (string Id, int Version)>();
        foreach (var (school, colour) in schools.Zip(new[] { "AMBER", "GREEN", "YELLOW", "YELLOW" }))
        {
            var c = await Run(H.Record, "recordCategorisation", new { school = school.SchoolNumber, year = Year, supportColour = colour, movedBy = Id("Person", adviser.Id) });
            drafted[school.SchoolNumber] = (Str(c, "id")!, c.GetProperty("version").GetInt32());
        }
        foreach (var school in schools.Take(3))
        {
            var (id, version) = drafted[school.SchoolNumber];
            var c = await Run(H.Move, "moveCategorisationStage", new { id, version, stage = "AGREED", movedBy = Id("Person", adviser.Id), agreedDate = "2019-11-15" });
            drafted[school.SchoolNumber] = (id, c.GetProperty("version").GetInt32());
        }

        // A draft that was never agreed cannot be moderated: typed error, nothing written.
        var historyBefore = await db.CategorisationStageChanges.CountAsync(Ct);
        var (draftId, draftVersion) = drafted[schools[3].SchoolNumber];
        using (var x = await copy.PostGraphQLAsync(H.Move, new { i = new { id = draftId, version = draftVersion, stage = "MODERATED", moderatedColour = "AMBER", movedBy = Id("Person", moderator.Id) } }))
            Fails(x, "moveCategorisationStage", "categorisation", "DomainRuleError:CATEGORISATION_STAGE_SKIP");
        Assert.Equal(historyBefore, await db.CategorisationStageChanges.CountAsync(Ct));

        // Moderation: raised to red, lowered to yellow, confirmed as yellow (no colour given).
        (School School, string? Colour, string Note)[] outcomes =
        [
            (schools[0], "RED", "Panel: standards data and leadership capacity point to red"),
            (schools[1], "YELLOW", "Panel: green not supported by the self-evaluation"),
            (schools[2], null, "Panel: agreed colour confirmed"),
        ];
        foreach (var (school, colour, note) in outcomes)
        {
            var (id, version) = drafted[school.SchoolNumber];
            var c = await Run(H.Move, "moveCategorisationStage", new { id, version, stage = "MODERATED", moderatedColour = colour, movedBy = Id("Person", moderator.Id), note });
            drafted[school.SchoolNumber] = (id, c.GetProperty("version").GetInt32());
        }

        // A second moderator working from the agreed version is stopped; the first moderation stands alone in the history.
        var (firstId, firstVersion) = drafted[schools[0].SchoolNumber];
        historyBefore = await db.CategorisationStageChanges.CountAsync(Ct);
        using (var x = await copy.PostGraphQLAsync(H.Move, new { i = new { id = firstId, version = firstVersion - 1, stage = "MODERATED", moderatedColour = "AMBER", movedBy = Id("Person", verifier.Id) } }))
            Fails(x, "moveCategorisationStage", "categorisation", "ConcurrencyError");
        // Verification confirms; it cannot change the colour.
        using (var x = await copy.PostGraphQLAsync(H.Move, new { i = new { id = firstId, version = firstVersion, stage = "VERIFIED", moderatedColour = "AMBER", movedBy = Id("Person", verifier.Id) } }))
            Fails(x, "moveCategorisationStage", "categorisation", "ValidationError:MODERATION_ONLY");
        Assert.Equal(historyBefore, await db.CategorisationStageChanges.CountAsync(Ct));

        foreach (var (school, _, _) in outcomes)
        {
            var (id, version) = drafted[school.SchoolNumber];
            await Run(H.Move, "moveCategorisationStage", new { id, version, stage = "VERIFIED", movedBy = Id("Person", verifier.Id), note = "National verification" });
        }

        // The rows hold the outcome the consortium recorded.
        var stored = await db.CategorisationResults.Where(c => c.YearCode == Year && ids.Contains(c.SchoolId)).ToDictionaryAsync(c => c.SchoolId, Ct);
        Assert.Equal(
            [(CategorisationStage.Verified, SupportColour.Red), (CategorisationStage.Verified, SupportColour.Yellow),
             (CategorisationStage.Verified, SupportColour.Yellow), (CategorisationStage.Draft, SupportColour.Yellow)],
            schools.Select(s => (stored[s.Id].Stage, stored[s.Id].SupportColour)).ToList());

        // The consortium's view of every school of the LA this year, compared with the rows.
        using var view = await copy.PostGraphQLAsync($$"""
            query($c: String!, $asOf: Date!, $la: String!, $y: AcademicYear!) {
              schools(first: 500, where: { consortium: { code: $c, asOf: $asOf }, laCode: { eq: $la } }, order: [{ schoolNumber: ASC }]) {
                nodes { schoolNumber categorisation(year: $y) { ... on CategorisationResult { id stage supportColour stageHistory { {{H.HistoryFields}} } } } }
              }
            }
            """, new { c = consortium, asOf = YearStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), la = laCode, y = Year });
        var nodes = GraphQLAssert.NoErrors(view).GetProperty("schools").GetProperty("nodes").EnumerateArray().ToList();
        var expected = await db.Schools.Where(s => s.LaCode == laCode).OrderBy(s => s.SchoolNumber)
            .Select(s => new { s.Id, s.SchoolNumber, Result = s.Categorisations.FirstOrDefault(c => c.YearCode == Year) }).ToListAsync(Ct);
        // The API lists the LA's schools open in the year; each listed one matches its row.
        Assert.Subset(expected.Select(e => e.SchoolNumber).ToHashSet(), nodes.Select(n => Str(n, "schoolNumber")!).ToHashSet());
        Assert.All(schools, s => Assert.Contains(nodes, n => Str(n, "schoolNumber") == s.SchoolNumber));
        foreach (var node in nodes)
        {
            var row = expected.Single(e => e.SchoolNumber == Str(node, "schoolNumber")).Result;
            var c = node.GetProperty("categorisation");
            if (row is null) { Assert.Equal(JsonValueKind.Null, c.ValueKind); continue; }
            Assert.Equal((Id("CategorisationResult", row.Id), row.Stage.Gql(), row.SupportColour.Gql()), (Str(c, "id"), Str(c, "stage"), Str(c, "supportColour")));
            // Published results loaded in bulk carry no history; the four recorded here carry theirs.
            await H.AssertHistoryMatchesDatabaseAsync(copy, row.Id, c.GetProperty("stageHistory"));
        }

        // Who changed what at moderation, from the rows: the moderator, the note, the colour before and after.
        var moderation = await db.CategorisationStageChanges.Where(h => ids.Contains(h.CategorisationResult!.SchoolId) && h.ToStage == CategorisationStage.Moderated)
            .Select(h => new { h.CategorisationResult!.SchoolId, h.ColourBefore, h.ColourAfter, h.ChangedByPersonId, h.Note }).ToListAsync(Ct);
        Assert.Equal(
            [(SupportColour.Amber, SupportColour.Red), (SupportColour.Green, SupportColour.Yellow), ((SupportColour?)null, SupportColour.Yellow)],
            outcomes.Select(o => moderation.Single(m => m.SchoolId == o.School.Id)).Select(m => (m.ColourBefore, m.ColourAfter)).ToList());
        Assert.All(moderation, m => Assert.Equal(moderator.Id, m.ChangedByPersonId));
        Assert.Equal(outcomes.Select(o => o.Note), outcomes.Select(o => moderation.Single(m => m.SchoolId == o.School.Id).Note));
        var verification = await db.CategorisationStageChanges.Where(h => ids.Contains(h.CategorisationResult!.SchoolId) && h.ToStage == CategorisationStage.Verified).ToListAsync(Ct);
        Assert.Equal(3, verification.Count);
        Assert.All(verification, v => Assert.Equal((verifier.Id, (SupportColour?)null), (v.ChangedByPersonId!.Value, v.ColourBefore)));
    }
}

public sealed class Consortium5ModerationStoryTestsSqlite(SqliteApiHost host) : Consortium5ModerationStoryTests(host);
public sealed class Consortium5ModerationStoryTestsPostgres(PostgresApiHost host) : Consortium5ModerationStoryTests(host);
