using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Http;

/// <summary>
/// Writes a <see cref="GraphQLResponse"/> as JSON: <c>errors</c> first (the spec's recommendation, so a reader
/// sees them before a large data tree), then <c>data</c> when present, then <c>extensions</c>.
/// </summary>
public static class GraphQLResponseWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // UTF-8 output does not need non-ASCII escaped; the body is never inlined into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static void Write(Utf8JsonWriter writer, GraphQLResponse response)
    {
        writer.WriteStartObject();
        if (response.Errors.Count > 0)
        {
            writer.WritePropertyName("errors");
            writer.WriteStartArray();
            foreach (var error in response.Errors) WriteError(writer, error);
            writer.WriteEndArray();
        }
        if (response.HasData)
        {
            writer.WritePropertyName("data");
            WriteValue(writer, response.Data);
        }
        if (response.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions");
            WriteValue(writer, extensions);
        }
        writer.WriteEndObject();
    }

    public static async Task WriteAsync(Stream stream, GraphQLResponse response, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(stream, WriterOptions);
        Write(writer, response);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static string ToJson(GraphQLResponse response)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) Write(writer, response);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void WriteError(Utf8JsonWriter writer, GraphQLError error)
    {
        writer.WriteStartObject();
        writer.WriteString("message", error.Message);
        if (error.Locations.Count > 0)
        {
            writer.WritePropertyName("locations");
            writer.WriteStartArray();
            foreach (var location in error.Locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line", location.Line);
                writer.WriteNumber("column", location.Column);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        if (error.Path is { } path)
        {
            writer.WritePropertyName("path");
            writer.WriteStartArray();
            foreach (var key in path)
            {
                if (key is int index) writer.WriteNumberValue(index);
                else writer.WriteStringValue(key.ToString());
            }
            writer.WriteEndArray();
        }
        if (error.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions");
            WriteValue(writer, extensions);
        }
        writer.WriteEndObject();
    }

    /// <summary>Plain CLR JSON shapes (and <see cref="JsonElement"/>); numbers as JavaScript would print them.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); return;
            case string s: writer.WriteStringValue(s); return;
            case bool b: writer.WriteBooleanValue(b); return;
            case int i: writer.WriteNumberValue(i); return;
            case long l: writer.WriteNumberValue(l); return;
            case JsonElement element: element.WriteTo(writer); return;
            case char c: writer.WriteStringValue(c.ToString()); return;
            case Enum e: writer.WriteStringValue(e.ToString()); return;
            case decimal m: writer.WriteRawValue(m.ToString(CultureInfo.InvariantCulture), skipInputValidation: true); return;
        }
        if (JsNumber.TryGetDouble(value, out var d))
        {
            if (!double.IsFinite(d)) writer.WriteNullValue();
            else if (value is short or byte or sbyte or uint or ushort or ulong) writer.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!, skipInputValidation: true);
            else writer.WriteRawValue(JsNumber.ToString(d), skipInputValidation: true);
            return;
        }
        switch (value)
        {
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                writer.WriteStartObject();
                foreach (var (k, v) in pairs)
                {
                    writer.WritePropertyName(k);
                    WriteValue(writer, v);
                }
                writer.WriteEndObject();
                return;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items) WriteValue(writer, item);
                writer.WriteEndArray();
                return;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType());
                return;
        }
    }
}
