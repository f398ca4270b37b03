using SefData.Data;
using SefData.Data.Seeding;

namespace SefData.Api.Startup;

/// <summary>Database wiring for the API host: provider registration, migrations and first-run demo seeding.</summary>
public static class DatabaseStartup
{
    /// <summary>Registers the context; SQLite defaults to &lt;content root&gt;/data/sefdata.db, created on first run.</summary>
    public static WebApplicationBuilder AddSefDataDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddSefDataDb(builder.Configuration, Path.Combine(builder.Environment.ContentRootPath, "data"));
        return builder;
    }

    /// <summary>Migrates, then seeds synthetic demo data into an empty database when Seed:Demo allows it.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        var info = app.Services.GetRequiredService<SefDataDatabaseInfo>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SefData.Startup");
        logger.LogInformation("Database provider: {Provider}", info.Provider);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SefDataDbContext>();
        await FirstRun.PrepareAsync(db, FirstRunOptions.From(app.Configuration, info.Provider), logger, ct);
    }
}
