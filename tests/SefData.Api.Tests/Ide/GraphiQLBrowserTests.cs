using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SefData.Api.Tests.Infrastructure;
using SefData.Data;
using SefData.GraphQL.Http;

namespace SefData.Api.Tests.Ide;

/// <summary>
/// The IDE as a user meets it: the API on Kestrel, headless Chromium (Debian's, driven by playwright-core from
/// tests/js/ide-browser.mjs) opens GET /graphql with every request outside the server refused, so the page must work
/// from the API's own copy of GraphiQL; a query typed into the editor runs and its answer shows in the response pane.
/// </summary>
public sealed class GraphiQLBrowserTests(SqliteApiHost host)
{
    private static readonly string Chromium = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";

    [Fact]
    public async Task The_IDE_runs_a_query_in_a_browser_without_internet_access()
    {
        if (!File.Exists(Chromium)) Assert.Skip($"Chromium is not installed at {Chromium} (./test.sh installs Debian's chromium).");
        var ct = TestContext.Current.CancellationToken;

        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting(SefDataDb.ProviderKey, host.Provider.ToString());
            b.UseSetting("ConnectionStrings:" + SefDataDb.ConnectionStringName, host.ConnectionString);
            b.UseSetting("Seed:Demo", "false");
            b.UseEnvironment("Production");
        });
        factory.UseKestrel(0);
        factory.StartServer();
        Assert.True(factory.Services.GetRequiredService<IdeAssetStore>().IsLocal,
            "the API has no verified local copy of GraphiQL: " + factory.Services.GetRequiredService<IdeAssetStore>().FallbackReason);
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var output = await RunNodeAsync("ide-browser.mjs", address.TrimEnd('/') + "/graphql", "{ localAuthorities { laCode name } }");
        using var report = JsonDocument.Parse(output);
        var root = report.RootElement;
        Assert.Equal("", string.Join(", ", root.GetProperty("external").EnumerateArray().Select(u => u.GetString()))); // nothing from outside
        Assert.Equal("", string.Join("\n", root.GetProperty("errors").EnumerateArray().Select(e => e.GetString())));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("failure").ValueKind);
        Assert.True(root.GetProperty("schemaLoaded").GetBoolean(), "GraphiQL's documentation explorer did not load the schema");

        using var result = JsonDocument.Parse(root.GetProperty("result").GetString()!);
        var shown = result.RootElement.GetProperty("data").GetProperty("localAuthorities").EnumerateArray()
            .Select(a => a.GetProperty("laCode").GetString()!).Order(StringComparer.Ordinal).ToList();
        await using var db = host.NewDbContext();
        var expected = (await db.LocalAuthorities.Select(a => a.LaCode).ToListAsync(ct)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, shown);
    }

    private static async Task<string> RunNodeAsync(string script, params string[] args)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SefData.sln"))) dir = dir.Parent;
        var jsFolder = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("SefData.sln not found"), "tests", "js");
        if (!Directory.Exists(Path.Combine(jsFolder, "node_modules", "playwright-core")))
            throw new InvalidOperationException("tests/js/node_modules is missing playwright-core: run ./test.sh or cd tests/js && npm ci");
        var start = new ProcessStartInfo("node") { WorkingDirectory = jsFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["CHROMIUM"] = Chromium;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"node {script} exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
