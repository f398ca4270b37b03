using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SefData.Data;
using SefData.Testing;

namespace SefData.Data.Tests;

/// <summary>
/// The hand-written migrations must build exactly the database the model describes: same tables, columns, store
/// types, nullability, keys, indexes and foreign keys. Without a generated snapshot this is the guard.
/// </summary>
public abstract class MigrationsMatchModelTests(DatabaseProvider provider, PostgresServer? server)
{
    [Fact]
    public async Task Migrated_database_has_exactly_the_models_schema()
    {
        await using var migrated = await TestDatabase.CreateAsync(provider, server, "mig");
        await using var fromModel = await TestDatabase.CreateAsync(provider, server, "model");
        await migrated.MigrateAsync();
        await fromModel.EnsureCreatedFromModelAsync();

        var expected = await DatabaseCatalog.ReadAsync(provider, fromModel.ConnectionString);
        var actual = await DatabaseCatalog.ReadAsync(provider, migrated.ConnectionString);

        Assert.Contains(expected, l => l.StartsWith("fk ", StringComparison.Ordinal)); // the reader sees the schema at all
        var diff = DatabaseCatalog.Diff(expected, actual);
        Assert.True(diff.Count == 0,
            $"{provider}: migrated schema differs from the model ('-' only in the model, '+' only in the migrations):\n{string.Join('\n', diff)}");
    }

    [Fact]
    public async Task Migrations_roll_back_to_an_empty_database_and_forward_again()
    {
        await using var migrated = await TestDatabase.CreateAsync(provider, server, "down");
        await migrated.MigrateAsync();
        await using (var db = migrated.NewContext())
        {
            var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
            await migrator.MigrateAsync("0", TestContext.Current.CancellationToken);
        }
        var afterDown = await DatabaseCatalog.ReadAsync(provider, migrated.ConnectionString);
        Assert.Empty(afterDown);
        await migrated.MigrateAsync();
        await using (var db = migrated.NewContext())
            Assert.Equal(22, await db.LocalAuthorities.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Catalog_comparison_notices_a_missing_index()
    {
        // Proves the guard can fail: drop one index from a migrated database and expect exactly that difference.
        await using var migrated = await TestDatabase.CreateAsync(provider, server, "mig2");
        await migrated.MigrateAsync();
        var before = await DatabaseCatalog.ReadAsync(provider, migrated.ConnectionString);
        await using (var db = migrated.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP INDEX \"IX_Schools_LaCode\"", TestContext.Current.CancellationToken);
        }
        var after = await DatabaseCatalog.ReadAsync(provider, migrated.ConnectionString);
        var diff = DatabaseCatalog.Diff(before, after);
        Assert.Single(diff);
        Assert.StartsWith("- index Schools.IX_Schools_LaCode (LaCode)", diff[0], StringComparison.Ordinal);
    }
}

public sealed class MigrationsMatchModelTestsSqlite() : MigrationsMatchModelTests(DatabaseProvider.Sqlite, null);

public sealed class MigrationsMatchModelTestsPostgres(PostgresServer server) : MigrationsMatchModelTests(DatabaseProvider.Postgres, server);
