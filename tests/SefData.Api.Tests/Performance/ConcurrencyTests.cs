using System.Text;
using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;

namespace SefData.Api.Tests.Performance;

/// <summary>
/// Sibling root fields run concurrently; each must use its own DbContext (a shared one throws "A second operation
/// was started on this context"). Many aliased roots with nested loaders, and parallel requests, must all succeed.
/// </summary>
public abstract class ConcurrencyTests(ApiHost host)
{
    [Fact]
    public async Task Concurrent_sibling_fields_and_requests_each_get_their_own_context()
    {
        await using var db = host.NewDbContext();
        var las = await db.LocalAuthorities.OrderBy(l => l.LaCode).ToListAsync(TestContext.Current.CancellationToken);
        var schoolCounts = await db.Schools.GroupBy(s => s.LaCode).Select(g => new { g.Key, N = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.N, TestContext.Current.CancellationToken);
        var query = new StringBuilder("{");
        foreach (var la in las)
            query.Append($" la{la.LaCode}: localAuthority(laCode: \"{la.LaCode}\") {{ nameEn schools {{ schoolNumber }} consortiumHistory {{ validFrom }} }}");
        query.Append(" schools(first: 100) { nodes { localAuthority { laCode } categorisations { year } } } }");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.PostGraphQLAsync(query.ToString())));
        foreach (var json in responses)
        {
            using (json)
            {
                var data = GraphQLAssert.NoErrors(json);
                foreach (var la in las)
                {
                    var l = data.P("la" + la.LaCode);
                    Assert.Equal(la.NameEn, l.Str("nameEn"));
                    Assert.Equal(schoolCounts.GetValueOrDefault(la.LaCode), l.Items("schools").Count);
                }
            }
        }
    }
}

public sealed class ConcurrencyTestsSqlite(SqliteApiHost host) : ConcurrencyTests(host);
public sealed class ConcurrencyTestsPostgres(PostgresApiHost host) : ConcurrencyTests(host);
