using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Domain;
using static SefData.Api.Tests.Recording.MutationKit;
using H = SefData.Api.Tests.Recording.CategorisationStageHistoryTests;

namespace SefData.Api.Tests.UserStories;

/// <summary>
/// Challenge adviser story 3 (DOMAIN.md section 5): "Record the yearly capacity judgement (A-D), its evidence, and the
/// draft colour agreed with the head and governors." On a private copy, a school's own challenge adviser for the year
/// records the draft (standards group, capacity judgement, evidence drawn from the school's self-evaluation), is
/// held to the categorisation matrix, revises the judgement after the dialogue, and records the agreement with the
/// head and governors (date, note); the agreed judgement is then frozen. Everything read back is compared with the rows.
/// SelfEvaluation has no GraphQL type yet, so the evidence is text that cites it.
/// </summary>
public abstract class Adviser3CapacityJudgementStoryTests(ApiHost host)
{
    private const string Year = "2016/17"; // the standards group was still published (until 2016/17)

    private const string Update = $$"""
        mutation($i: UpdateCategorisationDraftInput!) { updateCategorisationDraft(input: $i) { categorisation { {{H.ResultFields}} } {{Errors}} } }
        """;

    [Fact]
    public async Task Adviser_records_the_capacity_judgement_with_evidence_and_the_agreed_draft_colour()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        await using var db = copy.NewDbContext();

        // A primary school with a result this year, its challenge adviser for the year, and a self-evaluation on file.
        var candidate = await (
            from c in db.CategorisationResults
            where c.YearCode == Year && c.School!.Sector == Sector.Primary
            join a in db.RoleAssignments.Where(a => a.Role == RoleKind.ChallengeAdviser && a.YearCode == Year) on c.SchoolId equals a.SchoolId
            where db.SelfEvaluations.Any(e => e.SchoolId == c.SchoolId)
            orderby c.School!.SchoolNumber
            select new { c.School, a.PersonId }).FirstOrDefaultAsync(Ct);
        Assert.NotNull(candidate); // demo-data premise: pilot schools have self-evaluations and advisers
        var school = candidate.School!;
        var adviser = await db.People.SingleAsync(p => p.Id == candidate.PersonId, Ct);
        var evaluation = await db.SelfEvaluations.Where(e => e.SchoolId == school.Id).OrderByDescending(e => e.Date).ThenByDescending(e => e.Id)
            .Include(e => e.Ratings).FirstAsync(Ct);
        var evidence = $"SEP self-evaluation {evaluation.Date:yyyy-MM-dd} ({evaluation.Scope}, {evaluation.Participants}): "
            + string.Join(", ", evaluation.Ratings.OrderBy(r => r.ElementCode).Select(r => $"{r.ElementCode} {r.Level}"));

        // The adviser is the school's adviser for the year, as the API shows it.
        using (var who = await copy.PostGraphQLAsync("""
            query($n: String!, $y: AcademicYear!) { school(schoolNumber: $n) { challengeAdviser(year: $y) { person { id familyName } } } }
            """, new { n = school.SchoolNumber, y = Year }))
            Assert.Equal(Id("Person", adviser.Id), GraphQLAssert.NoErrors(who).GetProperty("school").GetProperty("challengeAdviser").GetProperty("person").GetProperty("id").GetString());

        // Setup: the school's published result is removed so the adviser records this year's afresh.
        db.CategorisationResults.Remove(await db.CategorisationResults.AsTracking().SingleAsync(c => c.SchoolId == school.Id && c.YearCode == Year, Ct));
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();
        var rowsBefore = await db.CategorisationResults.CountAsync(Ct);

