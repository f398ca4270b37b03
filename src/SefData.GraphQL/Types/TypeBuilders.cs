using System.Linq.Expressions;
using System.Reflection;
using SefData.GraphQL.Language;

namespace SefData.GraphQL.Types;

// Fluent builders collect definitions by name; SchemaBuilder.Build turns them into immutable types once every name is known.

/// <summary>Configures one argument or input field.</summary>
public sealed class InputValueBuilder
{
    internal InputValueBuilder(string name, TypeReference type)
    {
        NameValidation.AssertName(name);
        Name = name;
        Type = type;
    }

    internal string Name { get; }
    internal TypeReference Type { get; }
    internal string? DescriptionText { get; private set; }
    internal bool HasDefault { get; private set; }
    internal object? DefaultValueInternal { get; private set; }
    internal ValueNode? DefaultLiteral { get; private set; }
    internal string? DeprecationReason { get; private set; }
    internal Dictionary<string, object?>? MetadataValues { get; private set; }
    internal InputValueDefinitionNode? AstNode { get; init; }

    public InputValueBuilder Description(string? description) { DescriptionText = description; return this; }

    /// <summary>The default as an internal value (what a resolver would receive), e.g. 50 or <c>Colour.Red</c>.</summary>
    public InputValueBuilder Default(object? value)
    {
        HasDefault = true;
        DefaultValueInternal = value;
        DefaultLiteral = null;
        return this;
    }

    /// <summary>The default as a GraphQL literal, coerced against the type when the schema is built.</summary>
    public InputValueBuilder DefaultLiteralValue(ValueNode literal)
    {
        HasDefault = true;
        DefaultLiteral = literal;
        DefaultValueInternal = null;
        return this;
    }

    public InputValueBuilder Deprecated(string reason = DirectiveDefinition.DefaultDeprecationReason) { DeprecationReason = reason; return this; }

    public InputValueBuilder Metadata(string key, object? value) { (MetadataValues ??= [])[key] = value; return this; }
}

/// <summary>Configures one output field.</summary>
public sealed class FieldBuilder
{
    internal FieldBuilder(string name, TypeReference type)
    {
        NameValidation.AssertName(name);
        Name = name;
        Type = type;
    }

    internal string Name { get; }
    internal TypeReference Type { get; set; }
    internal string? DescriptionText { get; private set; }
    internal string? DeprecationReason { get; private set; }
    internal List<InputValueBuilder> Arguments { get; } = [];
    internal FieldResolver? ResolverValue { get; private set; }
    internal FieldResolver? SubscribeValue { get; private set; }
    internal int? CostValue { get; private set; }
    internal Dictionary<string, object?>? MetadataValues { get; private set; }
    internal FieldDefinitionNode? AstNode { get; init; }

    public FieldBuilder Description(string? description) { DescriptionText = description; return this; }

    public FieldBuilder Deprecated(string reason = DirectiveDefinition.DefaultDeprecationReason) { DeprecationReason = reason; return this; }

    public FieldBuilder Argument(string name, TypeReference type, Action<InputValueBuilder>? configure = null)
    {
        var arg = new InputValueBuilder(name, type);
        configure?.Invoke(arg);
        Arguments.RemoveAll(a => a.Name == name);
        Arguments.Add(arg);
        return this;
    }

    /// <summary>An argument with a default value (an internal value, e.g. <c>50</c>).</summary>
    public FieldBuilder Argument(string name, TypeReference type, object? defaultValue, string? description = null)
        => Argument(name, type, a => a.Default(defaultValue).Description(description));

    public FieldBuilder Resolver(FieldResolver resolver) { ResolverValue = resolver; return this; }

    /// <summary>A synchronous resolver.</summary>
    public FieldBuilder Resolve(Func<IResolverContext, object?> resolver) => Resolver(ResolverAdapters.FromSync(resolver));

    public FieldBuilder Resolve<T>(Func<IResolverContext, Task<T>> resolver) => Resolver(ResolverAdapters.FromTask(resolver));

