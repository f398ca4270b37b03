using SefData.GraphQL.DataLoader;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SefData.GraphQL.Execution;
using SefData.GraphQL.Types;
using static SefData.GraphQL.Tests.Execution.ExecutionTestHelpers;

namespace SefData.GraphQL.Tests.Execution;

public class ExecutionBehaviourTests
{
    [Fact]
    public async Task Mutation_root_fields_run_one_after_another()
    {
        var log = new ConcurrentQueue<string>();
        async ValueTask<object?> Step(IResolverContext ctx)
        {
            var name = ctx.Path.Key.ToString()!;
            log.Enqueue("start " + name);
            await Task.Delay(20, TestContext.Current.CancellationToken);
            log.Enqueue("end " + name);
            return name;
        }
        var schema = SchemaBuilder.FromSdl("type Query { a: String } type Mutation { step: String other: String }")
            .Resolver("Mutation.step", Step)
            .Resolver("Mutation.other", ctx => { log.Enqueue("other"); return new ValueTask<object?>("o"); })
            .Build();
        var json = await RunAsync(schema, "mutation { first: step second: step other third: step }");
        Assert.Equal(J("{'data':{'first':'first','second':'second','other':'o','third':'third'}}"), json);
        Assert.Equal(["start first", "end first", "start second", "end second", "other", "start third", "end third"], log.ToArray());
    }

    [Fact]
    public async Task Query_siblings_all_start_before_any_is_awaited()
    {
        var started = 0;
        var release = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        ValueTask<object?> Wait(IResolverContext ctx)
        {
            // The last sibling to start releases everyone: this deadlocks if siblings ran one at a time.
            if (Interlocked.Increment(ref started) == 3) release.SetResult("done");
            return new ValueTask<object?>(release.Task);
        }
        var schema = SchemaBuilder.FromSdl("type Query { a: String b: String c: String }")
            .Resolver("Query.a", Wait).Resolver("Query.b", Wait).Resolver("Query.c", Wait)
            .Build();
        var result = await ExecuteAsync(schema, "{ c b a }").WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(J("{'data':{'c':'done','b':'done','a':'done'}}"), result.ToJson());
    }

    [Fact]
    public async Task Synchronous_non_null_failure_skips_the_remaining_siblings()
    {
        var called = new List<string>();
        var schema = SchemaBuilder.FromSdl("type Query { obj: Obj } type Obj { a: String b: String! c: String }")
            .Resolve("Query.obj", _ => new object())
            .Resolve("Obj.a", _ => { called.Add("a"); return "a"; })
            .Resolve("Obj.b", _ => { called.Add("b"); return null; })
            .Resolve("Obj.c", _ => { called.Add("c"); return "c"; })
            .Build();
        var json = await RunAsync(schema, "{ obj { a b c } }");
        Assert.Equal(J("{'errors':[{'message':'Cannot return null for non-nullable field Obj.b.','locations':[{'line':1,'column':11}],'path':['obj','b']}],'data':{'obj':null}}"), json);
        Assert.Equal(["a", "b"], called);
    }

    [Fact]
    public async Task Async_null_in_non_null_chain_nulls_the_nearest_nullable_parent()
    {
        static async ValueTask<object?> Later(object? value)
        {
            await Task.Yield();
            return value;
        }
        var schema = SchemaBuilder.FromSdl("type Query { outer: Outer } type Outer { inner: Inner! ok: String } type Inner { value: String! }")
            .Resolver("Query.outer", _ => Later(new object()))
            .Resolver("Outer.inner", _ => Later(new object()))
            .Resolver("Outer.ok", _ => Later("fine"))
            .Resolver("Inner.value", _ => Later(null))
            .Build();
        var json = await RunAsync(schema, "{ outer { ok inner { value } } }");
        Assert.Equal(J("{'errors':[{'message':'Cannot return null for non-nullable field Inner.value.','locations':[{'line':1,'column':22}],'path':['outer','inner','value']}],'data':{'outer':null}}"), json);
    }

