using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using SefData.GraphQL.Language;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Types;

/// <summary>
/// Produces a field's value. The result may be any CLR value the field's type can complete: a leaf value, an
/// object (parent of the sub-selection), an <see cref="IEnumerable"/> for lists, a <see cref="JsonElement"/>, or null.
/// Throwing records a field error at this path.
/// </summary>
public delegate ValueTask<object?> FieldResolver(IResolverContext context);

/// <summary>Names the concrete object type of a value of an abstract type (graphql-js resolveType returns a type name).</summary>
public delegate ValueTask<string?> TypeResolver(object? value, IResolverContext context, IAbstractType abstractType);

/// <summary>Whether a value belongs to an object type (graphql-js isTypeOf).</summary>
public delegate ValueTask<bool> IsTypeOfResolver(object? value, IResolverContext context);

/// <summary>
/// What a resolver sees. Implemented by the executor; one instance per field execution (may be pooled, so do not
/// keep it past the resolver's completion).
/// </summary>
public interface IResolverContext
{
    Schema Schema { get; }
    /// <summary>The value of the parent field (the root value for root fields).</summary>
    object? Parent { get; }
    /// <summary>Argument values after coercion (defaults applied; absent optional arguments are missing keys).</summary>
    IReadOnlyDictionary<string, object?> Arguments { get; }
    FieldDefinition FieldDefinition { get; }
    ObjectType ParentType { get; }
    /// <summary>The response path of this field (includes the alias and list indices).</summary>
    ResponsePath Path { get; }
    /// <summary>All field nodes of the document merged into this response key (spec CollectFields).</summary>
    IReadOnlyList<FieldNode> FieldNodes { get; }
    OperationDefinitionNode Operation { get; }
    IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }
    /// <summary>Coerced variable values of the operation.</summary>
    IReadOnlyDictionary<string, object?> VariableValues { get; }
    /// <summary>Per-request state shared by all resolvers (graphql-js contextValue).</summary>
    IDictionary<string, object?> ContextData { get; }
    IServiceProvider Services { get; }
    CancellationToken CancellationToken { get; }

    /// <summary>
    /// The fields selected under this field (after fragments, @skip/@include and merging), for projection.
    /// For an abstract return type pass the concrete type; null means the field's named type when it is an object
    /// type, otherwise the union of the selections for every possible type. Empty for leaf fields.
    /// </summary>
    IReadOnlyList<ISelectedField> GetSelectedFields(ObjectType? typeCondition = null);
}

/// <summary>One entry of a collected sub-selection, as the executor will execute it.</summary>
public interface ISelectedField
{
    /// <summary>The key in the response (alias or name).</summary>
    string ResponseKey { get; }
    /// <summary>The field name in the schema.</summary>
    string Name { get; }
    /// <summary>The object type this field was collected for.</summary>
    ObjectType ParentType { get; }
    /// <summary>Null for __typename.</summary>
    FieldDefinition? Field { get; }
    IReadOnlyList<FieldNode> FieldNodes { get; }
    /// <summary>Coerced argument values.</summary>
    IReadOnlyDictionary<string, object?> Arguments { get; }
    /// <summary>Same contract as <see cref="IResolverContext.GetSelectedFields"/>, one level down.</summary>
    IReadOnlyList<ISelectedField> GetSelectedFields(ObjectType? typeCondition = null);
}

/// <summary>An immutable response path (graphql-js Path): a linked list from leaf to root.</summary>
public sealed class ResponsePath
{
    public ResponsePath(ResponsePath? previous, object key, string? typeName = null)
    {
        if (key is not (string or int)) throw new ArgumentException("A path key is a string or an int.", nameof(key));
        Previous = previous;
        Key = key;
        TypeName = typeName;
    }

    public ResponsePath? Previous { get; }
    /// <summary>A response key (string) or a list index (int).</summary>
    public object Key { get; }
    /// <summary>The parent type's name, when the key is a field.</summary>
    public string? TypeName { get; }

    public ResponsePath Append(object key, string? typeName = null) => new(this, key, typeName);

    /// <summary>Root first, as GraphQL errors report it.</summary>
    public IReadOnlyList<object> ToList()
    {
        var count = 0;
        for (var p = this; p is not null; p = p.Previous) count++;
        var result = new object[count];
        for (var p = this; p is not null; p = p.Previous) result[--count] = p.Key;
        return result;
    }

    public override string ToString() => string.Join(".", ToList());
}

public static class ResolverContextExtensions
{
    /// <summary>The coerced argument converted to <typeparamref name="T"/>; default when absent or null.</summary>
    public static T? GetArgument<T>(this IResolverContext context, string name)
        => context.Arguments.TryGetValue(name, out var value) ? ValueConverter.Convert<T>(value) : default;

    /// <summary>The argument or <paramref name="fallback"/> when it was not provided (or null).</summary>
    public static T GetArgument<T>(this IResolverContext context, string name, T fallback)
        => context.Arguments.TryGetValue(name, out var value) && value is not null ? ValueConverter.Convert<T>(value)! : fallback;

    public static bool HasArgument(this IResolverContext context, string name) => context.Arguments.ContainsKey(name);

    /// <summary>A service from <see cref="IResolverContext.Services"/>; throws when it is not registered.</summary>
    public static T Service<T>(this IResolverContext context) where T : notnull
        => (T?)context.Services.GetService(typeof(T)) ?? throw new InvalidOperationException($"No service of type {typeof(T)} is registered.");

    public static T Parent<T>(this IResolverContext context) => (T)context.Parent!;
}

/// <summary>The resolvers used when a field or abstract type has none (graphql-js defaultFieldResolver / defaultTypeResolver).</summary>
public static class DefaultResolvers
{
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>?> Accessors = new();

