using SefData.Data;
using SefData.Data.Seeding;

namespace SefData.Api.Startup;

public static class HealthEndpoint
{
    /// <summary>GET /health: status, database provider and whether the data is synthetic demo data.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", async (SefDataDatabaseInfo info, SefDataDbContext db, CancellationToken ct) =>
        {
            var dataset = await DatasetInfoStore.ReadAsync(db, ct);
            return Results.Ok(new
            {
                status = "ok",
                provider = info.Provider.ToString(),
                synthetic = dataset?.IsSynthetic ?? false,
                dataset = dataset is null ? null : new { dataset.Kind, dataset.Description, dataset.Scale, dataset.Seed, dataset.GeneratorVersion },
            });
        });
        return endpoints;
    }
}
