using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SefData.GraphQL.Http;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Tests.Http;

/// <summary>A real Kestrel server on 127.0.0.1 (a free port) serving the endpoint the way the API host wires it.</summary>
public sealed class GraphQLTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GraphQLTestServer(WebApplication app, string baseUrl, CapturingLoggerProvider logs)
    {
        _app = app;
        BaseUrl = baseUrl;
        Logs = logs;
        Client = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    public string BaseUrl { get; }
    public string Url => BaseUrl + "/graphql";
    public HttpClient Client { get; }
    public CapturingLoggerProvider Logs { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<GraphQLTestServer> StartAsync(Action<GraphQLServerOptions>? configure = null, Schema? schema = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs);
        configureServices?.Invoke(builder.Services);
        builder.Services.AddGraphQLServer(schema ?? TestSchema.Build(), configure);
        var app = builder.Build();
        app.MapGraphQL("/graphql");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new GraphQLTestServer(app, address.TrimEnd('/'), logs);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Keeps log entries in memory so tests can check what was logged (the correlation id of an error).</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) owner.Entries.Enqueue((logLevel, formatter(state, exception), exception));
        }
    }
}