    /// <summary>Reads the field's value from the parent by name.</summary>
    public static readonly FieldResolver ResolveField = ctx => new ValueTask<object?>(GetValue(ctx.Parent, ctx.FieldDefinition.Name));

    /// <summary>
    /// A dictionary key, a JSON property, or a public CLR property/field whose name matches case-insensitively
    /// (camelCase field to PascalCase property). Missing members give null, as graphql-js gives undefined.
    /// </summary>
    public static object? GetValue(object? parent, string fieldName)
    {
        switch (parent)
        {
            case null: return null;
            case IReadOnlyDictionary<string, object?> ro: return ro.TryGetValue(fieldName, out var v1) ? v1 : null;
            case IDictionary<string, object?> dict: return dict.TryGetValue(fieldName, out var v2) ? v2 : null;
            case JsonElement { ValueKind: JsonValueKind.Object } json:
                // JSON null becomes null so completion need not special-case it.
                return json.TryGetProperty(fieldName, out var prop) && prop.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? prop : null;
            case JsonElement: return null;
            case IDictionary legacy: return legacy.Contains(fieldName) ? legacy[fieldName] : null;
        }
        var accessor = Accessors.GetOrAdd((parent.GetType(), fieldName), static key => BuildAccessor(key.Item1, key.Item2));
        return accessor?.Invoke(parent);
    }

    private static Func<object, object?>? BuildAccessor(Type type, string name)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase;
        var props = type.GetProperties(flags).Where(p => p.GetIndexParameters().Length == 0 && p.CanRead && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        // Prefer an exact-case match when two properties differ only by case.
        var prop = props.FirstOrDefault(p => p.Name == name) ?? props.FirstOrDefault();
        MemberInfo? member = prop is not null ? prop : type.GetField(name, flags);
        if (member is null) return null;
        // Compiled once per (type, name): much cheaper per call than PropertyInfo.GetValue.
        var parent = System.Linq.Expressions.Expression.Parameter(typeof(object), "parent");
        var access = System.Linq.Expressions.Expression.MakeMemberAccess(System.Linq.Expressions.Expression.Convert(parent, type), member);
        var body = System.Linq.Expressions.Expression.Convert(access, typeof(object));
        return System.Linq.Expressions.Expression.Lambda<Func<object, object?>>(body, parent).Compile();
    }

    /// <summary>
    /// graphql-js defaultTypeResolver: the value's <c>__typename</c> (dictionary key, JSON property or CLR property),
    /// then the first possible type whose IsTypeOf accepts the value. As a CLR convenience, a possible type named
    /// like the value's CLR type is chosen last.
    /// </summary>
    public static readonly TypeResolver ResolveType = ResolveTypeAsync;

    private static async ValueTask<string?> ResolveTypeAsync(object? value, IResolverContext context, IAbstractType abstractType)
    {
        if (GetValue(value, "__typename") is { } typename)
        {
            var name = JsonValues.Unwrap(typename);
            if (name is string s) return s;
        }
        var possible = context.Schema.GetPossibleTypes((NamedType)abstractType);
        foreach (var type in possible)
        {
            if (type.IsTypeOf is { } isTypeOf && await isTypeOf(value, context).ConfigureAwait(false)) return type.Name;
        }
        if (value is not null && value is not JsonElement && value is not IDictionary)
        {
            var clrName = value.GetType().Name;
            foreach (var type in possible)
            {
                if (string.Equals(type.Name, clrName, StringComparison.Ordinal)) return type.Name;
            }
        }
        return null;
    }
}

/// <summary>Converts coerced GraphQL values (int, double, string, bool, dictionaries, lists) to requested CLR types.</summary>
public static class ValueConverter
{
    public static T? Convert<T>(object? value) => (T?)Convert(value, typeof(T));

    public static object? Convert(object? value, Type target)
    {
        value = JsonValues.Unwrap(value);
        if (value is null) return null;
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (underlying.IsInstanceOfType(value)) return value;
        if (underlying == typeof(object)) return value;
        if (underlying.IsEnum)
        {
            if (value is string s) return Enum.Parse(underlying, s.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
            return Enum.ToObject(underlying, value);
        }
        if (underlying == typeof(Guid) && value is string g) return Guid.Parse(g);
        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(underlying))
            return System.Convert.ChangeType(value, underlying, CultureInfo.InvariantCulture);
        if (value is IEnumerable list and not string and not IDictionary && TryGetElementType(underlying) is { } elementType)
        {
            var items = list.Cast<object?>().Select(x => Convert(x, elementType)).ToList();
            var array = Array.CreateInstance(elementType, items.Count);
            for (var i = 0; i < items.Count; i++) array.SetValue(items[i], i);
            if (underlying.IsArray || underlying.IsAssignableFrom(array.GetType())) return array;
            return Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType), array);
        }
        if (value is IReadOnlyDictionary<string, object?> dict && !underlying.IsAbstract && !underlying.IsInterface)
        {
            // Input objects to POCOs: settable properties matched case-insensitively.
            var instance = Activator.CreateInstance(underlying)!;
            foreach (var (key, v) in dict)
            {
                var prop = underlying.GetProperty(key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                if (prop is { CanWrite: true }) prop.SetValue(instance, Convert(v, prop.PropertyType));
            }
            return instance;
        }
        throw new InvalidCastException($"Cannot convert a value of type {value.GetType()} to {target}.");
    }

    private static Type? TryGetElementType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (type.IsGenericType && type.GetGenericArguments() is [var arg]
            && type.IsAssignableFrom(typeof(List<>).MakeGenericType(arg)))
            return arg;
        return null;
    }
}
