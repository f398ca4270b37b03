using SefData.GraphQL.Language;

namespace SefData.GraphQL.Types;

/// <summary>
/// Any GraphQL type: a named type or a wrapper (<see cref="ListType"/>, <see cref="NonNullType"/>).
/// <see cref="ToString"/> prints the type reference as SDL writes it (e.g. <c>[Int!]!</c>).
/// </summary>
public abstract class GraphQLType
{
    private protected GraphQLType() { }

    public abstract override string ToString();
}

/// <summary>The kinds of named types (the __TypeKind enum minus the wrappers).</summary>
public enum TypeKind { Scalar, Object, Interface, Union, Enum, InputObject, List, NonNull }

/// <summary>A type with a name: scalar, object, interface, union, enum or input object.</summary>
public abstract class NamedType : GraphQLType
{
    private protected NamedType(string name)
    {
        NameValidation.AssertName(name);
        Name = name;
    }

    public string Name { get; }
    public string? Description { get; init; }
    public abstract TypeKind Kind { get; }
    /// <summary>The SDL definition this type was built from, if any (used for error locations).</summary>
    public TypeDefinitionNode? AstNode { get; init; }
    public IReadOnlyList<TypeDefinitionNode> ExtensionAstNodes { get; init; } = [];
    /// <summary>Free-form annotations for extensions (authorization, cost defaults, ...).</summary>
    public IReadOnlyDictionary<string, object?> Metadata { get; init; } = EmptyMetadata.Instance;

    public override string ToString() => Name;
}

/// <summary>A list of the inner type. Input or output depending on <see cref="OfType"/>.</summary>
public sealed class ListType : GraphQLType
{
    public ListType(GraphQLType ofType)
    {
        ArgumentNullException.ThrowIfNull(ofType);
        OfType = ofType;
    }

    public GraphQLType OfType { get; }
    public override string ToString() => "[" + OfType + "]";
}

/// <summary>A non-null wrapper; <see cref="OfType"/> is never itself a <see cref="NonNullType"/>.</summary>
public sealed class NonNullType : GraphQLType
{
    public NonNullType(GraphQLType ofType)
    {
        ArgumentNullException.ThrowIfNull(ofType);
        if (ofType is NonNullType)
            throw new ArgumentException($"Expected {ofType} to be a GraphQL nullable type.", nameof(ofType));
        OfType = ofType;
    }

    public GraphQLType OfType { get; }
    public override string ToString() => OfType + "!";
}

/// <summary>Scalars and enums: types whose values are serialized directly.</summary>
public interface ILeafType
{
    string Name { get; }
    /// <summary>Internal (resolver) value to a JSON-compatible result value. Throws <see cref="GraphQLError"/>.</summary>
    object? Serialize(object? value);
    /// <summary>External input value (from variables, already a CLR value) to the internal value. Throws <see cref="GraphQLError"/>.</summary>
    object? ParseValue(object? value);
    /// <summary>Literal in a document to the internal value. Throws <see cref="GraphQLError"/>.</summary>
    object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables = null);
}

/// <summary>Object, interface and union types: types with selection sets.</summary>
public interface ICompositeType
{
    string Name { get; }
}

/// <summary>Interfaces and unions: resolved to an object type at run time.</summary>
public interface IAbstractType : ICompositeType
{
    /// <summary>Picks the concrete object type; null means "use the default type resolver".</summary>
    TypeResolver? ResolveType { get; }
}

internal sealed class EmptyMetadata
{
    public static readonly IReadOnlyDictionary<string, object?> Instance = new Dictionary<string, object?>();
}

internal static class NameValidation
{
    /// <summary>graphql-js assertName: names are validated when a definition is created.</summary>
    public static void AssertName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0) throw new GraphQLError("Expected name to be a non-empty string.");
        for (var i = 1; i < name.Length; i++)
        {
            if (!IsNameContinue(name[i]))
                throw new GraphQLError($"Names must only contain [_a-zA-Z0-9] but \"{name}\" does not.");
        }
        if (!IsNameStart(name[0]))
            throw new GraphQLError($"Names must start with [_a-zA-Z] but \"{name}\" does not.");
    }

    public static void AssertEnumValueName(string name)
    {
        if (name is "true" or "false" or "null") throw new GraphQLError($"Enum values cannot be named: {name}");
        AssertName(name);
    }

    public static bool IsNameStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';
    public static bool IsNameContinue(char c) => IsNameStart(c) || c is >= '0' and <= '9';
}
