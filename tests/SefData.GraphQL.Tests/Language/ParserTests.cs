using SefData.GraphQL.Language;

namespace SefData.GraphQL.Tests.Language;

public class ParserTests
{
    private static GraphQLError ParseError(string body, ParseOptions? options = null) =>
        Assert.Throws<GraphQLError>(() => Parser.Parse(body, options));

    [Fact]
    public void Builds_the_tree_of_a_query()
    {
        var document = Parser.Parse("query Q($id: ID! = 4) @live { user: node(id: $id) { ...F ... on User { name } } }");
        var operation = Assert.IsType<OperationDefinitionNode>(Assert.Single(document.Definitions));
        Assert.Equal(OperationType.Query, operation.Operation);
        Assert.Equal("Q", operation.Name?.Value);
        var variable = Assert.Single(operation.VariableDefinitions);
        Assert.Equal("id", variable.Variable.Name.Value);
        var nonNull = Assert.IsType<NonNullTypeNode>(variable.Type);
        Assert.Equal("ID", Assert.IsType<NamedTypeNode>(nonNull.Type).Name.Value);
        Assert.Equal("4", Assert.IsType<IntValueNode>(variable.DefaultValue).Value);
        Assert.Equal("live", Assert.Single(operation.Directives).Name.Value);

        var field = Assert.IsType<FieldNode>(Assert.Single(operation.SelectionSet.Selections));
        Assert.Equal("user", field.ResponseKey);
        Assert.Equal("node", field.Name.Value);
        var argument = Assert.Single(field.Arguments);
        Assert.Equal("id", Assert.IsType<VariableNode>(argument.Value).Name.Value);
        Assert.Equal(2, field.SelectionSet!.Selections.Count);
        Assert.Equal("F", Assert.IsType<FragmentSpreadNode>(field.SelectionSet.Selections[0]).Name.Value);
        var inline = Assert.IsType<InlineFragmentNode>(field.SelectionSet.Selections[1]);
        Assert.Equal("User", inline.TypeCondition?.Name.Value);
    }

    [Fact]
    public void Builds_type_system_nodes()
    {
        var document = Parser.Parse("""
            "Described" type T implements A & B @d { "f" f(a: Int = 1): [T!] }
            directive @rep(x: Int) repeatable on FIELD | OBJECT
            extend union U = X
            """);
        var type = Assert.IsType<ObjectTypeDefinitionNode>(document.Definitions[0]);
        Assert.Equal("Described", type.Description?.Value);
        Assert.False(type.Description!.Block);
        Assert.Equal(["A", "B"], type.Interfaces.Select(i => i.Name.Value));
        var field = Assert.Single(type.Fields);
        Assert.Equal("f", field.Description?.Value);
        Assert.IsType<ListTypeNode>(field.Type);
        var directive = Assert.IsType<DirectiveDefinitionNode>(document.Definitions[1]);
        Assert.True(directive.Repeatable);
        Assert.Equal(["FIELD", "OBJECT"], directive.Locations.Select(l => l.Value));
        var extension = Assert.IsType<UnionTypeExtensionNode>(document.Definitions[2]);
        Assert.True(extension.IsExtension);
        Assert.Equal("X", Assert.Single(extension.Types).Name.Value);
    }

    [Fact]
    public void Counts_tokens_and_enforces_max_tokens()
    {
        // { a b } is 4 tokens; comments and <EOF> do not count.
        Assert.Equal(4, Parser.Parse("{ a # comment\n b }").TokenCount);
        Assert.Equal(4, Parser.Parse("{ a b }", new ParseOptions { MaxTokens = 4 }).TokenCount);

        var error = ParseError("{ a b }", new ParseOptions { MaxTokens = 3 });
        // graphql-js 16.11 spells it "more that".
        Assert.Equal("Syntax Error: Document contains more that 3 tokens. Parsing aborted.", error.Message);
        Assert.Equal([new SourceLocation(1, 7)], error.Locations);
    }

    // Expectations taken from graphql-js 16.11 parse(document, {maxTokens}).
    [Theory]
    [InlineData("{ a b }", 3, 1, 7)]
    [InlineData("# c\n{ a }", 2, 2, 5)]
    [InlineData("\"d\" type T", 1, 1, 5)]
    public void Max_tokens_error_is_placed_like_graphql_js(string body, int maxTokens, int line, int column)
    {
        var error = ParseError(body, new ParseOptions { MaxTokens = maxTokens });
        Assert.Equal($"Syntax Error: Document contains more that {maxTokens} tokens. Parsing aborted.", error.Message);
        Assert.Equal([new SourceLocation(line, column)], error.Locations);
    }