    [Fact]
    public async Task Null_at_a_non_null_root_field_nulls_data()
    {
        var schema = SchemaBuilder.FromSdl("type Query { a: String! b: String }").Resolve("Query.a", _ => null).Resolve("Query.b", _ => "b").Build();
        var result = await ExecuteAsync(schema, "{ b a }");
        Assert.True(result.HasData);
        Assert.Null(result.Data);
        Assert.Equal(J("{'errors':[{'message':'Cannot return null for non-nullable field Query.a.','locations':[{'line':1,'column':5}],'path':['a']}],'data':null}"), result.ToJson());
    }

    [Fact]
    public async Task Resolver_exceptions_become_located_errors_and_GraphQLError_keeps_its_extensions()
    {
        var schema = SchemaBuilder.FromSdl("type Query { plain: String coded: [String] }")
            .Resolve("Query.plain", _ => throw new InvalidOperationException("plain failure"))
            .Resolver("Query.coded", async _ =>
            {
                await Task.Yield();
                throw new GraphQLError("Not allowed", extensions: new Dictionary<string, object?> { ["code"] = "AUTH_NOT_AUTHORIZED", ["n"] = 1.5 });
            })
            .Build();
        var result = await ExecuteAsync(schema, "{ plain\n  coded }");
        Assert.Equal(J("{'errors':[{'message':'plain failure','locations':[{'line':1,'column':3}],'path':['plain']},{'message':'Not allowed','locations':[{'line':2,'column':3}],'path':['coded'],'extensions':{'code':'AUTH_NOT_AUTHORIZED','n':1.5}}],'data':{'plain':null,'coded':null}}"), result.ToJson());
        Assert.IsType<InvalidOperationException>(result.Errors![0].InnerException);
    }

    [Fact]
    public async Task Lists_complete_from_any_enumerable_and_async_stream()
    {
        static IEnumerable<int> Lazy() { yield return 1; yield return 2; }
        static async IAsyncEnumerable<string> Strings([EnumeratorCancellation] CancellationToken ct = default)
        {
            await Task.Yield();
            yield return "x";
            yield return "y";
        }
        static async IAsyncEnumerable<int> Ints()
        {
            await Task.Yield();
            yield return 7;
        }
        var schema = SchemaBuilder.FromSdl("type Query { lazy: [Int] array: [Int!]! set: [String] stream: [String!] intStream: [Int] notList: [Int] }")
            .Resolve("Query.lazy", _ => Lazy())
            .Resolve("Query.array", _ => new[] { 3, 4 })
            .Resolve("Query.set", _ => new HashSet<string> { "h" })
            .Resolve("Query.stream", _ => Strings())
            .Resolve("Query.intStream", _ => Ints())
            .Resolve("Query.notList", _ => new Dictionary<string, object?>())
            .Build();
        var json = await RunAsync(schema, "{ lazy array set stream intStream notList }");
        Assert.Equal(J("{'errors':[{'message':'Expected Iterable, but did not find one for field \\'Query.notList\\'.','locations':[{'line':1,'column':35}],'path':['notList']}],'data':{'lazy':[1,2],'array':[3,4],'set':['h'],'stream':['x','y'],'intStream':[7],'notList':null}}").Replace("\\'", "\\\""), json);
    }

    private sealed record Dog(string Name, bool Barks);
    private sealed record Cat(string Name, int Lives);

    [Fact]
    public async Task Abstract_types_resolve_by_resolveType_isTypeOf_or_clr_type_name()
    {
        const string sdl = "type Query { pets: [Pet] kinds: [Kind] } interface Pet { name: String } type Dog implements Pet { name: String barks: Boolean } type Cat implements Pet { name: String lives: Int } union Kind = Dog | Cat";
        var pets = new object[] { new Dog("Rex", true), new Cat("Tom", 9) };
        var byClrName = SchemaBuilder.FromSdl(sdl).Resolve("Query.pets", _ => pets).Build();
        var query = "{ pets { name ... on Dog { barks } ... on Cat { lives } } }";
        var expected = J("{'data':{'pets':[{'name':'Rex','barks':true},{'name':'Tom','lives':9}]}}");
        Assert.Equal(expected, await RunAsync(byClrName, query));

        var byResolveType = SchemaBuilder.FromSdl(sdl).Resolve("Query.pets", _ => pets)
            .ResolveType("Pet", (value, _, _) => new ValueTask<string?>(Task.Run(() => (string?)(value is Dog ? "Dog" : "Cat"))))
            .Build();
        Assert.Equal(expected, await RunAsync(byResolveType, query));

        var byIsTypeOf = SchemaBuilder.FromSdl(sdl).Resolve("Query.kinds", _ => pets)
            .IsTypeOf("Dog", v => v is Dog).IsTypeOf("Cat", v => v is Cat)
            .Build();
        Assert.Equal(J("{'data':{'kinds':[{'__typename':'Dog'},{'__typename':'Cat'}]}}"), await RunAsync(byIsTypeOf, "{ kinds { __typename } }"));
    }

