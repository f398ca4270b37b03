using SefData.GraphQL.Types;
using static SefData.GraphQL.Tests.Execution.ExecutionTestHelpers;

namespace SefData.GraphQL.Tests.Execution;

public class BasicExecutionTests
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl("""
        type Query { a: String b: Int c: [Int] obj: Obj list: [Obj!] }
        type Obj { x: String y: Obj }
        """).Build();

    [Fact]
    public async Task Executes_fields_in_document_order()
    {
        var root = new Dictionary<string, object?>
        {
            ["a"] = "hello",
            ["b"] = 42,
            ["c"] = new List<object?> { 1, 2, null },
            ["obj"] = new Dictionary<string, object?> { ["x"] = "ex", ["y"] = new Dictionary<string, object?> { ["x"] = "deep" } },
        };
        var json = await RunAsync(Schema, "{ b a c obj { y { x } x } alias: a __typename }", root);
        Assert.Equal(J("{'data':{'b':42,'a':'hello','c':[1,2,null],'obj':{'y':{'x':'deep'},'x':'ex'},'alias':'hello','__typename':'Query'}}"), json);
    }
}
