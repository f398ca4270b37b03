using SefData.Api.GraphQL.Core;
using SefData.GraphQL.Http;

namespace SefData.Api.GraphQL;

public static class GraphQLServices
{
    /// <summary>The GraphQL server over the SefData schema, with the per-request database scope and language.</summary>
    public static IServiceCollection AddSefDataGraphQL(this IServiceCollection services, Action<GraphQLServerOptions>? configure = null)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<GraphQLDbOptions>();
        services.AddScoped<SefDataDbScope>();
        services.AddScoped<RequestLanguage>();
        services.AddGraphQLServer(_ => SefDataSchema.Build(), options =>
        {
            // Shipped by the build (SefData.Api.csproj, FetchIdeAssets); absent or unverified, the IDE uses jsDelivr.
            options.IdeAssetsDirectory = Path.Combine(AppContext.BaseDirectory, "ide-assets");
            configure?.Invoke(options);
        });
        return services;
    }
}