    [Fact]
    public void No_location_leaves_locations_unset()
    {
        var document = Parser.Parse("{ a(b: [1]) }", new ParseOptions { NoLocation = true });
        Assert.Null(document.Location);
        var field = (FieldNode)((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections[0];
        Assert.Null(field.Location);
        Assert.Null(field.Arguments[0].Value.Location);
    }

    [Fact]
    public void Records_node_locations()
    {
        var source = new Source("{\n  field(arg: \"x\")\n}");
        var document = Parser.Parse(source);
        var field = (FieldNode)((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections[0];
        Assert.Equal(new Location(4, 19, source), field.Location);
        Assert.Equal(new SourceLocation(2, 3), field.Location!.Value.StartLocation);
        Assert.Equal(new Location(0, source.Body.Length, source), document.Location);
    }

    [Fact]
    public void Parses_values_and_types_on_their_own()
    {
        var list = Assert.IsType<ListValueNode>(Parser.ParseValue("[1, $v, {a: \"s\"}]"));
        Assert.Equal(3, list.Values.Count);
        Assert.IsType<VariableNode>(list.Values[1]);

        var constant = Assert.IsType<ObjectValueNode>(Parser.ParseConstValue("{a: [ENUM, null, 1.5]}"));
        Assert.Equal("a", Assert.Single(constant.Fields).Name.Value);
        var constError = Assert.Throws<GraphQLError>(() => Parser.ParseConstValue("[$v]"));
        Assert.Equal("Syntax Error: Unexpected variable \"$v\" in constant value.", constError.Message);

        var type = Assert.IsType<NonNullTypeNode>(Parser.ParseType("[String!]!"));
        var listType = Assert.IsType<ListTypeNode>(type.Type);
        Assert.IsType<NonNullTypeNode>(listType.Type);

        var trailing = Assert.Throws<GraphQLError>(() => Parser.ParseValue("1 2"));
        Assert.Equal("Syntax Error: Expected <EOF>, found Int \"2\".", trailing.Message);
        var badType = Assert.Throws<GraphQLError>(() => Parser.ParseType("[String"));
        Assert.Equal("Syntax Error: Expected \"]\", found <EOF>.", badType.Message);
    }

    [Theory]
    [InlineData("", "Syntax Error: Unexpected <EOF>.", 1, 1)]
    [InlineData("{", "Syntax Error: Expected Name, found <EOF>.", 1, 2)]
    [InlineData("{ a }}", "Syntax Error: Unexpected \"}\".", 1, 6)]
    [InlineData("query Q($a: Int = $b) { a }", "Syntax Error: Unexpected variable \"$b\" in constant value.", 1, 19)]
    [InlineData("fragment on on T { a }", "Syntax Error: Unexpected Name \"on\".", 1, 10)]
    [InlineData("\"d\" query { a }", "Syntax Error: Unexpected description, descriptions are supported only on type definitions.", 1, 1)]
    [InlineData("extend type T", "Syntax Error: Unexpected <EOF>.", 1, 14)]
    [InlineData("extend schema", "Syntax Error: Unexpected <EOF>.", 1, 14)]
    [InlineData("enum E { null }", "Syntax Error: Name \"null\" is reserved and cannot be used for an enum value.", 1, 10)]
    [InlineData("directive @d on NOPE", "Syntax Error: Unexpected Name \"NOPE\".", 1, 17)]
    [InlineData("{ f(a: 1) }\n\n{ g(b: ) }", "Syntax Error: Unexpected \")\".", 3, 8)]
    public void Reports_syntax_errors_as_graphql_js_does(string body, string message, int line, int column)
    {
        var error = ParseError(body);
        Assert.Equal(message, error.Message);
        Assert.Equal([new SourceLocation(line, column)], error.Locations);
        Assert.Equal([new SourceLocation(line, column)], error.Locations);
        Assert.NotNull(error.SourceDocument);
    }

    [Fact]
    public void Deep_nesting_fails_as_a_syntax_error_not_a_crash()
    {
        var depth = 200_000;
        var body = "{ f(a: " + new string('[', depth) + new string(']', depth) + ") }";
        var error = ParseError(body);
        Assert.Equal("Syntax Error: Document is nested too deeply.", error.Message);
    }

    [Fact]
    public void Interns_repeated_names()
    {
        var a = Parser.Parse("{ someRepeatedName }");
        var b = Parser.Parse("{ someRepeatedName }");
        var nameA = ((FieldNode)((OperationDefinitionNode)a.Definitions[0]).SelectionSet.Selections[0]).Name.Value;
        var nameB = ((FieldNode)((OperationDefinitionNode)b.Definitions[0]).SelectionSet.Selections[0]).Name.Value;
        Assert.Equal("someRepeatedName", nameB);
        Assert.Same(nameA, nameB);
    }

    [Fact]
    public void Errors_from_nodes_take_their_locations()
    {
        var document = Parser.Parse("{\n  a\n  b\n}");
        var selections = ((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections;
        var error = new GraphQLError("Conflict", [selections[0], selections[1]]);
        Assert.Equal([new SourceLocation(2, 3), new SourceLocation(3, 3)], error.Locations);
    }
}
