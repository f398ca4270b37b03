using SefData.GraphQL.Execution;
using SefData.GraphQL.Types;
using static SefData.GraphQL.Tests.Execution.ExecutionTestHelpers;

namespace SefData.GraphQL.Tests.Execution;

/// <summary>
/// How the executor tells a synchronous answer from a promise, and which errors it reports. A ValueTask backed by a
/// Task is a promise even when it has already completed by the time the engine looks at it (a resolver whose I/O
/// finished on a pool thread before the engine checked): judging by IsCompleted made the set of executed siblings,
/// and so the errors, depend on thread timing.
/// </summary>
public class AsyncCompletionTests
{
    [Fact]
    public async Task An_already_faulted_task_is_a_rejected_promise_so_later_siblings_still_run()
    {
        var called = new List<string>();
        var schema = SchemaBuilder.FromSdl("type Query { a: String! b: String c: String }")
            .Resolver("Query.a", _ => ValueTask.FromException<object?>(new InvalidOperationException("a failed")))
            .Resolve("Query.b", _ => { called.Add("b"); throw new InvalidOperationException("b failed"); })
            .Resolve("Query.c", _ => { called.Add("c"); return "c"; })
            .Build();
        var json = await RunAsync(schema, "{ a b c }");
        Assert.Equal(["b", "c"], called);
        // b failed in the synchronous pass, a one promise generation later (graphql-js's order too).
        Assert.Equal(J("{'errors':[{'message':'b failed','locations':[{'line':1,'column':5}],'path':['b']},{'message':'a failed','locations':[{'line':1,'column':3}],'path':['a']}],'data':null}"), json);
    }

    [Fact]
    public async Task An_already_completed_task_is_a_promise_so_a_null_below_it_does_not_stop_its_siblings()
    {
        var called = new List<string>();
        var schema = SchemaBuilder.FromSdl("type Query { obj: Obj! other: String } type Obj { bad: String! }")
            .Resolver("Query.obj", _ => new ValueTask<object?>(Task.FromResult<object?>(new object())))
            .Resolve("Obj.bad", _ => null)
            .Resolve("Query.other", _ => { called.Add("other"); throw new InvalidOperationException("other failed"); })
            .Build();
        var json = await RunAsync(schema, "{ obj { bad } other }");
        Assert.Equal(["other"], called);
        Assert.Equal(J("{'errors':[{'message':'other failed','locations':[{'line':1,'column':15}],'path':['other']},{'message':'Cannot return null for non-nullable field Obj.bad.','locations':[{'line':1,'column':9}],'path':['obj','bad']}],'data':null}"), json);
    }

    [Fact]
    public async Task An_async_resolver_that_finishes_without_suspending_is_synchronous()
    {
        var called = new List<string>();
        var schema = SchemaBuilder.FromSdl("type Query { a: String! b: String }")
            .Resolver("Query.a", async _ =>
            {
                await Task.CompletedTask;
                return null;
            })
            .Resolve("Query.b", _ => { called.Add("b"); return "b"; })
            .Build();
        var json = await RunAsync(schema, "{ a b }");
        Assert.Empty(called);
        Assert.Equal(J("{'errors':[{'message':'Cannot return null for non-nullable field Query.a.','locations':[{'line':1,'column':3}],'path':['a']}],'data':null}"), json);
    }

    [Fact]
    public async Task Errors_follow_one_settlement_order_whatever_the_timing_and_an_object_is_nulled_once()
    {
        var schema = SchemaBuilder.FromSdl("type Query { obj: Obj } type Obj { slow: String! fast: String! late: String }")
            .Resolve("Query.obj", _ => new object())
            .Resolver("Obj.slow", async _ =>
            {
                await Task.Delay(30, TestContext.Current.CancellationToken);
                throw new InvalidOperationException("slow failed");
            })
            .Resolver("Obj.fast", async _ =>
            {
                await Task.Yield();
                throw new InvalidOperationException("fast failed");
            })
            .Resolver("Obj.late", async _ =>
            {
                await Task.Delay(60, TestContext.Current.CancellationToken);
                throw new InvalidOperationException("late failed");
            })
            .Build();
        // All three are one promise generation, so they count as settling in response order whatever the clock says:
        // slow nulls obj; fast's null reaches obj already nulled and is not reported (graphql-js's Promise.all for
        // obj has already rejected); late is nullable, so its error is.
        var json = await RunAsync(schema, "{ obj { slow fast late } }");
        Assert.Equal(J("{'errors':[" +
            "{'message':'slow failed','locations':[{'line':1,'column':9}],'path':['obj','slow']}," +
            "{'message':'late failed','locations':[{'line':1,'column':19}],'path':['obj','late']}],'data':{'obj':null}}"), json);
    }
}
