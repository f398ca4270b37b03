using SefData.GraphQL.Execution;
using SefData.GraphQL.Types;
using static SefData.GraphQL.Tests.Execution.ExecutionTestHelpers;

namespace SefData.GraphQL.Tests.Execution;

/// <summary>Writer details the differential corpus cannot reach through JSON input.</summary>
public class ExecutionResultJsonTests
{
    [Fact]
    public async Task Lone_surrogates_are_escaped_like_well_formed_JSON_stringify()
    {
        var schema = SchemaBuilder.FromSdl("type Query { s: String }").Resolve("Query.s", _ => "a\ud800b\udc00c\ud83d\ude00").Build();
        // JSON.stringify("a\ud800b\udc00c😀") === '"a\\ud800b\\udc00c😀"'
        Assert.Equal("{\"data\":{\"s\":\"a\\ud800b\\udc00c😀\"}}", await RunAsync(schema, "{ s }"));
    }

    [Fact]
    public void Numbers_are_written_in_JavaScript_notation()
    {
        Assert.Equal("[1,1.5,-0.25,1e+21,1e-7,123456789012345680000,100,null,9007199254740993]",
            ExecutionResultJson.SerializeValue(new object?[] { 1.0, 1.5, -0.25, 1e21, 1e-7, 123456789012345678901.0, 100L, double.NaN, 9007199254740993L }));
    }

    [Fact]
    public void Extensions_are_written_last_and_only_when_present()
    {
        var result = new ExecutionResult { HasData = true, Extensions = new Dictionary<string, object?> { ["cost"] = 3 } };
        Assert.Equal(J("{'data':null,'extensions':{'cost':3}}"), result.ToJson());
        Assert.Equal(J("{'data':null}"), new ExecutionResult { HasData = true, Extensions = new Dictionary<string, object?>() }.ToJson());
    }
}

public class ExecutionResultSerializerTests
{
    [Fact]
    public async Task JsonSerializer_writes_the_graphql_js_shape()
    {
        var schema = SchemaBuilder.FromSdl("type Query { a: String b: Int! }").Resolve("Query.a", _ => "é\n").Resolve("Query.b", _ => throw new InvalidOperationException("nope")).Build();
        var result = await ExecutionTestHelpers.ExecuteAsync(schema, "{ a b }");
        Assert.Equal(result.ToJson(), System.Text.Json.JsonSerializer.Serialize(result));
        Assert.Equal(result.ToJson(), System.Text.Json.JsonSerializer.Serialize(new { r = result })[5..^1]);
    }
}