    [Fact]
    public async Task IsTypeOf_rejecting_a_value_is_a_field_error()
    {
        var schema = SchemaBuilder.FromSdl("type Query { dog: Dog } type Dog { name: String }")
            .Resolve("Query.dog", _ => new Cat("Tom", 9))
            .IsTypeOf("Dog", v => v is Dog)
            .Build();
        var json = await RunAsync(schema, "{ dog { name } }");
        Assert.StartsWith(J("{'errors':[{'message':'Expected value of type \\'Dog\\' but got: ").Replace("\\'", "\\\""), json);
        Assert.EndsWith(J("'path':['dog']}],'data':{'dog':null}}"), json);
    }

    [Fact]
    public async Task Resolver_context_exposes_path_arguments_and_selected_fields()
    {
        var seen = new List<string>();
        var schema = SchemaBuilder.FromSdl("type Query { items: [Item] } type Item { id(prefix: String = \"#\"): String child: Item name: String }")
            .Resolve("Query.items", _ => new[] { 1, 2 })
            .Resolve("Item.id", ctx =>
            {
                seen.Add(ctx.Path + " " + ctx.GetArgument<string>("prefix") + " " + ctx.ParentType.Name + "." + ctx.FieldDefinition.Name);
                return ctx.GetArgument<string>("prefix") + ctx.Parent;
            })
            .Resolve("Item.child", ctx => string.Join(",", ctx.GetSelectedFields().Select(f => f.ResponseKey + ":" + f.Name)))
            .Build();
        var result = await ExecuteAsync(schema, "{ items { key: id(prefix: \"k\") id } }");
        Assert.Equal(J("{'data':{'items':[{'key':'k1','id':'#1'},{'key':'k2','id':'#2'}]}}"), result.ToJson());
        Assert.Equal(["items.0.key k Item.id", "items.0.id # Item.id", "items.1.key k Item.id", "items.1.id # Item.id"], seen);

        IReadOnlyList<ISelectedField>? selected = null;
        var projecting = SchemaBuilder.FromSdl("type Query { item: Item } type Item { id: String child: Item name: String }")
            .Resolve("Query.item", ctx => { selected = ctx.GetSelectedFields(); return new object(); })
            .Build();
        await RunAsync(projecting, "query ($skip: Boolean = true) { item { id ...F child { name } } } fragment F on Item { name @skip(if: $skip) n: name }");
        Assert.Equal(["id", "n", "child"], selected!.Select(f => f.ResponseKey));
        Assert.Equal(["name"], selected![2].GetSelectedFields().Select(f => f.Name));
    }

    [Fact]
    public async Task Cancellation_stops_execution_and_returns_completed_data_with_an_error()
    {
        using var cts = new CancellationTokenSource();
        var never = new TaskCompletionSource<object?>();
        var schema = SchemaBuilder.FromSdl("type Query { done: String slow: String numbers: [Int!] }")
            .Resolve("Query.done", _ => "yes")
            .Resolver("Query.slow", _ => new ValueTask<object?>(never.Task))
            .Build();
        cts.CancelAfter(TimeSpan.FromMilliseconds(100));
        var result = await ExecuteWithTokenAsync(schema, "{ done slow }", cts.Token).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(result.IsCanceled);
        Assert.Equal(J("{'errors':[{'message':'Execution was canceled.','extensions':{'code':'EXECUTION_CANCELED'}}],'data':{'done':'yes','slow':null}}"), result.ToJson());
    }

