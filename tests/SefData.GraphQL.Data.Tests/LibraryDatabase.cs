using Microsoft.EntityFrameworkCore;
using SefData.Data;
using SefData.Testing;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace SefData.GraphQL.Data.Tests;

/// <summary>Class fixture: a fresh database on one provider with the library model created and seeded.</summary>
public abstract class LibraryDatabase : IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Fixture not initialised.");
    public DatabaseProvider Provider => Database.Provider;

    protected abstract Task<TestDatabase> CreateAsync();

    public async ValueTask InitializeAsync()
    {
        _database = await CreateAsync();
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
        await Seed.InsertAsync(db, CancellationToken.None);
    }

    public LibraryContext NewContext(SqlCommandLog? log = null)
    {
        var options = new DbContextOptionsBuilder<LibraryContext>();
        if (Provider == DatabaseProvider.Sqlite) options.UseSqlite(Database.ConnectionString);
        else options.UseNpgsql(Database.ConnectionString);
        if (log is not null) options.AddInterceptors(log);
        return new LibraryContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteLibrary : LibraryDatabase
{
    protected override Task<TestDatabase> CreateAsync() => Task.FromResult(TestDatabase.CreateSqlite());
}

public sealed class PostgresLibrary(PostgresServer server) : LibraryDatabase
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.CreatePostgresAsync(server, "lib");
}
