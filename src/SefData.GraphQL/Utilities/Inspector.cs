using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SefData.GraphQL.Utilities;

/// <summary>
/// Formats values the way graphql-js <c>inspect</c> does, so error messages match the reference implementation
/// (strings JSON-quoted, numbers in JavaScript notation, objects as <c>{ a: 1 }</c>, depth limited to 2).
/// </summary>
public static class Inspector
{
    private const int MaxArrayLength = 10;
    private const int MaxRecursiveDepth = 2;

    public static string Inspect(object? value)
    {
        var sb = new StringBuilder();
        Format(sb, value, 0);
        return sb.ToString();
    }

    private static void Format(StringBuilder sb, object? value, int depth)
    {
        value = JsonValues.Unwrap(value);
        switch (value)
        {
            case null: sb.Append("null"); return;
            case string s: sb.Append(JsonSerializer.Serialize(s, JsonValues.RelaxedOptions)); return;
            case bool b: sb.Append(b ? "true" : "false"); return;
            case char c: sb.Append(JsonSerializer.Serialize(c.ToString(), JsonValues.RelaxedOptions)); return;
            case Enum e: sb.Append(JsonSerializer.Serialize(e.ToString(), JsonValues.RelaxedOptions)); return;
        }
        if (JsNumber.TryGetDouble(value, out var number))
        {
            sb.Append(value is long or ulong or int or uint or short or ushort or byte or sbyte
                ? Convert.ToString(value, CultureInfo.InvariantCulture)
                : JsNumber.ToString(number));
            return;
        }
        depth++;
        if (value is IDictionary dict)
        {
            FormatEntries(sb, Entries(dict), dict.Count, depth);
            return;
        }
        if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            var list = pairs.ToList();
            FormatEntries(sb, list, list.Count, depth);
            return;
        }
        if (value is IEnumerable items)
        {
            var list = items.Cast<object?>().ToList();
            if (list.Count == 0) { sb.Append("[]"); return; }
            if (depth > MaxRecursiveDepth) { sb.Append("[Array]"); return; }
            sb.Append('[');
            var shown = Math.Min(list.Count, MaxArrayLength);
            for (var i = 0; i < shown; i++)
            {
                if (i > 0) sb.Append(", ");
                Format(sb, list[i], depth);
            }
            var remaining = list.Count - shown;
            if (remaining == 1) sb.Append(", ... 1 more item");
            else if (remaining > 1) sb.Append(", ... ").Append(remaining).Append(" more items");
            sb.Append(']');
            return;
        }
        // A plain CLR object is shown like a JS object of its public properties.
        var props = value.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => new KeyValuePair<string, object?>(p.Name, p.GetValue(value)))
            .ToList();
        FormatEntries(sb, props, props.Count, depth, value.GetType().Name);
    }

    private static IEnumerable<KeyValuePair<string, object?>> Entries(IDictionary dict)
    {
        foreach (DictionaryEntry entry in dict)
            yield return new KeyValuePair<string, object?>(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "", entry.Value);
    }

    private static void FormatEntries(StringBuilder sb, IEnumerable<KeyValuePair<string, object?>> entries, int count, int depth, string tag = "Object")
    {
        if (count == 0) { sb.Append("{}"); return; }
        if (depth > MaxRecursiveDepth) { sb.Append('[').Append(tag).Append(']'); return; }
        sb.Append("{ ");
        var first = true;
        foreach (var (key, v) in entries)
        {
            if (!first) sb.Append(", ");
            first = false;
            sb.Append(key).Append(": ");
            Format(sb, v, depth);
        }
        sb.Append(" }");
    }
}

/// <summary>JavaScript number semantics needed for graphql-js-compatible coercion and messages.</summary>
public static class JsNumber
{
    /// <summary>True for any CLR numeric value (not bool, not string); outputs it as a double.</summary>
    public static bool TryGetDouble(object? value, out double number)
    {
        switch (value)
        {
            case int i: number = i; return true;
            case long l: number = l; return true;
            case double d: number = d; return true;
            case float f: number = f; return true;
            case decimal m: number = (double)m; return true;
            case short s: number = s; return true;
            case byte b: number = b; return true;
            case sbyte sb: number = sb; return true;
            case ushort us: number = us; return true;
            case uint ui: number = ui; return true;
            case ulong ul: number = ul; return true;
            case System.Numerics.BigInteger bi: number = (double)bi; return true;
            case Half h: number = (double)h; return true;
            default: number = 0; return false;
        }
    }

    public static bool IsInteger(double d) => double.IsFinite(d) && Math.Floor(d) == d;

    /// <summary>JavaScript <c>Number.prototype.toString()</c>: shortest round-trip digits, JS exponent rules.</summary>
    public static string ToString(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        if (d == 0) return "0";
        // Shortest round-trip digits: "R" gives them, but in .NET notation; rebuild digits + exponent from it.
        var shortest = d.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest[0] == '-';
        if (negative) shortest = shortest[1..];
        string mantissa;
        int exp;
        var ePos = shortest.IndexOfAny(['E', 'e']);
        if (ePos >= 0)
        {
            mantissa = shortest[..ePos];
            exp = int.Parse(shortest[(ePos + 1)..], CultureInfo.InvariantCulture);
        }
        else
        {
            mantissa = shortest;
            exp = 0;
        }
        var dot = mantissa.IndexOf('.');
        var intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fracPart = dot >= 0 ? mantissa[(dot + 1)..] : "";
        var digits = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - digits.Length;
        // n = position of the decimal point relative to the start of digits (JS spec "n").
        var n = intPart.Length - leadingZeros + exp;
        digits = digits.TrimEnd('0');
        var k = digits.Length;
        var sb = new StringBuilder();
        if (negative) sb.Append('-');
        if (k <= n && n <= 21)
        {
            sb.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var e = n - 1;
            sb.Append(digits[0]);
            if (k > 1) sb.Append('.').Append(digits, 1, k - 1);
            sb.Append('e').Append(e >= 0 ? "+" : "-").Append(Math.Abs(e));
        }
        return sb.ToString();
    }

    /// <summary>JavaScript <c>Number(string)</c>: NaN when the text is not a number.</summary>
    public static double Parse(string text)
    {
        var s = text.Trim();
        if (s.Length == 0) return 0;
        switch (s)
        {
            case "Infinity" or "+Infinity": return double.PositiveInfinity;
            case "-Infinity": return double.NegativeInfinity;
        }
        if (s.Length > 2 && s[0] == '0' && s[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            var radix = s[1] switch { 'x' or 'X' => 16, 'o' or 'O' => 8, _ => 2 };
            double acc = 0;
            foreach (var c in s.AsSpan(2))
            {
                var digit = c switch
                {
                    >= '0' and <= '9' => c - '0',
                    >= 'a' and <= 'f' => c - 'a' + 10,
                    >= 'A' and <= 'F' => c - 'A' + 10,
                    _ => 99,
                };
                if (digit >= radix) return double.NaN;
                acc = acc * radix + digit;
            }
            return acc;
        }
        foreach (var c in s)
        {
            // JS accepts only decimal digits, sign, point and exponent here; .NET would also take "NaN", "∞", ",".
            if (!(c is >= '0' and <= '9' or '.' or 'e' or 'E' or '+' or '-')) return double.NaN;
        }
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN;
    }
}
