using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SefData.Api.GraphQL.Core;
using SefData.Data;
using SefData.Data.Seeding;
using SefData.Testing;

[assembly: AssemblyFixture(typeof(SefData.Api.Tests.Infrastructure.SqliteApiHost))]
[assembly: AssemblyFixture(typeof(SefData.Api.Tests.Infrastructure.PostgresApiHost))]

namespace SefData.Api.Tests.Infrastructure;

/// <summary>
/// The real API (WebApplicationFactory&lt;Program&gt;) over a real database holding the demo data set
/// (<see cref="Scale"/>, <see cref="Seed"/>). Read-only tests share one host per provider; tests that write take a
/// private copy with <see cref="CreateWritableCopyAsync"/>.
/// </summary>
public abstract class ApiHost : IAsyncDisposable
{
    public const int Scale = 1;
    public const int Seed = 42;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private WebApplicationFactory<Program>? _factory;
    private HttpClient? _client;

    public DatabaseProvider Provider { get; private set; }
    public string ConnectionString { get; private set; } = "";

    /// <summary>How long seeding the shared database took (for the record; it happens once per run).</summary>
    public TimeSpan SeedTime { get; protected set; }

    public HttpClient Client => _client ?? throw new InvalidOperationException("Host not started.");
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("Host not started.");

    protected void Start(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            // UseSetting (not ConfigureAppConfiguration) so Program sees the values before it builds the app.
            b.UseSetting(SefDataDb.ProviderKey, provider.ToString());
            b.UseSetting("ConnectionStrings:" + SefDataDb.ConnectionStringName, connectionString);
            b.UseSetting("Seed:Demo", "false");
            b.UseEnvironment("Development");
            b.ConfigureTestServices(s => s.AddSingleton<SqlCommandCapture>());
        });
        _client = _factory.CreateClient();
    }

    /// <summary>A context on the host's database, for computing expected values independently of the API.</summary>
    public SefDataDbContext NewDbContext() => SefDataDb.Create(Provider, ConnectionString);

    /// <summary>Posts a GraphQL request; asserts HTTP 200 and returns the parsed response.</summary>
    public async Task<JsonDocument> PostGraphQLAsync(string query, object? variables = null, string? acceptLanguage = null) =>
        (await SendAsync(query, variables, acceptLanguage, null)).Json;

    /// <summary>As <see cref="PostGraphQLAsync"/>, also returning the SQL commands the request ran.</summary>
    public async Task<(JsonDocument Json, IReadOnlyList<string> Sql)> PostGraphQLWithSqlAsync(string query, object? variables = null, string? acceptLanguage = null)
    {
        var tag = Guid.NewGuid().ToString("N");
        var json = (await SendAsync(query, variables, acceptLanguage, tag)).Json;
        var log = Services.GetRequiredService<SqlCommandCapture>().Take(tag);
        return (json, log?.Commands ?? []);
    }

    /// <summary>Posts and returns the raw status and body (for error-status tests).</summary>
    public async Task<(HttpStatusCode Status, JsonDocument Json)> SendAsync(string query, object? variables, string? acceptLanguage, string? sqlTag, bool assertOk = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }, Json), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (acceptLanguage is not null) request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        if (sqlTag is not null) request.Headers.Add(SqlCommandCapture.HeaderName, sqlTag);
        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (assertOk && response.StatusCode != HttpStatusCode.OK)
            Assert.Fail($"HTTP {(int)response.StatusCode} for {query}\n{body}");
        return (response.StatusCode, JsonDocument.Parse(body));
    }

    /// <summary>A private, writable copy of the seeded database with its own running API.</summary>
    public abstract Task<WritableApiHost> CreateWritableCopyAsync();

    public virtual async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Migrates and seeds the demo data into an empty database.</summary>
    protected static async Task<TimeSpan> SeedAsync(DatabaseProvider provider, string connectionString)
    {
        var clock = Stopwatch.StartNew();
        await using var db = SefDataDb.Create(provider, connectionString);
        await DatabaseMigrator.MigrateAsync(db);
        await DemoDataGenerator.SeedAsync(db, new SeedOptions(Scale, Seed));
        return clock.Elapsed;
    }
}

/// <summary>A private copy: same API as the shared host, deleted on dispose.</summary>
public sealed class WritableApiHost : ApiHost
{
    private readonly Func<Task> _cleanup;

    internal WritableApiHost(DatabaseProvider provider, string connectionString, Func<Task> cleanup)
    {
        _cleanup = cleanup;
        Start(provider, connectionString);
    }

    public override Task<WritableApiHost> CreateWritableCopyAsync() => throw new NotSupportedException("Copy the shared host instead.");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _cleanup();
    }
}

/// <summary>The shared SQLite host: one seeded temp file per run; copies are file copies.</summary>
public sealed class SqliteApiHost : ApiHost, IAsyncLifetime
{
    private string _file = "";

    public async ValueTask InitializeAsync()
    {
        _file = Path.Combine(Path.GetTempPath(), $"sefdata-api-{Guid.NewGuid():N}.db");
        SeedTime = await SeedAsync(DatabaseProvider.Sqlite, Cs(_file));
        SqliteConnection.ClearAllPools();
        Start(DatabaseProvider.Sqlite, Cs(_file));
    }

    private static string Cs(string file) => new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();

    public override Task<WritableApiHost> CreateWritableCopyAsync()
    {
        // The shared file is only read (no pooling, no WAL), so a plain copy is consistent.
        var copy = Path.Combine(Path.GetTempPath(), $"sefdata-api-copy-{Guid.NewGuid():N}.db");
        File.Copy(_file, copy);
        return Task.FromResult(new WritableApiHost(DatabaseProvider.Sqlite, Cs(copy), () => { Delete(copy); return Task.CompletedTask; }));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Delete(_file);
    }

    private static void Delete(string file)
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
            if (File.Exists(f)) File.Delete(f);
    }
}

/// <summary>
/// The shared PostgreSQL host on a private server: the demo data is seeded once into a template database nobody
/// connects to, the shared host reads a copy of it, and writable copies are <c>CREATE DATABASE ... TEMPLATE</c>.
/// </summary>
public sealed class PostgresApiHost : ApiHost, IAsyncLifetime
{
    private readonly PostgresServer _server = new();
    private string _template = "";
    private int _copies;

    public async ValueTask InitializeAsync()
    {
        await _server.InitializeAsync();
        var cs = await _server.CreateDatabaseAsync("seeded");
        _template = new NpgsqlConnectionStringBuilder(cs).Database!;
        SeedTime = await SeedAsync(DatabaseProvider.Postgres, cs);
        await using (var c = new NpgsqlConnection(cs)) NpgsqlConnection.ClearPool(c);
        Start(DatabaseProvider.Postgres, await CopyAsync("shared"));
    }

    private async Task<string> CopyAsync(string prefix)
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _copies)}_{Guid.NewGuid():N}";
        await using var c = new NpgsqlConnection(_server.AdminConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{_template}\"", c);
        await cmd.ExecuteNonQueryAsync();
        return _server.Connection(name);
    }

    public override async Task<WritableApiHost> CreateWritableCopyAsync()
    {
        var cs = await CopyAsync("copy");
        return new WritableApiHost(DatabaseProvider.Postgres, cs, async () =>
        {
            await using var c = new NpgsqlConnection(cs);
            NpgsqlConnection.ClearPool(c);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _server.DisposeAsync();
    }
}
