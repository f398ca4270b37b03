using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Domain;
using static SefData.Api.Tests.Recording.MutationKit;

namespace SefData.Api.Tests.Recording;

/// <summary>
/// Who moved a categorisation, when and why: movedBy/note on recordCategorisation and moveCategorisationStage,
/// the stageHistory list (batched), and every bad input refused with a typed error and nothing written.
/// </summary>
public abstract class CategorisationStageHistoryTests(ApiHost host)
{
    internal const string HistoryFields = "id fromStage toStage colourBefore colourAfter changedAt changedByEntraObjectId note changedBy { id familyName }";
    internal const string ResultFields = "id stage supportColour improvementCapacity capacityEvidence agreedDate publishedDate version";

    internal static readonly string Record = $$"""
        mutation($i: RecordCategorisationInput!) { recordCategorisation(input: $i) { categorisation { {{ResultFields}} stageHistory { {{HistoryFields}} } } {{Errors}} } }
        """;
    internal static readonly string Move = $$"""
        mutation($i: MoveCategorisationStageInput!) { moveCategorisationStage(input: $i) { categorisation { {{ResultFields}} stageHistory { {{HistoryFields}} } } {{Errors}} } }
        """;

    /// <summary>A school whose seeded result for <paramref name="year"/> is removed so it can be recorded afresh; and two people.</summary>
    internal static async Task<(School School, Person Adviser, Person Moderator)> FreshSchoolAsync(WritableApiHost copy, string year, Sector sector, int skip = 0)
    {
        await using var db = copy.NewDbContext();
        var school = await db.CategorisationResults.Where(c => c.YearCode == year && c.School!.Sector == sector)
            .OrderBy(c => c.SchoolId).Skip(skip).Select(c => c.School!).FirstAsync(Ct);
        db.CategorisationResults.Remove(await db.CategorisationResults.AsTracking().SingleAsync(c => c.SchoolId == school.Id && c.YearCode == year, Ct));
        await db.SaveChangesAsync(Ct);
        var people = await db.People.OrderBy(p => p.Id).Take(2).ToListAsync(Ct);
        return (school, people[0], people[1]);
    }

    internal static string? Str(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    /// <summary>The API's stageHistory must be exactly the stored rows, oldest first (read with EF, not from the API).</summary>
    internal static async Task AssertHistoryMatchesDatabaseAsync(WritableApiHost copy, int resultId, JsonElement history)
    {
        await using var db = copy.NewDbContext();
        var rows = await db.CategorisationStageChanges.Where(h => h.CategorisationResultId == resultId).OrderBy(h => h.Id).ToListAsync(Ct);
        var people = await db.People.Where(p => rows.Select(r => r.ChangedByPersonId).Contains(p.Id)).ToDictionaryAsync(p => p.Id, Ct);
        var api = history.EnumerateArray().ToList();
        Assert.Equal(rows.Count, api.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, e) = (rows[i], api[i]);
            Assert.Equal(Id("CategorisationStageChange", row.Id), Str(e, "id"));
            Assert.Equal((row.FromStage?.Gql(), row.ToStage.Gql(), row.ColourBefore?.Gql(), row.ColourAfter.Gql(), row.Note, row.ChangedByEntraObjectId),
                (Str(e, "fromStage"), Str(e, "toStage"), Str(e, "colourBefore"), Str(e, "colourAfter"), Str(e, "note"), Str(e, "changedByEntraObjectId")));
            Assert.Equal(row.ChangedAtUtc, e.GetProperty("changedAt").GetDateTimeOffset().UtcDateTime);
            Assert.Equal(TimeSpan.Zero, e.GetProperty("changedAt").GetDateTimeOffset().Offset);
            if (row.ChangedByPersonId is { } pid)
                Assert.Equal(people[pid].FamilyName, e.GetProperty("changedBy").GetProperty("familyName").GetString());
            else
                Assert.Equal(JsonValueKind.Null, e.GetProperty("changedBy").ValueKind);
        }
    }

    [Fact]
    public async Task Each_move_records_who_when_and_why_in_the_same_save()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        var (school, adviser, moderator) = await FreshSchoolAsync(copy, "2018/19", Sector.Secondary);
        var started = DateTime.UtcNow;

