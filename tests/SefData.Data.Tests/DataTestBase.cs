using Microsoft.EntityFrameworkCore;
using SefData.Domain;
using SefData.Testing;

namespace SefData.Data.Tests;

/// <summary>
/// Base for tests that run on both providers: each concrete class (…Sqlite / …Postgres) gets its own migrated
/// database through its class fixture.
/// </summary>
public abstract class DataTestBase(MigratedDatabase fixture)
{
    private static int _establishment = 1000;

    protected MigratedDatabase Fixture { get; } = fixture;
    protected DatabaseProvider Provider => Fixture.Provider;
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected SefDataDbContext NewContext() => Fixture.NewContext();

    /// <summary>A valid school with a unique number in the given LA (default: Vale of Glamorgan).</summary>
    protected static School NewSchool(Sector sector = Sector.Primary, string laCode = "673")
    {
        var estab = Interlocked.Increment(ref _establishment).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        return new School
        {
            LaCode = laCode,
            EstablishmentNumber = estab,
            SchoolNumber = laCode + estab,
            NameEn = $"Test school {estab}",
            Sector = sector,
            OpenDate = new DateOnly(1990, 9, 1),
        };
    }

    protected async Task<School> AddSchoolAsync(Sector sector = Sector.Primary, string laCode = "673")
    {
        await using var db = NewContext();
        var s = NewSchool(sector, laCode);
        db.Schools.Add(s);
        await db.SaveChangesAsync(Ct);
        return s;
    }

    protected async Task<int> CountAsync<T>() where T : class
    {
        await using var db = NewContext();
        return await db.Set<T>().CountAsync(Ct);
    }

    /// <summary>Saves, expecting the domain rule with <paramref name="code"/> to refuse the write.</summary>
    protected static async Task<DomainRuleException> SaveRejectedAsync(SefDataDbContext db, string code)
    {
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => db.SaveChangesAsync(Ct));
        Assert.Equal(code, ex.Code);
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        return ex;
    }
}