    /// <summary>A ValueTask resolver (separate name: async lambdas would be ambiguous between Task and ValueTask).</summary>
    public FieldBuilder ResolveValueTask<T>(Func<IResolverContext, ValueTask<T>> resolver) => Resolver(ResolverAdapters.FromValueTask(resolver));

    /// <summary>For subscription fields: produces the event stream; each event is the parent value of this field's resolver.</summary>
    public FieldBuilder Subscribe<T>(Func<IResolverContext, IAsyncEnumerable<T>> subscribe)
    {
        SubscribeValue = ctx => new ValueTask<object?>(subscribe(ctx));
        return this;
    }

    /// <summary>Static cost weight used by the cost limit.</summary>
    public FieldBuilder Cost(int cost) { CostValue = cost; return this; }

    public FieldBuilder Metadata(string key, object? value) { (MetadataValues ??= [])[key] = value; return this; }
}

internal static class ResolverAdapters
{
    public static FieldResolver FromSync(Func<IResolverContext, object?> f) => ctx =>
    {
        var result = f(ctx);
        // A ValueTask-returning lambda binds to the synchronous overload; fail loudly instead of returning the task.
        if (result is ValueType && result.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(ValueTask<>))
            throw new InvalidOperationException($"The resolver of {ctx.ParentType.Name}.{ctx.FieldDefinition.Name} returned a ValueTask; register it with ResolveValueTask.");
        return new ValueTask<object?>(result);
    };

    public static FieldResolver FromTask<T>(Func<IResolverContext, Task<T>> f) => async ctx => await f(ctx).ConfigureAwait(false);

    public static FieldResolver FromValueTask<T>(Func<IResolverContext, ValueTask<T>> f) => ctx =>
    {
        var task = f(ctx);
        // Completed synchronously: no state machine, no allocation beyond boxing.
        return task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : Await(task);
    };

    private static async ValueTask<object?> Await<T>(ValueTask<T> task) => await task.ConfigureAwait(false);
}

/// <summary>Builds an object or interface type (fields and implemented interfaces).</summary>
public abstract class ComplexTypeBuilder<TSelf> where TSelf : ComplexTypeBuilder<TSelf>
{
    private protected ComplexTypeBuilder(ComplexTypeConfig config) => Config = config;

    internal ComplexTypeConfig Config { get; }

    private TSelf Self => (TSelf)this;

    public TSelf Description(string? description) { Config.Description = description; return Self; }

    public TSelf Implements(params string[] interfaceNames)
    {
        foreach (var name in interfaceNames)
        {
            if (!Config.Interfaces.Contains(name)) Config.Interfaces.Add(name);
        }
        return Self;
    }

    public TSelf Metadata(string key, object? value) { Config.Metadata[key] = value; return Self; }

    /// <summary>A field; configure arguments, description, deprecation, resolver and cost in <paramref name="configure"/>.</summary>
    public TSelf Field(string name, TypeReference type, Action<FieldBuilder>? configure = null)
    {
        var field = new FieldBuilder(name, type);
        configure?.Invoke(field);
        Config.AddField(field);
        return Self;
    }

    /// <summary>A field with a synchronous resolver.</summary>
    public TSelf Field(string name, TypeReference type, Func<IResolverContext, object?> resolve)
        => Field(name, type, f => f.Resolve(resolve));

    /// <summary>A field with an asynchronous resolver.</summary>
    public TSelf Field<T>(string name, TypeReference type, Func<IResolverContext, Task<T>> resolve)
        => Field(name, type, f => f.Resolve(resolve));

}

public sealed class ObjectTypeBuilder : ComplexTypeBuilder<ObjectTypeBuilder>
{
    internal ObjectTypeBuilder(ComplexTypeConfig config) : base(config) { }

    public ObjectTypeBuilder IsTypeOf(Func<object?, bool> isTypeOf)
    {
        Config.IsTypeOf = (value, _) => new ValueTask<bool>(isTypeOf(value));
        return this;
    }

