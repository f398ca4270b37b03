using System.Text.Encodings.Web;
using System.Text.Json;

namespace SefData.GraphQL.Utilities;

/// <summary>
/// Converts <see cref="JsonElement"/> values (request variables, JSON-backed resolver results) to the plain CLR
/// shapes the type system works with: string, bool, int/long/double, Dictionary&lt;string, object?&gt;, List&lt;object?&gt;, null.
/// </summary>
public static class JsonValues
{
    internal static readonly JsonSerializerOptions RelaxedOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Converts a JsonElement deeply; any other value is returned unchanged.</summary>
    public static object? Unwrap(object? value) => value is JsonElement e ? ToClr(e) : value;

    public static object? ToClr(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String: return element.GetString();
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.Number:
                if (element.TryGetInt32(out var i)) return i;
                if (element.TryGetInt64(out var l)) return l;
                return element.GetDouble();
            case JsonValueKind.Object:
                var dict = new Dictionary<string, object?>();
                foreach (var p in element.EnumerateObject()) dict[p.Name] = ToClr(p.Value);
                return dict;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray()) list.Add(ToClr(item));
                return list;
            default: return null;
        }
    }

    /// <summary>
    /// Compact JSON text of a CLR or JSON value, numbers in JavaScript notation (as JSON.stringify writes them),
    /// so results can be compared with graphql-js output byte for byte.
    /// </summary>
    public static string ToJsonString(object? value)
    {
        var sb = new System.Text.StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    private static void Write(System.Text.StringBuilder sb, object? value)
    {
        value = Unwrap(value);
        switch (value)
        {
            case null: sb.Append("null"); return;
            case string s: sb.Append(JsonSerializer.Serialize(s, RelaxedOptions)); return;
            case bool b: sb.Append(b ? "true" : "false"); return;
            case char c: sb.Append(JsonSerializer.Serialize(c.ToString(), RelaxedOptions)); return;
            case Enum e: sb.Append(JsonSerializer.Serialize(e.ToString(), RelaxedOptions)); return;
        }
        if (JsNumber.TryGetDouble(value, out var d))
        {
            if (value is int or long or short or byte or sbyte or uint or ushort or ulong)
                sb.Append(System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(double.IsFinite(d) ? JsNumber.ToString(d) : "null");
            return;
        }
        switch (value)
        {
            case IEnumerable<KeyValuePair<string, object?>> pairs:
            {
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in pairs)
                {
                    if (!first) sb.Append(',');
                    first = false;
                    sb.Append(JsonSerializer.Serialize(k, RelaxedOptions)).Append(':');
                    Write(sb, v);
                }
                sb.Append('}');
                return;
            }
            case System.Collections.IEnumerable items:
            {
                sb.Append('[');
                var first = true;
                foreach (var item in items)
                {
                    if (!first) sb.Append(',');
                    first = false;
                    Write(sb, item);
                }
                sb.Append(']');
                return;
            }
            default:
                sb.Append(JsonSerializer.Serialize(value, value.GetType(), RelaxedOptions));
                return;
        }
    }
}
