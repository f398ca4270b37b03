using System.Globalization;
using System.Text.Json;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Data;

/// <summary>
/// The scalars the operation inputs compare (API-CONVENTIONS.md "Names and types"): <c>Date</c> (ISO 8601
/// <c>2019-01-31</c>, DateOnly), <c>DateTime</c> (ISO 8601 with offset, DateTimeOffset), <c>Decimal</c> (JSON number,
/// exact from literals and JSON text) and <c>Long</c> (64-bit integer).
/// </summary>
public static class DataScalars
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static ScalarType Date { get; } = new DateScalar();
    public static ScalarType DateTime { get; } = new DateTimeScalar();
    public static ScalarType Decimal { get; } = new DecimalScalar();
    public static ScalarType Long { get; } = new LongScalar();

    private static GraphQLError Invalid(string scalar, object? value, ValueNode? node = null) =>
        new($"{scalar} cannot represent value: {(node is null ? Inspector.Inspect(value) : ValuePrinter.Print(node))}", node is null ? null : [node]);

    private sealed class DateScalar : ScalarType
    {
        public DateScalar() : base("Date") => Description = "A calendar date, ISO 8601 (yyyy-MM-dd).";

        public override object? Serialize(object? value) => JsonValues.Unwrap(value) switch
        {
            DateOnly d => d.ToString("yyyy-MM-dd", Inv),
            System.DateTime dt => DateOnly.FromDateTime(dt).ToString("yyyy-MM-dd", Inv),
            DateTimeOffset dto => DateOnly.FromDateTime(dto.Date).ToString("yyyy-MM-dd", Inv),
            string s when TryParse(s, out _) => s,
            var v => throw Invalid(Name, v),
        };

        public override object? ParseValue(object? value) =>
            JsonValues.Unwrap(value) is string s && TryParse(s, out var d) ? d : throw Invalid(Name, value);

        public override object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables = null) =>
            valueNode is StringValueNode s && TryParse(s.Value, out var d) ? d : throw Invalid(Name, null, valueNode);

        private static bool TryParse(string s, out DateOnly d) => DateOnly.TryParseExact(s, "yyyy-MM-dd", Inv, DateTimeStyles.None, out d);
    }

    private sealed class DateTimeScalar : ScalarType
    {
        public DateTimeScalar() : base("DateTime") => Description = "A point in time, ISO 8601 with an offset.";

        public override object? Serialize(object? value) => JsonValues.Unwrap(value) switch
        {
            DateTimeOffset dto => dto.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", Inv),
            System.DateTime dt => new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? System.DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt)
                .ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", Inv),
            var v => throw Invalid(Name, v),
        };

        public override object? ParseValue(object? value) =>
            JsonValues.Unwrap(value) is string s && TryParse(s, out var d) ? d : throw Invalid(Name, value);

        public override object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables = null) =>
            valueNode is StringValueNode s && TryParse(s.Value, out var d) ? d : throw Invalid(Name, null, valueNode);

        // An offset (or Z) is required: a local time without one is ambiguous.
        private static bool TryParse(string s, out DateTimeOffset d)
        {
            d = default;
            var hasOffset = s.EndsWith('Z') || s.EndsWith('z') || (s.Length > 6 && s[^6] is '+' or '-');
            return hasOffset && s.Contains('T', StringComparison.Ordinal)
                && DateTimeOffset.TryParse(s, Inv, DateTimeStyles.RoundtripKind, out d);
        }
    }

    private sealed class DecimalScalar : ScalarType
    {
        public DecimalScalar() : base("Decimal") => Description = "A decimal number, exact on input.";

        public override object? Serialize(object? value) => JsonValues.Unwrap(value) switch
        {
            decimal m => m,
            int or long or short or byte => System.Convert.ToDecimal(JsonValues.Unwrap(value), Inv),
            double d when double.IsFinite(d) => (decimal)d,
            var v => throw Invalid(Name, v),
        };

        public override object? ParseValue(object? value) => value switch
        {
            JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDecimal(),
            decimal m => m,
            int or long => System.Convert.ToDecimal(value, Inv),
            double d when double.IsFinite(d) => (decimal)d,
            _ => throw Invalid(Name, value),
        };

        public override object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables = null) =>
            valueNode switch
            {
                IntValueNode i when decimal.TryParse(i.Value, NumberStyles.Float, Inv, out var m) => m,
                FloatValueNode f when decimal.TryParse(f.Value, NumberStyles.Float, Inv, out var m) => m,
                _ => throw Invalid(Name, null, valueNode),
            };
    }

    private sealed class LongScalar : ScalarType
    {
        public LongScalar() : base("Long") => Description = "A 64-bit signed integer.";

        public override object? Serialize(object? value) => JsonValues.Unwrap(value) switch
        {
            long l => l,
            int or short or byte or uint => System.Convert.ToInt64(JsonValues.Unwrap(value), Inv),
            var v => throw Invalid(Name, v),
        };

        public override object? ParseValue(object? value) => value switch
        {
            JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt64(out var l) => l,
            long l => l,
            int i => (long)i,
            double d when Math.Floor(d) == d && Math.Abs(d) < 9.2e18 => (long)d,
            _ => throw Invalid(Name, value),
        };

        public override object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables = null) =>
            valueNode is IntValueNode i && long.TryParse(i.Value, NumberStyles.AllowLeadingSign, Inv, out var l) ? l : throw Invalid(Name, null, valueNode);
    }
}
