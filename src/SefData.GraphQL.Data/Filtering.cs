using System.Collections;
using System.Linq.Expressions;
using System.Reflection;

namespace SefData.GraphQL.Data;

/// <summary>
/// Translates a coerced <c>where</c> value (an <c>XFilterInput</c>) to a predicate over the entity, for
/// <see cref="Queryable.Where{TSource}(IQueryable{TSource}, Expression{Func{TSource, bool}})"/>, so the database
/// does the filtering. Every value is a captured variable (a SQL parameter), never SQL text.
/// Semantics follow HotChocolate: fields of one input are ANDed; <c>eq: null</c> is IS NULL, <c>neq: null</c> IS NOT
/// NULL; the negated operations (<c>nin</c>, <c>ngt</c>, <c>ncontains</c>, …) are the C# negation of the positive one;
/// a field set to null is ignored.
/// </summary>
public static class Filtering
{
    /// <summary>The predicate, or null when the filter has no conditions.</summary>
    public static Expression<Func<T, bool>>? ToPredicate<T>(IDataObject obj, object? where)
    {
        if (AsObject(where, obj.FilterInputName) is not { } filter) return null;
        var x = Expression.Parameter(typeof(T), "x");
        var body = Build(obj, filter, x);
        return body is null ? null : Expression.Lambda<Func<T, bool>>(body, x);
    }

    /// <summary>Applies <paramref name="where"/> (null or empty: unchanged).</summary>
    public static IQueryable<T> Filter<T>(this IQueryable<T> source, IDataObject obj, object? where) =>
        ToPredicate<T>(obj, where) is { } predicate ? source.Where(predicate) : source;

    /// <summary>The condition of one <c>XFilterInput</c> over <paramref name="instance"/>; null when it has none.</summary>
    public static Expression? Build(IDataObject obj, IReadOnlyDictionary<string, object?> filter, Expression instance)
    {
        var parts = new List<Expression>();
        foreach (var (name, value) in filter)
        {
            if (value is null) continue;
            switch (name)
            {
                case "and":
                    if (Combine(AsList(value, "and").Select(v => Build(obj, AsObject(v, obj.FilterInputName)!, instance)), Expression.AndAlso) is { } and)
                        parts.Add(and);
                    continue;
                case "or":
                    if (Combine(AsList(value, "or").Select(v => Build(obj, AsObject(v, obj.FilterInputName)!, instance)), Expression.OrElse) is { } or)
                        parts.Add(or);
                    continue;
            }
            var field = obj.Fields.FirstOrDefault(f => f.Name == name && f is not RequiresField)
                ?? throw Error($"The field \"{name}\" cannot be filtered on {obj.TypeName}.");
            var part = field switch
            {
                ScalarDataField { Filterable: true } s => Operations(s, ExpressionTools.Inline(s.Value, instance), AsObject(value, s.OperationInput)!),
                ObjectDataField { Filterable: true } o => Nested(o, instance, AsObject(value, o.Target.FilterInputName)!),
                ListDataField l => ListOperations(l, instance, AsObject(value, l.ListInputName)!),
                CustomFilterField c => ExpressionTools.Inline(c.Predicate(value), instance),
                _ => throw Error($"The field \"{name}\" cannot be filtered on {obj.TypeName}."),
            };
            if (part is not null) parts.Add(part);
        }
        return Combine(parts, Expression.AndAlso);
    }

    private static Expression? Nested(ObjectDataField field, Expression instance, IReadOnlyDictionary<string, object?> filter)
    {
        var navigation = ExpressionTools.Inline(field.Navigation, instance);
        if (Build(field.Target, filter, navigation) is not { } inner) return null;
        // Explicit, as HotChocolate does: a missing related object matches no nested condition.
        return Expression.AndAlso(Expression.NotEqual(navigation, Expression.Constant(null, navigation.Type)), inner);
    }

