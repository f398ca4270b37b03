using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SefData.Domain;
using SefData.Testing;

namespace SefData.Data.Tests;

/// <summary>Provider selection from configuration, migration through the DI entry point, and the database checksum.</summary>
public abstract class RegistrationAndChecksumTests(DatabaseProvider provider, PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddSefDataDb_uses_the_configured_provider_and_MigrateAsync_builds_the_database()
    {
        var folder = Directory.CreateTempSubdirectory("sefdata-reg-").FullName;
        try
        {
            await using var target = await TestDatabase.CreateAsync(provider, server, "reg");
            var settings = new Dictionary<string, string?> { ["Database:Provider"] = provider.ToString() };
            // SQLite without a connection string: the default file in the data folder, created on first run.
            if (provider == DatabaseProvider.Postgres) settings["ConnectionStrings:SefData"] = target.ConnectionString;
            var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            await using var services = new ServiceCollection().AddSefDataDb(config, folder).BuildServiceProvider();

            await DatabaseMigrator.MigrateAsync(services, Ct);

            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SefDataDbContext>();
            Assert.Equal(provider == DatabaseProvider.Postgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite",
                db.Database.ProviderName);
            Assert.Equal(22, await db.LocalAuthorities.CountAsync(Ct));
            var (all, applied) = await DatabaseMigrator.StatusAsync(db, Ct);
            Assert.Equal(all, applied);
            Assert.Equal(provider == DatabaseProvider.Sqlite, File.Exists(Path.Combine(folder, SefDataDb.DefaultSqliteFileName)));
            Assert.Equal(provider, services.GetRequiredService<SefDataDatabaseInfo>().Provider);
            await using var fromFactory = await services.GetRequiredService<IDbContextFactory<SefDataDbContext>>().CreateDbContextAsync(Ct);
            Assert.Equal(db.Database.ProviderName, fromFactory.Database.ProviderName);
            Assert.NotSame(db, fromFactory);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Checksum_is_stable_for_the_same_data_and_changes_with_any_value()
    {
        await using var a = await TestDatabase.CreateAsync(provider, server, "sum");
        await a.MigrateAsync();
        await using var db = a.NewContext();
        var first = await DatabaseChecksum.ComputeAsync(db, Ct);
        Assert.Matches("^[0-9a-f]{64}$", first);
        Assert.Equal(first, await DatabaseChecksum.ComputeAsync(db, Ct));

        db.Schools.Add(new School { LaCode = "673", EstablishmentNumber = "2109", SchoolNumber = "6732109", NameEn = "Albert Primary", Sector = Sector.Primary });
        await db.SaveChangesAsync(Ct);
        var withSchool = await DatabaseChecksum.ComputeAsync(db, Ct);
        Assert.NotEqual(first, withSchool);

        var la = await db.LocalAuthorities.SingleAsync(l => l.LaCode == "660", Ct);
        la.NameCy = "Ynys Mon";
        await db.SaveChangesAsync(Ct);
        Assert.NotEqual(withSchool, await DatabaseChecksum.ComputeAsync(db, Ct));
    }

    [Fact]
    public async Task Freshly_migrated_databases_have_the_same_checksum_on_both_providers()
    {
        // Reference data reads back identically whichever provider stored it.
        await using var here = await TestDatabase.CreateAsync(provider, server, "sum2");
        await using var other = await TestDatabase.CreateAsync(provider == DatabaseProvider.Sqlite ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, server, "sum3");
        await here.MigrateAsync();
        await other.MigrateAsync();
        await using var x = here.NewContext();
        await using var y = other.NewContext();
        Assert.Equal(await DatabaseChecksum.ComputeAsync(x, Ct), await DatabaseChecksum.ComputeAsync(y, Ct));
    }
}

public sealed class RegistrationAndChecksumTestsSqlite(PostgresServer server) : RegistrationAndChecksumTests(DatabaseProvider.Sqlite, server);

public sealed class RegistrationAndChecksumTestsPostgres(PostgresServer server) : RegistrationAndChecksumTests(DatabaseProvider.Postgres, server);
