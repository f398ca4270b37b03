using System.Reflection;
using SefData.GraphQL.Language;

namespace SefData.GraphQL.Types;

/// <summary>
/// A type reference in a builder, resolved when the schema is built so types can refer to each other by name:
/// SDL text (<c>"[School!]!"</c>), a parsed <see cref="TypeNode"/>, an existing <see cref="GraphQLType"/>, or a CLR type
/// (mapped through the builder's registrations).
/// </summary>
public sealed class TypeReference
{
    private TypeReference() { }

    internal TypeNode? Node { get; private init; }
    internal GraphQLType? Type { get; private init; }
    internal Type? ClrType { get; private init; }
    internal NullabilityInfo? Nullability { get; private init; }

    public static TypeReference FromSdl(string typeText) => new() { Node = TypeRefParser.Parse(typeText) };
    public static TypeReference FromNode(TypeNode node) => new() { Node = node };
    public static TypeReference FromType(GraphQLType type) => new() { Type = type };
    public static TypeReference FromClr(Type clrType, NullabilityInfo? nullability = null) => new() { ClrType = clrType, Nullability = nullability };

    public static implicit operator TypeReference(string typeText) => FromSdl(typeText);
    public static implicit operator TypeReference(GraphQLType type) => FromType(type);

    public override string ToString() => Node is not null ? Utilities.ValuePrinter.Print(Node) : Type?.ToString() ?? ClrType?.Name ?? "?";
}

/// <summary>Parses a type reference like <c>[Int!]!</c> (names, brackets and bangs only).</summary>
internal static class TypeRefParser
{
    public static TypeNode Parse(string text)
    {
        var pos = 0;
        var node = ParseType(text, ref pos);
        SkipWs(text, ref pos);
        if (pos != text.Length) throw Error(text);
        return node;
    }

    private static TypeNode ParseType(string text, ref int pos)
    {
        SkipWs(text, ref pos);
        TypeNode node;
        if (pos < text.Length && text[pos] == '[')
        {
            pos++;
            var inner = ParseType(text, ref pos);
            SkipWs(text, ref pos);
            if (pos >= text.Length || text[pos] != ']') throw Error(text);
            pos++;
            node = new ListTypeNode { Type = inner };
        }
        else
        {
            var start = pos;
            while (pos < text.Length && NameValidation.IsNameContinue(text[pos])) pos++;
            if (pos == start || !NameValidation.IsNameStart(text[start])) throw Error(text);
            node = new NamedTypeNode { Name = new NameNode(text[start..pos]) };
        }
        SkipWs(text, ref pos);
        if (pos < text.Length && text[pos] == '!')
        {
            pos++;
            node = new NonNullTypeNode { Type = node };
        }
        return node;
    }

    private static void SkipWs(string text, ref int pos)
    {
        while (pos < text.Length && text[pos] is ' ' or '\t') pos++;
    }

    private static ArgumentException Error(string text) => new($"Invalid type reference \"{text}\".", nameof(text));
}
