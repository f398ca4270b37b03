using System.Text;
using System.Text.Json;
using SefData.GraphQL.Tests.Http;
using static SefData.GraphQL.Tests.Http.HttpTestClient;

namespace SefData.GraphQL.Tests.Limits;

/// <summary>Each limit over HTTP with the default options: refused with its code and 400, and a query just under it runs.</summary>
public class LimitTests(DefaultServerFixture fixture) : IClassFixture<DefaultServerFixture>
{
    private HttpClient Client => fixture.Client;

    private static async Task AssertRefused(HttpResult r, string code)
    {
        Assert.Equal(400, r.Status);
        Assert.False(r.HasData);
        Assert.Equal(code, r.FirstCode);
        await Task.CompletedTask;
    }

    private static void AssertRuns(HttpResult r)
    {
        Assert.Equal(200, r.Status);
        Assert.True(r.HasData, r.Raw);
        Assert.Empty(r.Errors);
    }

    /// <summary>A chain of exactly <paramref name="depth"/> nested fields (depth ≥ 3).</summary>
    private static string Chain(int depth)
    {
        // schools { nodes { (neighbours { nodes { )* ... } } } }: 2 levels per neighbours/nodes pair.
        var sb = new StringBuilder("{ schools(first: 1) { nodes { ");
        var closing = 2;
        var remaining = depth - 2;
        while (remaining > 2) { sb.Append("neighbours(first: 1) { nodes { "); closing += 2; remaining -= 2; }
        sb.Append(remaining == 2 ? "neighbours(first: 1) { totalCount }" : "id");
        sb.Append(' ').Append(string.Concat(Enumerable.Repeat("} ", closing))).Append('}');
        return sb.ToString();
    }

    [Fact]
    public async Task Depth_over_15_is_refused_and_15_runs()
    {
        var refused = await Client.PostJsonAsync(new { query = Chain(16) });
        await AssertRefused(refused, "MAX_DEPTH_EXCEEDED");
        Assert.Contains("depth 16", refused.Errors[0].GetProperty("message").GetString());
        var extensions = refused.Errors[0].GetProperty("extensions");
        Assert.Equal(16, extensions.GetProperty("depth").GetInt32());
        Assert.Equal(15, extensions.GetProperty("maxDepth").GetInt32());
        Assert.Equal(1, refused.Errors[0].GetProperty("locations")[0].GetProperty("line").GetInt32());
        AssertRuns(await Client.PostJsonAsync(new { query = Chain(15) }));
    }

