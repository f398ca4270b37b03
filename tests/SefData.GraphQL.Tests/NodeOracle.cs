using System.Diagnostics;
using System.Text;
using SefData.GraphQL.Tests.Language;

namespace SefData.GraphQL.Tests;

/// <summary>
/// The one way the tests run the npm tools of tests/js (graphql-js 16.11.0, graphql-http's audit): node is started once
/// per corpus, the whole corpus goes in as JSON on stdin and the answers come back as JSON on stdout, so a run costs one
/// process start however many cases it holds.
/// </summary>
internal static class NodeOracle
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs tests/js/<paramref name="script"/> with <paramref name="input"/> on stdin; returns its stdout.</summary>
    public static string Run(string script, string input)
    {
        var start = Start(script, redirectInput: true);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        // Both streams are drained while the input is written, so a large answer cannot block the child.
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout)) throw new TimeoutException($"node {script} did not finish in {Timeout.TotalMinutes} minutes");
        if (process.ExitCode != 0) throw new InvalidOperationException($"node {script} exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    /// <summary>Runs tests/js/<paramref name="script"/> (or a node option such as --input-type) with arguments; returns its stdout.</summary>
    public static async Task<string> RunAsync(string script, params string[] args)
    {
        var start = Start(script, redirectInput: false);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"node {script} exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }

    /// <summary>Evaluates an ES module snippet (tests/js/node_modules resolvable) and returns its stdout.</summary>
    public static Task<string> EvalAsync(string module) => RunAsync("--input-type=module", "-e", module);

    private static ProcessStartInfo Start(string script, bool redirectInput)
    {
        var jsFolder = Path.Combine(ParseCorpus.RepoRoot(), "tests", "js");
        if (!Directory.Exists(Path.Combine(jsFolder, "node_modules", "graphql")))
            throw new InvalidOperationException("graphql-js is not installed in tests/js/node_modules: run ./test.sh, or `cd tests/js && npm ci`.");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = jsFolder,
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        if (redirectInput) start.StandardInputEncoding = new UTF8Encoding(false);
        start.ArgumentList.Add(script);
        return start;
    }
}
