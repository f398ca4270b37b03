using System.Text.Json;
using SefData.GraphQL.Execution;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using static SefData.GraphQL.Tests.Execution.ExecutionTestHelpers;

namespace SefData.GraphQL.Tests.Execution;

public class VariableCoercionTests
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl("type Query { echo(a: Int, b: [Int], s: String): String }")
        .Resolve("Query.echo", ctx => ExecutionResultJson.SerializeValue(ctx.Arguments))
        .Build();

    private static Task<ExecutionResult> Run(string query, string? variablesJson, int maxErrors = 50)
        => Executor.ExecuteAsync(new ExecutionRequest
        {
            Schema = Schema,
            Document = Parser.Parse(query),
            VariablesJson = variablesJson is null ? null : JsonDocument.Parse(variablesJson).RootElement,
            MaxVariableCoercionErrors = maxErrors,
            CancellationToken = TestContext.Current.CancellationToken,
        });

    [Fact]
    public async Task Errors_stop_at_the_limit_with_graphql_js_message()
    {
        var result = await Run("query ($a: Int, $b: [Int], $s: String) { echo(a: $a, b: $b, s: $s) }", """{"a": "x", "b": ["y", "z"], "s": 1}""", maxErrors: 2);
        Assert.False(result.HasData);
        Assert.Equal(
        [
            "Variable \"$a\" got invalid value \"x\"; Int cannot represent non-integer value: \"x\"",
            "Variable \"$b\" got invalid value \"y\" at \"b[0]\"; Int cannot represent non-integer value: \"y\"",
            "Too many errors processing variables, error limit reached. Execution aborted.",
        ], result.Errors!.Select(e => e.Message));
    }

    [Fact]
    public async Task Json_null_is_a_value_and_a_missing_property_is_absent()
    {
        Assert.Equal(J("{'data':{'echo':'{\\'a\\':null}'}}").Replace("\\'", "\\\""),
            (await Run("query ($a: Int) { echo(a: $a) }", """{"a": null}""")).ToJson());
        Assert.Equal(J("{'data':{'echo':'{}'}}"), (await Run("query ($a: Int) { echo(a: $a) }", "{}")).ToJson());
        Assert.Equal(J("{'data':{'echo':'{}'}}"), (await Run("query ($a: Int) { echo(a: $a) }", "null")).ToJson());
    }

    [Fact]
    public async Task Variables_that_are_not_an_object_are_a_request_error()
    {
        var result = await Run("query ($a: Int) { echo(a: $a) }", "[1]");
        Assert.False(result.HasData);
        Assert.Equal("Variables must be provided as an Object where each property is a variable value. Perhaps look to see if an unparsed JSON string was provided.", result.Errors!.Single().Message);
    }

    [Fact]
    public async Task An_invalid_schema_is_not_executed()
    {
        var builder = SchemaBuilder.FromSdl("type Query { a: String } interface I { x: Int } type T implements I { y: Int }");
        Assert.False(builder.TryBuild(out var schema, out _));
        var result = await ExecuteAsync(schema!, "{ a }");
        Assert.False(result.HasData);
        Assert.Contains(result.Errors!, e => e.Message.Contains("Interface field I.x expected but T does not provide it.", StringComparison.Ordinal));
    }
}
