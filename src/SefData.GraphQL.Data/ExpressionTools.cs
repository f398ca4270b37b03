using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Data;

/// <summary>Small expression-tree helpers shared by filtering, sorting and projection.</summary>
public static class ExpressionTools
{
    /// <summary>
    /// A value as a closure read (<c>box.Value</c>), which EF Core sends as a SQL parameter. A constant would be
    /// inlined into the SQL text instead.
    /// </summary>
    public static Expression Parameter(object? value, Type type)
    {
        var box = Activator.CreateInstance(typeof(ValueBox<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(box), nameof(ValueBox<int>.Value));
    }

    /// <summary>The body of <paramref name="lambda"/> with its parameter replaced by <paramref name="instance"/>.</summary>
    public static Expression Inline(LambdaExpression lambda, Expression instance) =>
        new ReplaceParameter(lambda.Parameters[0], instance).Visit(lambda.Body);

    /// <summary><c>x => (object)x.Id</c> becomes <c>x => x.Id</c>.</summary>
    public static LambdaExpression StripBoxing(LambdaExpression lambda)
    {
        var body = lambda.Body;
        while (body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } u && u.Type == typeof(object))
            body = u.Operand;
        return body == lambda.Body ? lambda : Expression.Lambda(body, lambda.Parameters);
    }

    /// <summary>The member chain of <c>x => x.A.B</c> (A, B); null when the body is anything else.</summary>
    public static IReadOnlyList<MemberInfo>? MemberPath(LambdaExpression lambda)
    {
        var path = new List<MemberInfo>();
        var e = lambda.Body;
        while (e is MemberExpression m)
        {
            path.Add(m.Member);
            e = m.Expression;
        }
        if (e != lambda.Parameters[0] || path.Count == 0) return null;
        path.Reverse();
        return path;
    }

    internal static void AssertName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var ok = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !name.StartsWith("__", StringComparison.Ordinal);
        if (!ok) throw new ArgumentException($"\"{name}\" is not a valid GraphQL name.", nameof(name));
    }

    internal static bool IsNullable(Type t) => !t.IsValueType || Nullable.GetUnderlyingType(t) is not null;

    /// <summary>
    /// Converts a coerced GraphQL value (whatever the scalar produced: string, double, decimal, DateOnly,
    /// DateTimeOffset, an enum member or its name) to the CLR type of the member it is compared with.
    /// </summary>
    public static object? ConvertValue(object? value, Type target)
    {
        value = value is JsonElement json ? JsonValues.ToClr(json) : value;
        if (value is null) return null;
        var type = Nullable.GetUnderlyingType(target) ?? target;
        // Npgsql writes timestamptz only from UTC offsets; the instant is what is compared.
        if (value is DateTimeOffset instant && type == typeof(DateTimeOffset)) return instant.ToUniversalTime();
        if (type.IsInstanceOfType(value)) return value;
        var inv = CultureInfo.InvariantCulture;
        if (type == typeof(DateOnly))
        {
            return value switch
            {
                DateTime dt => DateOnly.FromDateTime(dt),
                DateTimeOffset dto => DateOnly.FromDateTime(dto.Date),
                string s => DateOnly.ParseExact(s, "yyyy-MM-dd", inv),
                _ => throw Bad(value, target),
            };
        }
        if (type == typeof(DateTime))
        {
            // PostgreSQL timestamptz parameters must be UTC; SQLite stores what it is given, so be consistent.
            return value switch
            {
                DateTimeOffset dto => dto.UtcDateTime,
                DateOnly d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                string s => DateTimeOffset.Parse(s, inv, DateTimeStyles.RoundtripKind).UtcDateTime,
                _ => throw Bad(value, target),
            };
        }
        if (type == typeof(DateTimeOffset))
        {
            return value switch
            {
                DateTime dt => new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt),
                DateOnly d => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                string s => DateTimeOffset.Parse(s, inv, DateTimeStyles.RoundtripKind).ToUniversalTime(),
                _ => throw Bad(value, target),
            };
        }
        if (type == typeof(decimal))
        {
            return value switch
            {
                double d => (decimal)d,
                string s => decimal.Parse(s, NumberStyles.Float, inv),
                IConvertible c => c.ToDecimal(inv),
                _ => throw Bad(value, target),
            };
        }
        return ValueConverter.Convert(value, type);
    }

    private static GraphQLError Bad(object value, Type target) =>
        new($"Cannot use the value {Inspector.Inspect(value)} where {(Nullable.GetUnderlyingType(target) ?? target).Name} is expected.");

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

/// <summary>Holds one filter value so the expression reads it as a captured variable (a SQL parameter).</summary>
public sealed class ValueBox<TValue>(TValue value)
{
    public TValue Value { get; } = value;
}
