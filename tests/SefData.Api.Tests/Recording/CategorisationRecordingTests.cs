using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Domain;
using static SefData.Api.Tests.Recording.MutationKit;

namespace SefData.Api.Tests.Recording;

/// <summary>CA 3 (draft, capacity judgement, colour) and consortium user story 5 (moderation) through the stage workflow.</summary>
public abstract class CategorisationRecordingTests(ApiHost host)
{
    private const string Year = "2019/20";
    private const string Fields = "id stage supportColour improvementCapacity standardsGroup supportDays publishedDate version";

    private static readonly string Record = $$"""
        mutation($i: RecordCategorisationInput!) { recordCategorisation(input: $i) { categorisation { {{Fields}} } {{Errors}} } }
        """;
    private static readonly string Update = $$"""
        mutation($i: UpdateCategorisationDraftInput!) { updateCategorisationDraft(input: $i) { categorisation { {{Fields}} } {{Errors}} } }
        """;
    private static readonly string Move = $$"""
        mutation($i: MoveCategorisationStageInput!) { moveCategorisationStage(input: $i) { categorisation { {{Fields}} } {{Errors}} } }
        """;

    [Fact]
    public async Task Draft_to_published_one_stage_at_a_time_with_moderation()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();
        var school = await db.CategorisationResults.Where(c => c.YearCode == Year && c.School!.Sector == Sector.Primary)
            .OrderBy(c => c.SchoolId).Select(c => c.School!).FirstAsync(Ct);
        // Setup: the school's result for the year is removed so the adviser can record it afresh.
        await db.CategorisationResults.Where(c => c.SchoolId == school.Id && c.YearCode == Year).ExecuteDeleteAsync(Ct);
        var rows = await db.CategorisationResults.CountAsync(Ct);

        async Task<JsonDocument> Post(string q, object i) => await copy.PostGraphQLAsync(q, new { i });

        using (var x = await Post(Record, new { school = school.SchoolNumber, year = "2021/22", supportColour = "YELLOW" }))
            Fails(x, "recordCategorisation", "categorisation", "DomainRuleError:CATEGORISATION_YEAR");
        using (var x = await Post(Record, new { school = school.SchoolNumber, year = Year, standardsGroup = 2, supportColour = "YELLOW" }))
            Fails(x, "recordCategorisation", "categorisation", "DomainRuleError:STANDARDS_GROUP_NOT_PUBLISHED");
        Assert.Equal(rows, await db.CategorisationResults.CountAsync(Ct));

        using var created = await Post(Record, new { school = Id("School", school.SchoolNumber), year = Year, improvementCapacity = "B", supportColour = "YELLOW" });
        var c = Ok(created, "recordCategorisation", "categorisation");
        Assert.Equal(("DRAFT", "YELLOW", "B"), (c.GetProperty("stage").GetString(), c.GetProperty("supportColour").GetString(), c.GetProperty("improvementCapacity").GetString()));
        // Support days derive from the versioned reference table: the latest yellow rule starting on or before the year.
        var rules = await db.SupportDaysRules.Where(r => r.Colour == SupportColour.Yellow).ToListAsync(Ct);
        var expectedDays = rules.Where(r => string.CompareOrdinal(r.ValidFromYearCode, Year) <= 0).OrderByDescending(r => r.ValidFromYearCode).Select(r => (int?)r.MaxDays).FirstOrDefault();
        Assert.Equal(expectedDays, c.GetProperty("supportDays").ValueKind == JsonValueKind.Null ? null : c.GetProperty("supportDays").GetInt32());
        var id = c.GetProperty("id").GetString()!;
        var version = c.GetProperty("version").GetInt32();
        Assert.Equal(rows + 1, await db.CategorisationResults.CountAsync(Ct));

        using (var x = await Post(Record, new { school = school.SchoolNumber, year = Year, supportColour = "GREEN" }))
            Fails(x, "recordCategorisation", "categorisation", "DomainRuleError:CATEGORISATION_DUPLICATE");