    [Fact]
    public async Task A_document_nested_thousands_deep_is_refused_by_depth_not_by_a_crash()
    {
        const int levels = 4_000; // 3 tokens a level: within the token limit
        var query = string.Concat(Enumerable.Repeat("{ hello ", levels)) + string.Concat(Enumerable.Repeat("}", levels));
        var r = await Client.PostJsonAsync(new { query });
        await AssertRefused(r, "MAX_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task Depth_reached_through_fragments_is_refused()
    {
        var query = "{ ...A } fragment A on Query { school(id: \"1\") { ...B } } fragment B on School { neighbours(first: 1) { nodes { ...B } } }";
        // B is a cycle: validation would reject it, but the limit must not loop; depth 1 + 2 = 3 is under the limit.
        var r = await Client.PostJsonAsync(new { query });
        Assert.Equal(400, r.Status);
        Assert.DoesNotContain("MAX_", r.Raw);

        var deep = Chain(16).Replace("{ schools(first: 1)", "{ ...F } fragment F on Query { schools(first: 1)", StringComparison.Ordinal);
        await AssertRefused(await Client.PostJsonAsync(new { query = deep }), "MAX_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task More_than_30_aliases_are_refused_and_30_run()
    {
        string Aliases(int n) => "{ " + string.Join(' ', Enumerable.Range(0, n).Select(i => $"a{i}: hello")) + " }";
        await AssertRefused(await Client.PostJsonAsync(new { query = Aliases(31) }), "MAX_ALIASES_EXCEEDED");
        var ok = await Client.PostJsonAsync(new { query = Aliases(30) });
        AssertRuns(ok);
        Assert.Equal("Hello, world!", ok.Data.GetProperty("a29").GetString());

        // 16 aliases in a fragment spread twice is 32.
        var spread = "{ ...F ...F } fragment F on Query { " + string.Join(' ', Enumerable.Range(0, 16).Select(i => $"b{i}: hello")) + " }";
        await AssertRefused(await Client.PostJsonAsync(new { query = spread }), "MAX_ALIASES_EXCEEDED");
    }

    [Fact]
    public async Task Cost_over_50000_is_refused_and_a_cheaper_query_runs()
    {
        var refused = await Client.PostJsonAsync(new { query = "{ schools(first: 500) { nodes { neighbours(first: 500) { nodes { id } } } } }" });
        await AssertRefused(refused, "MAX_COST_EXCEEDED");
        Assert.Contains("501001", refused.Errors[0].GetProperty("message").GetString());
        Assert.Equal(501_001, refused.Errors[0].GetProperty("extensions").GetProperty("cost").GetInt64());
        Assert.Equal(50_000, refused.Errors[0].GetProperty("extensions").GetProperty("maxCost").GetInt64());
        var ok = await Client.PostJsonAsync(new { query = "{ schools(first: 100) { nodes { neighbours(first: 100) { nodes { id } } } } }" });
        AssertRuns(ok);
        Assert.Equal(3, ok.Data.GetProperty("schools").GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task Cost_uses_the_page_size_given_in_variables()
    {
        const string query = "query Q($n: Int) { schools(first: $n) { nodes { neighbours(first: $n) { nodes { id } } } } }";
        await AssertRefused(await Client.PostJsonAsync(new { query, variables = new { n = 400 } }), "MAX_COST_EXCEEDED");
        AssertRuns(await Client.PostJsonAsync(new { query, variables = new { n = 100 } }));
        // The cached document is measured again with each request's variables.
        await AssertRefused(await Client.PostJsonAsync(new { query, variables = new { n = 400 } }), "MAX_COST_EXCEEDED");
    }

    [Fact]
    public async Task Documents_over_15000_tokens_are_refused_before_they_are_parsed_in_full()
    {
        var query = "{ " + string.Concat(Enumerable.Repeat("hello ", 15_000)) + "}";
        var r = await Client.PostJsonAsync(new { query });
        await AssertRefused(r, "MAX_TOKENS_EXCEEDED");
        Assert.Contains("15000 tokens", r.Errors[0].GetProperty("message").GetString());
        var legacy = await Client.PostJsonAsync(new { query }, Json);
        Assert.Equal(200, legacy.Status);
        Assert.Equal("MAX_TOKENS_EXCEEDED", legacy.FirstCode);
    }

    [Fact]
    public async Task The_graphql_js_introspection_query_passes_every_limit()
    {
        var query = await NodeOracle.EvalAsync("import { getIntrospectionQuery } from 'graphql'; process.stdout.write(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }));");
        var r = await Client.PostJsonAsync(new { query, operationName = "IntrospectionQuery" });
        AssertRuns(r);
        Assert.Equal("Query", r.Data.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Deep_introspection_is_refused_by_validation()
    {
        var r = await Client.PostJsonAsync(new { query = "{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }" });
        Assert.Equal(400, r.Status);
        Assert.False(r.HasData);
        Assert.Equal("Maximum introspection depth exceeded", r.Errors.Single().GetProperty("message").GetString());
    }
}

/// <summary>Limits with non-default options (the options class is honoured).</summary>
public class ConfiguredLimitTests
{
    [Fact]
    public async Task Each_limit_follows_its_option()
    {
        await using var server = await GraphQLTestServer.StartAsync(o =>
        {
            o.MaxTokens = 50;
            o.MaxCost = 1000;
            o.MaxDepth = 3;
            o.MaxAliases = 1;
        });
        var client = server.Client;
        string Hellos(int n) => "{ " + string.Concat(Enumerable.Repeat("hello ", n)) + "}";
        Assert.Equal(200, (await client.PostJsonAsync(new { query = Hellos(48) })).Status); // 50 tokens
        Assert.Equal("MAX_TOKENS_EXCEEDED", (await client.PostJsonAsync(new { query = Hellos(49) })).FirstCode);

        Assert.Equal(200, (await client.PostJsonAsync(new { query = "{ report }" })).Status); // 400
        Assert.Equal("MAX_COST_EXCEEDED", (await client.PostJsonAsync(new { query = "{ report ...F ...G } fragment F on Query { report } fragment G on Query { report }" })).FirstCode);

        Assert.Equal(200, (await client.PostJsonAsync(new { query = "{ school(id: \"1\") { localAuthority { name } } }" })).Status);
        Assert.Equal("MAX_DEPTH_EXCEEDED", (await client.PostJsonAsync(new { query = "{ school(id: \"1\") { localAuthority { schools { totalCount } } } }" })).FirstCode);

        Assert.Equal(200, (await client.PostJsonAsync(new { query = "{ a: hello }" })).Status);
        Assert.Equal("MAX_ALIASES_EXCEEDED", (await client.PostJsonAsync(new { query = "{ a: hello b: hello }" })).FirstCode);
    }

    [Theory]
    [InlineData("MaxDepth")]
    [InlineData("MaxCost")]
    [InlineData("MaxTokens")]
    [InlineData("ExecutionTimeout")]
    public void Zero_limits_are_refused_at_registration(string option)
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SefData.GraphQL.Http.GraphQLEndpointExtensions.AddGraphQLServer(services, TestSchema.Build(), o =>
        {
            switch (option)
            {
                case "MaxDepth": o.MaxDepth = 0; break;
                case "MaxCost": o.MaxCost = 0; break;
                case "MaxTokens": o.MaxTokens = -1; break;
                default: o.ExecutionTimeout = TimeSpan.Zero; break;
            }
        }));
        Assert.Equal(option, ex.ParamName);
    }

    [Fact]
    public void Defaults_match_the_conventions()
    {
        var o = new SefData.GraphQL.Http.GraphQLServerOptions();
        Assert.Equal((15, 50_000L, 30, 15_000, TimeSpan.FromSeconds(30)), (o.MaxDepth, o.MaxCost, o.MaxAliases, o.MaxTokens, o.ExecutionTimeout));
    }
}
