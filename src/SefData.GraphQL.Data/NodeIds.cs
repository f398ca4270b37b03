using System.Globalization;
using System.Text;

namespace SefData.GraphQL.Data;

/// <summary>
/// Global object ids (API-CONVENTIONS.md "Global object identification"): base64url, unpadded, of
/// <c>TypeName:key</c>. Opaque to clients; natural keys stay separate fields.
/// </summary>
public static class NodeIds
{
    public static string Encode(string typeName, object key)
    {
        var text = typeName + ":" + Convert.ToString(key, CultureInfo.InvariantCulture);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The type name and key text of an id; false when it is not one of ours.</summary>
    public static bool TryDecode(string id, out string typeName, out string key)
    {
        typeName = key = "";
        try
        {
            var base64 = id.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == text.Length - 1) return false;
            (typeName, key) = (text[..colon], text[(colon + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The key of an id of <paramref name="typeName"/> as an int; false for another type or a malformed id.</summary>
    public static bool TryDecodeInt(string id, string typeName, out int key)
    {
        key = 0;
        return TryDecode(id, out var type, out var text) && type == typeName
            && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out key);
    }
}
