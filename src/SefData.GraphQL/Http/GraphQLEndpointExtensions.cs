using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SefData.GraphQL.Limits;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Http;

public static class GraphQLEndpointExtensions
{
    /// <summary>
    /// Registers the GraphQL server: the schema (built once, on first use), <see cref="GraphQLServerOptions"/>,
    /// the trusted documents they name, the request pipeline and the HTTP handler. Register your own
    /// <see cref="IGraphQLExecutor"/> / <see cref="IGraphQLDocumentValidator"/> before this call to replace the defaults.
    /// </summary>
    public static IServiceCollection AddGraphQLServer(this IServiceCollection services, Func<IServiceProvider, Schema> schemaFactory, Action<GraphQLServerOptions>? configure = null)
    {
        var options = new GraphQLServerOptions();
        configure?.Invoke(options);
        options.Validate();
        services.AddSingleton(options);
        services.TryAddSingleton<IGraphQLDocumentValidator>(new SpecifiedRulesValidator());
        services.TryAddSingleton<IGraphQLExecutor>(new DefaultGraphQLExecutor());
        services.TryAddSingleton(_ => TrustedDocumentStore.Load(options.TrustedDocuments));
        services.AddSingleton(sp => new GraphQLRequestPipeline(
            schemaFactory(sp),
            options,
            sp.GetRequiredService<IGraphQLDocumentValidator>(),
            sp.GetRequiredService<IGraphQLExecutor>(),
            sp.GetRequiredService<TrustedDocumentStore>(),
            sp.GetService<ILogger<GraphQLRequestPipeline>>()));
        services.AddSingleton(sp => options.EnableIde
            ? IdeAssetStore.Load(options.IdeAssetsDirectory, sp.GetService<ILogger<IdeAssetStore>>())
            : IdeAssetStore.None);
        services.AddSingleton(sp => new GraphQLHttpHandler(sp.GetRequiredService<GraphQLRequestPipeline>(), options, sp.GetRequiredService<IdeAssetStore>()));
        return services;
    }

    public static IServiceCollection AddGraphQLServer(this IServiceCollection services, Schema schema, Action<GraphQLServerOptions>? configure = null) =>
        services.AddGraphQLServer(_ => schema, configure);

    /// <summary>
    /// Maps the endpoint at <paramref name="pattern"/> (GET and POST, the IDE for browsers) and, when enabled,
    /// <c>{pattern}/schema.graphql</c> and the IDE's own files under <c>{pattern}/ide/</c>. The returned builder applies conventions (authorization, CORS, rate
    /// limiting) to both.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
    {
        var options = endpoints.ServiceProvider.GetRequiredService<GraphQLServerOptions>();
        var builders = new List<IEndpointConventionBuilder>
        {
            // Resolved per request, so the schema is built on first use rather than while routes are mapped.
            endpoints.Map(pattern, context => context.RequestServices.GetRequiredService<GraphQLHttpHandler>().HandleAsync(context))
                .WithDisplayName("GraphQL " + pattern),
        };
        if (options.EnableSchemaEndpoint)
        {
            string? sdl = null;
            builders.Add(endpoints.MapGet(pattern.TrimEnd('/') + "/schema.graphql", (HttpContext context) =>
            {
                sdl ??= SchemaPrinter.Print(context.RequestServices.GetRequiredService<GraphQLRequestPipeline>().Schema);
                return Results.Text(sdl, "text/plain; charset=utf-8");
            }).WithDisplayName("GraphQL SDL " + pattern));
        }
        var ide = endpoints.ServiceProvider.GetRequiredService<IdeAssetStore>();
        if (ide.IsLocal)
        {
            builders.Add(endpoints.MapGet(pattern.TrimEnd('/') + "/ide/{package}/{file}", (HttpContext context, string package, string file) =>
            {
                if (!ide.TryGet(package + "/" + file, out var asset, out var content)) return Results.NotFound();
                // Versioned paths never change content: let browsers and proxies keep them.
                context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.Bytes(content, asset.ContentType);
            }).WithDisplayName("GraphQL IDE files " + pattern));
        }
        return new CompositeConventionBuilder(builders);
    }

    private sealed class CompositeConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in builders) builder.Add(convention);
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            foreach (var builder in builders) builder.Finally(finallyConvention);
        }
    }
}
