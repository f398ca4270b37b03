using System.Text;
using System.Text.Json;
using SefData.GraphQL.Language;
using SefData.GraphQL.Tests.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Tests.Types;

/// <summary>
/// TypeInfo driven by the language SyntaxWalker reports, at every node, the same state as graphql-js TypeInfo under
/// visitWithTypeInfo (tests/js/oracle-typeinfo.mjs, run once per test run).
/// </summary>
public class TypeInfoDifferentialTests
{
    private const string Sdl = """
        schema { query: Query mutation: Mutation }
        directive @tag(name: String = "t", list: [Int!]) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT | QUERY
        type Query {
          school(id: ID!, by: SchoolBy): School
          search(text: String = "x", filter: Filter = {colours: [RED], limit: 5}): [SearchResult!]!
          node(id: ID): Node
        }
        type Mutation { rename(input: RenameInput!): School }
        interface Node { id: ID! }
        type School implements Node { id: ID! name(lang: Lang = EN): String colour: Colour friends(first: Int = 10): [School] }
        type Authority implements Node { id: ID! schools: [School!]! }
        union SearchResult = School | Authority
        enum Colour { RED GREEN }
        enum Lang { EN CY }
        input Filter { colours: [Colour!] = [GREEN], limit: Int = 50, nested: Filter, by: SchoolBy }
        input SchoolBy @oneOf { id: ID, name: String }
        input RenameInput { id: ID!, name: String! = "n" }
        """;

    private static readonly string[] Documents =
    [
        "query Q($id: ID! = \"1\", $f: Filter = {limit: 1}) @tag { school(id: $id) { id name(lang: CY) colour friends { ...F } } search(filter: $f) { __typename } }\nfragment F on School { id ... on Node { id } }",
        "{ search(text: \"a\", filter: {colours: [RED, GREEN, BLUE], limit: 2, nested: {by: {id: 3}}, unknown: 1}) { ... on School { name @tag(name: \"x\", list: [1, 2]) } ... on Authority { schools { id } } ... { __typename } } }",
        "{ node(id: 4) { id ... on School { colour } ...A } unknownField { a } school(id: 1) { missing(arg: ENUM) } }\nfragment A on Authority { schools { name } }",
        "mutation { rename(input: {id: 1, name: \"x\"}) { id } }",
        "{ __schema { types { name fields(includeDeprecated: true) { name } } } __type(name: \"School\") { name } }",
        "subscription { nothing }",
        "{ school(id: 1, by: {name: \"n\"}) { ... on Unknown { x } friends(first: 2) @skip(if: true) { id } } }",
    ];

    private sealed class Logger(TypeInfo typeInfo) : SyntaxWalker
    {
        public List<string> Lines { get; } = [];

        private static string Name(object? x) => x?.ToString() ?? "-";

        protected override VisitAction Enter(SyntaxNode node)
        {
            typeInfo.Enter(node);
            Lines.Add(string.Join(" ",
                node.Kind.ToString(),
                "parent=" + Name(typeInfo.ParentType),
                "type=" + Name(typeInfo.Type),
                "input=" + Name(typeInfo.InputType),
                "parentInput=" + Name(typeInfo.ParentInputType),
                "field=" + Name(typeInfo.FieldDefinition?.Name),
                "default=" + (typeInfo.HasDefaultValue ? Inspector.Inspect(typeInfo.DefaultValue) : "-"),
                "directive=" + Name(typeInfo.Directive?.Name),
                "arg=" + Name(typeInfo.Argument?.Name),
                "enum=" + Name(typeInfo.EnumValue?.Name)));
            return VisitAction.Continue;
        }

        protected override VisitAction Leave(SyntaxNode node)
        {
            typeInfo.Leave(node);
            return VisitAction.Continue;
        }
    }

    private static readonly Lazy<IReadOnlyList<IReadOnlyList<string>>> Oracle = new(RunOracle);

    public static TheoryData<int> Indexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Documents.Length; i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Matches_graphql_js(int index)
    {
        var schema = SchemaBuilder.FromSdl(Sdl).Build();
        var logger = new Logger(new TypeInfo(schema));
        logger.Walk(Parser.Parse(Documents[index]));
        Assert.Equal(Oracle.Value[index], logger.Lines);
    }

    private static IReadOnlyList<IReadOnlyList<string>> RunOracle()
    {
        var stdout = NodeOracle.Run("oracle-typeinfo.mjs", JsonSerializer.Serialize(new { schema = Sdl, documents = Documents }));
        return JsonSerializer.Deserialize<List<List<string>>>(stdout)!;
    }
}
