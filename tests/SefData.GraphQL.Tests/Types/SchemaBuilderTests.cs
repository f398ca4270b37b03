using SefData.GraphQL.Types;

namespace SefData.GraphQL.Tests.Types;

public class SchemaBuilderTests
{
    public enum Colour { Green, Yellow, Amber, Red, SpecialMeasures }

    public sealed class School
    {
        public required string Name { get; init; }
        public string? Website { get; init; }
        public int Pupils { get; init; }
        public Colour? Colour { get; init; }
        public List<string> Tags { get; init; } = [];
    }

    [Fact]
    public void Code_first_schema_resolves_names_and_infers_clr_types()
    {
        var schema = new SchemaBuilder()
            .Query(q => q
                .Field("schools", "[School!]!", f => f
                    .Argument("first", "Int", 50)
                    .Description("Schools")
                    .Cost(5)
                    .Resolve(ctx => Array.Empty<School>()))
                .Field("hello", "String", ctx => "world")
                .Field("later", "Int", async ctx => { await Task.Yield(); return 1; })
                .Field("now", "Int", f => f.ResolveValueTask(ctx => ValueTask.FromResult(2)))
                .Field("search", "[SearchResult]", ctx => null))
            .Object<School>(t => t
                .Implements("Node")
                .Field(s => s.Name)
                .Field(s => s.Website)
                .Field(s => s.Pupils)
                .Field(s => s.Colour)
                .Field(s => s.Tags)
                .Field("id", "ID!", ctx => ctx.Parent<School>().Name))
            .Interface("Node", i => i.Field("id", "ID!"))
            .Union("SearchResult", "School")
            .Enum<Colour>()
            .InputObject("SchoolBy", i => i.OneOf().Field("id", "ID").Field("name", "String"))
            .Build();

        var school = (ObjectType)schema.GetType("School")!;
        Assert.Equal("String!", school.GetField("name")!.Type.ToString());
        Assert.Equal("String", school.GetField("website")!.Type.ToString());
        Assert.Equal("Int!", school.GetField("pupils")!.Type.ToString());
        Assert.Equal("Colour", school.GetField("colour")!.Type.ToString());
        Assert.Equal("[String!]!", school.GetField("tags")!.Type.ToString());
        Assert.Same(schema.GetType("Node"), school.Interfaces.Single());
        var colour = (EnumType)schema.GetType("Colour")!;
        Assert.Equal(["GREEN", "YELLOW", "AMBER", "RED", "SPECIAL_MEASURES"], colour.Values.Select(v => v.Name));
        Assert.Equal("SPECIAL_MEASURES", colour.Serialize(Colour.SpecialMeasures));
        var schools = schema.QueryType!.GetField("schools")!;
        Assert.Equal(5, schools.Cost);
        Assert.Equal(50, schools.GetArgument("first")!.DefaultValue);
        Assert.True(((InputObjectType)schema.GetType("SchoolBy")!).IsOneOf);
        Assert.Equal([school], schema.GetPossibleTypes((NamedType)schema.GetType("Node")!));
    }

    [Fact]
    public void Unknown_type_references_are_reported_with_suggestions()
    {
        var ex = Assert.Throws<SchemaValidationException>(() => new SchemaBuilder()
            .Query(q => q.Field("school", "Shcool", ctx => null))
            .Object("School", o => o.Field("name", "String"))
            .Build());
        Assert.Equal("Unknown type \"Shcool\". Did you mean \"School\"?", ex.Errors.Single().Message);
    }
}
