using SefData.Data.Seeding;
using SefData.Testing;

namespace SefData.Data.Tests.Seeding;

/// <summary>Same scale and seed give an identical database (SHA-256 over an ordered dump); another seed does not.</summary>
public abstract class DeterminismTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<TestDatabase> NewDatabaseAsync();

    protected async Task<string> SeedAndHashAsync(int seed, TestDatabase? database = null)
    {
        await using var owned = database is null ? await NewDatabaseAsync() : null;
        var target = database ?? owned!;
        await target.MigrateAsync();
        await using var db = target.NewContext();
        await DemoDataGenerator.SeedAsync(db, new SeedOptions(1, seed), null, Ct);
        return await DatabaseChecksum.ComputeAsync(db, Ct);
    }

    [Fact]
    public async Task Same_seed_gives_identical_data_and_another_seed_differs()
    {
        var first = await SeedAndHashAsync(7);
        var second = await SeedAndHashAsync(7);
        var other = await SeedAndHashAsync(8);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Replace_clears_generated_data_and_reseeding_restores_the_same_database()
    {
        await using var database = await NewDatabaseAsync();
        var original = await SeedAndHashAsync(11, database);
        await using var db = database.NewContext();
        Assert.True(await SeedDatabase.HasSchoolDataAsync(db, Ct));
        await SeedDatabase.ClearAsync(db, Ct);
        Assert.False(await SeedDatabase.HasSchoolDataAsync(db, Ct));
        Assert.Null(await DatasetInfoStore.ReadAsync(db, Ct));
        await DemoDataGenerator.SeedAsync(db, new SeedOptions(1, 11), null, Ct);
        Assert.Equal(original, await DatabaseChecksum.ComputeAsync(db, Ct));
    }
}

public sealed class DeterminismSqliteTests : DeterminismTests
{
    protected override Task<TestDatabase> NewDatabaseAsync() => Task.FromResult(TestDatabase.CreateSqlite());
}

public sealed class DeterminismPostgresTests(PostgresServer server) : DeterminismTests
{
    protected override Task<TestDatabase> NewDatabaseAsync() => TestDatabase.CreatePostgresAsync(server, "det");

    [Fact]
    public async Task Postgres_holds_exactly_the_same_data_as_sqlite_for_the_same_seed()
    {
        var postgres = await SeedAndHashAsync(5);
        await using var sqlite = TestDatabase.CreateSqlite();
        Assert.Equal(postgres, await SeedAndHashAsync(5, sqlite));
    }
}
