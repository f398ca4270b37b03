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
            if (Filtering.AsObject(item, obj.SortInputName) is { } input) Collect(obj, input, x, keys);
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

    public static IOrderedQueryable<T> Apply<T>(IQueryable<T> source, IReadOnlyList<SortKey> keys)
    {
        if (keys.Count == 0) throw new ArgumentException("At least one key is needed.", nameof(keys));
        var expression = source.Expression;
        for (var i = 0; i < keys.Count; i++)
        {
            var (key, descending) = (keys[i].Key, keys[i].Descending);
            var method = (i == 0 ? "OrderBy" : "ThenBy") + (descending ? "Descending" : "");
            expression = Expression.Call(typeof(Queryable), method, [typeof(T), key.ReturnType], expression, Expression.Quote(key));
        }
        return (IOrderedQueryable<T>)source.Provider.CreateQuery<T>(expression);
    }

    private static void Collect(IDataObject obj, IReadOnlyDictionary<string, object?> input, Expression instance, List<(Expression, bool)> keys)
    {
        foreach (var (name, value) in input)
        {
            if (value is null) continue;
            var field = obj.Fields.FirstOrDefault(f => f.Name == name && f is ScalarDataField or ObjectDataField);
            switch (field)
            {
                case ScalarDataField { Sortable: true } s:
                    keys.Add((ExpressionTools.Inline(s.SortValue, instance), IsDescending(value, name)));
                    break;
                case ObjectDataField { Sortable: true } o:
                    if (Filtering.AsObject(value, o.Target.SortInputName) is { } nested)
                        Collect(o.Target, nested, ExpressionTools.Inline(o.Navigation, instance), keys);
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
