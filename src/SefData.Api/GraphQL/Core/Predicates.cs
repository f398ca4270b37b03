using System.Linq.Expressions;
using SefData.GraphQL.Data;

namespace SefData.Api.GraphQL.Core;

/// <summary>
/// Builds filter predicates for custom <c>where</c> fields. Values go in as captured variables (SQL parameters,
/// one cached query shape), never as constants.
/// </summary>
public static class Predicates
{
    /// <summary><c>x => member(x) == v1 || member(x) == v2 ...</c>; false for no values.</summary>
    public static Expression<Func<T, bool>> AnyOf<T, TValue>(Expression<Func<T, TValue>> member, IEnumerable<TValue> values)
    {
        var x = member.Parameters[0];
        Expression body = Expression.Constant(false);
        foreach (var v in values)
            body = Expression.OrElse(body, Expression.Equal(member.Body, ExpressionTools.Parameter(v, typeof(TValue))));
        return Expression.Lambda<Func<T, bool>>(body, x);
    }

    public static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b)
    {
        var x = a.Parameters[0];
        return Expression.Lambda<Func<T, bool>>(Expression.AndAlso(a.Body, ExpressionTools.Inline(b, x)), x);
    }

    /// <summary><c>x => navigation(x).Any(predicate)</c>.</summary>
    public static Expression<Func<T, bool>> Has<T, TChild>(Expression<Func<T, IEnumerable<TChild>>> navigation, Expression<Func<TChild, bool>> predicate)
    {
        var x = navigation.Parameters[0];
        var any = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(TChild)], navigation.Body, predicate);
        return Expression.Lambda<Func<T, bool>>(any, x);
    }

    /// <summary>Reads a field of a coerced input object.</summary>
    public static TValue? Get<TValue>(object input, string name) =>
        ((IReadOnlyDictionary<string, object?>)input).TryGetValue(name, out var v) && v is not null ? (TValue)v : default;

    public static IReadOnlyList<TValue> GetList<TValue>(object input, string name) =>
        ((IReadOnlyDictionary<string, object?>)input).TryGetValue(name, out var v) && v is IEnumerable<object?> list
            ? list.Where(i => i is not null).Select(i => (TValue)i!).ToList()
            : [];
}
