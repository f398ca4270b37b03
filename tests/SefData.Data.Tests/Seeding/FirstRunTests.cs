using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using SefData.Data.Seeding;
using SefData.Testing;

namespace SefData.Data.Tests.Seeding;

/// <summary>The host's first run: migrate, then seed demo data only into an empty database and only when enabled.</summary>
public sealed class FirstRunTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Demo_seeding_defaults_on_for_sqlite_and_off_for_postgres()
    {
        Assert.Equal(new FirstRunOptions(true, 1, 42), FirstRunOptions.From(Config(), DatabaseProvider.Sqlite));
        Assert.Equal(new FirstRunOptions(false, 1, 42), FirstRunOptions.From(Config(), DatabaseProvider.Postgres));
        Assert.Equal(new FirstRunOptions(true, 2, 7),
            FirstRunOptions.From(Config(("Seed:Demo", "true"), ("Seed:Scale", "2"), ("Seed:Seed", "7")), DatabaseProvider.Postgres));
        var error = Assert.Throws<InvalidOperationException>(() => FirstRunOptions.From(Config(("Seed:Demo", "yes")), DatabaseProvider.Sqlite));
        Assert.Contains("Seed:Demo", error.Message);
    }

    [Fact]
    public async Task First_run_migrates_and_seeds_once_then_leaves_existing_data_alone()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var db = database.NewContext();
        var options = new FirstRunOptions(true, 1, 42);
        Assert.Equal(FirstRunOutcome.Seeded, await FirstRun.PrepareAsync(db, options, NullLogger.Instance, Ct));
        var schools = db.Schools.Count();
        Assert.InRange(schools, 1400, 1700);
        Assert.Equal(FirstRunOutcome.AlreadyHasData, await FirstRun.PrepareAsync(db, options, NullLogger.Instance, Ct));
        Assert.Equal(schools, db.Schools.Count());
        Assert.True((await DatasetInfoStore.ReadAsync(db, Ct))!.IsSynthetic);
    }

    [Fact]
    public async Task With_demo_disabled_the_database_is_migrated_but_left_empty()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var db = database.NewContext();
        Assert.Equal(FirstRunOutcome.DemoDisabled, await FirstRun.PrepareAsync(db, new FirstRunOptions(false, 1, 42), NullLogger.Instance, Ct));
        Assert.Equal(22, db.LocalAuthorities.Count());
        Assert.False(await SeedDatabase.HasSchoolDataAsync(db, Ct));
        Assert.Null(await DatasetInfoStore.ReadAsync(db, Ct));
    }
}
