using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Data;
using static SefData.Api.Tests.Aggregates.RollUpAssert;

namespace SefData.Api.Tests.Aggregates;

/// <summary>The threshold comes from configuration (Aggregates:SuppressionThreshold): a second API over the same database with another one.</summary>
public abstract class SuppressionThresholdTests(ApiHost host)
{
    [Fact]
    public async Task A_configured_threshold_replaces_the_default()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting(SefDataDb.ProviderKey, host.Provider.ToString());
            b.UseSetting("ConnectionStrings:" + SefDataDb.ConnectionStringName, host.ConnectionString);
            b.UseSetting("Seed:Demo", "false");
            b.UseSetting("Aggregates:SuppressionThreshold", "2");
            b.UseEnvironment("Development");
        });
        using var client = factory.CreateClient();
        await using var db = host.NewDbContext();
        var la = await db.Schools.GroupBy(s => s.LaCode).OrderBy(g => g.Count()).Select(g => g.Key).FirstAsync(ct);
        var facts = await db.CategorisationResults.Where(c => c.YearCode == "2018/19" && c.School!.LaCode == la).Select(c => c.SupportColour).ToListAsync(ct);

        using var response = await client.PostAsJsonAsync("/graphql", new
        {
            query = "query($la: String!) { localAuthority(laCode: $la) { colourDistribution(year: \"2018/19\") { ... on ColourDistribution { suppressionThreshold total { count suppressed } colours { colour count suppressed } } } } }",
            variables = new { la },
        }, ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var d = GraphQLAssert.NoErrors(json).GetProperty("localAuthority").GetProperty("colourDistribution");
        Assert.Equal(2, d.GetProperty("suppressionThreshold").GetInt32());
        var cells = d.GetProperty("colours").EnumerateArray().ToList();
        foreach (var c in cells)
        {
            var n = facts.Count(f => Upper(f) == c.GetProperty("colour").GetString());
            if (n < 2) Assert.True(Suppressed(c));
            else if (!Suppressed(c)) Assert.Equal(n, Count(c));
        }
        NoSingleUnknown(d.GetProperty("total"), cells, "row");
    }
}

public sealed class SuppressionThresholdTestsSqlite(SqliteApiHost host) : SuppressionThresholdTests(host);
public sealed class SuppressionThresholdTestsPostgres(PostgresApiHost host) : SuppressionThresholdTests(host);