    public ObjectTypeBuilder IsTypeOf(IsTypeOfResolver isTypeOf) { Config.IsTypeOf = isTypeOf; return this; }
}

/// <summary>
/// An object type backed by CLR type <typeparamref name="T"/>: fields can be taken from its properties, with the
/// GraphQL type inferred (string → String, int → Int!, nullable annotations respected, lists, registered enums and objects).
/// </summary>
public sealed class ObjectTypeBuilder<T> : ComplexTypeBuilder<ObjectTypeBuilder<T>>
{
    internal ObjectTypeBuilder(ComplexTypeConfig config) : base(config)
    {
        config.IsTypeOf ??= (value, _) => new ValueTask<bool>(value is T);
    }

    /// <summary>A field read from a member of <typeparamref name="T"/>; its name is the member name in camelCase.</summary>
    public ObjectTypeBuilder<T> Field<TValue>(Expression<Func<T, TValue>> member, TypeReference? type = null, Action<FieldBuilder>? configure = null)
    {
        var memberInfo = (member.Body as MemberExpression)?.Member
            ?? throw new ArgumentException("Expected a member access such as x => x.Name.", nameof(member));
        var compiled = member.Compile();
        var field = new FieldBuilder(ToCamelCase(memberInfo.Name), type ?? ClrTypeMapper.Reference(memberInfo));
        field.Resolve(ctx => compiled((T)ctx.Parent!));
        configure?.Invoke(field);
        Config.AddField(field);
        return this;
    }

    /// <summary>Adds every public readable property not yet defined as a field.</summary>
    public ObjectTypeBuilder<T> AllProperties()
    {
        foreach (var prop in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (prop.GetIndexParameters().Length > 0 || !prop.CanRead) continue;
            var name = ToCamelCase(prop.Name);
            if (Config.Fields.Any(f => f.Name == name)) continue;
            Config.AddField(new FieldBuilder(name, ClrTypeMapper.Reference(prop)));
        }
        return this;
    }

    internal static string ToCamelCase(string name) =>
        name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}

public sealed class InterfaceTypeBuilder : ComplexTypeBuilder<InterfaceTypeBuilder>
{
    internal InterfaceTypeBuilder(ComplexTypeConfig config) : base(config) { }

    /// <summary>Names the concrete type of a value (null falls back to the default type resolver).</summary>
    public InterfaceTypeBuilder ResolveType(Func<object?, string?> resolveType)
    {
        Config.ResolveType = (value, _, _) => new ValueTask<string?>(resolveType(value));
        return this;
    }

    public InterfaceTypeBuilder ResolveType(TypeResolver resolveType) { Config.ResolveType = resolveType; return this; }
}

public sealed class UnionTypeBuilder
{
    internal UnionTypeBuilder(UnionConfig config) => Config = config;

    internal UnionConfig Config { get; }

    public UnionTypeBuilder Description(string? description) { Config.Description = description; return this; }

    public UnionTypeBuilder Members(params string[] typeNames)
    {
        foreach (var name in typeNames)
        {
            if (!Config.Members.Contains(name)) Config.Members.Add(name);
        }
        return this;
    }

    public UnionTypeBuilder ResolveType(Func<object?, string?> resolveType)
    {
        Config.ResolveType = (value, _, _) => new ValueTask<string?>(resolveType(value));
        return this;
    }

    public UnionTypeBuilder ResolveType(TypeResolver resolveType) { Config.ResolveType = resolveType; return this; }

    public UnionTypeBuilder Metadata(string key, object? value) { Config.Metadata[key] = value; return this; }
}

public sealed class EnumTypeBuilder
{
    internal EnumTypeBuilder(EnumConfig config) => Config = config;

    internal EnumConfig Config { get; }

    public EnumTypeBuilder Description(string? description) { Config.Description = description; return this; }

    /// <summary>A value; its internal value defaults to its name.</summary>
    public EnumTypeBuilder Value(string name, object? value = null, string? description = null, string? deprecationReason = null)
    {
        Config.Values.RemoveAll(v => v.Name == name);
        Config.Values.Add(new EnumValueDefinition(name, value) { Description = description, DeprecationReason = deprecationReason });
        return this;
    }