        // Steps 1 and 2 combine through the matrix: where a cell is known (group 1, capacity A), another colour is refused.
        var cell = await db.CategorisationMatrix.Where(m => m.StandardsGroup == 1 && m.Capacity == ImprovementCapacity.A).ToListAsync(Ct);
        var inForce = cell.Where(m => AcademicYears.Compare(m.ValidFromYearCode, Year) <= 0).OrderByDescending(m => AcademicYears.StartYear(m.ValidFromYearCode)).First();
        var notTheCellColour = Enum.GetValues<SupportColour>().First(c => c != inForce.Colour).Gql();
        var draftInput = new Dictionary<string, object?>
        {
            ["school"] = school.SchoolNumber, ["year"] = Year, ["standardsGroup"] = 1, ["improvementCapacity"] = "A", ["capacityEvidence"] = evidence,
            ["supportColour"] = notTheCellColour, ["adviser"] = Id("Person", adviser.Id), ["movedBy"] = Id("Person", adviser.Id), ["note"] = "Autumn support and challenge visit",
        };
        using (var x = await copy.PostGraphQLAsync(H.Record, new { i = draftInput }))
            Fails(x, "recordCategorisation", "categorisation", "DomainRuleError:CATEGORISATION_MATRIX");
        // Evidence beyond the limit is refused the same way.
        using (var x = await copy.PostGraphQLAsync(H.Record, new { i = new Dictionary<string, object?>(draftInput)
               { ["supportColour"] = inForce.Colour.Gql(), ["capacityEvidence"] = new string('e', CategorisationResult.CapacityEvidenceMaxLength + 1) } }))
            Fails(x, "recordCategorisation", "categorisation", "DomainRuleError:TEXT_TOO_LONG");
        Assert.Equal(rowsBefore, await db.CategorisationResults.CountAsync(Ct));

        draftInput["supportColour"] = inForce.Colour.Gql();
        using var created = await copy.PostGraphQLAsync(H.Record, new { i = draftInput });
        var draft = Ok(created, "recordCategorisation", "categorisation");
        var (id, version) = (H.Str(draft, "id")!, draft.GetProperty("version").GetInt32());

        // After the dialogue meeting the adviser revises the judgement to B with fuller evidence; the draft colour follows.
        var revisedEvidence = evidence + "; dialogue meeting: leadership of teaching not yet consistent";
        var revisedColour = await db.CategorisationMatrix.Where(m => m.StandardsGroup == 1 && m.Capacity == ImprovementCapacity.B).AnyAsync(Ct)
            ? (await db.CategorisationMatrix.Where(m => m.StandardsGroup == 1 && m.Capacity == ImprovementCapacity.B).ToListAsync(Ct))
                .Where(m => AcademicYears.Compare(m.ValidFromYearCode, Year) <= 0).OrderByDescending(m => AcademicYears.StartYear(m.ValidFromYearCode)).First().Colour
            : SupportColour.Yellow; // no known cell for 1B: the adviser's colour stands
        using (var x = await copy.PostGraphQLAsync(Update, new { i = new { id, version, improvementCapacity = "B", capacityEvidence = revisedEvidence, supportColour = revisedColour.Gql() } }))
            version = Ok(x, "updateCategorisationDraft", "categorisation").GetProperty("version").GetInt32();

        // An agreement dated in the future is refused; then the colour is agreed with the head and governors.
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using (var x = await copy.PostGraphQLAsync(H.Move, new { i = new { id, version, stage = "AGREED", agreedDate = tomorrow, movedBy = Id("Person", adviser.Id) } }))
            Fails(x, "moveCategorisationStage", "categorisation", "DomainRuleError:CATEGORISATION_STAGE_DATE");
        using (var x = await copy.PostGraphQLAsync(H.Move, new
        {
            i = new { id, version, stage = "AGREED", agreedDate = "2016-11-21", movedBy = Id("Person", adviser.Id), note = "Agreed with the head and the chair of governors" },
        }))
            version = Ok(x, "moveCategorisationStage", "categorisation").GetProperty("version").GetInt32();

        // Once agreed, the judgement and colour are frozen (only moderation changes the colour).
        using (var x = await copy.PostGraphQLAsync(Update, new { i = new { id, version, improvementCapacity = "A" } }))
            Fails(x, "updateCategorisationDraft", "categorisation", "DomainRuleError:CATEGORISATION_NOT_DRAFT");

