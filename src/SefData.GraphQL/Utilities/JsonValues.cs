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
}
