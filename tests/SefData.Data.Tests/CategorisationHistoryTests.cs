using Microsoft.EntityFrameworkCore;
using SefData.Domain;
using SefData.Testing;

namespace SefData.Data.Tests;

/// <summary>
/// The stage history on the write path of both providers: a move and its history row are one save; the history's
/// own rules run on save; timestamps come back as UTC; the history goes with its categorisation.
/// </summary>
public abstract class CategorisationHistoryTests(MigratedDatabase fixture) : DataTestBase(fixture)
{
    // Whole seconds: PostgreSQL keeps microseconds, SQLite ticks; the round trip is then exact on both.
    private static readonly DateTime At = new(2019, 11, 20, 9, 15, 30, DateTimeKind.Utc);

    private async Task<(int ResultId, int PersonId)> DraftAsync(string year)
    {
        var school = await AddSchoolAsync();
        await using var db = NewContext();
        var person = new Person { GivenName = "Siân", FamilyName = "Adviser" };
        db.People.Add(person);
        var r = new CategorisationResult { SchoolId = school.Id, YearCode = year, SupportColour = SupportColour.Amber, Stage = CategorisationStage.Draft };
        r.RecordDraft(new ChangeActor(null, null), At.AddDays(-7), "Draft from the autumn visit");
        db.CategorisationResults.Add(r);
        await db.SaveChangesAsync(Ct);
        return (r.Id, person.Id);
    }

    [Fact]
    public async Task A_move_and_its_history_row_are_saved_together_and_read_back_in_order()
    {
        var (id, personId) = await DraftAsync("2018/19");
        await using (var db = NewContext())
        {
            var r = await db.CategorisationResults.AsTracking().SingleAsync(x => x.Id == id, Ct);
            r.MoveStage(new StageMove(CategorisationStage.Agreed, new ChangeActor(personId, null), At) { AgreedDate = new DateOnly(2019, 11, 19), Note = "Agreed with head and governors" });
            await db.SaveChangesAsync(Ct);
        }
        await using (var db = NewContext())
        {
            var r = await db.CategorisationResults.SingleAsync(x => x.Id == id, Ct);
            Assert.Equal((CategorisationStage.Agreed, (DateOnly?)new DateOnly(2019, 11, 19), 1), (r.Stage, r.AgreedDate, r.Version));
            var history = await db.CategorisationStageChanges.Where(h => h.CategorisationResultId == id).OrderBy(h => h.ChangedAtUtc).ToListAsync(Ct);
            Assert.Equal([(null, CategorisationStage.Draft), (CategorisationStage.Draft, CategorisationStage.Agreed)],
                history.Select(h => (h.FromStage, h.ToStage)).ToList());
            Assert.Equal((At, DateTimeKind.Utc, (int?)personId, "Agreed with head and governors"),
                (history[1].ChangedAtUtc, history[1].ChangedAtUtc.Kind, history[1].ChangedByPersonId, history[1].Note));
        }
    }

    [Fact]
    public async Task A_history_row_breaking_its_rules_is_refused_and_the_move_with_it()
    {
        var (id, _) = await DraftAsync("2017/18");
        var before = await CountAsync<CategorisationStageChange>();
        await using (var db = NewContext())
        {
            var r = await db.CategorisationResults.AsTracking().SingleAsync(x => x.Id == id, Ct);
            r.MoveStage(new StageMove(CategorisationStage.Agreed, new ChangeActor(null, null), At));
            // Bypassing the domain method: the save still checks the row.
            r.StageHistory[0].Note = new string('x', CategorisationStageChange.NoteMaxLength + 1);
            await SaveRejectedAsync(db, RuleCodes.TextTooLong);
        }
        Assert.Equal(before, await CountAsync<CategorisationStageChange>());
        await using (var db = NewContext())
            Assert.Equal(CategorisationStage.Draft, (await db.CategorisationResults.SingleAsync(x => x.Id == id, Ct)).Stage);
    }

    [Fact]
    public async Task A_history_row_naming_an_unknown_person_is_refused_by_the_foreign_key()
    {
        var (id, _) = await DraftAsync("2016/17");
        var before = await CountAsync<CategorisationStageChange>();
        await using (var db = NewContext())
        {
            var r = await db.CategorisationResults.AsTracking().SingleAsync(x => x.Id == id, Ct);
            r.MoveStage(new StageMove(CategorisationStage.Agreed, new ChangeActor(int.MaxValue, null), At));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        }
        Assert.Equal(before, await CountAsync<CategorisationStageChange>());
        await using (var db = NewContext())
            Assert.Equal(CategorisationStage.Draft, (await db.CategorisationResults.SingleAsync(x => x.Id == id, Ct)).Stage);
    }

    [Fact]
    public async Task A_history_row_must_match_the_stage_change_saved_with_it()
    {
        var (id, _) = await DraftAsync("2014/15");
        var before = await CountAsync<CategorisationStageChange>();
        await using (var db = NewContext())
        {
            // The result moves Draft -> Agreed; a row claiming Agreed -> Moderated is a false record.
            var r = await db.CategorisationResults.AsTracking().SingleAsync(x => x.Id == id, Ct);
            r.Stage = CategorisationStage.Agreed;
            db.CategorisationStageChanges.Add(new CategorisationStageChange
            {
                CategorisationResultId = id, FromStage = CategorisationStage.Agreed, ToStage = CategorisationStage.Moderated, ColourAfter = r.SupportColour, ChangedAtUtc = At,
            });
            await SaveRejectedAsync(db, RuleCodes.StageSkip);
        }
        await using (var db = NewContext())
        {
            // Given by key only (the result not loaded): a row for a stage the stored result is not at.
            db.CategorisationStageChanges.Add(new CategorisationStageChange
            {
                CategorisationResultId = id, FromStage = CategorisationStage.Verified, ToStage = CategorisationStage.Published, ColourAfter = SupportColour.Amber, ChangedAtUtc = At,
            });
            await SaveRejectedAsync(db, RuleCodes.StageSkip);
        }
        Assert.Equal(before, await CountAsync<CategorisationStageChange>());
        await using (var db = NewContext())
        {
            // Back-filling the step to the stage the stored result is at is accepted.
            db.CategorisationStageChanges.Add(new CategorisationStageChange
            {
                CategorisationResultId = id, FromStage = null, ToStage = CategorisationStage.Draft, ColourAfter = SupportColour.Amber, ChangedAtUtc = At, Note = "Back-filled",
            });
            await db.SaveChangesAsync(Ct);
        }
        Assert.Equal(before + 1, await CountAsync<CategorisationStageChange>());
    }

    [Fact]
    public async Task The_history_goes_with_its_categorisation()
    {
        var (id, _) = await DraftAsync("2015/16");
        await using (var db = NewContext())
        {
            // Not loading the history: the database's cascade removes it.
            db.CategorisationResults.Remove(await db.CategorisationResults.AsTracking().SingleAsync(x => x.Id == id, Ct));
            await db.SaveChangesAsync(Ct);
        }
        await using (var db2 = NewContext())
            Assert.False(await db2.CategorisationStageChanges.AnyAsync(h => h.CategorisationResultId == id, Ct));
    }
}

public sealed class CategorisationHistoryTestsSqlite(SqliteMigratedDatabase db) : CategorisationHistoryTests(db), IClassFixture<SqliteMigratedDatabase>;

public sealed class CategorisationHistoryTestsPostgres(PostgresMigratedDatabase db) : CategorisationHistoryTests(db), IClassFixture<PostgresMigratedDatabase>;