        JsonElement Next(JsonDocument json, string mutation)
        {
            var r = Ok(json, mutation, "categorisation");
            Assert.Equal(version + 1, r.GetProperty("version").GetInt32());
            version = r.GetProperty("version").GetInt32();
            return r;
        }

        using (var x = await Post(Update, new { id, version, improvementCapacity = "A", supportColour = "GREEN" }))
        {
            var u = Next(x, "updateCategorisationDraft");
            Assert.Equal(("A", "GREEN"), (u.GetProperty("improvementCapacity").GetString(), u.GetProperty("supportColour").GetString()));
        }
        using (var x = await Post(Update, new { id, version = version - 1, supportColour = "AMBER" }))
            Fails(x, "updateCategorisationDraft", "categorisation", "ConcurrencyError");
        using (var x = await Post(Move, new { id, version, stage = "VERIFIED" }))
            Fails(x, "moveCategorisationStage", "categorisation", "DomainRuleError:CATEGORISATION_STAGE_SKIP");
        using (var x = await Post(Move, new { id, version, stage = "AGREED" }))
            Assert.Equal("AGREED", Next(x, "moveCategorisationStage").GetProperty("stage").GetString());
        using (var x = await Post(Update, new { id, version, supportColour = "RED" }))
            Fails(x, "updateCategorisationDraft", "categorisation", "DomainRuleError:CATEGORISATION_NOT_DRAFT");
        // Consortium moderation changes the colour.
        using (var x = await Post(Move, new { id, version, stage = "MODERATED", moderatedColour = "YELLOW" }))
        {
            var m = Next(x, "moveCategorisationStage");
            Assert.Equal(("MODERATED", "YELLOW"), (m.GetProperty("stage").GetString(), m.GetProperty("supportColour").GetString()));
        }
        using (var x = await Post(Move, new { id, version, stage = "VERIFIED", moderatedColour = "RED" }))
            Fails(x, "moveCategorisationStage", "categorisation", "ValidationError:MODERATION_ONLY");
        using (var x = await Post(Move, new { id, version, stage = "VERIFIED" }))
            Next(x, "moveCategorisationStage");
        using (var x = await Post(Move, new { id, version, stage = "PUBLISHED" }))
            Fails(x, "moveCategorisationStage", "categorisation", "DomainRuleError:CATEGORISATION_PUBLISHED_WITHOUT_DATE");
        Assert.Equal(CategorisationStage.Verified, (await db.CategorisationResults.SingleAsync(r => r.SchoolId == school.Id && r.YearCode == Year, Ct)).Stage);
        using (var x = await Post(Move, new { id, version, stage = "PUBLISHED", publishedDate = "2020-01-29" }))
            Next(x, "moveCategorisationStage");
        using (var x = await Post(Move, new { id, version, stage = "DRAFT" }))
            Fails(x, "moveCategorisationStage", "categorisation", "DomainRuleError:CATEGORISATION_STAGE_BACKWARDS");

        using var read = await copy.PostGraphQLAsync($$"""
            query($n: String!) { school(schoolNumber: $n) { categorisation(year: "2019/20") { ... on CategorisationResult { {{Fields}} } } } }
            """, new { n = school.SchoolNumber });
        var back = GraphQLAssert.NoErrors(read).GetProperty("school").GetProperty("categorisation");
        Assert.Equal(("PUBLISHED", "YELLOW", "A", "2020-01-29", version), (back.GetProperty("stage").GetString(), back.GetProperty("supportColour").GetString(),
            back.GetProperty("improvementCapacity").GetString(), back.GetProperty("publishedDate").GetString(), back.GetProperty("version").GetInt32()));
    }
}

public sealed class CategorisationRecordingTestsSqlite(SqliteApiHost host) : CategorisationRecordingTests(host);
public sealed class CategorisationRecordingTestsPostgres(PostgresApiHost host) : CategorisationRecordingTests(host);