        // Read back as a dashboard would, and compare with the rows.
        using var read = await copy.PostGraphQLAsync($$"""
            query($n: String!, $y: AcademicYear!) { school(schoolNumber: $n) { categorisation(year: $y) { ... on CategorisationResult {
              {{H.ResultFields}} standardsGroup adviser { id } stageHistory { {{H.HistoryFields}} } } } } }
            """, new { n = school.SchoolNumber, y = Year });
        var back = GraphQLAssert.NoErrors(read).GetProperty("school").GetProperty("categorisation");
        var row = await db.CategorisationResults.SingleAsync(c => c.SchoolId == school.Id && c.YearCode == Year, Ct);
        Assert.Equal((CategorisationStage.Agreed, ImprovementCapacity.B, revisedEvidence, revisedColour, (DateOnly?)new DateOnly(2016, 11, 21), adviser.Id, 1),
            (row.Stage, row.ImprovementCapacity!.Value, row.CapacityEvidence, row.SupportColour, row.AgreedDate, row.AdviserPersonId!.Value, row.StandardsGroup!.Value));
        Assert.Equal(
            (Id("CategorisationResult", row.Id), row.Stage.Gql(), row.ImprovementCapacity.Value.Gql(), row.CapacityEvidence, row.SupportColour.Gql(),
             row.AgreedDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.Version, row.StandardsGroup, Id("Person", row.AdviserPersonId!.Value)),
            (H.Str(back, "id"), H.Str(back, "stage"), H.Str(back, "improvementCapacity"), H.Str(back, "capacityEvidence"), H.Str(back, "supportColour"),
             H.Str(back, "agreedDate"), back.GetProperty("version").GetInt32(), (int?)back.GetProperty("standardsGroup").GetInt32(),
             back.GetProperty("adviser").GetProperty("id").GetString()));
        await H.AssertHistoryMatchesDatabaseAsync(copy, row.Id, back.GetProperty("stageHistory"));

        // The history tells the story: drafted then agreed by the adviser, and the agreed entry carries the agreed colour.
        var history = await db.CategorisationStageChanges.Where(h => h.CategorisationResultId == row.Id).OrderBy(h => h.Id).ToListAsync(Ct);
        Assert.Equal(
            [((CategorisationStage?)null, CategorisationStage.Draft, inForce.Colour, (int?)adviser.Id, "Autumn support and challenge visit"),
             (CategorisationStage.Draft, CategorisationStage.Agreed, row.SupportColour, adviser.Id, "Agreed with the head and the chair of governors")],
            history.Select(h => (h.FromStage, h.ToStage, h.ColourAfter, h.ChangedByPersonId, h.Note)).ToList());
    }

    [Fact]
    public async Task From_2017_18_the_judgement_stands_without_a_standards_group()
    {
        await using var copy = await host.CreateWritableCopyAsync();
        var (school, adviser, _) = await H.FreshSchoolAsync(copy, "2018/19", Sector.Primary, skip: 2);
        var input = new Dictionary<string, object?>
        {
            ["school"] = school.SchoolNumber, ["year"] = "2018/19", ["standardsGroup"] = 2, ["improvementCapacity"] = "C",
            ["capacityEvidence"] = "Self-evaluation over-generous", ["supportColour"] = "AMBER", ["movedBy"] = Id("Person", adviser.Id),
        };
        await using var db = copy.NewDbContext();
        var before = await db.CategorisationResults.CountAsync(Ct);
        using (var x = await copy.PostGraphQLAsync(H.Record, new { i = input }))
            Fails(x, "recordCategorisation", "categorisation", "DomainRuleError:STANDARDS_GROUP_NOT_PUBLISHED");
        Assert.Equal(before, await db.CategorisationResults.CountAsync(Ct));

        input.Remove("standardsGroup");
        using var created = await copy.PostGraphQLAsync(H.Record, new { i = input });
        var c = Ok(created, "recordCategorisation", "categorisation");
        var row = await db.CategorisationResults.SingleAsync(r => r.SchoolId == school.Id && r.YearCode == "2018/19", Ct);
        Assert.Equal((null, ImprovementCapacity.C, "Self-evaluation over-generous", SupportColour.Amber), (row.StandardsGroup, row.ImprovementCapacity!.Value, row.CapacityEvidence, row.SupportColour));
        Assert.Equal((row.ImprovementCapacity.Value.Gql(), row.CapacityEvidence), (H.Str(c, "improvementCapacity"), H.Str(c, "capacityEvidence")));
    }
}

public sealed class Adviser3CapacityJudgementStoryTestsSqlite(SqliteApiHost host) : Adviser3CapacityJudgementStoryTests(host);
public sealed class Adviser3CapacityJudgementStoryTestsPostgres(PostgresApiHost host) : Adviser3CapacityJudgementStoryTests(host);
