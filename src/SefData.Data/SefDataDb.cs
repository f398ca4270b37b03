using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SefData.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Provider choice and context construction, shared by the API host, the CLI and the tests.</summary>
public static class SefDataDb
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "SefData";
    public const string DefaultSqliteFileName = "sefdata.db";
    public const string MigrationsAssembly = "SefData.Migrations";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(connectionString, o => o.MigrationsAssembly(MigrationsAssembly));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(MigrationsAssembly));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
        // The migrations are hand-written without a model snapshot, so EF always believes the model has pending
        // changes. The migrations-equal-model test (both providers) is the guard instead of this warning.
        return builder
            .AddInterceptors(BulkWriteGuard.Instance)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    public static DbContextOptions<SefDataDbContext> Options(DatabaseProvider provider, string connectionString) =>
        (DbContextOptions<SefDataDbContext>)Configure(new DbContextOptionsBuilder<SefDataDbContext>(), provider, connectionString).Options;

    public static SefDataDbContext Create(DatabaseProvider provider, string connectionString) => new(Options(provider, connectionString));

    /// <summary>
    /// Gathers the query planner's table statistics after a bulk load (the same statement on SQLite and PostgreSQL).
    /// Until PostgreSQL's autovacuum catches up, freshly loaded tables have none, and plans can be far worse: the
    /// supportCandidates ranking took 2 s on a just-seeded database and 46 ms once analysed.
    /// </summary>
    public static Task RefreshPlannerStatisticsAsync(DbContext db, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);

    /// <summary>
    /// Reads <c>Database:Provider</c> (Sqlite by default, or Postgres) and <c>ConnectionStrings:SefData</c>. Without a
    /// connection string SQLite uses a file in <paramref name="defaultDataFolder"/> (created on first run).
    /// </summary>
    public static (DatabaseProvider Provider, string ConnectionString) Resolve(IConfiguration configuration, string defaultDataFolder)
    {
        var name = configuration[ProviderKey];
        var provider = string.IsNullOrWhiteSpace(name) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var p) ? p
            : throw new InvalidOperationException($"{ProviderKey} must be 'Sqlite' or 'Postgres' (was '{name}').");
        var cs = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(cs))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException($"{ProviderKey}=Postgres needs ConnectionStrings:{ConnectionStringName}.");
            Directory.CreateDirectory(defaultDataFolder);
            cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(defaultDataFolder, DefaultSqliteFileName) }.ToString();
        }
        return (provider, cs);
    }
}

public static class SefDataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SefDataDbContext"/> (scoped) and <c>IDbContextFactory&lt;SefDataDbContext&gt;</c> for the
    /// configured provider (see <see cref="SefDataDb.Resolve"/>).
    /// </summary>
    public static IServiceCollection AddSefDataDb(this IServiceCollection services, IConfiguration configuration, string defaultDataFolder)
    {
        var (provider, cs) = SefDataDb.Resolve(configuration, defaultDataFolder);
        services.AddSingleton(new SefDataDatabaseInfo(provider, cs));
        // A factory for code that needs several contexts at once (parallel GraphQL resolvers, jobs), and a scoped
        // context from the same factory for everything else.
        services.AddDbContextFactory<SefDataDbContext>(b => SefDataDb.Configure(b, provider, cs));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<SefDataDbContext>>().CreateDbContext());
        return services;
    }
}

/// <summary>Which provider and connection the host resolved (for health checks, logs and the CLI).</summary>
public sealed record SefDataDatabaseInfo(DatabaseProvider Provider, string ConnectionString);

/// <summary>Applies the migrations (and with them the seeded reference data): called at start-up and by the CLI.</summary>
public static class DatabaseMigrator
{
    public static Task MigrateAsync(SefDataDbContext db, CancellationToken cancellationToken = default) =>
        db.Database.MigrateAsync(cancellationToken);

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await MigrateAsync(scope.ServiceProvider.GetRequiredService<SefDataDbContext>(), cancellationToken);
    }

    /// <summary>Names of the migrations in the assembly and those applied to the database.</summary>
    public static async Task<(IReadOnlyList<string> All, IReadOnlyList<string> Applied)> StatusAsync(SefDataDbContext db, CancellationToken ct = default) =>
        (db.Database.GetMigrations().ToList(), (await db.Database.GetAppliedMigrationsAsync(ct)).ToList());
}
