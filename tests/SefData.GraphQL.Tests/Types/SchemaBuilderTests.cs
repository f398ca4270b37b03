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

    [Fact]
    public void Sdl_can_extend_and_use_code_first_definitions()
    {
        var date = new ScalarType("Date") { Description = "A date" };
        var schema = new SchemaBuilder()
            .Scalar(date)
            .Query(q => q.Field("a", "Int"))
            .Enum("Colour", e => e.Value("RED"))
            .Directive("cost", d => d.Argument("weight", "Int!", a => a.Default(1)).Locations(DirectiveLocation.FieldDefinition))
            .AddSdl("""
                scalar Date
                extend type Query { today: Date @cost colour: Colour }
                extend enum Colour { GREEN }
                """)
            .Build();
        Assert.Same(date, schema.GetType("Date"));
        Assert.Equal(["a", "today", "colour"], schema.QueryType!.Fields.Select(f => f.Name));
        Assert.Equal(["RED", "GREEN"], ((EnumType)schema.GetType("Colour")!).Values.Select(v => v.Name));
    }

    [Fact]
    public void Sdl_conflicting_with_code_first_definitions_is_refused_with_graphql_js_messages()
    {
        var ok = new SchemaBuilder()
            .Query(q => q.Field("a", "Int"))
            .Enum("Colour", e => e.Value("RED"))
            .Directive("cost", d => d.Argument("weight", "Int!").Locations(DirectiveLocation.FieldDefinition))
            .AddSdl("""
                type Query { b: Int }
                extend type Query { a: String @cost }
                extend enum Colour { RED }
                extend union Colour = Query
                directive @cost on FIELD
                """)
            .TryBuild(out _, out var errors);
        Assert.False(ok);
        Assert.Equal(
            [
                "Type \"Query\" already exists in the schema. It cannot also be defined in this type definition.",
                "Field \"Query.a\" already exists in the schema. It cannot also be defined in this type extension.",
                // The document's own @cost definition (FIELD only, no arguments) is what applications are checked against.
                "Directive \"@cost\" may not be used on FIELD_DEFINITION.",
                "Enum value \"Colour.RED\" already exists in the schema. It cannot also be defined in this type extension.",
                "Cannot extend non-union type \"Colour\".",
                "Directive \"@cost\" already exists in the schema. It cannot be redefined.",
            ],
            errors.Select(e => e.Message));
    }
}
