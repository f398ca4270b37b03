using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace SefData.Data.Seeding;

/// <summary>
/// First-run behaviour of a host: <c>Seed:Demo</c> (default true on SQLite, false on PostgreSQL, where a real
/// database is expected), <c>Seed:Scale</c> (default 1) and <c>Seed:Seed</c> (default 42).
/// </summary>
public sealed record FirstRunOptions(bool Demo, int Scale, int Seed)
{
    public static FirstRunOptions From(IConfiguration configuration, DatabaseProvider provider)
    {
        var section = configuration.GetSection("Seed");
        return new FirstRunOptions(
            ParseBool(section["Demo"], "Seed:Demo") ?? provider == DatabaseProvider.Sqlite,
            ParseInt(section["Scale"], "Seed:Scale") ?? 1,
            ParseInt(section["Seed"], "Seed:Seed") ?? 42);
    }

    private static bool? ParseBool(string? value, string key) =>
        value is null ? null : bool.TryParse(value, out var b) ? b : throw new InvalidOperationException($"{key} must be true or false (was '{value}').");

    private static int? ParseInt(string? value, string key) =>
        value is null ? null : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i
            : throw new InvalidOperationException($"{key} must be a whole number (was '{value}').");
}

public enum FirstRunOutcome { Seeded, AlreadyHasData, DemoDisabled }

public static class FirstRun
{
    /// <summary>Applies pending migrations, then seeds demo data if enabled and the database has no schools yet.</summary>
    public static async Task<FirstRunOutcome> PrepareAsync(SefDataDbContext db, FirstRunOptions options, ILogger logger, CancellationToken ct = default)
    {
        logger.LogInformation("Applying database migrations");
        await DatabaseMigrator.MigrateAsync(db, ct);
        if (await SeedDatabase.HasSchoolDataAsync(db, ct))
        {
            logger.LogInformation("Database already holds schools; demo seeding skipped");
            return FirstRunOutcome.AlreadyHasData;
        }
        if (!options.Demo)
        {
            logger.LogInformation("Database has no schools and Seed:Demo is false; starting empty");
            return FirstRunOutcome.DemoDisabled;
        }
        logger.LogInformation("Empty database: seeding synthetic demo data (scale {Scale}, seed {Seed})", options.Scale, options.Seed);
        var summary = await DemoDataGenerator.SeedAsync(db, new SeedOptions(options.Scale, options.Seed), new LogProgress(logger), ct);
        logger.LogInformation("Demo data ready: {Rows} rows, {Schools} open schools in {Seconds:0.0} s",
            summary.Rows, summary.OpenSchools, summary.Elapsed.TotalSeconds);
        return FirstRunOutcome.Seeded;
    }

    private sealed class LogProgress(ILogger logger) : IProgress<SeedProgress>
    {
        public void Report(SeedProgress value) =>
            logger.LogInformation("Seeding {Stage}: {Table} {Rows} rows ({Seconds:0.0} s)", value.Stage, value.Table, value.Rows, value.Elapsed.TotalSeconds);
    }
}
