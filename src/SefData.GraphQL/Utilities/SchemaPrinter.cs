using System.Text;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Utilities;

/// <summary>graphql-js printSchema / printIntrospectionSchema / printType, byte for byte.</summary>
public static class SchemaPrinter
{
    /// <summary>The SDL of the schema without built-in scalars, introspection types and specified directives.</summary>
    public static string Print(Schema schema) => PrintFiltered(schema,
        d => !DirectiveDefinition.IsSpecifiedDirective(d),
        t => !ScalarType.IsSpecifiedScalarType(t) && !Introspection.IsIntrospectionType(t));

    /// <summary>Only the specified directives and introspection types.</summary>
    public static string PrintIntrospectionSchema(Schema schema) => PrintFiltered(schema,
        DirectiveDefinition.IsSpecifiedDirective, Introspection.IsIntrospectionType);

    private static string PrintFiltered(Schema schema, Func<DirectiveDefinition, bool> directiveFilter, Func<NamedType, bool> typeFilter)
    {
        var parts = new List<string>();
        if (PrintSchemaDefinition(schema) is { } schemaDef) parts.Add(schemaDef);
        parts.AddRange(schema.Directives.Where(directiveFilter).Select(PrintDirective));
        parts.AddRange(schema.Types.Where(typeFilter).Select(PrintType));
        return string.Join("\n\n", parts.Where(p => p.Length > 0));
    }

    private static string? PrintSchemaDefinition(Schema schema)
    {
        if (schema.Description is null && IsSchemaOfCommonNames(schema)) return null;
        var ops = new List<string>();
        if (RootName(schema, OperationType.Query) is { } q) ops.Add($"  query: {q}");
        if (RootName(schema, OperationType.Mutation) is { } m) ops.Add($"  mutation: {m}");
        if (RootName(schema, OperationType.Subscription) is { } s) ops.Add($"  subscription: {s}");
        return PrintDescription(schema.Description) + "schema {\n" + string.Join("\n", ops) + "\n}";
    }

    // With the conventional root names the schema definition (and its description) can be omitted.
    private static bool IsSchemaOfCommonNames(Schema schema)
        => RootName(schema, OperationType.Query) is null or "Query"
           && RootName(schema, OperationType.Mutation) is null or "Mutation"
           && RootName(schema, OperationType.Subscription) is null or "Subscription";

    // Includes roots of the wrong kind, which graphql-js prints although the schema is invalid.
    private static string? RootName(Schema schema, OperationType operation)
        => schema.GetRootType(operation)?.Name ?? schema.InvalidRootTypes.GetValueOrDefault(operation)?.Name;

    public static string PrintType(NamedType type) => type switch
    {
        ScalarType s => PrintDescription(s.Description) + "scalar " + s.Name + PrintSpecifiedBy(s),
        ObjectType o => PrintDescription(o.Description) + "type " + o.Name + PrintImplements(o) + PrintFields(o),
        InterfaceType i => PrintDescription(i.Description) + "interface " + i.Name + PrintImplements(i) + PrintFields(i),
        UnionType u => PrintDescription(u.Description) + "union " + u.Name + PrintMembers(DeclaredTypeReferences.Get(u) ?? u.Types),
        EnumType e => PrintDescription(e.Description) + "enum " + e.Name + PrintBlock(e.Values.Select((v, i) =>
            PrintDescription(v.Description, "  ", i == 0) + "  " + v.Name + PrintDeprecated(v.DeprecationReason))),
        InputObjectType io => PrintDescription(io.Description) + "input " + io.Name + (io.IsOneOf ? " @oneOf" : "") + PrintBlock(io.Fields.Select((f, i) =>
            PrintDescription(f.Description, "  ", i == 0) + "  " + PrintInputValue(f))),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static string PrintMembers(IReadOnlyList<NamedType> members)
        => members.Count > 0 ? " = " + string.Join(" | ", members.Select(t => t.Name)) : "";

    private static string PrintImplements(ComplexType type)
    {
        var interfaces = DeclaredTypeReferences.Get(type) ?? type.Interfaces;
        return interfaces.Count > 0 ? " implements " + string.Join(" & ", interfaces.Select(i => i.Name)) : "";
    }

    private static string PrintFields(ComplexType type) => PrintBlock(type.Fields.Select((f, i) =>
        PrintDescription(f.Description, "  ", i == 0) + "  " + f.Name + PrintArgs(f.Arguments, "  ") + ": " + f.Type + PrintDeprecated(f.DeprecationReason)));

    private static string PrintBlock(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count != 0 ? " {\n" + string.Join("\n", list) + "\n}" : "";
    }

    private static string PrintArgs(IReadOnlyList<ArgumentDefinition> args, string indentation = "")
    {
        if (args.Count == 0) return "";
        // Without any description, all arguments go on one line.
        if (args.All(a => string.IsNullOrEmpty(a.Description))) return "(" + string.Join(", ", args.Select(PrintInputValue)) + ")";
        var sb = new StringBuilder("(\n");
        for (var i = 0; i < args.Count; i++)
        {
            if (i > 0) sb.Append('\n');
            sb.Append(PrintDescription(args[i].Description, "  " + indentation, i == 0)).Append("  ").Append(indentation).Append(PrintInputValue(args[i]));
        }
        return sb.Append('\n').Append(indentation).Append(')').ToString();
    }

    private static string PrintInputValue(InputValueDefinition value)
    {
        var decl = value.Name + ": " + value.Type;
        if (value.HasDefaultValue && AstFromValue.Convert(value.DefaultValue, value.Type) is { } defaultAst)
            decl += " = " + Printer.Print(defaultAst);
        return decl + PrintDeprecated(value.DeprecationReason);
    }

    private static string PrintDirective(DirectiveDefinition directive)
        => PrintDescription(directive.Description) + "directive @" + directive.Name + PrintArgs(directive.Arguments)
           + (directive.IsRepeatable ? " repeatable" : "") + " on " + string.Join(" | ", directive.Locations.Select(l => l.ToSpecName()));

    private static string PrintDeprecated(string? reason)
    {
        if (reason is null) return "";
        if (reason != DirectiveDefinition.DefaultDeprecationReason) return " @deprecated(reason: " + Printer.PrintString(reason) + ")";
        return " @deprecated";
    }

    private static string PrintSpecifiedBy(ScalarType scalar)
        => scalar.SpecifiedByUrl is null ? "" : " @specifiedBy(url: " + Printer.PrintString(scalar.SpecifiedByUrl) + ")";

    private static string PrintDescription(string? description, string indentation = "", bool firstInBlock = true)
    {
        if (description is null) return "";
        var literal = BlockString.IsPrintableAsBlockString(description) ? BlockString.Print(description) : Printer.PrintString(description);
        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + literal.Replace("\n", "\n" + indentation, StringComparison.Ordinal) + "\n";
    }
}