    [Fact]
    public async Task Cancellation_is_observed_between_list_items()
    {
        using var cts = new CancellationTokenSource();
        var completed = 0;
        var schema = SchemaBuilder.FromSdl("type Query { items: [Item!] } type Item { n: Int }")
            .Resolve("Query.items", _ => Enumerable.Range(0, 1000).ToList())
            .Resolve("Item.n", ctx =>
            {
                if (++completed == 10) cts.Cancel();
                return ctx.Parent;
            })
            .Build();
        var result = await ExecuteWithTokenAsync(schema, "{ items { n } }", cts.Token);
        Assert.True(result.IsCanceled);
        Assert.Equal(10, completed);
        // Unfinished non-null items null the list (the nearest nullable position), without errors of their own.
        Assert.Equal(J("{'errors':[{'message':'Execution was canceled.','extensions':{'code':'EXECUTION_CANCELED'}}],'data':{'items':null}}"), result.ToJson());
    }

    [Fact]
    public async Task Request_errors_have_no_data_entry()
    {
        var schema = SchemaBuilder.BuildSchema("type Query { a: String }");
        var result = await ExecuteAsync(schema, "query A { a } query B { a }");
        Assert.False(result.HasData);
        Assert.Equal(J("{'errors':[{'message':'Must provide operation name if query contains multiple operations.'}]}"), result.ToJson());
        Assert.Equal(J("{'errors':[{'message':'Schema is not configured to execute mutation operation.','locations':[{'line':1,'column':1}]}],'data':null}"),
            await RunAsync(schema, "mutation { a }"));
    }

    [Fact]
    public async Task Context_data_and_services_reach_resolvers()
    {
        var schema = SchemaBuilder.FromSdl("type Query { who: String }")
            .Resolve("Query.who", ctx => (string)ctx.ContextData["user"]! + "/" + ctx.Service<string>())
            .Build();
        var result = await Executor.ExecuteAsync(new ExecutionRequest
        {
            Schema = schema,
            Document = SefData.GraphQL.Language.Parser.Parse("{ who }"),
            ContextData = new Dictionary<string, object?> { ["user"] = "ann" },
            Services = new SingleService("svc"),
            CancellationToken = TestContext.Current.CancellationToken,
        });
        Assert.Equal(J("{'data':{'who':'ann/svc'}}"), result.ToJson());
    }

    private sealed class SingleService(string value) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(string) ? value : null;
    }
}

public class ExecutionConcurrencyTests
{
    [Fact]
    public async Task Resolvers_using_context_apis_from_pool_threads_get_consistent_results()
    {
        var schema = SchemaBuilder.FromSdl("type Query { items: [Item!]! } type Item { id: Int! fields: String! label: String! }")
            .Resolve("Query.items", _ => Enumerable.Range(0, 200).ToList())
            .Resolve("Item.id", ctx => ctx.Parent)
            .Resolver("Item.fields", async ctx =>
            {
                await Task.Run(() => { }, ctx.CancellationToken);
                ctx.ContextData.TryAdd("seen", true);
                return string.Join(",", ctx.GetSelectedFields().Select(f => f.Name)) + ctx.Path;
            })
            .Resolver("Item.label", async ctx =>
            {
                await Task.Run(() => { }, ctx.CancellationToken);
                var loader = ctx.DataLoader<int, string>("labels", (keys, _) =>
                    new ValueTask<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => "L" + k)));
                return await loader.LoadAsync((int)ctx.Parent!);
            })
            .Build();
        for (var run = 0; run < 20; run++)
        {
            var result = await ExecuteAsync(schema, "{ items { id fields label } }");
            Assert.Null(result.Errors);
            var items = (SefData.GraphQL.Execution.ResultList)result.Data!["items"]!;
            for (var i = 0; i < items.Count; i++)
            {
                var item = (SefData.GraphQL.Execution.ResultMap)items[i]!;
                Assert.Equal(i, item["id"]);
                Assert.Equal("items." + i + ".fields", item["fields"]);
                Assert.Equal("L" + i, item["label"]);
            }
        }
    }
}
