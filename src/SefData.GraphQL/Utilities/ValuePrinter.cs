using SefData.GraphQL.Language;

namespace SefData.GraphQL.Utilities;

/// <summary>Shorthands over the language printer for the literals that messages and the schema printer need.</summary>
public static class ValuePrinter
{
    public static string Print(ValueNode node) => Printer.Print(node);

    public static string Print(TypeNode node) => Printer.Print(node);

    /// <summary>A quoted string literal with escapes (graphql-js printString).</summary>
    public static string PrintString(string value) => Printer.PrintString(value);

    /// <summary>A block string literal (graphql-js printBlockString).</summary>
    public static string PrintBlockString(string value) => BlockString.Print(value);
}
