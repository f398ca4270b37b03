using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SefData.Data;

namespace SefData.Testing;

/// <summary>A fresh, empty database on one provider: a temp SQLite file or a new database on the private server.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
    }

    private readonly string? _sqliteFile;

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static TestDatabase CreateSqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sefdata-test-{Guid.NewGuid():N}.db");
        var cs = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        return new TestDatabase(DatabaseProvider.Sqlite, cs, file);
    }

    public static async Task<TestDatabase> CreatePostgresAsync(PostgresServer server, string prefix = "t") =>
        new(DatabaseProvider.Postgres, await server.CreateDatabaseAsync(prefix), null);

    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider, PostgresServer? server, string prefix = "t") =>
        provider == DatabaseProvider.Sqlite ? Task.FromResult(CreateSqlite())
            : CreatePostgresAsync(server ?? throw new ArgumentNullException(nameof(server), "PostgreSQL tests need the PostgresServer fixture."), prefix);

    public SefDataDbContext NewContext() => SefDataDb.Create(Provider, ConnectionString);

    /// <summary>Builds the schema and reference data the way production does: by running the migrations.</summary>
    public async Task MigrateAsync()
    {
        await using var db = NewContext();
        await DatabaseMigrator.MigrateAsync(db);
    }

    /// <summary>Builds the schema straight from the model (no migrations, no seed rows).</summary>
    public async Task EnsureCreatedFromModelAsync()
    {
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm", _sqliteFile + "-journal" })
                if (File.Exists(f)) File.Delete(f);
        }
        else
        {
            // The whole server is thrown away at the end of the run; just release pooled connections.
            await using var c = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(c);
        }
    }
}