        using var created = await copy.PostGraphQLAsync(Record, new
        {
            i = new { school = school.SchoolNumber, year = "2018/19", standardsGroup = (int?)null, improvementCapacity = "C", capacityEvidence = "SER weak on teaching",
                supportColour = "AMBER", movedBy = Id("Person", adviser.Id), note = "Autumn visit" },
        });
        var c = Ok(created, "recordCategorisation", "categorisation");
        var id = Str(c, "id")!;
        int resultId;
        await using (var lookup = copy.NewDbContext())
            resultId = await lookup.CategorisationResults.Where(r => r.SchoolId == school.Id && r.YearCode == "2018/19").Select(r => r.Id).SingleAsync(Ct);
        Assert.Equal(Id("CategorisationResult", resultId), id);
        var version = c.GetProperty("version").GetInt32();
        await AssertHistoryMatchesDatabaseAsync(copy, resultId, c.GetProperty("stageHistory"));

        using var moved = await copy.PostGraphQLAsync(Move, new
        {
            i = new { id, version, stage = "AGREED", agreedDate = "2018-11-12", movedBy = Id("Person", adviser.Id), note = "Agreed with head and chair of governors" },
        });
        var agreed = Ok(moved, "moveCategorisationStage", "categorisation");
        Assert.Equal(("AGREED", "2018-11-12"), (Str(agreed, "stage"), Str(agreed, "agreedDate")));
        version = agreed.GetProperty("version").GetInt32();

        using var moderated = await copy.PostGraphQLAsync(Move, new
        {
            i = new { id, version, stage = "MODERATED", moderatedColour = "RED", movedBy = Id("Person", moderator.Id), note = "Panel: leadership capacity overstated" },
        });
        var m = Ok(moderated, "moveCategorisationStage", "categorisation");
        var history = m.GetProperty("stageHistory");
        await AssertHistoryMatchesDatabaseAsync(copy, resultId, history);

