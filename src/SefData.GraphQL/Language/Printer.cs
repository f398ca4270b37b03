using System.Runtime.CompilerServices;
using System.Text;

namespace SefData.GraphQL.Language;

/// <summary>
/// Prints an AST back to GraphQL text, byte-identical to graphql-js 16.11 <c>print()</c>: two-space indentation,
/// field arguments wrapped one per line when the one-line form passes 80 columns, descriptions on their own line,
/// block strings printed with printBlockString.
/// </summary>
/// <remarks>
/// Like graphql-js, each node is printed bottom-up into a string and parents combine their children's strings;
/// indentation is applied to a child's whole text, block-string lines included, which is what graphql-js does.
/// </remarks>
public static class Printer
{
    private const int MaxLineLength = 80;

    public static string Print(SyntaxNode node)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return PrintNode(node);
    }

    private static string PrintNode(SyntaxNode node) => node switch
    {
        NameNode n => n.Value,
        VariableNode n => "$" + n.Name.Value,
        DocumentNode n => Join(PrintAll(n.Definitions), "\n\n"),
        OperationDefinitionNode n => PrintOperation(n),
        VariableDefinitionNode n => Print(n.Variable) + ": " + Print(n.Type) + Wrap(" = ", PrintOptional(n.DefaultValue))
            + Wrap(" ", Join(PrintAll(n.Directives), " ")),
        SelectionSetNode n => Block(PrintAll(n.Selections)),
        FieldNode n => PrintField(n),
        ArgumentNode n => n.Name.Value + ": " + Print(n.Value),
        FragmentSpreadNode n => "..." + n.Name.Value + Wrap(" ", Join(PrintAll(n.Directives), " ")),
        InlineFragmentNode n => Join(
            ["...", Wrap("on ", PrintOptional(n.TypeCondition)), Join(PrintAll(n.Directives), " "), Print(n.SelectionSet)], " "),
        FragmentDefinitionNode n => "fragment " + n.Name.Value + " on " + Print(n.TypeCondition) + " "
            + Wrap("", Join(PrintAll(n.Directives), " "), " ") + Print(n.SelectionSet),

        IntValueNode n => n.Value,
        FloatValueNode n => n.Value,
        StringValueNode n => n.Block ? BlockString.Print(n.Value) : PrintString(n.Value),
        BooleanValueNode n => n.Value ? "true" : "false",
        NullValueNode => "null",
        EnumValueNode n => n.Value,
        ListValueNode n => "[" + Join(PrintAll(n.Values), ", ") + "]",
        ObjectValueNode n => "{" + Join(PrintAll(n.Fields), ", ") + "}",
        ObjectFieldNode n => n.Name.Value + ": " + Print(n.Value),

        DirectiveNode n => "@" + n.Name.Value + Wrap("(", Join(PrintAll(n.Arguments), ", "), ")"),

        NamedTypeNode n => n.Name.Value,
        ListTypeNode n => "[" + Print(n.Type) + "]",
        NonNullTypeNode n => Print(n.Type) + "!",

        SchemaDefinitionNode n => Description(n.Description)
            + Join(["schema", Join(PrintAll(n.Directives), " "), Block(PrintAll(n.OperationTypes))], " "),
        OperationTypeDefinitionNode n => OperationName(n.Operation) + ": " + Print(n.Type),
        ScalarTypeDefinitionNode n => Description(n.Description)
            + Join(["scalar", n.Name.Value, Join(PrintAll(n.Directives), " ")], " "),
        ObjectTypeDefinitionNode n => Description(n.Description)
            + Join(["type", n.Name.Value, Wrap("implements ", Join(PrintAll(n.Interfaces), " & ")),
                Join(PrintAll(n.Directives), " "), Block(PrintAll(n.Fields))], " "),
        FieldDefinitionNode n => Description(n.Description) + n.Name.Value + PrintArgumentDefinitions(n.Arguments)
            + ": " + Print(n.Type) + Wrap(" ", Join(PrintAll(n.Directives), " ")),
        InputValueDefinitionNode n => Description(n.Description)
            + Join([n.Name.Value + ": " + Print(n.Type), Wrap("= ", PrintOptional(n.DefaultValue)),
                Join(PrintAll(n.Directives), " ")], " "),
        InterfaceTypeDefinitionNode n => Description(n.Description)
            + Join(["interface", n.Name.Value, Wrap("implements ", Join(PrintAll(n.Interfaces), " & ")),
                Join(PrintAll(n.Directives), " "), Block(PrintAll(n.Fields))], " "),
        UnionTypeDefinitionNode n => Description(n.Description)
            + Join(["union", n.Name.Value, Join(PrintAll(n.Directives), " "), Wrap("= ", Join(PrintAll(n.Types), " | "))], " "),
        EnumTypeDefinitionNode n => Description(n.Description)
            + Join(["enum", n.Name.Value, Join(PrintAll(n.Directives), " "), Block(PrintAll(n.Values))], " "),
        EnumValueDefinitionNode n => Description(n.Description)
            + Join([n.Name.Value, Join(PrintAll(n.Directives), " ")], " "),
        InputObjectTypeDefinitionNode n => Description(n.Description)
            + Join(["input", n.Name.Value, Join(PrintAll(n.Directives), " "), Block(PrintAll(n.Fields))], " "),
        DirectiveDefinitionNode n => Description(n.Description) + "directive @" + n.Name.Value
            + PrintArgumentDefinitions(n.Arguments) + (n.Repeatable ? " repeatable" : "") + " on "
            + Join(PrintAll(n.Locations), " | "),

        SchemaExtensionNode n => Join(["extend schema", Join(PrintAll(n.Directives), " "), Block(PrintAll(n.OperationTypes))], " "),
        ScalarTypeExtensionNode n => Join(["extend scalar", n.Name.Value, Join(PrintAll(n.Directives), " ")], " "),
        ObjectTypeExtensionNode n => Join(["extend type", n.Name.Value, Wrap("implements ", Join(PrintAll(n.Interfaces), " & ")),
            Join(PrintAll(n.Directives), " "), Block(PrintAll(n.Fields))], " "),
        InterfaceTypeExtensionNode n => Join(["extend interface", n.Name.Value,
            Wrap("implements ", Join(PrintAll(n.Interfaces), " & ")), Join(PrintAll(n.Directives), " "), Block(PrintAll(n.Fields))], " "),
        UnionTypeExtensionNode n => Join(["extend union", n.Name.Value, Join(PrintAll(n.Directives), " "),
            Wrap("= ", Join(PrintAll(n.Types), " | "))], " "),
        EnumTypeExtensionNode n => Join(["extend enum", n.Name.Value, Join(PrintAll(n.Directives), " "), Block(PrintAll(n.Values))], " "),
        InputObjectTypeExtensionNode n => Join(["extend input", n.Name.Value, Join(PrintAll(n.Directives), " "),
            Block(PrintAll(n.Fields))], " "),

        _ => throw new ArgumentException("Cannot print node of kind " + node.Kind, nameof(node)),
    };

    /// <summary>graphql-js printString: a JSON-like double-quoted string literal.</summary>
    public static string PrintString(string value)
    {
        var firstEscape = -1;
        for (var i = 0; i < value.Length; i++)
        {
            if (NeedsEscape(value[i]))
            {
                firstEscape = i;
                break;
            }
        }
        if (firstEscape < 0) return string.Concat("\"", value, "\"");

        var builder = new StringBuilder(value.Length + 8);
        builder.Append('"').Append(value, 0, firstEscape);
        for (var i = firstEscape; i < value.Length; i++)
        {
            var c = value[i];
            if (!NeedsEscape(c))
            {
                builder.Append(c);
                continue;
            }
            switch (c)
            {
                case '\b': builder.Append("\\b"); break;
                case '\t': builder.Append("\\t"); break;
                case '\n': builder.Append("\\n"); break;
                case '\f': builder.Append("\\f"); break;
                case '\r': builder.Append("\\r"); break;
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                default: builder.Append("\\u").Append(((int)c).ToString("X4")); break;
            }
        }
        return builder.Append('"').ToString();
    }

    // [\x00-\x1f\x22\x5c\x7f-\x9f]
    private static bool NeedsEscape(char c) => c < 0x20 || c == '"' || c == '\\' || (c >= 0x7F && c <= 0x9F);

    public static string OperationName(OperationType operation) => operation switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        _ => "subscription",
    };

    private static string PrintOperation(OperationDefinitionNode node)
    {
        var varDefs = Wrap("(", Join(PrintAll(node.VariableDefinitions), ", "), ")");
        var prefix = Join([OperationName(node.Operation), (node.Name?.Value ?? "") + varDefs, Join(PrintAll(node.Directives), " ")], " ");
        // Anonymous queries with no directives or variable definitions use the shorthand form.
        return (prefix == "query" ? "" : prefix + " ") + Print(node.SelectionSet);
    }

    private static string PrintField(FieldNode node)
    {
        var prefix = node.Alias is null ? node.Name.Value : node.Alias.Value + ": " + node.Name.Value;
        var args = PrintAll(node.Arguments);
        var argsLine = prefix + Wrap("(", Join(args, ", "), ")");
        if (argsLine.Length > MaxLineLength) argsLine = prefix + Wrap("(\n", Indent(Join(args, "\n")), "\n)");
        return Join([argsLine, Join(PrintAll(node.Directives), " "), PrintOptional(node.SelectionSet)], " ");
    }

    private static string PrintArgumentDefinitions(IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        var args = PrintAll(arguments);
        return HasMultilineItems(args)
            ? Wrap("(\n", Indent(Join(args, "\n")), "\n)")
            : Wrap("(", Join(args, ", "), ")");
    }

    private static string Description(StringValueNode? description) => Wrap("", PrintOptional(description), "\n");

    private static string? PrintOptional(SyntaxNode? node) => node is null ? null : Print(node);

    private static string[] PrintAll<T>(IReadOnlyList<T> nodes) where T : SyntaxNode
    {
        if (nodes.Count == 0) return [];
        var printed = new string[nodes.Count];
        for (var i = 0; i < printed.Length; i++) printed[i] = Print(nodes[i]);
        return printed;
    }

    /// <summary>Joins the non-empty strings (graphql-js join drops falsy items).</summary>
    private static string Join(ReadOnlySpan<string?> items, string separator)
    {
        var builder = new StringBuilder();
        var first = true;
        foreach (var item in items)
        {
            if (string.IsNullOrEmpty(item)) continue;
            if (!first) builder.Append(separator);
            builder.Append(item);
            first = false;
        }
        return builder.ToString();
    }

    private static string Join(string[] items, string separator) => Join(new ReadOnlySpan<string?>(items), separator);

    private static string Block(string[] items) => Wrap("{\n", Indent(Join(items, "\n")), "\n}");

    private static string Wrap(string start, string? value, string end = "") =>
        string.IsNullOrEmpty(value) ? "" : string.Concat(start, value, end);

    private static string Indent(string text) => Wrap("  ", text.Replace("\n", "\n  ", StringComparison.Ordinal));

    private static bool HasMultilineItems(string[] items)
    {
        foreach (var item in items)
        {
            if (item.Contains('\n')) return true;
        }
        return false;
    }
}
