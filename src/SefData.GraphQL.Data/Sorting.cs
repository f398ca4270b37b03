using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace SefData.GraphQL.Data;

/// <summary>The values of <c>enum SortEnumType { ASC DESC }</c>.</summary>
public enum SortEnumType
{
    Asc,
    Desc,
}

/// <summary>One ordering key: an expression over the entity parameter and its direction.</summary>
public sealed record SortKey(LambdaExpression Key, bool Descending);

/// <summary>
/// Translates <c>order: [XSortInput!]</c> to OrderBy/ThenBy in list order (within one input, in the order its fields
/// were written), then appends the entity's keys ascending so the order is total and cursors are stable.
/// </summary>
public static class Sorting
{
    /// <summary>The keys <paramref name="order"/> asks for, followed by the tie-breaker keys not already present.</summary>
    public static IReadOnlyList<SortKey> Keys<T>(IDataObject obj, object? order)
    {
        var x = Expression.Parameter(typeof(T), "x");
        var keys = new List<(Expression Body, bool Descending)>();
        foreach (var item in Filtering.AsList(order, "order"))
        {
            if (Filtering.AsObject(item, obj.SortInputName) is { } input) Collect(obj, input, x, keys, throughNavigation: false);
        }
        foreach (var key in obj.Keys)
        {
            var body = ExpressionTools.Inline(key, x);
            if (!keys.Any(k => ExpressionEqualityComparer.Instance.Equals(k.Body, body))) keys.Add((body, false));
        }
        return keys.Select(k => new SortKey(Expression.Lambda(k.Body, x), k.Descending)).ToList();
    }

    /// <summary>Orders <paramref name="source"/> by <paramref name="order"/> plus the tie-breaker.</summary>
    public static IOrderedQueryable<T> Sort<T>(this IQueryable<T> source, IDataObject obj, object? order) =>
        Apply(source, Keys<T>(obj, order));

    /// <summary>
    /// OrderBy/ThenBy over <paramref name="keys"/>. A nullable key is preceded by its null flag, so NULLs come first
    /// ascending and last descending on every provider (as LINQ to Objects; SQLite and PostgreSQL differ natively),
    /// which keyset cursors rely on.
    /// </summary>
    public static IOrderedQueryable<T> Apply<T>(IQueryable<T> source, IReadOnlyList<SortKey> keys)
    {
        if (keys.Count == 0) throw new ArgumentException("At least one key is needed.", nameof(keys));
        var expression = source.Expression;
        var first = true;
        foreach (var (key, descending) in keys)
        {
            if (ExpressionTools.IsNullable(key.ReturnType))
            {
                var flag = Expression.Lambda(
                    Expression.Condition(Expression.Equal(key.Body, Expression.Constant(null, key.ReturnType)), Expression.Constant(0), Expression.Constant(1)),
                    key.Parameters);
                expression = Order(expression, flag, descending, first);
                first = false;
            }
            expression = Order(expression, key, descending, first);
            first = false;
        }
        return (IOrderedQueryable<T>)source.Provider.CreateQuery<T>(expression);

        static Expression Order(Expression source, LambdaExpression key, bool descending, bool first) =>
            Expression.Call(typeof(Queryable), (first ? "OrderBy" : "ThenBy") + (descending ? "Descending" : ""),
                [typeof(T), key.ReturnType], source, Expression.Quote(key));
    }

    /// <summary>The same keys in the opposite directions (for paging backwards).</summary>
    public static IReadOnlyList<SortKey> Reverse(IReadOnlyList<SortKey> keys) => keys.Select(k => k with { Descending = !k.Descending }).ToList();

    private static void Collect(IDataObject obj, IReadOnlyDictionary<string, object?> input, Expression instance, List<(Expression, bool)> keys,
        bool throughNavigation)
    {
        foreach (var (name, value) in input)
        {
            if (value is null) continue;
            var field = obj.Fields.FirstOrDefault(f => f.Name == name && f is ScalarDataField or ObjectDataField);
            switch (field)
            {
                case ScalarDataField { Sortable: true } s:
                    var key = ExpressionTools.Inline(s.SortValue, instance);
                    // Behind a navigation even an int can be NULL (no related row): treat it as nullable so NULLs
                    // order and seek the same way on every provider.
                    if (throughNavigation && !ExpressionTools.IsNullable(key.Type))
                        key = Expression.Convert(key, typeof(Nullable<>).MakeGenericType(key.Type));
                    keys.Add((key, IsDescending(value, name)));
                    break;
                case ObjectDataField { Sortable: true } o:
                    if (Filtering.AsObject(value, o.Target.SortInputName) is { } nested)
                        Collect(o.Target, nested, ExpressionTools.Inline(o.Navigation, instance), keys, throughNavigation: true);
                    break;
                default:
                    throw new GraphQLError($"The field \"{name}\" cannot be sorted on {obj.TypeName}.",
                        extensions: new Dictionary<string, object?> { ["code"] = "INVALID_SORT" });
            }
        }
    }

    private static bool IsDescending(object value, string field) => value switch
    {
        SortEnumType s => s == SortEnumType.Desc,
        string s when s.Equals("DESC", StringComparison.OrdinalIgnoreCase) => true,
        string s when s.Equals("ASC", StringComparison.OrdinalIgnoreCase) => false,
        _ => throw new GraphQLError($"Invalid sort direction for \"{field}\".", extensions: new Dictionary<string, object?> { ["code"] = "INVALID_SORT" }),
    };
}
