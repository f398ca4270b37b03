using SefData.GraphQL.Language;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Tests.Types;

/// <summary>Built-in scalar coercion; expected messages were taken from graphql-js 16.11 for the same inputs.</summary>
public class ScalarCoercionTests
{
    private static string? Error(Func<object?> action)
    {
        try
        {
            action();
            return null;
        }
        catch (GraphQLError e)
        {
            return e.Message;
        }
    }

    private static ScalarType Scalar(string name) => ScalarType.SpecifiedScalarTypes.Single(s => s.Name == name);

    public static TheoryData<string, object?, object?> SerializeOk => new()
    {
        { "Int", 1, 1 }, { "Int", "1.0", 1 }, { "Int", true, 1 }, { "Int", false, 0 }, { "Int", 3.0, 3 }, { "Int", 7L, 7 },
        { "Int", -2147483648L, int.MinValue }, { "Int", 12m, 12 },
        { "Float", "1.5", 1.5 }, { "Float", 2, 2.0 }, { "Float", true, 1.0 }, { "Float", 0.1f, (double)0.1f },
        { "String", 1.5, "1.5" }, { "String", 1e21, "1e+21" }, { "String", 1e-7, "1e-7" }, { "String", 0.000001, "0.000001" },
        { "String", true, "true" }, { "String", 42, "42" }, { "String", "x", "x" },
        { "Boolean", 0, false }, { "Boolean", 2.5, true }, { "Boolean", true, true },
        { "ID", 42, "42" }, { "ID", "abc", "abc" }, { "ID", 5.0, "5" }, { "ID", 9007199254740993L, "9007199254740993" },
    };

    [Theory]
    [MemberData(nameof(SerializeOk))]
    public void Serialize_accepts_like_graphql_js(string scalar, object? input, object? expected)
        => Assert.Equal(expected, Scalar(scalar).Serialize(input));

    public static TheoryData<string, object?, string> SerializeErrors => new()
    {
        { "Int", 2147483648L, "Int cannot represent non 32-bit signed integer value: 2147483648" },
        { "Int", "9999999999", "Int cannot represent non 32-bit signed integer value: \"9999999999\"" },
        { "Int", 1.5, "Int cannot represent non-integer value: 1.5" },
        { "Int", "", "Int cannot represent non-integer value: \"\"" },
        { "Int", 1e21, "Int cannot represent non 32-bit signed integer value: 1e+21" },
        { "Int", "abc", "Int cannot represent non-integer value: \"abc\"" },
        { "Float", double.NaN, "Float cannot represent non numeric value: NaN" },
        { "Float", double.PositiveInfinity, "Float cannot represent non numeric value: Infinity" },
        { "Float", "x", "Float cannot represent non numeric value: \"x\"" },
        { "String", new Dictionary<string, object?>(), "String cannot represent value: {}" },
        { "String", new List<object?> { 1 }, "String cannot represent value: [1]" },
        { "String", double.NaN, "String cannot represent value: NaN" },
        { "Boolean", "true", "Boolean cannot represent a non boolean value: \"true\"" },
        { "ID", 1.5, "ID cannot represent value: 1.5" },
        { "ID", true, "ID cannot represent value: true" },
    };

    [Theory]
    [MemberData(nameof(SerializeErrors))]
    public void Serialize_rejects_with_graphql_js_message(string scalar, object? input, string message)
        => Assert.Equal(message, Error(() => Scalar(scalar).Serialize(input)));

    public static TheoryData<string, object?, object?> ParseValueOk => new()
    {
        { "Int", 1, 1 }, { "Int", 1.0, 1 }, { "Int", -2147483648L, int.MinValue },
        { "Float", 1, 1.0 }, { "Float", 1.5, 1.5 },
        { "String", "s", "s" }, { "Boolean", false, false },
        { "ID", 42, "42" }, { "ID", "42", "42" }, { "ID", 3.0, "3" },
    };

    [Theory]
    [MemberData(nameof(ParseValueOk))]
    public void ParseValue_accepts_like_graphql_js(string scalar, object? input, object? expected)
        => Assert.Equal(expected, Scalar(scalar).ParseValue(input));

    public static TheoryData<string, object?, string> ParseValueErrors => new()
    {
        { "Int", 2147483648L, "Int cannot represent non 32-bit signed integer value: 2147483648" },
        { "Int", 1e21, "Int cannot represent non 32-bit signed integer value: 1e+21" },
        { "Int", "1", "Int cannot represent non-integer value: \"1\"" },
        { "Int", 1.5, "Int cannot represent non-integer value: 1.5" },
        { "Int", true, "Int cannot represent non-integer value: true" },
        { "Int", new List<object?> { 1, 2 }, "Int cannot represent non-integer value: [1, 2]" },
        { "Int", new Dictionary<string, object?> { ["a"] = 1 }, "Int cannot represent non-integer value: { a: 1 }" },
        { "Float", "1.5", "Float cannot represent non numeric value: \"1.5\"" },
        { "Float", double.NaN, "Float cannot represent non numeric value: NaN" },
        { "String", true, "String cannot represent a non string value: true" },
        { "String", 1, "String cannot represent a non string value: 1" },
        { "Boolean", 1, "Boolean cannot represent a non boolean value: 1" },
        { "ID", 4.2, "ID cannot represent value: 4.2" },
        { "ID", true, "ID cannot represent value: true" },
        { "ID", null, "ID cannot represent value: null" },
    };

