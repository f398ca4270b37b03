using SefData.GraphQL.Types;

namespace SefData.GraphQL.Tests.Types;

/// <summary>
/// One case per validateSchema rule: the invalid schema gives exactly graphql-js's message, and a corrected schema
/// gives none. (Corpus/schema/validation.graphql compares the same rules with graphql-js directly.)
/// </summary>
public class SchemaValidationTests
{
    private static IReadOnlyList<string> Errors(string sdl)
    {
        Assert.True(SchemaBuilder.FromSdl(sdl).TryBuild(out var schema, out _) || schema is not null, "references must resolve");
        return schema!.Validate().Select(e => e.Message).ToList();
    }

    public static TheoryData<string, string, string, string> Rules => new()
    {
        {
            "query root provided",
            "type Foo { a: Int }",
            "Query root type must be provided.",
            "type Query { a: Int }"
        },
        {
            "query root is an object",
            "schema { query: In } input In { a: Int }",
            "Query root type must be Object type, it cannot be In.",
            "schema { query: Q } type Q { a: Int }"
        },
        {
            "mutation root is an object",
            "schema { query: Query mutation: E } type Query { a: Int } enum E { A }",
            "Mutation root type must be Object type if provided, it cannot be E.",
            "schema { query: Query mutation: M } type Query { a: Int } type M { a: Int }"
        },
        {
            "subscription root is an object",
            "schema { query: Query subscription: U } type Query { a: Int } union U = Query",
            "Subscription root type must be Object type if provided, it cannot be U.",
            "schema { query: Query subscription: Query } type Query { a: Int }"
        },
        {
            "reserved names",
            "type Query { __a: Int }",
            "Name \"__a\" must not begin with \"__\", which is reserved by GraphQL introspection.",
            "type Query { _a: Int }"
        },
        {
            "directive argument is an input type",
            "type Query { a: Int } directive @d(x: Query) on FIELD",
            "The type of @d(x:) must be Input Type but got: Query.",
            "type Query { a: Int } directive @d(x: Int) on FIELD"
        },
        {
            "required directive argument not deprecated",
            "type Query { a: Int } directive @d(x: Int! @deprecated) on FIELD",
            "Required argument @d(x:) cannot be deprecated.",
            "type Query { a: Int } directive @d(x: Int! = 1 @deprecated) on FIELD"
        },
        {
            "type has fields",
            "type Query { a: E } type E",
            "Type E must define one or more fields.",
            "type Query { a: E } type E { b: Int }"
        },
        {
            "field is an output type",
            "type Query { a: In } input In { a: Int }",
            "The type of Query.a must be Output Type but got: In.",
            "type Query { a(x: In): Int } input In { a: Int }"
        },
        {
            "field argument is an input type",
            "type Query { a(x: Query): Int }",
            "The type of Query.a(x:) must be Input Type but got: Query.",
            "type Query { a(x: [Int!]): Int }"
        },
        {
            "required field argument not deprecated",
            "type Query { a(x: Int! @deprecated): Int }",
            "Required argument Query.a(x:) cannot be deprecated.",
            "type Query { a(x: Int @deprecated): Int }"
        },
        {
            "implements only interfaces",
            "type Query implements O { a: Int } type O { a: Int }",
            "Type Query must only implement Interface types, it cannot implement O.",
            "type Query implements O { a: Int } interface O { a: Int }"
        },
        {
            "does not implement itself",
            "type Query { a: I } interface I implements I { a: Int }",
            "Type I cannot implement itself because it would create a circular reference.",
            "type Query { a: I } interface I { a: Int }"
        },
        {
            "implements an interface once",
            "type Query implements I & I { a: Int } interface I { a: Int }",
            "Type Query can only implement I once.",
            "type Query implements I { a: Int } interface I { a: Int }"
        },
        {
            "implements transitive interfaces",
            "type Query implements B { a: Int } interface A { a: Int } interface B implements A { a: Int }",
            "Type Query must implement A because it is implemented by B.",
            "type Query implements B & A { a: Int } interface A { a: Int } interface B implements A { a: Int }"
        },
        {
            "interface field provided",
            "type Query implements I { b: Int } interface I { a: Int }",
            "Interface field I.a expected but Query does not provide it.",
            "type Query implements I { a: Int b: Int } interface I { a: Int }"
        },
        {
            "interface field type is covariant",
            "type Query implements I { a: Int } interface I { a: Int! }",
            "Interface field I.a expects type Int! but Query.a is type Int.",
            "type Query implements I { a: Int! } interface I { a: Int }"
        },
        {
            "interface field argument provided",
            "type Query implements I { a: Int } interface I { a(x: Int): Int }",
            "Interface field argument I.a(x:) expected but Query.a does not provide it.",
            "type Query implements I { a(x: Int): Int } interface I { a(x: Int): Int }"
        },
        {
            "interface field argument type is invariant",
            "type Query implements I { a(x: Int!): Int } interface I { a(x: Int): Int }",
            "Interface field argument I.a(x:) expects type Int but Query.a(x:) is type Int!.",
            "type Query implements I { a(x: Int): Int } interface I { a(x: Int): Int }"
        },
        {
            "additional field arguments are optional",
            "type Query implements I { a(y: Int!): Int } interface I { a: Int }",
            "Object field Query.a includes required argument y that is missing from the Interface field I.a.",
            "type Query implements I { a(y: Int! = 1): Int } interface I { a: Int }"
        },
        {
            "union has members",
            "type Query { a: U } union U",
            "Union type U must define one or more member types.",
            "type Query { a: U } union U = Query"
        },
        {
            "union member listed once",
            "type Query { a: U } union U = Query | Query",
            "Union type U can only include type Query once.",
            "type Query { a: U } union U = Query"
        },
        {
            "union members are objects",
            "type Query { a: U } union U = I interface I { a: Int }",
            "Union type U can only include Object types, it cannot include I.",
            "type Query { a: U } union U = Query"
        },
        {
            "enum has values",
            "type Query { a: E } enum E",
            "Enum type E must define one or more values.",
            "type Query { a: E } enum E { A }"
        },
        {
            "input object has fields",
            "type Query { a(x: In): Int } input In",
            "Input Object type In must define one or more fields.",
            "type Query { a(x: In): Int } input In { b: Int }"
        },
        {
            "input field is an input type",
            "type Query { a(x: In): Int } input In { b: Query }",
            "The type of In.b must be Input Type but got: Query.",
            "type Query { a(x: In): Int } input In { b: Int }"
        },
        {
            "required input field not deprecated",
            "type Query { a(x: In): Int } input In { b: Int! @deprecated }",
            "Required input field In.b cannot be deprecated.",
            "type Query { a(x: In): Int } input In { b: Int! = 0 @deprecated }"
        },
        {
            "oneOf fields are nullable",
            "type Query { a(x: In): Int } input In @oneOf { b: Int! }",
            "OneOf input field In.b must be nullable.",
            "type Query { a(x: In): Int } input In @oneOf { b: Int }"
        },
        {
            "oneOf fields have no default",
            "type Query { a(x: In): Int } input In @oneOf { b: Int = 1 }",
            "OneOf input field In.b cannot have a default value.",
            "type Query { a(x: In): Int } input In { b: Int = 1 }"
        },
        {
            "no non-null input object cycles",
            "type Query { a(x: In): Int } input In { b: Other! } input Other { c: In! }",
            "Cannot reference Input Object \"In\" within itself through a series of non-null fields: \"b.c\".",
            "type Query { a(x: In): Int } input In { b: Other! } input Other { c: [In!]! }"
        },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule_fails_and_passes(string rule, string invalid, string message, string valid)
    {
        Assert.True(Errors(invalid) is [var single] && single == message, $"{rule}: got [{string.Join(" | ", Errors(invalid))}]");
        Assert.Empty(Errors(valid));
    }

    [Fact]
    public void Directive_without_locations_is_reported()
    {
        var schema = new SchemaBuilder()
            .Query(q => q.Field("a", "Int"))
            .Directive("nowhere", _ => { })
            .TryBuild(out _, out var errors);
        Assert.False(schema);
        Assert.Equal("Directive @nowhere must include 1 or more locations.", Assert.Single(errors).Message);
    }

    [Fact]
    public void Build_throws_every_error_at_once()
    {
        var ex = Assert.Throws<SchemaValidationException>(() => SchemaBuilder.BuildSchema("type Query { a: E, b: U } enum E union U"));
        Assert.Equal(["Enum type E must define one or more values.", "Union type U must define one or more member types."], ex.Errors.Select(e => e.Message));
        Assert.Equal("Enum type E must define one or more values.\n\nUnion type U must define one or more member types.", ex.Message);
    }

    [Fact]
    public void Code_first_interfaces_are_checked_like_sdl()
    {
        var ok = new SchemaBuilder()
            .Query(q => q.Field("node", "Node"))
            .Interface("Node", i => i.Field("id", "ID!"))
            .Object("School", o => o.Implements("Node").Field("name", "String"))
            .TryBuild(out _, out var errors);
        Assert.False(ok);
        Assert.Equal("Interface field Node.id expected but School does not provide it.", Assert.Single(errors).Message);
    }
}
