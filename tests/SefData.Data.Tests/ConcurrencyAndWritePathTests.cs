using Microsoft.EntityFrameworkCore;
using SefData.Domain;
using SefData.Testing;

namespace SefData.Data.Tests;

/// <summary>Optimistic concurrency through the integer Version token, and the write paths that must honour the rules.</summary>
public abstract class ConcurrencyAndWritePathTests(MigratedDatabase fixture) : DataTestBase(fixture)
{
    [Fact]
    public async Task Version_starts_at_zero_and_increments_on_each_update()
    {
        var school = await AddSchoolAsync();
        Assert.Equal(0, school.Version);
        await using var db = NewContext();
        var s = await db.Schools.SingleAsync(x => x.Id == school.Id, Ct);
        s.NameEn = "Renamed once";
        await db.SaveChangesAsync(Ct);
        Assert.Equal(1, s.Version);
        s.NameCy = "Ailenwyd";
        await db.SaveChangesAsync(Ct);
        Assert.Equal(2, s.Version);
    }

    [Fact]
    public async Task A_stale_version_update_fails_and_keeps_the_first_writers_change()
    {
        var school = await AddSchoolAsync();
        await using var first = NewContext();
        await using var second = NewContext();
        var a = await first.Schools.SingleAsync(x => x.Id == school.Id, Ct);
        var b = await second.Schools.SingleAsync(x => x.Id == school.Id, Ct);
        a.NameEn = "First writer";
        await first.SaveChangesAsync(Ct);
        b.NameEn = "Second writer";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));

        await using var check = NewContext();
        var stored = await check.Schools.AsNoTracking().SingleAsync(x => x.Id == school.Id, Ct);
        Assert.Equal(("First writer", 1), (stored.NameEn, stored.Version));
    }

    [Fact]
    public async Task A_client_supplied_stale_version_is_refused()
    {
        // The API's pattern: load, then set the version the client last saw as the original value.
        var school = await AddSchoolAsync();
        await using (var db = NewContext())
        {
            var s = await db.Schools.SingleAsync(x => x.Id == school.Id, Ct);
            s.Faith = "Church in Wales";
            await db.SaveChangesAsync(Ct); // now Version 1
        }
        await using (var db = NewContext())
        {
            var s = await db.Schools.SingleAsync(x => x.Id == school.Id, Ct);
            db.Entry(s).Property(x => x.Version).OriginalValue = 0;
            s.NameEn = "Edited from an old page";
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Ct));
        }
    }

    [Fact]
    public async Task Synchronous_SaveChanges_enforces_the_same_rules()
    {
        var before = await CountAsync<AcademicYear>();
        using (var db = NewContext())
        {
            db.AcademicYears.Add(new AcademicYear { Code = "2014-15", StartYear = 2014, StartDate = new DateOnly(2014, 9, 1), EndDate = new DateOnly(2015, 8, 31) });
            var ex = Assert.Throws<DomainRuleException>(() => db.SaveChanges());
            Assert.Equal(RuleCodes.AcademicYearFormat, ex.Code);
        }
        Assert.Equal(before, await CountAsync<AcademicYear>());
    }

    [Fact]
    public async Task Bulk_updates_that_would_bypass_the_rules_are_refused()
    {
        var school = await AddSchoolAsync();
        await using var db = NewContext();
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            db.Schools.Where(s => s.Id == school.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.SchoolNumber, "bad"), Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Schools.Where(s => s.Id == school.Id).ExecuteDeleteAsync(Ct));
        Assert.Equal(school.SchoolNumber, (await db.Schools.AsNoTracking().SingleAsync(s => s.Id == school.Id, Ct)).SchoolNumber);
    }

    [Fact]
    public async Task A_rule_failure_inside_a_callers_transaction_leaves_earlier_work_to_the_caller()
    {
        await using var db = NewContext();
        await using var tx = await db.Database.BeginTransactionAsync(Ct);
        var s = NewSchool();
        db.Schools.Add(s);
        await db.SaveChangesAsync(Ct);
        db.AcademicYears.Add(new AcademicYear { Code = "14/15" });
        await Assert.ThrowsAsync<DomainRuleException>(() => db.SaveChangesAsync(Ct));
        await tx.RollbackAsync(Ct);
        await using var check = NewContext();
        Assert.False(await check.Schools.AnyAsync(x => x.SchoolNumber == s.SchoolNumber, Ct));
    }
}

public sealed class ConcurrencyAndWritePathTestsSqlite(SqliteMigratedDatabase db) : ConcurrencyAndWritePathTests(db), IClassFixture<SqliteMigratedDatabase>;

public sealed class ConcurrencyAndWritePathTestsPostgres(PostgresMigratedDatabase db) : ConcurrencyAndWritePathTests(db), IClassFixture<PostgresMigratedDatabase>;
