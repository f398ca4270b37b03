using System.Text.Json;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Tests.Types;

/// <summary>Variable-style coercion of JSON input; expectations were produced by graphql-js 16.11 coerceInputValue.</summary>
public class CoerceInputValueTests
{
    private static readonly Schema TestSchema = SchemaBuilder.BuildSchema("""
        type Query { a: Int }
        input Filter { name: String, limit: Int = 50, colour: Colour, required: Int!, nested: Filter }
        input By @oneOf { id: ID, name: String }
        enum Colour { RED GREEN }
        """);

    private static GraphQLType Type(string text) => TypeFromAst.Convert(TestSchema, Parser.ParseType(text))!;

    public static TheoryData<string, string, string?, string[], string?> Cases => new()
    {
        // type, JSON input, coerced result (JSON, null when an error makes it meaningless), errors as path|value|message, thrown message
        { "Int!", "null", null, ["|null|Expected non-nullable type \"Int!\" not to be null."], "Invalid value null: Expected non-nullable type \"Int!\" not to be null." },
        { "Int", "null", "null", [], null },
        { "[Int]", "1", "[1]", [], null },
        { "[Int]", "[1, \"x\", null]", null, ["[1]|\"x\"|Int cannot represent non-integer value: \"x\""], "Invalid value \"x\" at \"value[1]\": Int cannot represent non-integer value: \"x\"" },
        { "[Int!]", "[1, null]", null, ["[1]|null|Expected non-nullable type \"Int!\" not to be null."], "Invalid value null at \"value[1]\": Expected non-nullable type \"Int!\" not to be null." },
        { "Filter", "\"abc\"", null, ["|\"abc\"|Expected type \"Filter\" to be an object."], "Invalid value \"abc\": Expected type \"Filter\" to be an object." },
        { "Filter", "[1]", null, ["|[1]|Expected type \"Filter\" to be an object."], "Invalid value [1]: Expected type \"Filter\" to be an object." },
        { "Filter", """{"required": 1}""", """{"limit":50,"required":1}""", [], null },
        { "Filter", "{}", null, ["|{}|Field \"required\" of required type \"Int!\" was not provided."], "Invalid value {}: Field \"required\" of required type \"Int!\" was not provided." },
        {
            "Filter", """{"required": 1, "nmae": "x", "colour": "REDD"}""", null,
            [
                ".colour|\"REDD\"|Value \"REDD\" does not exist in \"Colour\" enum. Did you mean the enum value \"RED\"?",
                "|{ required: 1, nmae: \"x\", colour: \"REDD\" }|Field \"nmae\" is not defined by type \"Filter\". Did you mean \"name\"?",
            ],
            "Invalid value \"REDD\" at \"value.colour\": Value \"REDD\" does not exist in \"Colour\" enum. Did you mean the enum value \"RED\"?"
        },
        {
            "Filter", """{"required": 1, "nested": {"required": "x", "limit": 1.5}}""", null,
            [".nested.limit|1.5|Int cannot represent non-integer value: 1.5", ".nested.required|\"x\"|Int cannot represent non-integer value: \"x\""],
            "Invalid value 1.5 at \"value.nested.limit\": Int cannot represent non-integer value: 1.5"
        },
        { "By", "{}", null, ["|{}|Exactly one key must be specified for OneOf type \"By\"."], "Invalid value {}: Exactly one key must be specified for OneOf type \"By\"." },
        { "By", """{"id": 1, "name": "x"}""", null, ["|{ id: 1, name: \"x\" }|Exactly one key must be specified for OneOf type \"By\"."], "Invalid value { id: 1, name: \"x\" }: Exactly one key must be specified for OneOf type \"By\"." },
        { "By", """{"id": null}""", null, [".id|null|Field \"id\" must be non-null."], "Invalid value null at \"value.id\": Field \"id\" must be non-null." },
        { "By", """{"name": "x"}""", """{"name":"x"}""", [], null },
        { "By", """{"id": 7}""", """{"id":"7"}""", [], null },
        { "Colour", "\"GREEN\"", "\"GREEN\"", [], null },
        { "[[Int]]", "[[1], 2]", "[[1],[2]]", [], null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_graphql_js(string type, string json, string? result, string[] errors, string? thrown)
    {
        using var doc = JsonDocument.Parse(json);
        var reported = new List<string>();
        var coerced = CoerceInputValue.Coerce(doc.RootElement, Type(type),
            (path, invalid, error) => reported.Add(CoerceInputValue.PrintPath(path) + "|" + Inspector.Inspect(invalid) + "|" + error.Message));
        Assert.Equal(errors, reported);
        if (result is not null) Assert.Equal(result, JsonValues.ToJsonString(coerced));

        if (thrown is null) CoerceInputValue.Coerce(doc.RootElement, Type(type));
        else Assert.Equal(thrown, Assert.Throws<GraphQLError>(() => CoerceInputValue.Coerce(doc.RootElement, Type(type))).Message);
    }

    [Fact]
    public void Clr_dictionaries_and_lists_are_accepted_like_json()
    {
        var value = new Dictionary<string, object?> { ["required"] = 2, ["colour"] = "RED", ["nested"] = null };
        var coerced = (IReadOnlyDictionary<string, object?>)CoerceInputValue.Coerce(value, Type("Filter"))!;
        Assert.Equal(2, coerced["required"]);
        Assert.Equal("RED", coerced["colour"]);
        Assert.Null(coerced["nested"]);
        Assert.Equal(50, coerced["limit"]);
    }

    [Fact]
    public void Non_graphql_exceptions_from_custom_scalars_are_wrapped_with_the_type_name()
    {
        var date = new ScalarType("Date", parseValue: v => DateOnly.Parse((string)v!, System.Globalization.CultureInfo.InvariantCulture));
        var errors = new List<string>();
        CoerceInputValue.Coerce("not a date", date, (_, _, e) => errors.Add(e.Message));
        Assert.StartsWith("Expected type \"Date\". ", Assert.Single(errors));
    }
}