    private static Expression? ListOperations(ListDataField field, Expression instance, IReadOnlyDictionary<string, object?> ops)
    {
        var items = ExpressionTools.Inline(field.Navigation, instance);
        var itemType = field.Target.ClrType;
        var parts = new List<Expression>();
        foreach (var (op, value) in ops)
        {
            if (value is null) continue;
            if (op == "any")
            {
                var any = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [itemType], items);
                parts.Add(value is true ? any : Expression.Not(any));
                continue;
            }
            var c = Expression.Parameter(itemType, "c");
            var condition = Build(field.Target, AsObject(value, field.Target.FilterInputName)!, c) ?? Expression.Constant(true);
            var lambda = Expression.Lambda(condition, c);
            parts.Add(op switch
            {
                "some" => Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [itemType], items, lambda),
                "none" => Expression.Not(Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [itemType], items, lambda)),
                "all" => Expression.Call(typeof(Enumerable), nameof(Enumerable.All), [itemType], items, lambda),
                _ => throw Error($"Unknown list operation \"{op}\" on \"{field.Name}\"."),
            });
        }
        return Combine(parts, Expression.AndAlso);
    }

    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StringStartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo StringEndsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;

    private static Expression? Operations(ScalarDataField field, Expression member, IReadOnlyDictionary<string, object?> ops)
    {
        var allowed = OperationInputs.OperationsOf(field.OperationInput, field.ValueType);
        var parts = new List<Expression>();
        foreach (var (op, value) in ops)
        {
            switch (op)
            {
                // HotChocolate's StringOperationFilterInput has and/or over the same member.
                case "and" or "or" when value is not null:
                    var nested = AsList(value, op).Select(v => Operations(field, member, AsObject(v, field.OperationInput)!));
                    if (Combine(nested, op == "and" ? Expression.AndAlso : Expression.OrElse) is { } combined) parts.Add(combined);
                    continue;
                case "and" or "or":
                    continue;
            }
            if (!allowed.Contains(op)) throw Error($"The operation \"{op}\" is not supported on \"{field.Name}\".");
            parts.Add(Operation(field, member, op, value));
        }
        return Combine(parts, Expression.AndAlso);
    }

    private static Expression Operation(ScalarDataField field, Expression member, string op, object? value)
    {
        var type = member.Type;
        switch (op)
        {
            case "eq": return Equal(member, value);
            case "neq": return Expression.Not(Equal(member, value));
            case "in": return In(field, member, value, op);
            case "nin": return Expression.Not(In(field, member, value, op));
        }
        if (value is null) throw Error($"The operation \"{op}\" on \"{field.Name}\" does not accept null.");
        if (type == typeof(string))
        {
            var p = ExpressionTools.Parameter(ExpressionTools.ConvertValue(value, typeof(string)), typeof(string));
            return op switch
            {
                "contains" => Expression.Call(member, StringContains, p),
                "ncontains" => Expression.Not(Expression.Call(member, StringContains, p)),
                "startsWith" => Expression.Call(member, StringStartsWith, p),
                "nstartsWith" => Expression.Not(Expression.Call(member, StringStartsWith, p)),
                "endsWith" => Expression.Call(member, StringEndsWith, p),
                "nendsWith" => Expression.Not(Expression.Call(member, StringEndsWith, p)),
                _ => throw Error($"The operation \"{op}\" is not supported on \"{field.Name}\"."),
            };
        }
        var v = ExpressionTools.Parameter(ExpressionTools.ConvertValue(value, type), type);
        return op switch
        {
            "gt" => Expression.GreaterThan(member, v),
            "ngt" => Expression.Not(Expression.GreaterThan(member, v)),
            "gte" => Expression.GreaterThanOrEqual(member, v),
            "ngte" => Expression.Not(Expression.GreaterThanOrEqual(member, v)),
            "lt" => Expression.LessThan(member, v),
            "nlt" => Expression.Not(Expression.LessThan(member, v)),
            "lte" => Expression.LessThanOrEqual(member, v),
            "nlte" => Expression.Not(Expression.LessThanOrEqual(member, v)),
            _ => throw Error($"The operation \"{op}\" is not supported on \"{field.Name}\"."),
        };
    }

    private static Expression Equal(Expression member, object? value)
    {
        if (value is null)
        {
            // A non-nullable member is never null.
            return ExpressionTools.IsNullable(member.Type)
                ? Expression.Equal(member, Expression.Constant(null, member.Type))
                : Expression.Constant(false);
        }
        return Expression.Equal(member, ExpressionTools.Parameter(ExpressionTools.ConvertValue(value, member.Type), member.Type));
    }

    private static Expression In(ScalarDataField field, Expression member, object? value, string op)
    {
        if (value is null) throw Error($"The operation \"{op}\" on \"{field.Name}\" does not accept null.");
        var type = member.Type;
        var values = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(type))!;
        var hasNull = false;
        foreach (var item in AsList(value, op))
        {
            if (item is null) hasNull = true;
            else values.Add(ExpressionTools.ConvertValue(item, type));
        }
        // One list parameter (EF Core sends it as an array/JSON parameter); a null in the list is an explicit IS NULL.
        Expression contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [type],
            ExpressionTools.Parameter(values, values.GetType()), member);
        if (values.Count == 0) contains = Expression.Constant(false);
        if (hasNull && ExpressionTools.IsNullable(type))
            contains = Expression.OrElse(contains, Expression.Equal(member, Expression.Constant(null, type)));
        return contains;
    }

    private static Expression? Combine(IEnumerable<Expression?> parts, Func<Expression, Expression, BinaryExpression> join)
    {
        Expression? result = null;
        foreach (var p in parts)
        {
            if (p is null) continue;
            result = result is null ? p : join(result, p);
        }
        return result;
    }

    internal static IReadOnlyDictionary<string, object?>? AsObject(object? value, string typeName) => value switch
    {
        null => null,
        IReadOnlyDictionary<string, object?> d => d,
        IDictionary<string, object?> d => new Dictionary<string, object?>(d),
        _ => throw Error($"Expected an object of type {typeName}."),
    };

    internal static IEnumerable<object?> AsList(object? value, string name) => value switch
    {
        null => [],
        IEnumerable<object?> list when value is not string => list,
        IEnumerable list when value is not string and not IDictionary => list.Cast<object?>(),
        // Input coercion wraps a single value in a list; accept it unwrapped too.
        _ => [value],
    };

    internal static GraphQLError Error(string message) =>
        new(message, extensions: new Dictionary<string, object?> { ["code"] = "INVALID_FILTER" });
}
