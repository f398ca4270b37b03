using SefData.GraphQL.Language;

namespace SefData.GraphQL.Tests.Language;

public class PrinterTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("quote \" backslash \\", "\"quote \\\" backslash \\\\\"")]
    [InlineData("\b\t\n\f\r", "\"\\b\\t\\n\\f\\r\"")]
    [InlineData("\u0000\u0001\u001f", "\"\\u0000\\u0001\\u001F\"")]
    [InlineData("\u007f\u0080\u009f\u00a0", "\"\\u007F\\u0080\\u009F\u00a0\"")]
    [InlineData("/ not escaped, é neither", "\"/ not escaped, é neither\"")]
    public void PrintString_escapes_like_graphql_js(string value, string printed) =>
        Assert.Equal(printed, Printer.PrintString(value));

    [Theory]
    [InlineData("", "\"\"\"\"\"\"")]
    [InlineData("simple", "\"\"\"simple\"\"\"")]
    [InlineData("two\nlines", "\"\"\"\ntwo\nlines\n\"\"\"")]
    [InlineData("  leading space", "\"\"\"  leading space\"\"\"")]
    [InlineData("trailing quote\"", "\"\"\"\ntrailing quote\"\n\"\"\"")]
    [InlineData("trailing slash\\", "\"\"\"\ntrailing slash\\\n\"\"\"")]
    [InlineData("has \"\"\" inside", "\"\"\"has \\\"\"\" inside\"\"\"")]
    [InlineData("first\n  indented", "\"\"\"\nfirst\n  indented\n\"\"\"")]
    [InlineData("  both\n  indented", "\"\"\"\n  both\n  indented\n\"\"\"")]
    public void Prints_block_strings_like_graphql_js(string value, string printed) =>
        Assert.Equal(printed, BlockString.Print(value));

    [Fact]
    public void Minimized_block_strings_stay_on_one_line() =>
        Assert.Equal("\"\"\"two\nlines\"\"\"", BlockString.Print("two\nlines", minimize: true));

    [Theory]
    [InlineData("", true)]
    [InlineData("simple", true)]
    [InlineData("\nleading newline", false)]
    [InlineData("trailing newline\n", false)]
    [InlineData("has\r", false)]
    [InlineData("ctrl\u0001", false)]
    [InlineData("  common\n  indent", false)]
    [InlineData("first\n  indented", true)]
    public void Decides_block_string_printability(string value, bool printable) =>
        Assert.Equal(printable, BlockString.IsPrintableAsBlockString(value));

    [Fact]
    public void Prints_hand_built_nodes()
    {
        var field = new FieldNode
        {
            Alias = new NameNode("a"),
            Name = new NameNode("f"),
            Arguments = [new ArgumentNode { Name = new NameNode("x"), Value = new StringValueNode { Value = "v" } }],
        };
        var document = new DocumentNode
        {
            Definitions =
            [
                new OperationDefinitionNode
                {
                    Operation = OperationType.Query,
                    SelectionSet = new SelectionSetNode { Selections = [field] },
                },
            ],
        };
        Assert.Equal("{\n  a: f(x: \"v\")\n}", Printer.Print(document));
    }

    [Fact]
    public void Wraps_field_arguments_past_eighty_columns()
    {
        var printed = Printer.Print(Parser.Parse(
            "{ f(argumentNumberOne: \"value one\", argumentNumberTwo: \"value two\", argumentThree: 3) }"));
        Assert.Equal(
            "{\n  f(\n    argumentNumberOne: \"value one\"\n    argumentNumberTwo: \"value two\"\n    argumentThree: 3\n  )\n}",
            printed);
    }

    [Fact]
    public void Nodes_print_themselves_with_ToString()
    {
        var value = Parser.ParseValue("{a: [1, \"x\"]}");
        Assert.Equal("{a: [1, \"x\"]}", value.ToString());
        Assert.Equal("[Int!]", Parser.ParseType("[ Int ! ]").ToString());
    }
}
