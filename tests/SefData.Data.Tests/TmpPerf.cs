using SefData.Domain;
using SefData.Testing;
namespace SefData.Data.Tests;
public sealed class TmpPerf(SqliteMigratedDatabase f) : DataTestBase(f), IClassFixture<SqliteMigratedDatabase>
{
    [Fact]
    public async Task Bulk()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        await using var db = NewContext();
        for (var i = 0; i < 2000; i++)
        {
            var s = new School { LaCode = "673", EstablishmentNumber = (3000 + i).ToString(), SchoolNumber = "673" + (3000 + i), NameEn = "x", Sector = Sector.Primary };
            db.Schools.Add(s);
            db.CategorisationResults.Add(new CategorisationResult { School = s, YearCode = "2015/16", SupportColour = SupportColour.Green });
            db.SchoolYearProfiles.Add(new SchoolYearProfile { School = s, YearCode = "2015/16", Pupils = 100 });
        }
        await db.SaveChangesAsync(Ct);
        TestContext.Current.SendDiagnosticMessage($"elapsed {sw.ElapsedMilliseconds} ms");
        Assert.Fail($"elapsed {sw.ElapsedMilliseconds} ms");
    }
}
