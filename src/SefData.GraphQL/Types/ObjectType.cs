namespace SefData.GraphQL.Types;

/// <summary>Object and interface types: named types with fields that may implement interfaces.</summary>
public abstract class ComplexType : NamedType, ICompositeType
{
    private readonly Lazy<(FieldDefinition[] List, Dictionary<string, FieldDefinition> ByName)> _fields;
    private readonly Lazy<InterfaceType[]> _interfaces;

    // Thunks let mutually recursive types reference each other; they run once, on first access.
    private protected ComplexType(string name, Func<IEnumerable<FieldDefinition>> fields, Func<IEnumerable<InterfaceType>>? interfaces)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = new(() => DefinitionMap.Build(fields(), f => f.Name));
        _interfaces = new(() => interfaces is null ? [] : [.. interfaces()]);
    }

    public IReadOnlyList<FieldDefinition> Fields => _fields.Value.List;
    public IReadOnlyList<InterfaceType> Interfaces => _interfaces.Value;

    public FieldDefinition? GetField(string name) => _fields.Value.ByName.GetValueOrDefault(name);

    public bool ImplementsInterface(string interfaceName)
    {
        foreach (var i in Interfaces)
        {
            if (i.Name == interfaceName) return true;
        }
        return false;
    }
}

public sealed class ObjectType : ComplexType
{
    public ObjectType(string name, IEnumerable<FieldDefinition> fields, IEnumerable<InterfaceType>? interfaces = null)
        : base(name, () => fields, interfaces is null ? null : () => interfaces) { }

    public ObjectType(string name, Func<IEnumerable<FieldDefinition>> fields, Func<IEnumerable<InterfaceType>>? interfaces = null)
        : base(name, fields, interfaces) { }

    public override TypeKind Kind => TypeKind.Object;

    /// <summary>
    /// Used by the default type resolver when the value carries no <c>__typename</c>. As in graphql-js, the executor
    /// also checks it on every value completed as this type, so leave it null unless every value passes.
    /// </summary>
    public IsTypeOfResolver? IsTypeOf { get; init; }

    /// <summary>The CLR type behind a code-first type (<c>Object&lt;T&gt;</c>); the default type resolver matches instances of it.</summary>
    public Type? ClrType { get; init; }
}

public sealed class InterfaceType : ComplexType, IAbstractType
{
    public InterfaceType(string name, IEnumerable<FieldDefinition> fields, IEnumerable<InterfaceType>? interfaces = null)
        : base(name, () => fields, interfaces is null ? null : () => interfaces) { }

    public InterfaceType(string name, Func<IEnumerable<FieldDefinition>> fields, Func<IEnumerable<InterfaceType>>? interfaces = null)
        : base(name, fields, interfaces) { }

    public override TypeKind Kind => TypeKind.Interface;
    public TypeResolver? ResolveType { get; init; }
}

public sealed class UnionType : NamedType, IAbstractType
{
    private readonly Lazy<ObjectType[]> _types;

    public UnionType(string name, IEnumerable<ObjectType> types) : this(name, () => types) { }

    public UnionType(string name, Func<IEnumerable<ObjectType>> types) : base(name)
    {
        _types = new(() => [.. types()]);
    }

    public override TypeKind Kind => TypeKind.Union;
    public IReadOnlyList<ObjectType> Types => _types.Value;
    public TypeResolver? ResolveType { get; init; }
}

public sealed class InputObjectType : NamedType
{
    private readonly Lazy<(InputFieldDefinition[] List, Dictionary<string, InputFieldDefinition> ByName)> _fields;

    public InputObjectType(string name, IEnumerable<InputFieldDefinition> fields) : this(name, () => fields) { }

    public InputObjectType(string name, Func<IEnumerable<InputFieldDefinition>> fields) : base(name)
    {
        _fields = new(() => DefinitionMap.Build(fields(), f => f.Name));
    }

    public override TypeKind Kind => TypeKind.InputObject;
    public IReadOnlyList<InputFieldDefinition> Fields => _fields.Value.List;

    /// <summary>A @oneOf input object: exactly one field must be given, and not null.</summary>
    public bool IsOneOf { get; init; }

    public InputFieldDefinition? GetField(string name) => _fields.Value.ByName.GetValueOrDefault(name);
}
