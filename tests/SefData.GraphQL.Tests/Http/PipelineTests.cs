using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SefData.GraphQL.Execution;
using SefData.GraphQL.Http;
using SefData.GraphQL.Limits;
using SefData.GraphQL.Language;
using static SefData.GraphQL.Tests.Http.HttpTestClient;

namespace SefData.GraphQL.Tests.Http;

/// <summary>The request pipeline behind the endpoint: error masking, unexpected failures, the timeout, the document cache.</summary>
public class PipelineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_resolver_exception_becomes_an_unexpected_execution_error_with_a_logged_correlation_id()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        var r = await server.Client.PostJsonAsync(new { query = "{ hello boom }" });
        Assert.Equal(200, r.Status);
        var error = r.Errors.Single();
        Assert.Equal("Unexpected Execution Error", error.GetProperty("message").GetString());
        Assert.DoesNotContain("secret", r.Raw);
        Assert.Equal("boom", error.GetProperty("path")[0].GetString());
        var id = error.GetProperty("extensions").GetProperty("correlationId").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Contains(server.Logs.Entries, e => e.Message.Contains(id) && e.Exception?.Message == "secret connection string leaked");
        Assert.Equal("Hello, world!", r.Data.GetProperty("hello").GetString());
    }

    [Fact]
    public async Task GraphQL_errors_thrown_by_resolvers_keep_their_message_and_code()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        var r = await server.Client.PostJsonAsync(new { query = "{ forbidden boom }" });
        Assert.Equal(200, r.Status);
        Assert.Equal(2, r.Errors.Length);
        var forbidden = r.Errors.Single(e => e.GetProperty("path")[0].GetString() == "forbidden");
        Assert.Equal("Not authorized to read this.", forbidden.GetProperty("message").GetString());
        Assert.Equal("AUTH_NOT_AUTHORIZED", forbidden.GetProperty("extensions").GetProperty("code").GetString());
        var boom = r.Errors.Single(e => e.GetProperty("path")[0].GetString() == "boom");
        Assert.Equal("Unexpected Execution Error", boom.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_exception_outside_resolvers_is_a_top_level_unexpected_error_without_data()
    {
        await using var server = await GraphQLTestServer.StartAsync(configureServices: s => s.AddSingleton<IGraphQLExecutor, ExplodingExecutor>());
        var modern = await server.Client.PostJsonAsync(new { query = "{ hello }" });
        Assert.Equal(500, modern.Status);
        Assert.False(modern.HasData);
        Assert.Equal("Unexpected Execution Error", modern.Errors.Single().GetProperty("message").GetString());
        Assert.DoesNotContain("disk on fire", modern.Raw);
        var id = modern.Errors[0].GetProperty("extensions").GetProperty("correlationId").GetString()!;
        Assert.Contains(server.Logs.Entries, e => e.Message.Contains(id) && e.Exception is IOException);

        var legacy = await server.Client.PostJsonAsync(new { query = "{ hello }" }, Json);
        Assert.Equal(200, legacy.Status);
        Assert.Equal("Unexpected Execution Error", legacy.Errors.Single().GetProperty("message").GetString());
    }

    private sealed class ExplodingExecutor : IGraphQLExecutor
    {
        public Task<ExecutionResult> ExecuteAsync(ExecutionRequest request) => throw new IOException("disk on fire at /var/secret");
    }

    [Fact]
    public async Task The_timeout_cancels_resolvers_and_reports_execution_timeout_without_partial_data()
    {
        await using var server = await GraphQLTestServer.StartAsync(o => o.ExecutionTimeout = TimeSpan.FromMilliseconds(300));
        TestSchema.SlowWasCancelled = false;
        var watch = Stopwatch.StartNew();
        var r = await server.Client.PostJsonAsync(new { query = "{ hello slow(ms: 20000) }" });
        watch.Stop();
        Assert.Equal(200, r.Status);
        Assert.Equal("EXECUTION_TIMEOUT", r.FirstCode);
        Assert.Single(r.Errors);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, r.Data.ValueKind);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        await WaitUntil(() => TestSchema.SlowWasCancelled);
        Assert.Contains(server.Logs.Entries, e => e.Message.StartsWith("GraphQL execution stopped at the timeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_timeout_answers_at_the_deadline_even_when_a_resolver_ignores_cancellation()
    {
        await using var server = await GraphQLTestServer.StartAsync(o => o.ExecutionTimeout = TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();
        var r = await server.Client.PostJsonAsync(new { query = "{ stubborn(ms: 4000) }" });
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        Assert.Equal("EXECUTION_TIMEOUT", r.FirstCode);
        Assert.DoesNotContain("too late", r.Raw);
    }

    [Fact]
    public async Task Work_within_the_timeout_completes()
    {
        await using var server = await GraphQLTestServer.StartAsync(o => o.ExecutionTimeout = TimeSpan.FromSeconds(5));
        var r = await server.Client.PostJsonAsync(new { query = "{ slow(ms: 20) }" });
        Assert.Equal(200, r.Status);
        Assert.Equal("done", r.Data.GetProperty("slow").GetString());
        Assert.Empty(r.Errors);
    }

    [Fact]
    public async Task Valid_documents_are_cached_by_text_and_invalid_ones_are_not()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        var cache = server.Services.GetRequiredService<GraphQLRequestPipeline>().Cache;
        for (var i = 0; i < 3; i++)
        {
            var r = await server.Client.PostJsonAsync(new { query = "query Q($id: ID!) { school(id: $id) { name } }", variables = new { id = (i + 1).ToString() } });
            Assert.Equal(200, r.Status);
        }
        Assert.Equal(1, cache.Count);
        await server.Client.PostJsonAsync(new { query = "{ nope }" });
        await server.Client.PostJsonAsync(new { query = "{ hello(" });
        Assert.Equal(1, cache.Count);
        await server.Client.PostJsonAsync(new { query = "{ hello }" });
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public async Task Concurrent_requests_share_one_cached_document_and_get_their_own_results()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        const string query = "query Q($id: ID!) { school(id: $id) { id name } }";
        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            server.Client.PostJsonAsync(new { query, variables = new { id = (i % 3 + 1).ToString() } })));
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(200, results[i].Status);
            Assert.Equal((i % 3 + 1).ToString(), results[i].Data.GetProperty("school").GetProperty("id").GetString());
        }
        Assert.Equal(1, server.Services.GetRequiredService<GraphQLRequestPipeline>().Cache.Count);
    }

    [Fact]
    public void The_document_cache_evicts_the_least_recently_used_entry()
    {
        var cache = new DocumentCache(2);
        DocumentNode Doc(string text) { var d = Parser.Parse(text); cache.Add(text, text, d); return d; }
        var a = Doc("{ a }");
        Doc("{ b }");
        Assert.True(cache.TryGet("{ a }", "{ a }", out var hit)); // a is now the most recent
        Assert.Same(a, hit);
        Doc("{ c }");
        Assert.Equal(2, cache.Count);
        Assert.False(cache.TryGet("{ b }", "{ b }", out _));
        Assert.True(cache.TryGet("{ a }", "{ a }", out _));
        Assert.True(cache.TryGet("{ c }", "{ c }", out _));
        Assert.False(cache.TryGet("{ a }", "{ different text }", out _)); // same key, other text: a miss
    }

    [Fact]
    public async Task Subscriptions_are_refused_over_http()
    {
        var schema = new SefData.GraphQL.Types.SchemaBuilder()
            .Query(q => q.Field("x", "Int", _ => 1))
            .Subscription(s => s.Field("ticks", "Int", _ => 1))
            .Build();
        await using var server = await GraphQLTestServer.StartAsync(schema: schema);
        var r = await server.Client.PostJsonAsync(new { query = "subscription { ticks }" });
        Assert.Equal(400, r.Status);
        Assert.False(r.HasData);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(50, Ct);
        Assert.True(condition());
    }
}
