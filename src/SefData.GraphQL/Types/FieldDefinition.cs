using SefData.GraphQL.Language;

namespace SefData.GraphQL.Types;

/// <summary>A field of an object or interface type.</summary>
public sealed class FieldDefinition
{
    public FieldDefinition(string name, GraphQLType type, IEnumerable<ArgumentDefinition>? arguments = null)
    {
        NameValidation.AssertName(name);
        ArgumentNullException.ThrowIfNull(type);
        Name = name;
        Type = type;
        Arguments = arguments is null ? [] : [.. arguments];
    }

    public string Name { get; }
    public GraphQLType Type { get; }
    public IReadOnlyList<ArgumentDefinition> Arguments { get; }
    public string? Description { get; init; }
    /// <summary>Non-null when deprecated (graphql-js <c>deprecationReason</c>).</summary>
    public string? DeprecationReason { get; init; }
    public bool IsDeprecated => DeprecationReason is not null;
    /// <summary>Null means the executor uses <see cref="DefaultResolvers.ResolveField"/>.</summary>
    public FieldResolver? Resolver { get; init; }
    /// <summary>For subscription root fields: returns the event stream (an <c>IAsyncEnumerable&lt;object?&gt;</c>).</summary>
    public FieldResolver? Subscribe { get; init; }
    /// <summary>Static cost weight of this field for the cost limit; null means the analyzer's default.</summary>
    public int? Cost { get; init; }
    /// <summary>Free-form annotations (authorization policies, list-size hints, ...).</summary>
    public IReadOnlyDictionary<string, object?> Metadata { get; init; } = EmptyMetadata.Instance;
    public FieldDefinitionNode? AstNode { get; init; }

    public ArgumentDefinition? GetArgument(string name)
    {
        foreach (var arg in Arguments)
        {
            if (arg.Name == name) return arg;
        }
        return null;
    }

    public override string ToString() => Name;
}

/// <summary>Common shape of arguments and input fields (both are __InputValue in introspection).</summary>
public abstract class InputValueDefinition
{
    private readonly object? _defaultValue;

    private protected InputValueDefinition(string name, GraphQLType type)
    {
        NameValidation.AssertName(name);
        ArgumentNullException.ThrowIfNull(type);
        Name = name;
        Type = type;
    }

    public string Name { get; }
    public GraphQLType Type { get; }
    public string? Description { get; init; }

    /// <summary>Internal (coerced) default value; setting it, even to null, sets <see cref="HasDefaultValue"/>.</summary>
    public object? DefaultValue
    {
        get => _defaultValue;
        init
        {
            _defaultValue = value;
            HasDefaultValue = true;
        }
    }

    /// <summary>Distinguishes "no default" from "default null" (graphql-js undefined vs null).</summary>
    public bool HasDefaultValue { get; internal init; }
    public string? DeprecationReason { get; init; }
    public bool IsDeprecated => DeprecationReason is not null;
    public IReadOnlyDictionary<string, object?> Metadata { get; init; } = EmptyMetadata.Instance;
    public InputValueDefinitionNode? AstNode { get; init; }

    /// <summary>graphql-js isRequiredArgument / isRequiredInputField.</summary>
    public bool IsRequired => Type is NonNullType && !HasDefaultValue;

    public override string ToString() => Name;
}

public sealed class ArgumentDefinition : InputValueDefinition
{
    public ArgumentDefinition(string name, GraphQLType type) : base(name, type) { }
}

public sealed class InputFieldDefinition : InputValueDefinition
{
    public InputFieldDefinition(string name, GraphQLType type) : base(name, type) { }
}

/// <summary>Looks definitions up by name while keeping declaration order (which printing and introspection use).</summary>
internal static class DefinitionMap
{
    public static (T[] List, Dictionary<string, T> ByName) Build<T>(IEnumerable<T> items, Func<T, string> nameOf)
    {
        var list = new List<T>();
        var byName = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var name = nameOf(item);
            if (byName.TryGetValue(name, out var existing))
            {
                // Like a JS object literal: a later definition replaces the earlier one in place.
                list[list.IndexOf(existing)] = item;
            }
            else
            {
                list.Add(item);
            }
            byName[name] = item;
        }
        return (list.ToArray(), byName);
    }
}

/// <summary>
/// SDL can declare <c>implements SomeUnion</c> or <c>union U = SomeInput</c>. The typed Interfaces/Types lists cannot
/// hold such types, so when a declaration contains any, its full resolved list (in order) is recorded here and the
/// validator reports them in graphql-js order.
/// </summary>
internal static class DeclaredTypeReferences
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<NamedType, IReadOnlyList<NamedType>> Table = new();

    public static void Set(NamedType owner, IReadOnlyList<NamedType> declared) => Table.AddOrUpdate(owner, declared);

    public static IReadOnlyList<NamedType>? Get(NamedType owner) => Table.TryGetValue(owner, out var list) ? list : null;
}
