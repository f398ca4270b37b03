using System.Globalization;
using SefData.GraphQL.Language;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Types;

/// <summary>
/// A scalar type. Custom scalars either pass delegates or subclass and override the three coercion methods.
/// All three throw <see cref="GraphQLError"/> for values they cannot represent.
/// Input values reach <see cref="ParseValue"/> as plain CLR values (see <see cref="JsonValues"/>).
/// </summary>
public class ScalarType : NamedType, ILeafType
{
    private readonly Func<object?, object?>? _serialize;
    private readonly Func<object?, object?>? _parseValue;
    private readonly Func<ValueNode, IReadOnlyDictionary<string, object?>?, object?>? _parseLiteral;

    public ScalarType(
        string name,
        Func<object?, object?>? serialize = null,
        Func<object?, object?>? parseValue = null,
        Func<ValueNode, IReadOnlyDictionary<string, object?>?, object?>? parseLiteral = null)
        : base(name)
    {
        _serialize = serialize;
        _parseValue = parseValue;
        _parseLiteral = parseLiteral;
    }

    public override TypeKind Kind => TypeKind.Scalar;

    /// <summary>
    /// When true, JSON input (variables) reaches <see cref="ParseValue"/> as the original <c>JsonElement</c>, e.g. to
    /// read a number's exact decimal text; otherwise it arrives as a plain CLR value (string, bool, int, long, double).
    /// </summary>
    public virtual bool ReceivesJsonElements => false;

    /// <summary>Rendered as <c>@specifiedBy(url:)</c> and exposed as __Type.specifiedByURL.</summary>
    public string? SpecifiedByUrl { get; init; }

    /// <summary>Default: the value unchanged (graphql-js identity serialize).</summary>
    public virtual object? Serialize(object? value) => _serialize is null ? JsonValues.Unwrap(value) : _serialize(value);

    /// <summary>Default: the value unchanged.</summary>
    public virtual object? ParseValue(object? value) => _parseValue is null ? value : _parseValue(value);

