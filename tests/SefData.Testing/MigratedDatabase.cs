using SefData.Data;
using Xunit;

namespace SefData.Testing;

/// <summary>
/// Class fixture: one fresh database per test class, built by the migrations (schema + reference data).
/// Use <see cref="SqliteMigratedDatabase"/> or <see cref="PostgresMigratedDatabase"/>.
/// </summary>
public abstract class MigratedDatabase : IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Fixture not initialised.");
    public DatabaseProvider Provider => Database.Provider;

    protected abstract Task<TestDatabase> CreateAsync();

    public async ValueTask InitializeAsync()
    {
        _database = await CreateAsync();
        await _database.MigrateAsync();
    }

    public SefDataDbContext NewContext() => Database.NewContext();

    public async ValueTask DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteMigratedDatabase : MigratedDatabase
{
    protected override Task<TestDatabase> CreateAsync() => Task.FromResult(TestDatabase.CreateSqlite());
}

/// <summary>Needs the <see cref="PostgresServer"/> assembly fixture registered in the test assembly.</summary>
public sealed class PostgresMigratedDatabase(PostgresServer server) : MigratedDatabase
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.CreatePostgresAsync(server, "m");
}