    public EnumTypeBuilder Metadata(string key, object? value) { Config.Metadata[key] = value; return this; }
}

public sealed class InputObjectTypeBuilder
{
    internal InputObjectTypeBuilder(InputObjectConfig config) => Config = config;

    internal InputObjectConfig Config { get; }

    public InputObjectTypeBuilder Description(string? description) { Config.Description = description; return this; }

    /// <summary>Marks the type @oneOf: exactly one field must be given, and it must not be null.</summary>
    public InputObjectTypeBuilder OneOf(bool isOneOf = true) { Config.IsOneOf = isOneOf; return this; }

    public InputObjectTypeBuilder Field(string name, TypeReference type, Action<InputValueBuilder>? configure = null)
    {
        var field = new InputValueBuilder(name, type);
        configure?.Invoke(field);
        Config.Fields.RemoveAll(f => f.Name == name);
        Config.Fields.Add(field);
        return this;
    }

    public InputObjectTypeBuilder Field(string name, TypeReference type, object? defaultValue, string? description = null)
        => Field(name, type, f => f.Default(defaultValue).Description(description));

    public InputObjectTypeBuilder Metadata(string key, object? value) { Config.Metadata[key] = value; return this; }
}

/// <summary>
/// An input object backed by CLR type <typeparamref name="T"/> (what <c>GetArgument&lt;T&gt;</c> converts to): fields
/// can be taken from its properties with the GraphQL type inferred as for <see cref="ObjectTypeBuilder{T}"/>.
/// </summary>
public sealed class InputObjectTypeBuilder<T>
{
    private readonly InputObjectTypeBuilder _inner;

    internal InputObjectTypeBuilder(InputObjectConfig config) => _inner = new InputObjectTypeBuilder(config);

    public InputObjectTypeBuilder<T> Description(string? description) { _inner.Description(description); return this; }

    public InputObjectTypeBuilder<T> OneOf(bool isOneOf = true) { _inner.OneOf(isOneOf); return this; }

    /// <summary>A field for a property of <typeparamref name="T"/>, named in camelCase.</summary>
    public InputObjectTypeBuilder<T> Field<TValue>(System.Linq.Expressions.Expression<Func<T, TValue>> member, TypeReference? type = null, Action<InputValueBuilder>? configure = null)
    {
        var memberInfo = (member.Body as System.Linq.Expressions.MemberExpression)?.Member
            ?? throw new ArgumentException("Expected a member access such as x => x.Name.", nameof(member));
        _inner.Field(ObjectTypeBuilder<T>.ToCamelCase(memberInfo.Name), type ?? ClrTypeMapper.Reference(memberInfo), configure);
        return this;
    }

    public InputObjectTypeBuilder<T> Field(string name, TypeReference type, Action<InputValueBuilder>? configure = null)
    {
        _inner.Field(name, type, configure);
        return this;
    }

    /// <summary>Adds every public settable property not yet defined as a field.</summary>
    public InputObjectTypeBuilder<T> AllProperties()
    {
        foreach (var prop in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (prop.GetIndexParameters().Length > 0 || !prop.CanWrite) continue;
            var name = ObjectTypeBuilder<T>.ToCamelCase(prop.Name);
            if (_inner.Config.Fields.Any(f => f.Name == name)) continue;
            _inner.Field(name, ClrTypeMapper.Reference(prop));
        }
        return this;
    }

    public InputObjectTypeBuilder<T> Metadata(string key, object? value) { _inner.Metadata(key, value); return this; }
}

public sealed class DirectiveBuilder
{
    internal DirectiveBuilder(DirectiveConfig config) => Config = config;

    internal DirectiveConfig Config { get; }

    public DirectiveBuilder Description(string? description) { Config.Description = description; return this; }

    public DirectiveBuilder Locations(params DirectiveLocation[] locations)
    {
        foreach (var l in locations)
        {
            if (!Config.Locations.Contains(l)) Config.Locations.Add(l);
        }
        return this;
    }

