// SefData side of the engine benchmark: parse + validate + execute + JSON serialization in a loop, single thread,
// the same loop as bench.mjs runs with graphql-js. Usage: dotnet run -c Release -- <warmupSeconds> <measureSeconds>
using System.Diagnostics;
using System.Text.Json;
using SefData.Bench.Engine;
using SefData.GraphQL.Execution;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Validation;

var warmup = args.Length > 0 ? double.Parse(args[0]) : 3;
var measure = args.Length > 1 ? double.Parse(args[1]) : 10;
var here = AppContext.GetData("BenchFolder") as string ?? FindBenchFolder();
var root = Path.GetFullPath(Path.Combine(here, "..", ".."));

var apiSchema = SchemaBuilder.BuildSchema(File.ReadAllText(Path.Combine(root, "schema", "schema.graphql")));
await RunAsync("introspection", apiSchema, File.ReadAllText(Path.Combine(here, "introspection-query.graphql")), null);

var nestedSchema = SchemaBuilder.BuildSchema(File.ReadAllText(Path.Combine(here, "nested.graphql")));
await RunAsync("nested-1000", nestedSchema, File.ReadAllText(Path.Combine(here, "nested-query.graphql")), BenchData.Create());

async Task RunAsync(string name, Schema schema, string source, object? rootValue)
{
    async Task<int> Once()
    {
        var document = Parser.Parse(source);
        var errors = DocumentValidator.Validate(schema, document);
        if (errors.Count > 0) throw new InvalidOperationException(errors[0].Message);
        var result = await Executor.ExecuteAsync(new ExecutionRequest { Schema = schema, Document = document, RootValue = rootValue });
        if (result.Errors is { Count: > 0 }) throw new InvalidOperationException(result.Errors[0].Message);
        return ExecutionResultJson.SerializeToUtf8Bytes(result).Length;
    }

    var bytes = await Once();
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed.TotalSeconds < warmup) await Once();

    GC.Collect();
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var gen0Before = GC.CollectionCount(0);
    long ops = 0;
    clock.Restart();
    while (clock.Elapsed.TotalSeconds < measure)
    {
        await Once();
        ops++;
    }
    var seconds = clock.Elapsed.TotalSeconds;
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    Console.WriteLine(JsonSerializer.Serialize(new
    {
        engine = "SefData",
        @case = name,
        opsPerSecond = ops / seconds,
        allocatedBytesPerOp = allocated / ops,
        gen0PerThousandOps = (GC.CollectionCount(0) - gen0Before) * 1000.0 / ops,
        responseBytes = bytes,
    }));
}

static string FindBenchFolder()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "bench", "engine");
        if (File.Exists(Path.Combine(candidate, "nested.graphql"))) return candidate;
    }
    throw new DirectoryNotFoundException("bench/engine not found above " + AppContext.BaseDirectory);
}
