using System.Text.Json;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Tests.Types;

public class ResolverTests
{
    public sealed class SchoolRecord
    {
        public string Name { get; init; } = "";
        public int PupilCount { get; init; }
        public string? name { get; init; }
    }

    public sealed class Hub
    {
        public string Name { get; init; } = "hub";
    }

    [Fact]
    public void Default_field_resolver_reads_dictionaries_json_and_clr_properties()
    {
        Assert.Equal(5, DefaultResolvers.GetValue(new Dictionary<string, object?> { ["pupils"] = 5 }, "pupils"));
        Assert.Null(DefaultResolvers.GetValue(new Dictionary<string, object?> { ["pupils"] = 5 }, "Pupils"));
        using var json = JsonDocument.Parse("""{"name": "Ysgol", "n": null}""");
        Assert.Equal("Ysgol", ((JsonElement)DefaultResolvers.GetValue(json.RootElement, "name")!).GetString());
        Assert.Null(DefaultResolvers.GetValue(json.RootElement, "missing"));
        var school = new SchoolRecord { Name = "Upper", PupilCount = 300, name = "lower" };
        Assert.Equal(300, DefaultResolvers.GetValue(school, "pupilCount"));
        // An exact-case property wins over a case-insensitive match.
        Assert.Equal("lower", DefaultResolvers.GetValue(school, "name"));
        Assert.Equal("Upper", DefaultResolvers.GetValue(school, "Name"));
        Assert.Null(DefaultResolvers.GetValue(school, "nothing"));
        Assert.Null(DefaultResolvers.GetValue(null, "name"));
    }

    private static readonly Schema AbstractSchema = new SchemaBuilder()
        .Query(q => q.Field("results", "[Result]"))
        .Object("School", o => o.Field("name", "String"))
        .Object("Hub", o => o.Field("name", "String"))
        .Object("Cluster", o => o.Field("name", "String").IsTypeOf(v => v is string s && s.StartsWith("cluster:", StringComparison.Ordinal)))
        .Union("Result", "School", "Hub", "Cluster")
        .Build();

    [Fact]
    public void Default_type_resolver_uses_typename_then_is_type_of_then_clr_name()
    {
        var data = new Dictionary<string, object?>
        {
            ["results"] = new List<object?>
            {
                new Dictionary<string, object?> { ["__typename"] = "School", ["name"] = "a" },
                JsonDocument.Parse("""{"__typename": "Hub", "name": "b"}""").RootElement,
                "cluster:c",
                new Hub(),
            },
        };
        var result = MiniExecutor.Execute(AbstractSchema, "{ results { __typename ... on School { name } ... on Hub { name } } }", data);
        Assert.Equal("""{"results":[{"__typename":"School","name":"a"},{"__typename":"Hub","name":"b"},{"__typename":"Cluster"},{"__typename":"Hub","name":"hub"}]}""",
            JsonValues.ToJsonString(result));
    }

    [Fact]
    public void Sdl_first_schema_with_resolvers_by_coordinate_over_json_root_data()
    {
        using var root = JsonDocument.Parse("""{"schools": [{"name": "A", "colour": "RED"}, {"name": "B", "colour": null}]}""");
        var schema = SchemaBuilder.FromSdl("""
                type Query { schools(first: Int = 1): [School!]! count: Int! }
                type School { name: String! colour: Colour shout: String }
                enum Colour { RED GREEN }
                """)
            .Resolve("Query.schools", ctx => ((JsonElement)ctx.Parent!).GetProperty("schools").EnumerateArray().Take(ctx.GetArgument<int>("first")).ToList())
            .Resolve("Query.count", async ctx => { await Task.Yield(); return ((JsonElement)ctx.Parent!).GetProperty("schools").GetArrayLength(); })
            .Resolve("School.shout", ctx => ((JsonElement)ctx.Parent!).GetProperty("name").GetString()!.ToUpperInvariant() + "!")
            .Build();
        Assert.Equal("""{"schools":[{"name":"A","colour":"RED","shout":"A!"}],"count":2}""",
            JsonValues.ToJsonString(MiniExecutor.Execute(schema, "{ schools { name colour shout } count }", root.RootElement)));
        Assert.Equal("""{"schools":[{"name":"A"},{"name":"B"}]}""",
            JsonValues.ToJsonString(MiniExecutor.Execute(schema, "{ schools(first: 5) { name } }", root.RootElement)));
    }

    [Fact]
    public void Attaching_a_resolver_to_a_missing_field_is_an_error()
    {
        var builder = SchemaBuilder.FromSdl("type Query { a: Int }").Resolve("Query.b", _ => 1).ResolveType("Query", _ => "Query");
        Assert.False(builder.TryBuild(out _, out var errors));
        Assert.Equal(
            ["Cannot attach a resolver to \"Query.b\": no such field.", "Cannot attach a type resolver to \"Query\": no such interface or union."],
            errors.Select(e => e.Message));
    }

    public enum Stage { Draft, Moderated }

    public sealed class Filter
    {
        public string? Name { get; set; }
        public List<Stage>? Stages { get; set; }
    }

    [Fact]
    public void Get_argument_converts_coerced_values()
    {
        Assert.Equal(Stage.Moderated, ValueConverter.Convert<Stage>(Stage.Moderated));
        Assert.Equal(Stage.Moderated, ValueConverter.Convert<Stage>("MODERATED"));
        Assert.Equal(5L, ValueConverter.Convert<long>(5));
        Assert.Equal([1, 2], ValueConverter.Convert<int[]>(new List<object?> { 1, 2 })!);
        Assert.Equal([1, 2], ValueConverter.Convert<IReadOnlyList<int>>(new List<object?> { 1, 2 })!);
        var filter = ValueConverter.Convert<Filter>(new Dictionary<string, object?> { ["name"] = "x", ["stages"] = new List<object?> { Stage.Draft } })!;
        Assert.Equal("x", filter.Name);
        Assert.Equal([Stage.Draft], filter.Stages);
        Assert.Null(ValueConverter.Convert<string>(null));
        Assert.Throws<InvalidCastException>(() => ValueConverter.Convert<Filter>(42));
    }

    [Fact]
    public void Value_task_returned_from_a_sync_resolver_fails_loudly()
    {
        var schema = new SchemaBuilder().Query(q => q.Field("a", "Int", _ => ValueTask.FromResult(1))).Build();
        var error = Assert.Throws<InvalidOperationException>(() => MiniExecutor.Execute(schema, "{ a }"));
        Assert.Contains("ResolveValueTask", error.Message, StringComparison.Ordinal);
    }
}
