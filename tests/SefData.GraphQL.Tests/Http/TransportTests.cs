using System.Net.Http.Headers;
using System.Text;
using SefData.GraphQL.Http;
using SefData.GraphQL.Utilities;
using static SefData.GraphQL.Tests.Http.HttpTestClient;

namespace SefData.GraphQL.Tests.Http;

/// <summary>The GraphQL-over-HTTP rules, each checked over a real connection to Kestrel.</summary>
public class TransportTests(DefaultServerFixture fixture) : IClassFixture<DefaultServerFixture>
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Post_with_the_graphql_response_media_type_executes_and_answers_in_it()
    {
        var r = await Client.PostJsonAsync(new { query = "{ hello(name: \"Cymru\") }" });
        Assert.Equal(200, r.Status);
        Assert.Equal("application/graphql-response+json; charset=utf-8", r.ContentType);
        Assert.Equal("Hello, Cymru!", r.Data.GetProperty("hello").GetString());
        Assert.Empty(r.Errors);
    }

    [Theory]
    [InlineData("application/json", Json)]
    [InlineData(null, Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/*", Json)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", ResponseMediaType)]
    [InlineData("application/json, application/graphql-response+json", ResponseMediaType)]
    [InlineData("application/json, application/graphql-response+json;q=0.5", Json)]
    [InlineData("text/html, */*;q=0.8", Json)]
    [InlineData("application/json; charset=utf-8", Json)]
    public async Task The_response_media_type_follows_the_accept_header(string? accept, string expected)
    {
        var r = await Client.PostJsonAsync(new { query = "{ __typename }" }, accept);
        Assert.Equal(200, r.Status);
        Assert.Equal(expected + "; charset=utf-8", r.ContentType);
        Assert.Equal("Query", r.Data.GetProperty("__typename").GetString());
    }

    [Theory]
    [InlineData("text/xml")]
    [InlineData("application/graphql-response+json;q=0, application/json;q=0")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task An_unacceptable_accept_header_is_406(string accept)
    {
        var r = await Client.PostJsonAsync(new { query = "{ __typename }" }, accept);
        Assert.Equal(406, r.Status);
        Assert.False(r.HasData);
        Assert.Single(r.Errors);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/graphql")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData(null)]
    public async Task Unsupported_request_content_types_are_415(string? contentType)
    {
        var r = await Client.PostRawAsync("{\"query\":\"{ __typename }\"}", contentType);
        Assert.Equal(415, r.Status);
        Assert.False(r.HasData);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=\"UTF-8\"")]
    [InlineData("Application/JSON")]
    public async Task Json_content_types_with_parameters_are_accepted(string contentType)
    {
        var r = await Client.PostRawAsync("{\"query\":\"{ __type(name: \\\"Run🏃Swim🏊\\\") { name } }\"}", contentType);
        Assert.Equal(200, r.Status);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, r.Data.GetProperty("__type").ValueKind);
    }

    [Theory]
    [InlineData("{ \"not a JSON")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("\"query\"")]
    [InlineData("{\"notquery\":\"{ __typename }\"}")]
    [InlineData("{\"query\":null}")]
    [InlineData("{\"query\":1}")]
    [InlineData("{\"query\":[\"{ __typename }\"]}")]
    [InlineData("{\"query\":\"{ __typename }\",\"operationName\":1}")]
    [InlineData("{\"query\":\"{ __typename }\",\"variables\":[]}")]
    [InlineData("{\"query\":\"{ __typename }\",\"variables\":\"{}\"}")]
    [InlineData("{\"query\":\"{ __typename }\",\"extensions\":false}")]
    public async Task Malformed_requests_are_400_with_either_media_type_and_no_data(string body)
    {
        foreach (var accept in new[] { ResponseMediaType, Json })
        {
            var r = await Client.PostRawAsync(body, "application/json", accept);
            Assert.Equal(400, r.Status);
            Assert.Equal(accept + "; charset=utf-8", r.ContentType);
            Assert.False(r.HasData);
            Assert.NotEmpty(r.Errors);
        }
    }

    [Theory]
    [InlineData("{ hello(", "Syntax Error")]
    [InlineData("{ noSuchField }", "Cannot query field \"noSuchField\" on type \"Query\".")]
    [InlineData("query Q($id: ID!) { school(id: $id) { name } }", "Variable \"$id\"")]
    public async Task Document_errors_are_400_with_the_new_media_type_and_200_with_json(string query, string message)
    {
        var modern = await Client.PostJsonAsync(new { query });
        Assert.Equal(400, modern.Status);
        Assert.False(modern.HasData);
        Assert.Contains(message, modern.Errors[0].GetProperty("message").GetString());

        var legacy = await Client.PostJsonAsync(new { query }, Json);
        Assert.Equal(200, legacy.Status);
        Assert.False(legacy.HasData);
        Assert.Contains(message, legacy.Errors[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Syntax_errors_carry_their_location()
    {
        var r = await Client.PostJsonAsync(new { query = "{\n  hello(" });
        var location = r.Errors[0].GetProperty("locations")[0];
        Assert.Equal(2, location.GetProperty("line").GetInt32());
        Assert.Equal(9, location.GetProperty("column").GetInt32());
    }

    [Fact]
    public async Task Null_parameters_are_allowed_and_variables_are_used()
    {
        var r = await Client.PostJsonAsync(new { query = "query Q($id: ID!) { school(id: $id) { name } }", operationName = "Q", variables = new { id = "3" }, extensions = (object?)null });
        Assert.Equal(200, r.Status);
        Assert.Equal("Cardiff High School", r.Data.GetProperty("school").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Field_errors_keep_status_200_and_partial_data_with_errors_written_first()
    {
        var r = await Client.PostJsonAsync(new { query = "{ hello boom }" });
        Assert.Equal(200, r.Status);
        Assert.Equal("Hello, world!", r.Data.GetProperty("hello").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, r.Data.GetProperty("boom").ValueKind);
        Assert.Equal("boom", r.Errors.Single().GetProperty("path")[0].GetString());
        Assert.StartsWith("{\"errors\":[", r.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolvers_see_the_http_context_of_their_request()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{\"query\":\"{ requestHeader(name: \\\"Accept-Language\\\") }\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Accept-Language", "cy");
        var r = await Client.SendGraphQLAsync(request);
        Assert.Equal("cy", r.Data.GetProperty("requestHeader").GetString());
    }

    [Fact]
    public async Task Variables_reach_exact_scalars_as_json_so_decimals_keep_every_digit()
    {
        const string query = "query Q($v: Decimal!) { decimalText(value: $v) }";
        var post = await Client.PostRawAsync("{\"query\":\"" + query.Replace("\"", "\\\"") + "\",\"variables\":{\"v\":12345678901234567.89}}", "application/json");
        Assert.Equal("12345678901234567.89", post.Data.GetProperty("decimalText").GetString());
        var get = await Client.GetGraphQLAsync("/graphql?query=" + Uri.EscapeDataString(query) + "&variables=" + Uri.EscapeDataString("{\"v\":0.30000000000000001}"));
        Assert.Equal("0.30000000000000001", get.Data.GetProperty("decimalText").GetString());
        var missing = await Client.PostJsonAsync(new { query, variables = new { v = (object?)null } });
        Assert.Equal(400, missing.Status);
    }

    [Fact]
    public async Task Get_executes_queries_with_url_encoded_json_variables()
    {
        var r = await Client.GetGraphQLAsync(Query("query Q($id: ID!) { school(id: $id) { name localAuthority { name } } }", new { id = "1" }, "Q"));
        Assert.Equal(200, r.Status);
        Assert.Equal("application/graphql-response+json; charset=utf-8", r.ContentType);
        Assert.Equal(["Accept"], r.Message.Headers.Vary);
        Assert.Equal("Ceredigion", r.Data.GetProperty("school").GetProperty("localAuthority").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("mutation { rename(id: \"1\", name: \"X\") { name } }", null)]
    [InlineData("query A { __typename } mutation B { rename(id: \"1\", name: \"X\") { name } }", "B")]
    [InlineData("mutation { rename(id: \"1\") { noSuchField } }", null)] // 405 even when the document is invalid
    public async Task A_mutation_over_get_is_405_with_allow_post(string query, string? operationName)
    {
        foreach (var accept in new[] { ResponseMediaType, Json })
        {
            var r = await Client.GetGraphQLAsync(Query(query, operationName: operationName), accept);
            Assert.Equal(405, r.Status);
            Assert.Equal(["POST"], r.Message.Content.Headers.Allow);
            Assert.False(r.HasData);
        }
    }

    [Fact]
    public async Task A_mutation_over_post_executes_and_a_query_in_the_same_document_runs_over_get()
    {
        const string doc = "query A { hello } mutation B { rename(id: \"1\", name: \"Ysgol Newydd\") { name } }";
        var post = await Client.PostJsonAsync(new { query = doc, operationName = "B" });
        Assert.Equal("Ysgol Newydd", post.Data.GetProperty("rename").GetProperty("name").GetString());
        var get = await Client.GetGraphQLAsync(Query(doc, operationName: "A"));
        Assert.Equal(200, get.Status);
        Assert.Equal("Hello, world!", get.Data.GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData("/graphql")]
    [InlineData("/graphql?query=")]
    [InlineData("/graphql?query=%7B__typename%7D&variables=%5B%5D")]
    [InlineData("/graphql?query=%7B__typename%7D&variables=%7Bnope")]
    [InlineData("/graphql?query=%7B__typename%7D&extensions=1")]
    [InlineData("/graphql?query=%7B__typename%7D&query=%7B__typename%7D")]
    public async Task Malformed_get_requests_are_400(string url)
    {
        var r = await Client.GetGraphQLAsync(url);
        Assert.Equal(400, r.Status);
        Assert.False(r.HasData);
    }

    [Fact]
    public async Task Other_methods_are_405_with_allow_get_and_post()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/graphql") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        var r = await Client.SendGraphQLAsync(request);
        Assert.Equal(405, r.Status);
        Assert.Equal(["GET", "POST"], r.Message.Content.Headers.Allow);
    }

    [Fact]
    public async Task Bodies_over_the_limit_are_413_with_or_without_a_content_length()
    {
        var big = "{\"query\":\"{ __typename }\",\"variables\":{\"pad\":\"" + new string('x', 2 * 1024 * 1024) + "\"}}";
        var r = await Client.PostRawAsync(big, "application/json");
        Assert.Equal(413, r.Status);
        Assert.Contains("limit of 1048576 bytes", r.Errors[0].GetProperty("message").GetString());

        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(big))),
        };
        chunked.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        chunked.Headers.TransferEncodingChunked = true;
        var c = await Client.SendGraphQLAsync(chunked);
        Assert.Equal(413, c.Status);
    }

    [Fact]
    public async Task The_browser_gets_graphiql_with_subresource_integrity()
    {
        var r = await Client.GetGraphQLAsync("/graphql", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        Assert.Equal(200, r.Status);
        Assert.Equal("text/html; charset=utf-8", r.ContentType);
        Assert.Contains("https://cdn.jsdelivr.net/npm/graphiql@3.9.0/graphiql.min.js\" integrity=\"sha384-", r.Raw);
        Assert.Contains("https://cdn.jsdelivr.net/npm/react@18.3.1/umd/react.production.min.js\" integrity=\"sha384-", r.Raw);
        Assert.Contains("https://cdn.jsdelivr.net/npm/react-dom@18.3.1/umd/react-dom.production.min.js\" integrity=\"sha384-", r.Raw);
        Assert.Contains("graphiql.min.css\" integrity=\"sha384-", r.Raw);
        Assert.Contains("<noscript>", r.Raw);
        Assert.Contains("new URL(\"/graphql\", window.location.href)", r.Raw);

        // A browser GET that carries a query is a GraphQL request, not a page.
        var q = await Client.GetGraphQLAsync(Query("{ __typename }"), "text/html,*/*;q=0.8");
        Assert.Equal(200, q.Status);
        Assert.Equal("application/json; charset=utf-8", q.ContentType);
    }

    [Fact]
    public async Task The_ide_page_inline_script_is_valid_javascript()
    {
        var page = GraphiQLPage.Render("/api/\"</script><graphql");
        var start = page.LastIndexOf("<script>", StringComparison.Ordinal) + "<script>".Length;
        var script = page[start..page.IndexOf("</script>", start, StringComparison.Ordinal)];
        Assert.Contains("\\u003C/script\\u003E", script); // the path cannot end the script element
        // Parse it (without running it) with node.
        var output = await NodeOracle.EvalAsync("new Function(" + System.Text.Json.JsonSerializer.Serialize(script) + "); process.stdout.write('parsed');");
        Assert.Equal("parsed", output);
    }

    [Fact]
    public async Task A_utf8_byte_order_mark_before_the_json_body_is_accepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"query\":\"{ __typename }\"}")]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var r = await Client.SendGraphQLAsync(request);
        Assert.Equal(200, r.Status);
    }

    [Fact]
    public async Task Invalid_utf8_in_the_body_is_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent([.. Encoding.UTF8.GetBytes("{\"query\":\"{ hello(name: \\\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\\\") }\"}")]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var r = await Client.SendGraphQLAsync(request);
        Assert.Equal(400, r.Status);
        Assert.False(r.HasData);
    }

    [Fact]
    public async Task The_schema_endpoint_serves_the_printed_sdl()
    {
        var r = await Client.GetGraphQLAsync("/graphql/schema.graphql", null);
        Assert.Equal(200, r.Status);
        Assert.Equal("text/plain; charset=utf-8", r.ContentType);
        var schema = fixture.Server.Services.GetService(typeof(GraphQLRequestPipeline)) as GraphQLRequestPipeline;
        Assert.Equal(SchemaPrinter.Print(schema!.Schema), r.Raw);
        Assert.Contains("type SchoolConnection {", r.Raw);
    }

    /// <summary>Forces HttpClient to send the body chunked (it cannot know the length).</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
