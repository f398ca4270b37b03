using System.Diagnostics;
using System.Text;
using SefData.GraphQL.Tests.Language;

namespace SefData.GraphQL.Tests.Execution;

/// <summary>Runs one of the tests/js oracles once with a JSON input (same conventions as <see cref="ParseCorpus"/>).</summary>
internal static class NodeOracle
{
    public static string Run(string script, string inputJson)
    {
        var jsFolder = Path.Combine(ParseCorpus.RepoRoot(), "tests", "js");
        if (!Directory.Exists(Path.Combine(jsFolder, "node_modules", "graphql")))
        {
            throw new InvalidOperationException(
                "graphql-js is not installed in tests/js/node_modules: run ./test.sh, or `cd tests/js && npm ci`.");
        }
        // The input goes through a file: some corpora are large, and a file keeps stdin handling trivial.
        var inputFile = Path.GetTempFileName();
        try
        {
            File.WriteAllText(inputFile, inputJson, new UTF8Encoding(false));
            var start = new ProcessStartInfo("node", [Path.Combine(jsFolder, script), inputFile])
            {
                WorkingDirectory = jsFolder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2))) throw new TimeoutException(script + " did not finish");
            if (process.ExitCode != 0) throw new InvalidOperationException(script + " failed: " + stderr.Result);
            return stdout.Result;
        }
        finally
        {
            File.Delete(inputFile);
        }
    }
}
