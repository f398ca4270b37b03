using System.Text.Json;
using SefData.GraphQL.Limits;
using SefData.GraphQL.Tests.Http;
using static SefData.GraphQL.Tests.Http.HttpTestClient;

namespace SefData.GraphQL.Tests.Limits;

/// <summary>Trusted (persisted) documents loaded from a folder of .graphql files and a JSON manifest.</summary>
public sealed class TrustedDocumentTests : IAsyncLifetime
{
    private const string SchoolQuery = "query School($id: ID!) { school(id: $id) { name } }\n";
    private const string HelloQuery = "{ hello }";
    private const string ManifestQuery = "query FromManifest { schools(first: 1) { totalCount } }";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sefdata-trusted-" + Guid.NewGuid().ToString("N"));
    private string _manifest = null!;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "dashboards"));
        File.WriteAllText(Path.Combine(_folder, "school.graphql"), SchoolQuery);
        File.WriteAllText(Path.Combine(_folder, "dashboards", "hello.graphql"), HelloQuery);
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "{ boom }"); // not a .graphql file: not registered
        _manifest = Path.Combine(_folder, "manifest.json");
        File.WriteAllText(_manifest, JsonSerializer.Serialize(new Dictionary<string, string> { ["dashboard-1"] = ManifestQuery }));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private Task<GraphQLTestServer> Start(TrustedDocumentMode mode) => GraphQLTestServer.StartAsync(o =>
    {
        o.TrustedDocuments.Mode = mode;
        o.TrustedDocuments.Directory = _folder;
        o.TrustedDocuments.ManifestPath = _manifest;
    });

    [Fact]
    public void The_store_hashes_the_exact_text_with_sha256()
    {
        var store = TrustedDocumentStore.Load(new TrustedDocumentOptions { Directory = _folder, ManifestPath = _manifest });
        Assert.Equal(3, store.Count);
        // sha256("{ hello }") computed independently: printf '%s' '{ hello }' | sha256sum
        Assert.Equal("001c3174e099bd72b729d0c0a529ba9f5a740c446e2a6e1d71b283cb84ec3065", TrustedDocumentStore.Hash(HelloQuery));
        Assert.True(store.TryGet(TrustedDocumentStore.Hash(HelloQuery), out var text));
        Assert.Equal(HelloQuery, text);
        Assert.True(store.TryGet("sha256:" + TrustedDocumentStore.Hash(HelloQuery).ToUpperInvariant(), out _));
        Assert.True(store.TryGet("dashboard-1", out var fromManifest));
        Assert.Equal(ManifestQuery, fromManifest);
        Assert.False(store.ContainsText("{ boom }"));
        Assert.False(store.ContainsText(HelloQuery + " "));
    }

    [Fact]
    public async Task Required_mode_runs_registered_documents_sent_in_full_or_by_reference()
    {
        await using var server = await Start(TrustedDocumentMode.Required);
        var client = server.Client;
        var hash = TrustedDocumentStore.Hash(SchoolQuery);

        var full = await client.PostJsonAsync(new { query = SchoolQuery, variables = new { id = "2" } });
        Assert.Equal("Penglais School", full.Data.GetProperty("school").GetProperty("name").GetString());

        var apq = await client.PostJsonAsync(new { variables = new { id = "1" }, extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } });
        Assert.Equal(200, apq.Status);
        Assert.Equal("Ysgol Gymraeg Aberystwyth", apq.Data.GetProperty("school").GetProperty("name").GetString());

        var documentId = await client.PostJsonAsync(new { documentId = "sha256:" + hash, variables = new { id = "3" } });
        Assert.Equal("Cardiff High School", documentId.Data.GetProperty("school").GetProperty("name").GetString());

        var get = await client.GetGraphQLAsync("/graphql?documentId=sha256:" + TrustedDocumentStore.Hash(HelloQuery));
        Assert.Equal(200, get.Status);
        Assert.Equal("Hello, world!", get.Data.GetProperty("hello").GetString());

        var extensions = Uri.EscapeDataString(JsonSerializer.Serialize(new { persistedQuery = new { version = 1, sha256Hash = hash } }));
        var apqGet = await client.GetGraphQLAsync("/graphql?extensions=" + extensions + "&variables=" + Uri.EscapeDataString("{\"id\":\"2\"}"));
        Assert.Equal("Penglais School", apqGet.Data.GetProperty("school").GetProperty("name").GetString());

        var manifest = await client.PostJsonAsync(new { documentId = "dashboard-1" });
        Assert.Equal(3, manifest.Data.GetProperty("schools").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Required_mode_refuses_unknown_references_and_unregistered_text()
    {
        await using var server = await Start(TrustedDocumentMode.Required);
        var client = server.Client;

        var unknown = await client.PostJsonAsync(new { extensions = new { persistedQuery = new { version = 1, sha256Hash = new string('a', 64) } } });
        Assert.Equal(400, unknown.Status);
        Assert.False(unknown.HasData);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", unknown.FirstCode);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await client.PostJsonAsync(new { documentId = "dashboard-2" })).FirstCode);

        var adHoc = await client.PostJsonAsync(new { query = "{ hello boom }" });
        Assert.Equal(400, adHoc.Status);
        Assert.False(adHoc.HasData);
        Assert.Equal("PERSISTED_QUERY_NOT_ALLOWED", adHoc.FirstCode);

        // Registered text plus whitespace is a different document.
        Assert.Equal("PERSISTED_QUERY_NOT_ALLOWED", (await client.PostJsonAsync(new { query = HelloQuery + " " })).FirstCode);
        var legacy = await client.PostJsonAsync(new { query = "{ __typename }" }, Json);
        Assert.Equal(200, legacy.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_ALLOWED", legacy.FirstCode);
    }

    [Fact]
    public async Task Off_mode_runs_any_text_and_still_resolves_references()
    {
        await using var server = await Start(TrustedDocumentMode.Off);
        var client = server.Client;
        var adHoc = await client.PostJsonAsync(new { query = "{ __typename }" });
        Assert.Equal(200, adHoc.Status);
        var byHash = await client.PostJsonAsync(new { extensions = new { persistedQuery = new { version = 1, sha256Hash = TrustedDocumentStore.Hash(HelloQuery) } } });
        Assert.Equal("Hello, world!", byHash.Data.GetProperty("hello").GetString());
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await client.PostJsonAsync(new { documentId = "nope" })).FirstCode);
    }

    [Fact]
    public void A_missing_folder_fails_at_startup()
    {
        Assert.Throws<DirectoryNotFoundException>(() => TrustedDocumentStore.Load(new TrustedDocumentOptions { Directory = Path.Combine(_folder, "missing") }));
    }
}
