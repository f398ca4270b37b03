using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;
using SefData.Data;
using SefData.Data.Seeding;

namespace SefData.Cli;

/// <summary>The CLI's commands. Messages go to stderr so stdout stays free for machine-readable output.</summary>
/// <summary>Where to connect: command-line overrides of the configured provider and connection string.</summary>
internal sealed record Target(string? Provider, string? Connection);

internal static class Commands
{
    /// <summary>
    /// Same keys as the API: Database:Provider and ConnectionStrings:SefData from appsettings.json in the current
    /// folder or environment variables (Database__Provider, ConnectionStrings__SefData); options override both.
    /// Without a connection string SQLite uses ./data/sefdata.db.
    /// </summary>
    private static SefDataDbContext Connect(Target target)
    {
        var overrides = new Dictionary<string, string?>();
        if (target.Provider is not null) overrides[SefDataDb.ProviderKey] = target.Provider;
        if (target.Connection is not null) overrides["ConnectionStrings:" + SefDataDb.ConnectionStringName] = target.Connection;
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        var (provider, cs) = SefDataDb.Resolve(configuration, Path.Combine(Directory.GetCurrentDirectory(), "data"));
        return SefDataDb.Create(provider, cs);
    }

    public static async Task<int> MigrateAsync(Target target, CancellationToken ct)
    {
        try
        {
            await using var db = Connect(target);
            Console.Error.WriteLine($"Migrating {Describe(db)} ...");
            await DatabaseMigrator.MigrateAsync(db, ct);
            var (all, applied) = await DatabaseMigrator.StatusAsync(db, ct);
            Console.Error.WriteLine($"Done: {applied.Count} of {all.Count} migrations applied.");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or SqliteException or NpgsqlException)
        {
            return Fail(e.Message);
        }
    }

    public static async Task<int> SeedAsync(Target target, int scale, int seed, bool replace, CancellationToken ct)
    {
        var options = new SeedOptions(scale, seed);
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            return Fail(e.Message.Split(" (Parameter")[0]);
        }
        try
        {
            await using var db = Connect(target);
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            var clock = Stopwatch.StartNew();
            Console.Error.WriteLine($"Seeding {Describe(db)} at scale {scale} with seed {seed}.");
            await DatabaseMigrator.MigrateAsync(db, ct);
            if (await SeedDatabase.HasSchoolDataAsync(db, ct))
            {
                if (!replace)
                    return Fail("The database already holds schools. Use --replace to delete all school-level data and seed again, or point --connection at an empty database.");
                Console.Error.WriteLine("Deleting existing school-level data (--replace) ...");
                await SeedDatabase.ClearAsync(db, ct);
            }
            var progress = new ConsoleProgress();
            var summary = await DemoDataGenerator.SeedAsync(db, options, progress, ct);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Done in {clock.Elapsed.TotalSeconds:0.0} s: {summary.Rows:N0} rows, {summary.OpenSchools:N0} open schools (scale {scale}, seed {seed}, generator {DemoDataGenerator.GeneratorVersion})."));
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or SqliteException or NpgsqlException)
        {
            return Fail(e.InnerException is null ? e.Message : $"{e.Message} ({e.InnerException.Message})");
        }
    }

    private static string Describe(SefDataDbContext db)
    {
        var provider = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? "PostgreSQL" : "SQLite";
        var cs = db.Database.GetConnectionString() ?? "";
        var target = provider == "SQLite" ? new SqliteConnectionStringBuilder(cs).DataSource : new NpgsqlConnectionStringBuilder(cs) { Password = null }.Database;
        return $"{provider} database '{target}'";
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return 1;
    }

    /// <summary>One line per table written (and every 100,000 rows on big ones), with the run's elapsed time.</summary>
    private sealed class ConsoleProgress : IProgress<SeedProgress>
    {
        public void Report(SeedProgress value) =>
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{value.Elapsed.TotalSeconds,7:0.0}s] {value.Stage,-18} {value.Table,-24} {value.Rows,12:N0} rows"));
    }
}
