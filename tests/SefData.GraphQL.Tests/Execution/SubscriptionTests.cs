using System.Runtime.CompilerServices;
using SefData.GraphQL.Execution;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using static SefData.GraphQL.Tests.Execution.ExecutionTestHelpers;

namespace SefData.GraphQL.Tests.Execution;

public class SubscriptionTests
{
    private static async IAsyncEnumerable<int> Counter(int from, int count, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            ct.ThrowIfCancellationRequested();
            yield return from + i;
        }
    }

    private static Schema BuildSchema() => SchemaBuilder.FromSdl("""
        type Query { a: String }
        type Subscription { ticks(from: Int = 0): Tick! broken: Tick plain: Int }
        type Tick { n: Int! square: Int! }
        """)
        .Subscribe("Subscription.ticks", ctx => Counter(ctx.GetArgument<int>("from"), 3, ctx.CancellationToken))
        .Resolve("Subscription.ticks", ctx => ctx.Parent)
        .Resolve("Tick.n", ctx => ctx.Parent)
        .Resolve("Tick.square", ctx => (int)ctx.Parent! * (int)ctx.Parent!)
        .Subscribe<int>("Subscription.broken", _ => throw new InvalidOperationException("no stream"))
        .Build();

    private static Task<SubscriptionResult> Subscribe(Schema schema, string query)
        => Executor.SubscribeAsync(new ExecutionRequest
        {
            Schema = schema,
            Document = Parser.Parse(query),
            CancellationToken = TestContext.Current.CancellationToken,
        });

    [Fact]
    public async Task Each_event_is_executed_with_the_event_as_root_value()
    {
        var subscription = await Subscribe(BuildSchema(), "subscription { ticks(from: 2) { n square } }");
        Assert.Null(subscription.Result);
        var results = new List<string>();
        await foreach (var result in subscription.Stream!) results.Add(result.ToJson());
        Assert.Equal(
        [
            J("{'data':{'ticks':{'n':2,'square':4}}}"),
            J("{'data':{'ticks':{'n':3,'square':9}}}"),
            J("{'data':{'ticks':{'n':4,'square':16}}}"),
        ], results);
    }

    [Fact]
    public async Task Stream_creation_errors_are_located_results()
    {
        var schema = BuildSchema();
        var broken = await Subscribe(schema, "subscription { broken { n } }");
        Assert.Null(broken.Stream);
        Assert.Equal(J("{'errors':[{'message':'no stream','locations':[{'line':1,'column':16}],'path':['broken']}]}"), broken.Result!.ToJson());

        var plain = await Executor.SubscribeAsync(new ExecutionRequest
        {
            Schema = schema,
            Document = Parser.Parse("subscription { plain }"),
            RootValue = new Dictionary<string, object?> { ["plain"] = 5 },
            CancellationToken = TestContext.Current.CancellationToken,
        });
        Assert.Equal(J("{'errors':[{'message':'Subscription field must return Async Iterable. Received: 5.'}]}"), plain.Result!.ToJson());
    }

    [Fact]
    public async Task Other_operations_and_request_errors_come_back_as_one_result()
    {
        var schema = BuildSchema();
        var query = await Subscribe(schema, "{ __typename }");
        Assert.Equal(J("{'data':{'__typename':'Query'}}"), query.Result!.ToJson());
        var noSubscriptions = await Subscribe(SchemaBuilder.BuildSchema("type Query { a: String }"), "subscription { a }");
        Assert.Equal(J("{'errors':[{'message':'Schema is not configured to execute subscription operation.','locations':[{'line':1,'column':1}]}]}"), noSubscriptions.Result!.ToJson());
    }
}
