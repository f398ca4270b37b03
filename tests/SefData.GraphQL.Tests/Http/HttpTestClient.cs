using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SefData.GraphQL.Tests.Http;

/// <summary>A response read as raw text and as JSON (Json is default when the body is not JSON).</summary>
public sealed record HttpResult(HttpResponseMessage Message, string Raw, JsonElement Json)
{
    public int Status => (int)Message.StatusCode;
    public string? ContentType => Message.Content.Headers.ContentType?.ToString();
    public bool HasData => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("data", out _);
    public JsonElement Data => Json.GetProperty("data");
    public JsonElement[] Errors => Json.TryGetProperty("errors", out var e) ? [.. e.EnumerateArray()] : [];
    public string? FirstCode => Errors.FirstOrDefault().ValueKind == JsonValueKind.Object && Errors[0].TryGetProperty("extensions", out var x)
        && x.TryGetProperty("code", out var c) ? c.GetString() : null;
}

public static class HttpTestClient
{
    public const string ResponseMediaType = "application/graphql-response+json";
    public const string Json = "application/json";

    public static Task<HttpResult> PostJsonAsync(this HttpClient client, object body, string? accept = ResponseMediaType, string path = "/graphql") =>
        client.PostRawAsync(JsonSerializer.Serialize(body), "application/json", accept, path);

    public static async Task<HttpResult> PostRawAsync(this HttpClient client, string? body, string? contentType, string? accept = ResponseMediaType, string path = "/graphql")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return await SendGraphQLAsync(client, request);
    }

    public static async Task<HttpResult> GetGraphQLAsync(this HttpClient client, string pathAndQuery, string? accept = ResponseMediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return await SendGraphQLAsync(client, request);
    }

    public static string Query(string query, object? variables = null, string? operationName = null)
    {
        var sb = new StringBuilder("/graphql?query=").Append(Uri.EscapeDataString(query));
        if (variables is not null) sb.Append("&variables=").Append(Uri.EscapeDataString(JsonSerializer.Serialize(variables)));
        if (operationName is not null) sb.Append("&operationName=").Append(Uri.EscapeDataString(operationName));
        return sb.ToString();
    }

    public static async Task<HttpResult> SendGraphQLAsync(this HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        JsonElement json = default;
        try { json = JsonDocument.Parse(raw).RootElement.Clone(); } catch (JsonException) { }
        return new HttpResult(response, raw, json);
    }
}

/// <summary>One server for a test class (the default options).</summary>
public sealed class DefaultServerFixture : IAsyncLifetime
{
    public GraphQLTestServer Server { get; private set; } = null!;
    public HttpClient Client => Server.Client;

    public async ValueTask InitializeAsync() => Server = await GraphQLTestServer.StartAsync();

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
