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
        services.AddGraphQLServer(_ => SefDataSchema.Build(), configure);
        return services;
    }
}