    [Theory]
    [MemberData(nameof(ParseValueErrors))]
    public void ParseValue_rejects_with_graphql_js_message(string scalar, object? input, string message)
        => Assert.Equal(message, Error(() => Scalar(scalar).ParseValue(input)));

    [Theory]
    [InlineData("Int", "2147483647", 2147483647)]
    [InlineData("Int", "-2147483648", -2147483648)]
    [InlineData("Float", "1", 1.0)]
    [InlineData("Float", "2.5e3", 2500.0)]
    [InlineData("String", "\"a\\nb\"", "a\nb")]
    [InlineData("Boolean", "true", true)]
    [InlineData("ID", "42", "42")]
    [InlineData("ID", "\"x\"", "x")]
    public void ParseLiteral_accepts_like_graphql_js(string scalar, string literal, object expected)
        => Assert.Equal(expected, Scalar(scalar).ParseLiteral(Parser.ParseValue(literal)));

    [Theory]
    [InlineData("Int", "2147483648", "Int cannot represent non 32-bit signed integer value: 2147483648")]
    [InlineData("Int", "1.0", "Int cannot represent non-integer value: 1.0")]
    [InlineData("Int", "\"1\"", "Int cannot represent non-integer value: \"1\"")]
    [InlineData("Float", "ENUM", "Float cannot represent non numeric value: ENUM")]
    [InlineData("String", "[\"a\"]", "String cannot represent a non string value: [\"a\"]")]
    [InlineData("Boolean", "{a: 1}", "Boolean cannot represent a non boolean value: {a: 1}")]
    [InlineData("ID", "1.5", "ID cannot represent a non-string and non-integer value: 1.5")]
    [InlineData("ID", "$var", "ID cannot represent a non-string and non-integer value: $var")]
    public void ParseLiteral_rejects_with_graphql_js_message(string scalar, string literal, string message)
    {
        var node = Parser.ParseValue(literal);
        var error = Assert.Throws<GraphQLError>(() => Scalar(scalar).ParseLiteral(node));
        Assert.Equal(message, error.Message);
        Assert.Same(node, Assert.Single(error.Nodes));
    }

    [Fact]
    public void Json_element_results_are_serialized_as_their_values()
    {
        using var doc = System.Text.Json.JsonDocument.Parse("""{"i": 5, "f": 2.5, "s": "x", "b": true}""");
        var root = doc.RootElement;
        Assert.Equal(5, ScalarType.Int.Serialize(root.GetProperty("i")));
        Assert.Equal(2.5, ScalarType.Float.Serialize(root.GetProperty("f")));
        Assert.Equal("x", ScalarType.String.Serialize(root.GetProperty("s")));
        Assert.Equal(true, ScalarType.Boolean.Serialize(root.GetProperty("b")));
    }

    [Fact]
    public void Inspect_limits_depth_and_length_like_graphql_js()
    {
        var nested = new List<object?> { 1, new List<object?> { 2, new List<object?> { 3, new List<object?> { 4 } } }, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
        Assert.Equal("String cannot represent value: [1, [2, [Array]], 3, 4, 5, 6, 7, 8, 9, 10, ... 2 more items]", Error(() => ScalarType.String.Serialize(nested)));
        var deep = new Dictionary<string, object?> { ["a"] = new Dictionary<string, object?> { ["b"] = new Dictionary<string, object?> { ["c"] = 1 } } };
        Assert.Equal("String cannot represent value: { a: { b: [Object] } }", Error(() => ScalarType.String.Serialize(deep)));
    }

    [Fact]
    public void Enum_coercion_uses_internal_values_and_suggests_names()
    {
        var colour = new EnumType("Colour", [new EnumValueDefinition("RED", 1), new EnumValueDefinition("GREEN", 2)]);
        Assert.Equal("GREEN", colour.Serialize(2));
        Assert.Equal(1, colour.ParseValue("RED"));
        Assert.Equal(2, colour.ParseLiteral(Parser.ParseValue("GREEN")));
        Assert.Equal("Enum \"Colour\" cannot represent value: 3", Error(() => colour.Serialize(3)));
        Assert.Equal("Value \"REDD\" does not exist in \"Colour\" enum. Did you mean the enum value \"RED\"?", Error(() => colour.ParseValue("REDD")));
        Assert.Equal("Enum \"Colour\" cannot represent non-string value: 1.", Error(() => colour.ParseValue(1)));
        Assert.Equal("Enum \"Colour\" cannot represent non-enum value: \"RED\". Did you mean the enum value \"RED\" or \"GREEN\"?",
            Error(() => colour.ParseLiteral(Parser.ParseValue("\"RED\""))));
    }
}
