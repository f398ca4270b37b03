using System.ComponentModel;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Tests.Types;

public class CodeFirstTests
{
    public enum InspectionFramework
    {
        [Description("Before 2010")] Pre2010,
        Cif2010,
        [Obsolete("Replaced")] Ungraded2022,
    }

    private static readonly ScalarType AcademicYear = new("AcademicYear",
        serialize: v => v,
        parseValue: v => v is string s && s.Length == 7 && int.Parse(s[..4]) % 100 + 1 == int.Parse(s[5..]) % 100
            ? s
            : throw new GraphQLError("AcademicYear must look like \"2018/19\"."))
    {
        Description = "An academic year such as 2018/19",
        SpecifiedByUrl = "https://example.org/academic-year",
    };

    private static Schema Build() => new SchemaBuilder()
        .Query(q => q
            .Field("inspections", "[Inspection!]!", f => f
                .Description("Inspections, newest first")
                .Argument("framework", "InspectionFramework", InspectionFramework.Cif2010)
                .Argument("year", "AcademicYear", a => a.Description("Academic year").Deprecated("Use `from`"))
                .Argument("by", "InspectionBy")
                .Cost(10)
                .Resolve(_ => Array.Empty<object>()))
            .Field("legacy", "String", f => f.Deprecated()))
        .Object("Inspection", o => o
            .Description("An Estyn inspection")
            .Implements("Node")
            .Field("id", "ID!")
            .Field("framework", "InspectionFramework!"))
        .Interface("Node", i => i.Field("id", "ID!"))
        .Enum<InspectionFramework>()
        .InputObject("InspectionBy", i => i.OneOf().Field("id", "ID").Field("urn", "Int", f => f.Deprecated()))
        .Scalar(AcademicYear)
        .Directive("cost", d => d.Description("Static cost").Argument("weight", "Int!", a => a.Default(1)).Locations(DirectiveLocation.FieldDefinition).Repeatable())
        .Build();

    [Fact]
    public void Code_first_schema_prints_as_graphql_js_would_print_the_same_definitions()
    {
        Assert.Equal(
            """"
            directive @cost(weight: Int! = 1) repeatable on FIELD_DEFINITION

            type Query {
              """Inspections, newest first"""
              inspections(
                framework: InspectionFramework = CIF2010

                """Academic year"""
                year: AcademicYear @deprecated(reason: "Use `from`")
                by: InspectionBy
              ): [Inspection!]!
              legacy: String @deprecated
            }

            """An Estyn inspection"""
            type Inspection implements Node {
              id: ID!
              framework: InspectionFramework!
            }

            interface Node {
              id: ID!
            }

            enum InspectionFramework {
              """Before 2010"""
              PRE2010
              CIF2010
              UNGRADED2022 @deprecated(reason: "Replaced")
            }

            input InspectionBy @oneOf {
              id: ID
              urn: Int @deprecated
            }

            """An academic year such as 2018/19"""
            scalar AcademicYear @specifiedBy(url: "https://example.org/academic-year")
            """".Replace("\r\n", "\n", StringComparison.Ordinal).Replace("directive @cost", "\"\"\"Static cost\"\"\"\ndirective @cost", StringComparison.Ordinal),
            SchemaPrinter.Print(Build()));
    }

    [Fact]
    public void Printed_code_first_schema_round_trips_through_sdl()
    {
        var printed = SchemaPrinter.Print(Build());
        Assert.Equal(printed, SchemaPrinter.Print(SchemaBuilder.BuildSchema(printed)));
    }

    [Fact]
    public void Enum_values_keep_their_clr_values_and_cost_metadata_is_kept()
    {
        var schema = Build();
        var field = schema.QueryType!.GetField("inspections")!;
        Assert.Equal(10, field.Cost);
        Assert.Equal(InspectionFramework.Cif2010, field.GetArgument("framework")!.DefaultValue);
        var framework = (EnumType)schema.GetType("InspectionFramework")!;
        Assert.Equal(InspectionFramework.Pre2010, framework.ParseLiteral(Parser.ParseValue("PRE2010")));
        Assert.Equal("CIF2010", framework.Serialize(InspectionFramework.Cif2010));
    }

    [Fact]
    public void Custom_scalar_coercion_errors_surface_through_coerce_input_value()
    {
        var errors = new List<string>();
        CoerceInputValue.Coerce("2018/20", AcademicYear, (_, _, e) => errors.Add(e.Message));
        Assert.Equal(["AcademicYear must look like \"2018/19\"."], errors);
        Assert.Equal("2018/19", CoerceInputValue.Coerce("2018/19", AcademicYear));
    }

    [Fact]
    public void Upper_snake_case_names()
    {
        Assert.Equal("SPECIAL_MEASURES", EnumType.ToUpperSnakeCase("SpecialMeasures"));
        Assert.Equal("KQ1", EnumType.ToUpperSnakeCase("KQ1"));
        Assert.Equal("LA_MONITORING", EnumType.ToUpperSnakeCase("LAMonitoring"));
        Assert.Equal("RED", EnumType.ToUpperSnakeCase("RED"));
    }

    [Fact]
    public void Types_can_be_built_by_hand_with_thunks_for_recursion()
    {
        ObjectType? person = null;
        person = new ObjectType("Person", () => [new FieldDefinition("friends", new ListType(person!))]);
        var schema = new Schema(new ObjectType("Query", [new FieldDefinition("me", person)]));
        schema.AssertValid();
        Assert.Same(person, schema.GetType("Person"));
        Assert.Equal("[Person]", person.GetField("friends")!.Type.ToString());
    }

    [Fact]
    public void Duplicate_type_names_are_refused()
    {
        var a = new ObjectType("Same", [new FieldDefinition("a", ScalarType.Int)]);
        var b = new ObjectType("Same", [new FieldDefinition("b", ScalarType.Int)]);
        var error = Assert.Throws<InvalidOperationException>(() =>
            new Schema(new ObjectType("Query", [new FieldDefinition("a", a), new FieldDefinition("b", b)])));
        Assert.Equal("Schema must contain uniquely named types but contains multiple types named \"Same\".", error.Message);
    }

    [Fact]
    public void Invalid_names_are_refused_when_defined()
    {
        Assert.Equal("Names must start with [_a-zA-Z] but \"1a\" does not.",
            Assert.Throws<GraphQLError>(() => new ObjectType("1a", [])).Message);
        Assert.Equal("Names must only contain [_a-zA-Z0-9] but \"a-b\" does not.",
            Assert.Throws<GraphQLError>(() => new FieldDefinition("a-b", ScalarType.Int)).Message);
        Assert.Equal("Enum values cannot be named: true", Assert.Throws<GraphQLError>(() => new EnumValueDefinition("true")).Message);
    }
}
