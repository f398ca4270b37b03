using SefData.Data.Seeding;
using SefData.Testing;

namespace SefData.Data.Tests.Seeding;

/// <summary>Class fixture: a migrated database seeded once at scale 1 with seed 42, shared by a test class.</summary>
public abstract class SeededDatabase : IAsyncLifetime
{
    public const int Seed = 42;
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Fixture not initialised.");
    public SeedSummary Summary { get; private set; } = null!;

    protected abstract Task<TestDatabase> CreateAsync();

    public async ValueTask InitializeAsync()
    {
        _database = await CreateAsync();
        await _database.MigrateAsync();
        await using var db = _database.NewContext();
        Summary = await DemoDataGenerator.SeedAsync(db, new SeedOptions(1, Seed));
    }

    public SefDataDbContext NewContext() => Database.NewContext();

    public async ValueTask DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteSeededDatabase : SeededDatabase
{
    protected override Task<TestDatabase> CreateAsync() => Task.FromResult(TestDatabase.CreateSqlite());
}

public sealed class PostgresSeededDatabase(PostgresServer server) : SeededDatabase
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.CreatePostgresAsync(server, "seed");
}