    public DirectiveBuilder Repeatable(bool repeatable = true) { Config.IsRepeatable = repeatable; return this; }

    public DirectiveBuilder Argument(string name, TypeReference type, Action<InputValueBuilder>? configure = null)
    {
        var arg = new InputValueBuilder(name, type);
        configure?.Invoke(arg);
        Config.Arguments.RemoveAll(a => a.Name == name);
        Config.Arguments.Add(arg);
        return this;
    }

    public DirectiveBuilder Metadata(string key, object? value) { Config.Metadata[key] = value; return this; }
}

// ---- Mutable definitions collected before Build -----------------------------------------------------------------

internal abstract class TypeConfig(string name)
{
    public string Name { get; } = name;
    public string? Description { get; set; }
    public TypeDefinitionNode? AstNode { get; set; }
    public List<TypeDefinitionNode> ExtensionAstNodes { get; } = [];
    public Dictionary<string, object?> Metadata { get; } = [];
    public abstract string KindName { get; }
}

internal sealed class ComplexTypeConfig(string name, bool isInterface) : TypeConfig(name)
{
    public bool IsInterface { get; } = isInterface;
    public List<FieldBuilder> Fields { get; } = [];
    public List<string> Interfaces { get; } = [];
    public TypeResolver? ResolveType { get; set; }
    public IsTypeOfResolver? IsTypeOf { get; set; }
    public Type? ClrType { get; set; }
    public override string KindName => IsInterface ? "interface" : "object";

    public void AddField(FieldBuilder field)
    {
        // A redefinition replaces the earlier field in place (like merging JS field maps).
        var index = Fields.FindIndex(f => f.Name == field.Name);
        if (index >= 0) Fields[index] = field;
        else Fields.Add(field);
    }
}

internal sealed class UnionConfig(string name) : TypeConfig(name)
{
    public List<string> Members { get; } = [];
    public TypeResolver? ResolveType { get; set; }
    public override string KindName => "union";
}

internal sealed class EnumConfig(string name) : TypeConfig(name)
{
    public List<EnumValueDefinition> Values { get; } = [];
    public Type? ClrType { get; set; }
    public override string KindName => "enum";
}

internal sealed class InputObjectConfig(string name) : TypeConfig(name)
{
    public List<InputValueBuilder> Fields { get; } = [];
    public bool IsOneOf { get; set; }
    public override string KindName => "input object";
}

internal sealed class ScalarConfig(string name) : TypeConfig(name)
{
    public string? SpecifiedByUrl { get; set; }
    public override string KindName => "scalar";
}

/// <summary>A type supplied ready-made (a custom scalar implementation, or any type built by hand).</summary>
internal sealed class PrebuiltConfig(NamedType type) : TypeConfig(type.Name)
{
    public NamedType Type { get; } = type;
    public override string KindName => "type";
}

internal sealed class DirectiveConfig(string name)
{
    public string Name { get; } = name;
    public string? Description { get; set; }
    public List<DirectiveLocation> Locations { get; } = [];
    public bool IsRepeatable { get; set; }
    public List<InputValueBuilder> Arguments { get; } = [];
    public Dictionary<string, object?> Metadata { get; } = [];
    public DirectiveDefinitionNode? AstNode { get; set; }
}

/// <summary>Maps CLR member types to GraphQL type references (nullable reference annotations decide nullability).</summary>
internal static class ClrTypeMapper
{
    private static readonly NullabilityInfoContext NullabilityContext = new();

    public static TypeReference Reference(MemberInfo member)
    {
        NullabilityInfo? info;
        Type type;
        lock (NullabilityContext)
        {
            (info, type) = member switch
            {
                PropertyInfo p => (NullabilityContext.Create(p), p.PropertyType),
                FieldInfo f => (NullabilityContext.Create(f), f.FieldType),
                _ => throw new ArgumentException($"Unsupported member {member}.", nameof(member)),
            };
        }
        return TypeReference.FromClr(type, info);
    }
}
