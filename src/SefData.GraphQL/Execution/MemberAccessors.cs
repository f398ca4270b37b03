using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Execution;

/// <summary>
/// The executor's fast path for <see cref="DefaultResolvers.ResolveField"/>: the same lookup (dictionary key, JSON
/// property, then a public property or field matched case-insensitively, exact case first), with CLR members read
/// through compiled delegates instead of reflection.
/// </summary>
internal static class MemberAccessors
{
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>?> Cache = new();

    public static bool IsDictionaryLike(object parent)
        => parent is IReadOnlyDictionary<string, object?> or IDictionary<string, object?> or JsonElement or IDictionary;

    public static Func<object, object?>? Get(Type type, string fieldName)
        => Cache.GetOrAdd((type, fieldName), static key => Build(key.Item1, key.Item2));

    private static Func<object, object?>? Build(Type type, string name)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase;
        var properties = type.GetProperties(flags)
            .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead && p.GetMethod is { IsPublic: true }
                && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            .ToList();
        MemberInfo? member = properties.FirstOrDefault(p => p.Name == name) ?? properties.FirstOrDefault();
        member ??= type.GetField(name, flags);
        if (member is null) return null;
        var parameter = Expression.Parameter(typeof(object), "parent");
        var typed = Expression.Convert(parameter, type);
        Expression access = member is PropertyInfo property ? Expression.Property(typed, property) : Expression.Field(typed, (FieldInfo)member);
        // Booleans and small integers come back as shared boxes: most leaf values cost no allocation then.
        Expression body = access.Type == typeof(bool)
            ? Expression.Condition(access, Expression.Constant(BoxedTrue, typeof(object)), Expression.Constant(BoxedFalse, typeof(object)))
            : access.Type == typeof(int)
                ? Expression.Call(typeof(MemberAccessors).GetMethod(nameof(BoxInt), BindingFlags.NonPublic | BindingFlags.Static)!, access)
                : Expression.Convert(access, typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, parameter).Compile();
    }

    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;
    private static readonly object[] SmallInts = Enumerable.Range(-128, 1152).Select(i => (object)i).ToArray();

    private static object BoxInt(int value) => (uint)(value + 128) < (uint)SmallInts.Length ? SmallInts[value + 128] : value;
}
