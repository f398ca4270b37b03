using Microsoft.AspNetCore.Http;
using SefData.GraphQL.Http;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Tests.Http;

/// <summary>
/// The schema the HTTP tests serve: a paged list, nested objects, a mutation, a field that throws, a slow field
/// that honours cancellation and one that ignores it, and a field with a cost override.
/// </summary>
public static class TestSchema
{
    public sealed record School(string Id, string Name, string LaName);

    private static readonly School[] Schools =
    [
        new("1", "Ysgol Gymraeg Aberystwyth", "Ceredigion"),
        new("2", "Penglais School", "Ceredigion"),
        new("3", "Cardiff High School", "Cardiff"),
    ];

    /// <summary>Set by the "slow" resolver when it saw its cancellation token fire (the timeout test reads it).</summary>
    public static volatile bool SlowWasCancelled;

    public static Schema Build() => new SchemaBuilder()
        .Query(q => q
            .Field("hello", "String", f => f
                .Argument("name", "String", "world")
                .Resolve(ctx => "Hello, " + ctx.GetArgument<string>("name") + "!"))
            .Field("schools", "SchoolConnection!", f => f
                .Argument("first", "Int")
                .Argument("last", "Int")
                .Resolve(ctx => Page(Schools, ctx)))
            .Field("school", "School", f => f
                .Argument("id", "ID!")
                .Resolve(ctx => Schools.FirstOrDefault(s => s.Id == ctx.GetArgument<string>("id"))))
            .Field("forbidden", "String", f => f.Resolve(ctx => throw new GraphQLError("Not authorized to read this.",
                extensions: new Dictionary<string, object?> { ["code"] = "AUTH_NOT_AUTHORIZED" })))
            .Field("boom", "String", f => f.Resolve(ctx => throw new InvalidOperationException("secret connection string leaked")))
            .Field("slow", "String", f => f
                .Argument("ms", "Int!")
                .Resolve(async ctx =>
                {
                    try
                    {
                        await Task.Delay(ctx.GetArgument<int>("ms"), ctx.CancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        SlowWasCancelled = true;
                        throw;
                    }
                    return "done";
                }))
            .Field("stubborn", "String", f => f
                .Argument("ms", "Int!")
                .Resolve(async ctx =>
                {
                    await Task.Delay(ctx.GetArgument<int>("ms"), CancellationToken.None);
                    return "too late";
                }))
            .Field("report", "Int", f => f.Cost(400).Resolve(ctx => 42))
            .Field("decimalText", "String", f => f
                .Argument("value", "Decimal!")
                .Resolve(ctx => ((decimal)ctx.Arguments["value"]!).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Field("requestHeader", "String", f => f
                .Argument("name", "String!")
                .Resolve(ctx => ctx.ContextData[GraphQLContextKeys.HttpContext] is HttpContext http
                    ? http.Request.Headers[ctx.GetArgument<string>("name")!].ToString()
                    : null)))
        .Mutation(m => m
            .Field("rename", "School", f => f
                .Argument("id", "ID!")
                .Argument("name", "String!")
                .Resolve(ctx => new School(ctx.GetArgument<string>("id")!, ctx.GetArgument<string>("name")!, "Cardiff"))))
        .Scalar(new ExactDecimal())
        .Object("SchoolConnection", o => o
            .Field("nodes", "[School!]!")
            .Field("totalCount", "Int!"))
        .Object("School", o => o
            .Field("id", "ID!")
            .Field("name", "String!")
            .Field("localAuthority", "LocalAuthority!", ctx => new Dictionary<string, object?> { ["name"] = ((School)ctx.Parent!).LaName })
            .Field("neighbours", "SchoolConnection!", f => f
                .Argument("first", "Int")
                .Resolve(ctx => Page(Schools.Where(s => !ReferenceEquals(s, ctx.Parent)), ctx))))
        .Object("LocalAuthority", o => o
            .Field("name", "String!")
            .Field("schools", "SchoolConnection!", f => f
                .Argument("first", "Int", 10)
                .Resolve(ctx => Page(Schools.Where(s => s.LaName == (string?)DefaultResolvers.GetValue(ctx.Parent, "name")), ctx))))
        .Build();

    /// <summary>A Decimal read from the JSON number's own text, as the API's Decimal scalar must be (no double rounding).</summary>
    private sealed class ExactDecimal() : ScalarType("Decimal")
    {
        public override bool ReceivesJsonElements => true;

        public override object? ParseValue(object? value) => value switch
        {
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Number } e => e.GetDecimal(),
            int i => (decimal)i,
            _ => throw new GraphQLError("Decimal cannot represent a non-numeric value."),
        };

        public override object? Serialize(object? value) => value;
    }

    private static Dictionary<string, object?> Page(IEnumerable<School> schools, IResolverContext ctx)
    {
        var all = schools.ToList();
        var first = ctx.GetArgument("first", all.Count);
        return new Dictionary<string, object?> { ["nodes"] = all.Take(first).ToList(), ["totalCount"] = all.Count };
    }
}