        await using var db = copy.NewDbContext();
        var rows = await db.CategorisationStageChanges.Where(h => h.CategorisationResultId == resultId).OrderBy(h => h.Id).ToListAsync(Ct);
        Assert.Equal(
            [(null, CategorisationStage.Draft, null, SupportColour.Amber, adviser.Id),
             (CategorisationStage.Draft, CategorisationStage.Agreed, null, SupportColour.Amber, adviser.Id),
             (CategorisationStage.Agreed, CategorisationStage.Moderated, SupportColour.Amber, SupportColour.Red, moderator.Id)],
            rows.Select(r => (r.FromStage, r.ToStage, r.ColourBefore, r.ColourAfter, r.ChangedByPersonId!.Value)).ToList());
        Assert.Equal(["Autumn visit", "Agreed with head and chair of governors", "Panel: leadership capacity overstated"], rows.Select(r => r.Note));
        Assert.All(rows, r => Assert.InRange(r.ChangedAtUtc, started.AddSeconds(-1), DateTime.UtcNow.AddSeconds(1)));
        Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First.ChangedAtUtc <= p.Second.ChangedAtUtc));
        // No sign-in yet: the Entra seam stays empty.
        Assert.All(rows, r => Assert.Null(r.ChangedByEntraObjectId));
        var stored = await db.CategorisationResults.SingleAsync(r => r.Id == resultId, Ct);
        Assert.Equal((CategorisationStage.Moderated, SupportColour.Red, "SER weak on teaching", (DateOnly?)new DateOnly(2018, 11, 12)),
            (stored.Stage, stored.SupportColour, stored.CapacityEvidence, stored.AgreedDate));
    }

    [Fact]
    public async Task Bad_input_gets_a_typed_error_and_writes_nothing()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        var (school, adviser, _) = await FreshSchoolAsync(copy, "2017/18", Sector.Primary);
        using var created = await copy.PostGraphQLAsync(Record, new { i = new { school = school.SchoolNumber, year = "2017/18", supportColour = "YELLOW" } });
        var c = Ok(created, "recordCategorisation", "categorisation");
        var id = Str(c, "id")!;
        var version = c.GetProperty("version").GetInt32();

        await using var db = copy.NewDbContext();
        var resultId = await db.CategorisationResults.Where(r => r.SchoolId == school.Id && r.YearCode == "2017/18").Select(r => r.Id).SingleAsync(Ct);
        var historyBefore = await db.CategorisationStageChanges.CountAsync(Ct);
        var resultsBefore = await db.CategorisationResults.CountAsync(Ct);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var unknownPerson = await db.People.MaxAsync(p => p.Id, Ct) + 1000;
        var longNote = new string('n', CategorisationStageChange.NoteMaxLength + 1);

        (object Input, string Error)[] moves =
        [
            (new { id, version, stage = "AGREED", movedBy = Id("Person", unknownPerson) }, "ValidationError:NOT_FOUND"),
            (new { id, version, stage = "AGREED", movedBy = Id("School", school.SchoolNumber) }, "ValidationError:INVALID_ID"),
            (new { id, version, stage = "AGREED", note = longNote }, "DomainRuleError:TEXT_TOO_LONG"),
            (new { id, version, stage = "AGREED", agreedDate = tomorrow }, "DomainRuleError:CATEGORISATION_STAGE_DATE"),
            (new { id, version, stage = "AGREED", publishedDate = "2018-01-31" }, "DomainRuleError:CATEGORISATION_STAGE_DATE"),
            (new { id, version, stage = "MODERATED" }, "DomainRuleError:CATEGORISATION_STAGE_SKIP"),
            (new { id, version, stage = "AGREED", moderatedColour = "RED" }, "ValidationError:MODERATION_ONLY"),
            (new { id, version = version + 1, stage = "AGREED", movedBy = Id("Person", adviser.Id) }, "ConcurrencyError"),
        ];
        foreach (var (input, error) in moves)
        {
            using var x = await copy.PostGraphQLAsync(Move, new { i = input });
            Fails(x, "moveCategorisationStage", "categorisation", error);
        }
        using (var x = await copy.PostGraphQLAsync(Record, new { i = new { school = school.SchoolNumber, year = "2016/17", supportColour = "RED", movedBy = Id("Person", unknownPerson) } }))
            Fails(x, "recordCategorisation", "categorisation", "ValidationError:NOT_FOUND");
        using (var x = await copy.PostGraphQLAsync(Record, new { i = new { school = school.SchoolNumber, year = "2016/17", supportColour = "RED", note = longNote } }))
            Fails(x, "recordCategorisation", "categorisation", "DomainRuleError:TEXT_TOO_LONG");
        using (var x = await copy.PostGraphQLAsync(Record, new
        {
            i = new { school = school.SchoolNumber, year = "2016/17", supportColour = "RED", capacityEvidence = new string('e', CategorisationResult.CapacityEvidenceMaxLength + 1) },
        }))
            Fails(x, "recordCategorisation", "categorisation", "DomainRuleError:TEXT_TOO_LONG");

        db.ChangeTracker.Clear();
        Assert.Equal(historyBefore, await db.CategorisationStageChanges.CountAsync(Ct));
        Assert.Equal(resultsBefore, await db.CategorisationResults.CountAsync(Ct));
        var stored = await db.CategorisationResults.SingleAsync(r => r.Id == resultId, Ct);
        Assert.Equal((CategorisationStage.Draft, version, (DateOnly?)null), (stored.Stage, stored.Version, stored.AgreedDate));
    }

    [Fact]
    public async Task Updating_a_draft_sets_and_clears_the_capacity_evidence_and_only_a_draft()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        var (school, _, _) = await FreshSchoolAsync(copy, "2019/20", Sector.Primary, skip: 1);
        const string update = $$"""
            mutation($i: UpdateCategorisationDraftInput!) { updateCategorisationDraft(input: $i) { categorisation { {{ResultFields}} } {{Errors}} } }
            """;
        using var created = await copy.PostGraphQLAsync(Record, new { i = new { school = school.SchoolNumber, year = "2019/20", supportColour = "GREEN", improvementCapacity = "A" } });
        var c = Ok(created, "recordCategorisation", "categorisation");
        var (id, version) = (Str(c, "id")!, c.GetProperty("version").GetInt32());
        Assert.Null(Str(c, "capacityEvidence"));

        using (var x = await copy.PostGraphQLAsync(update, new { i = new { id, version, capacityEvidence = "Strong SER; leads a hub" } }))
        {
            var u = Ok(x, "updateCategorisationDraft", "categorisation");
            version = u.GetProperty("version").GetInt32();
        }
        await using (var db = copy.NewDbContext())
            Assert.Equal("Strong SER; leads a hub", (await db.CategorisationResults.SingleAsync(r => r.SchoolId == school.Id && r.YearCode == "2019/20", Ct)).CapacityEvidence);
        using (var x = await copy.PostGraphQLAsync(update, new { i = new Dictionary<string, object?> { ["id"] = id, ["version"] = version, ["capacityEvidence"] = null } }))
            version = Ok(x, "updateCategorisationDraft", "categorisation").GetProperty("version").GetInt32();
        await using (var db = copy.NewDbContext())
            Assert.Null((await db.CategorisationResults.SingleAsync(r => r.SchoolId == school.Id && r.YearCode == "2019/20", Ct)).CapacityEvidence);
        using (var x = await copy.PostGraphQLAsync(Move, new { i = new { id, version, stage = "AGREED" } }))
            version = Ok(x, "moveCategorisationStage", "categorisation").GetProperty("version").GetInt32();
        using (var x = await copy.PostGraphQLAsync(update, new { i = new { id, version, capacityEvidence = "too late" } }))
            Fails(x, "updateCategorisationDraft", "categorisation", "DomainRuleError:CATEGORISATION_NOT_DRAFT");
    }

    [Fact]
    public async Task Stage_history_is_batched_whatever_the_number_of_results()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        // Give the first 40 schools' results a recorded step each (published results carry no history of their own).
        await using (var db = copy.NewDbContext())
        {
            var person = await db.People.OrderBy(p => p.Id).FirstAsync(Ct);
            var schools = await db.Schools.OrderBy(s => s.SchoolNumber).Take(40).Select(s => s.Id).ToListAsync(Ct);
            var results = await db.CategorisationResults.Where(c => schools.Contains(c.SchoolId)).ToListAsync(Ct);
            foreach (var r in results)
                db.CategorisationStageChanges.Add(new CategorisationStageChange
                {
                    CategorisationResultId = r.Id, FromStage = CategorisationStage.Verified, ToStage = CategorisationStage.Published,
                    ColourAfter = r.SupportColour, ChangedAtUtc = new DateTime(2020, 1, 29, 9, 0, 0, DateTimeKind.Utc), ChangedByPersonId = person.Id,
                });
            await db.SaveChangesAsync(Ct);
        }
        const string query = """
            query($n: Int!) { schools(first: $n, order: [{ schoolNumber: ASC }]) { nodes { schoolNumber
              categorisations { year stageHistory { toStage changedAt changedBy { familyName } } } } } }
            """;
        var counts = new List<int>();
        foreach (var n in new[] { 3, 40 })
        {
            var (json, sql) = await copy.PostGraphQLWithSqlAsync(query, new { n });
            using (json)
            {
                var nodes = GraphQLAssert.NoErrors(json).GetProperty("schools").GetProperty("nodes").EnumerateArray().ToList();
                await using var db = copy.NewDbContext();
                var numbers = nodes.Select(s => s.GetProperty("schoolNumber").GetString()!).ToList();
                var expected = await db.CategorisationStageChanges.CountAsync(h => numbers.Contains(h.CategorisationResult!.School!.SchoolNumber), Ct);
                Assert.True(expected > 0, "the listed schools have recorded steps");
                Assert.Equal(expected, nodes.Sum(s => s.GetProperty("categorisations").EnumerateArray().Sum(c => c.GetProperty("stageHistory").GetArrayLength())));
            }
            counts.Add(sql.Count);
        }
        // schools, categorisations, stageHistory, people: one command per level (plus the executor's known wave slack).
        Assert.Equal(counts[0], counts[1]);
        Assert.InRange(counts[1], 1, 4 + Performance.SqlCommandCountTests.WaveSlack);
    }

    [Fact]
    public async Task A_stage_change_is_a_node()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        var (school, adviser, _) = await FreshSchoolAsync(copy, "2016/17", Sector.Primary);
        using var created = await copy.PostGraphQLAsync(Record, new { i = new { school = school.SchoolNumber, year = "2016/17", supportColour = "YELLOW", movedBy = Id("Person", adviser.Id) } });
        var change = Ok(created, "recordCategorisation", "categorisation").GetProperty("stageHistory")[0];
        using var read = await copy.PostGraphQLAsync("""
            query($id: ID!) { node(id: $id) { __typename ... on CategorisationStageChange { toStage categorisation { school { schoolNumber } } changedBy { id } } } }
            """, new { id = Str(change, "id") });
        var node = GraphQLAssert.NoErrors(read).GetProperty("node");
        Assert.Equal(("CategorisationStageChange", "DRAFT", school.SchoolNumber, Id("Person", adviser.Id)),
            (Str(node, "__typename"), Str(node, "toStage"), node.GetProperty("categorisation").GetProperty("school").GetProperty("schoolNumber").GetString(),
             node.GetProperty("changedBy").GetProperty("id").GetString()));
    }
}

public sealed class CategorisationStageHistoryTestsSqlite(SqliteApiHost host) : CategorisationStageHistoryTests(host);
public sealed class CategorisationStageHistoryTestsPostgres(PostgresApiHost host) : CategorisationStageHistoryTests(host);
