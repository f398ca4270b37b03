using SefData.Api.Tests.Infrastructure;
namespace SefData.Api.Tests.Brokerage;
public abstract class TmpProbe(ApiHost host)
{
    [Fact]
    public async Task Probe()
    {
        await using var db = host.NewDbContext();
        var recipient = await SupportCandidatesTests.RedSchoolAsync(db);
        var vars = new { r = recipient.SchoolNumber, f = "Literacy and leadership", y = "2018/19", n = 10 };
        (await host.PostGraphQLAsync(SupportCandidatesTests.Query, vars)).Dispose();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var (json, sql) = await host.PostGraphQLWithSqlAsync(SupportCandidatesTests.Query, vars);
        var ms = sw.ElapsedMilliseconds;
        json.Dispose();
        File.WriteAllText($"/tmp/s2b/probe-{host.Provider}.sql", $"-- {ms} ms\n" + string.Join("\n;\n", sql));
    }
}
public sealed class TmpProbeSqlite(SqliteApiHost host) : TmpProbe(host);
public sealed class TmpProbePostgres(PostgresApiHost host) : TmpProbe(host);
