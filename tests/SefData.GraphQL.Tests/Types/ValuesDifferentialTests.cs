using System.Text;
using System.Text.Json;
using SefData.GraphQL.Language;
using SefData.GraphQL.Tests.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Tests.Types;

/// <summary>ValueFromAst and AstFromValue agree with graphql-js valueFromAST / astFromValue (tests/js/oracle-values.mjs).</summary>
public class ValuesDifferentialTests
{
    private const string Sdl = """
        type Query { a(f: Float, i: ID, b: Boolean, s: String, c: Colour, filter: Filter, by: By, o: Opt): Int }
        enum Colour { RED GREEN }
        input Filter { name: String, limit: Int = 50, colours: [Colour!], nested: Filter, req: Int! }
        input By @oneOf { id: ID, name: String }
        input Opt { a: Int b: String = "d" }
        """;

    // type, literal, variables (JSON or null)
    private static readonly (string Type, string Literal, string? Variables)[] FromAst =
    [
        ("Int", "1", null), ("Int", "1.5", null), ("Int", "\"1\"", null), ("Int", "null", null), ("Int!", "null", null),
        ("Float", "1", null), ("Float", "1.5e3", null), ("String", "\"s\"", null), ("String", "ENUM", null),
        ("ID", "12", null), ("ID", "\"x\"", null), ("ID", "1.0", null), ("Boolean", "true", null),
        ("Colour", "RED", null), ("Colour", "BLUE", null), ("Colour", "\"RED\"", null),
        ("[Int]", "[1, 2, null]", null), ("[Int]", "3", null), ("[Int!]", "[1, null]", null), ("[[Int]]", "[[1], 2]", null),
        ("Filter", "{req: 1}", null), ("Filter", "{req: 1, limit: null, colours: RED}", null), ("Filter", "{name: \"x\"}", null),
        ("Filter", "{req: 1, unknown: 2}", null), ("Filter", "{req: 1, nested: {req: 2, nested: {req: 3}}}", null),
        ("By", "{id: 1}", null), ("By", "{}", null), ("By", "{id: 1, name: \"x\"}", null), ("By", "{id: null}", null),
        ("Int", "$v", """{"v": 5}"""), ("Int", "$missing", """{"v": 5}"""), ("Int!", "$n", """{"n": null}"""),
        ("[Int]", "[1, $missing, 3]", "{}"), ("[Int!]", "[1, $missing]", "{}"), ("Opt", "{a: $missing}", "{}"),
        ("Opt", "{b: $missing}", "{}"), ("Filter", "{req: $r}", """{"r": 9}"""), ("Int", "$v", null),
    ];

    // type, JSON value
    private static readonly (string Type, string Value)[] ToAst =
    [
        ("Int", "1"), ("Int", "null"), ("Int!", "null"), ("Float", "1"), ("Float", "1.5"), ("Float", "1e21"), ("Float", "1e-7"),
        ("String", "\"a\\\"b\\n\""), ("ID", "\"123\""), ("ID", "\"0123\""), ("ID", "\"abc\""), ("ID", "7"), ("Boolean", "true"),
        ("Colour", "\"GREEN\""), ("Colour", "\"BLUE\""), ("[Int]", "[1, null, 2]"), ("[Int!]", "[1, null]"), ("[Int]", "4"),
        ("Filter", """{"req": 1, "name": null}"""), ("Filter", """{"req": 1, "colours": ["RED"], "nested": {"req": 2}}"""),
        ("Filter", "\"x\""), ("By", """{"id": "1"}"""), ("Int", "1.5"), ("String", "1"), ("Opt", "{}"),
    ];

    private static readonly Lazy<(List<string> FromAst, List<string> ToAst)> Oracle = new(RunOracle);

    private static readonly Schema Schema = SchemaBuilder.BuildSchema(Sdl);

    private static GraphQLType Type(string text) => TypeFromAst.Convert(Schema, Parser.ParseType(text))!;

    public static TheoryData<int> FromAstIndexes() => Indexes(FromAst.Length);

    public static TheoryData<int> ToAstIndexes() => Indexes(ToAst.Length);

    private static TheoryData<int> Indexes(int count)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < count; i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(FromAstIndexes))]
    public void ValueFromAst_matches_graphql_js(int index)
    {
        var (type, literal, variablesJson) = FromAst[index];
        IReadOnlyDictionary<string, object?>? variables = variablesJson is null
            ? null
            : (Dictionary<string, object?>)JsonValues.ToClr(JsonDocument.Parse(variablesJson).RootElement)!;
        var actual = ValueFromAst.TryConvert(Parser.ParseValue(literal), Type(type), variables, out var value)
            ? Inspector.Inspect(value)
            : "undefined";
        Assert.Equal(Oracle.Value.FromAst[index], actual);
    }

    [Theory]
    [MemberData(nameof(ToAstIndexes))]
    public void AstFromValue_matches_graphql_js(int index)
    {
        var (type, json) = ToAst[index];
        string actual;
        try
        {
            var ast = AstFromValue.Convert(JsonValues.ToClr(JsonDocument.Parse(json).RootElement), Type(type));
            actual = ast is null ? "null" : Printer.Print(ast);
        }
        catch (Exception e) when (e is GraphQLError or InvalidOperationException)
        {
            actual = "ERROR: " + e.Message;
        }
        Assert.Equal(Oracle.Value.ToAst[index], actual);
    }

    private static (List<string>, List<string>) RunOracle()
    {
        var input = new
        {
            schema = Sdl,
            fromAst = FromAst.Select(c => new { type = c.Type, literal = c.Literal, variables = c.Variables is null ? null : JsonDocument.Parse(c.Variables).RootElement as object }),
            toAst = ToAst.Select(c => new { type = c.Type, value = JsonDocument.Parse(c.Value).RootElement }),
        };
        var stdout = NodeOracle.Run("oracle-values.mjs", JsonSerializer.Serialize(input));
        using var json = JsonDocument.Parse(stdout);
        return (
            json.RootElement.GetProperty("fromAst").EnumerateArray().Select(e => e.GetString()!).ToList(),
            json.RootElement.GetProperty("toAst").EnumerateArray().Select(e => e.GetString()!).ToList());
    }
}
