using System.Text.Json;

namespace SefData.GraphQL.Tests.Http;

/// <summary>graphql-http's GraphQL-over-HTTP audit (MUST, SHOULD and MAY) run by node against the real server.</summary>
public class AuditTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_graphql_http_audit_is_ok()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        var json = await NodeOracle.RunAsync("audit.mjs", server.Url);
        using var results = JsonDocument.Parse(json);
        var all = results.RootElement.EnumerateArray().ToList();

        var byLevel = all.GroupBy(r => r.GetProperty("name").GetString()!.Split(' ')[0])
            .ToDictionary(g => g.Key, g => (Total: g.Count(), Ok: g.Count(r => r.GetProperty("status").GetString() == "ok")));
        foreach (var (level, counts) in byLevel.OrderBy(p => p.Key, StringComparer.Ordinal))
            output.WriteLine($"{level}: {counts.Ok}/{counts.Total} ok");
        var failures = all.Where(r => r.GetProperty("status").GetString() != "ok").Select(r => r.ToString()).ToList();
        foreach (var failure in failures) output.WriteLine(failure);

        // The suite is large; a broken runner returning few results must not pass.
        Assert.True(all.Count >= 50, $"only {all.Count} audit results");
        Assert.Equal(["MAY", "MUST", "SHOULD"], byLevel.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(failures);
    }
}