    /// <summary>Default: <see cref="ParseValue"/> of the literal converted without a type (graphql-js valueFromASTUntyped).</summary>
    public virtual object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables = null)
        => _parseLiteral is not null
            ? _parseLiteral(valueNode, variables)
            : ParseValue(ValueFromAstUntyped.Convert(valueNode, variables));

    public static ScalarType Int { get; } = new IntScalar();
    public static ScalarType Float { get; } = new FloatScalar();
    public static ScalarType String { get; } = new StringScalar();
    public static ScalarType Boolean { get; } = new BooleanScalar();
    public static ScalarType ID { get; } = new IdScalar();

    /// <summary>graphql-js specifiedScalarTypes order.</summary>
    public static IReadOnlyList<ScalarType> SpecifiedScalarTypes { get; } = [String, Int, Float, Boolean, ID];

    public static bool IsSpecifiedScalarType(NamedType type) =>
        type.Name is "String" or "Int" or "Float" or "Boolean" or "ID";

    /// <summary>JsonElement leaves become CLR values; other values pass through (graphql-js serializeObject analogue).</summary>
    private protected static object? Leaf(object? value) => JsonValues.Unwrap(value);

    private protected static bool IsIntegralClr(object? value) =>
        value is int or long or short or byte or sbyte or ushort or uint or ulong or System.Numerics.BigInteger;

    private sealed class IntScalar : ScalarType
    {
        public IntScalar() : base("Int")
        {
            Description = "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.";
        }

        public override object? Serialize(object? value)
        {
            var coerced = Leaf(value);
            if (coerced is bool b) return b ? 1 : 0;
            if (coerced is int i) return i;
            double num;
            if (coerced is string s && s.Length > 0) num = JsNumber.Parse(s);
            else if (!JsNumber.TryGetDouble(coerced, out num))
                throw new GraphQLError($"Int cannot represent non-integer value: {Inspector.Inspect(coerced)}");
            if (!JsNumber.IsInteger(num))
                throw new GraphQLError($"Int cannot represent non-integer value: {Inspector.Inspect(coerced)}");
            if (num > int.MaxValue || num < int.MinValue)
                throw new GraphQLError($"Int cannot represent non 32-bit signed integer value: {Inspector.Inspect(coerced)}");
            return (int)num;
        }

        public override object? ParseValue(object? value)
        {
            if (value is int i) return i;
            if (!JsNumber.TryGetDouble(value, out var num) || !JsNumber.IsInteger(num))
                throw new GraphQLError($"Int cannot represent non-integer value: {Inspector.Inspect(value)}");
            if (num > int.MaxValue || num < int.MinValue)
                throw new GraphQLError($"Int cannot represent non 32-bit signed integer value: {Inspector.Inspect(value)}");
            return (int)num;
        }

        public override object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables = null)
        {
            if (valueNode is not IntValueNode intNode)
                throw new GraphQLError($"Int cannot represent non-integer value: {ValuePrinter.Print(valueNode)}", [valueNode]);
            if (!int.TryParse(intNode.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var num))
                throw new GraphQLError($"Int cannot represent non 32-bit signed integer value: {intNode.Value}", [valueNode]);
            return num;
        }
    }

    private sealed class FloatScalar : ScalarType
    {
        public FloatScalar() : base("Float")
        {
            Description = "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).";
        }

        public override object? Serialize(object? value)
        {
            var coerced = Leaf(value);
            if (coerced is bool b) return b ? 1.0 : 0.0;
            double num;
            if (coerced is string s && s.Length > 0) num = JsNumber.Parse(s);
            else if (!JsNumber.TryGetDouble(coerced, out num))
                throw new GraphQLError($"Float cannot represent non numeric value: {Inspector.Inspect(coerced)}");
            if (!double.IsFinite(num))
                throw new GraphQLError($"Float cannot represent non numeric value: {Inspector.Inspect(coerced)}");
            return num;
        }

        public override object? ParseValue(object? value)
        {
            if (!JsNumber.TryGetDouble(value, out var num) || !double.IsFinite(num))
                throw new GraphQLError($"Float cannot represent non numeric value: {Inspector.Inspect(value)}");
            return num;
        }

        public override object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables = null)
        {
            var text = valueNode switch
            {
                FloatValueNode f => f.Value,
                IntValueNode i => i.Value,
                _ => throw new GraphQLError($"Float cannot represent non numeric value: {ValuePrinter.Print(valueNode)}", [valueNode]),
            };
            return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
    }

    private sealed class StringScalar : ScalarType
    {
        public StringScalar() : base("String")
        {
            Description = "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.";
        }

        public override object? Serialize(object? value)
        {
            var coerced = Leaf(value);
            switch (coerced)
            {
                case string s: return s;
                case bool b: return b ? "true" : "false";
                // CLR-only conveniences: these have an obvious string form and no JS counterpart.
                case char c: return c.ToString();
                case Guid g: return g.ToString();
            }
            if (IsIntegralClr(coerced)) return Convert.ToString(coerced, CultureInfo.InvariantCulture);
            if (JsNumber.TryGetDouble(coerced, out var num) && double.IsFinite(num)) return JsNumber.ToString(num);
            throw new GraphQLError($"String cannot represent value: {Inspector.Inspect(value)}");
        }

        public override object? ParseValue(object? value)
        {
            if (value is string s) return s;
            throw new GraphQLError($"String cannot represent a non string value: {Inspector.Inspect(value)}");
        }

        public override object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables = null)
        {
            if (valueNode is StringValueNode s) return s.Value;
            throw new GraphQLError($"String cannot represent a non string value: {ValuePrinter.Print(valueNode)}", [valueNode]);
        }
    }

    private sealed class BooleanScalar : ScalarType
    {
        public BooleanScalar() : base("Boolean")
        {
            Description = "The `Boolean` scalar type represents `true` or `false`.";
        }

        public override object? Serialize(object? value)
        {
            var coerced = Leaf(value);
            if (coerced is bool b) return b;
            if (JsNumber.TryGetDouble(coerced, out var num) && double.IsFinite(num)) return num != 0;
            throw new GraphQLError($"Boolean cannot represent a non boolean value: {Inspector.Inspect(coerced)}");
        }

        public override object? ParseValue(object? value)
        {
            if (value is bool b) return b;
            throw new GraphQLError($"Boolean cannot represent a non boolean value: {Inspector.Inspect(value)}");
        }

        public override object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables = null)
        {
            if (valueNode is BooleanValueNode b) return b.Value;
            throw new GraphQLError($"Boolean cannot represent a non boolean value: {ValuePrinter.Print(valueNode)}", [valueNode]);
        }
    }

    private sealed class IdScalar : ScalarType
    {
        public IdScalar() : base("ID")
        {
            Description = "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.";
        }

        public override object? Serialize(object? value)
        {
            var coerced = Leaf(value);
            if (coerced is string s) return s;
            if (coerced is Guid g) return g.ToString();
            if (IsIntegralClr(coerced)) return Convert.ToString(coerced, CultureInfo.InvariantCulture);
            if (coerced is not bool && JsNumber.TryGetDouble(coerced, out var num) && JsNumber.IsInteger(num)) return JsNumber.ToString(num);
            throw new GraphQLError($"ID cannot represent value: {Inspector.Inspect(value)}");
        }

        public override object? ParseValue(object? value)
        {
            if (value is string s) return s;
            if (IsIntegralClr(value)) return Convert.ToString(value, CultureInfo.InvariantCulture);
            if (value is not bool && JsNumber.TryGetDouble(value, out var num) && JsNumber.IsInteger(num)) return JsNumber.ToString(num);
            throw new GraphQLError($"ID cannot represent value: {Inspector.Inspect(value)}");
        }

        public override object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables = null) => valueNode switch
        {
            StringValueNode s => s.Value,
            IntValueNode i => i.Value,
            _ => throw new GraphQLError($"ID cannot represent a non-string and non-integer value: {ValuePrinter.Print(valueNode)}", [valueNode]),
        };
    }
}
