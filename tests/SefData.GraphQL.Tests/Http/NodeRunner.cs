using System.Diagnostics;
using SefData.GraphQL.Tests.Language;

namespace SefData.GraphQL.Tests.Http;

/// <summary>Runs a script of tests/js with node and returns its stdout (fails with node's stderr on a non-zero exit).</summary>
internal static class NodeRunner
{
    /// <summary>Evaluates an ES module snippet (with tests/js/node_modules resolvable) and returns its stdout.</summary>
    public static Task<string> EvalAsync(string module) => RunAsync("--input-type=module", "-e", module);

    public static async Task<string> RunAsync(string script, params string[] args)
    {
        var jsFolder = Path.Combine(ParseCorpus.RepoRoot(), "tests", "js");
        if (!Directory.Exists(Path.Combine(jsFolder, "node_modules")))
            throw new InvalidOperationException("tests/js/node_modules is missing: run ./test.sh or cd tests/js && npm ci");
        var start = new ProcessStartInfo("node") { WorkingDirectory = jsFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"node {script} exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
