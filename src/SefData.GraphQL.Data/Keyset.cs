using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace SefData.GraphQL.Data;

/// <summary>A fetched row: the (projected) entity and its ordering key values, for its cursor.</summary>
public sealed class KeysetRow<T>(T node, object?[] keys)
{
    public T Node { get; } = node;
    public object?[] Keys { get; } = keys;
}

/// <summary>Seek predicates and key-value selectors for keyset paging.</summary>
public static class Keyset
{
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary>
    /// Rows strictly after <paramref name="values"/> in the order <paramref name="keys"/> describe (NULLs first
    /// ascending, last descending, as <see cref="Sorting.Apply{T}"/> orders): for keys a, b:
    /// <c>a beyond @a OR (a = @a AND b beyond @b)</c>. Values are SQL parameters.
    /// </summary>
    public static Expression<Func<T, bool>> Beyond<T>(IReadOnlyList<SortKey> keys, object?[] values)
    {
        var x = Expression.Parameter(typeof(T), "x");
        Expression result = Expression.Constant(false);
        for (var i = keys.Count - 1; i >= 0; i--)
        {
            var key = ExpressionTools.Inline(keys[i].Key, x);
            var strict = Strict(key, values[i], keys[i].Descending);
            result = i == keys.Count - 1 ? strict : Or(strict, And(Same(key, values[i]), result));
        }
        return Expression.Lambda<Func<T, bool>>(result, x);
    }

    /// <summary><c>x => new KeysetRow&lt;T&gt;(projection(x), new object[] { key1(x), key2(x), … })</c>.</summary>
    public static Expression<Func<T, KeysetRow<T>>> RowSelector<T>(IReadOnlyList<SortKey> keys, Expression<Func<T, T>>? projection)
    {
        var x = Expression.Parameter(typeof(T), "x");
        var node = projection is null ? x : ExpressionTools.Inline(projection, x);
        var values = Expression.NewArrayInit(typeof(object),
            keys.Select(k => (Expression)Expression.Convert(ExpressionTools.Inline(k.Key, x), typeof(object))));
        var ctor = typeof(KeysetRow<T>).GetConstructor([typeof(T), typeof(object[])])!;
        return Expression.Lambda<Func<T, KeysetRow<T>>>(Expression.New(ctor, node, values), x);
    }

    /// <summary><paramref name="key"/> strictly beyond <paramref name="value"/> in its direction.</summary>
    private static Expression Strict(Expression key, object? value, bool descending)
    {
        var type = key.Type;
        var nullable = ExpressionTools.IsNullable(type);
        var isNull = nullable ? Expression.Equal(key, Expression.Constant(null, type)) : null;
        if (value is null)
        {
            // NULL is the smallest value: everything non-null is beyond it ascending, nothing is descending.
            return descending || !nullable ? Expression.Constant(false) : Expression.Not(isNull!);
        }
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        Expression compare;
        if (underlying == typeof(bool))
        {
            // false < true; the value is known here, so no ordering operator on booleans is needed.
            var v = (bool)value;
            compare = descending
                ? v ? Expression.Equal(key, Expression.Constant(false, type)) : Expression.Constant(false)
                : v ? Expression.Constant(false) : Expression.Equal(key, Expression.Constant(true, type));
        }
        else if (underlying == typeof(string))
        {
            var cmp = Expression.Call(StringCompare, key, ExpressionTools.Parameter(value, typeof(string)));
            compare = descending ? Expression.LessThan(cmp, Expression.Constant(0)) : Expression.GreaterThan(cmp, Expression.Constant(0));
        }
        else
        {
            Expression left = key;
            Expression right = ExpressionTools.Parameter(ExpressionTools.ConvertValue(value, type), type);
            if (underlying.IsEnum)
            {
                // Enums have no ordering operators in expression trees; compare their underlying numbers.
                var numeric = Enum.GetUnderlyingType(underlying);
                var target = nullable ? typeof(Nullable<>).MakeGenericType(numeric) : numeric;
                left = Expression.Convert(left, target);
                right = Expression.Convert(right, target);
            }
            compare = descending ? Expression.LessThan(left, right) : Expression.GreaterThan(left, right);
        }
        return descending && nullable ? Or(compare, isNull!) : compare;
    }

    private static Expression Same(Expression key, object? value) =>
        value is null
            ? ExpressionTools.IsNullable(key.Type) ? Expression.Equal(key, Expression.Constant(null, key.Type)) : Expression.Constant(false)
            : Expression.Equal(key, ExpressionTools.Parameter(ExpressionTools.ConvertValue(value, key.Type), key.Type));

    private static Expression Or(Expression a, Expression b) =>
        IsFalse(a) ? b : IsFalse(b) ? a : Expression.OrElse(a, b);

    private static Expression And(Expression a, Expression b) =>
        IsFalse(a) || IsFalse(b) ? Expression.Constant(false) : Expression.AndAlso(a, b);

    private static bool IsFalse(Expression e) => e is ConstantExpression { Value: false };
}

/// <summary>
/// Cursor text: base64url of <c>[orderHash, value1, value2, …]</c> in JSON. The hash ties a cursor to the ordering it
/// was issued for; values are read back as the key types.
/// </summary>
internal sealed class CursorCodec(IReadOnlyList<SortKey> keys)
{
    private readonly string _order = OrderHash(keys);

    public string Encode(object?[] values)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes<object?[]>([_order, .. values]);
        return Convert.ToBase64String(json).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public object?[] Decode(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            using var doc = JsonDocument.Parse(Convert.FromBase64String(base64));
            var items = doc.RootElement.EnumerateArray().ToList();
            if (items.Count == keys.Count + 1 && items[0].ValueKind == JsonValueKind.String)
            {
                if (items[0].GetString() != _order)
                    throw Paging.Error("The cursor was issued for another order; use cursors with the order they came from.", PagingOptions.InvalidCursor);
                return keys.Select((k, i) => items[i + 1].Deserialize(k.Key.ReturnType)).ToArray();
            }
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or NotSupportedException) { }
        throw Paging.Error($"The cursor \"{cursor}\" is not valid.", PagingOptions.InvalidCursor);
    }

    private static string OrderHash(IReadOnlyList<SortKey> keys)
    {
        // FNV-1a over the printed keys: stable across processes (string.GetHashCode is not).
        var text = string.Join("|", keys.Select(k => (k.Descending ? "-" : "+") + k.Key.Body));
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text)) hash = (hash ^ b) * 16777619u;
        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
