using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Execution;

/// <summary>
/// Writes an <see cref="ExecutionResult"/> exactly as graphql-js's <c>JSON.stringify(result)</c> does: "errors"
/// (message, locations, path, extensions when present) before "data", strings escaped like JSON.stringify (only
/// quotes, backslashes, control characters and lone surrogates), numbers in JavaScript notation.
/// </summary>
public static class ExecutionResultJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly SearchValues<char> NeedsEscaping = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)));

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_escapeBuffer;

    public static string Serialize(ExecutionResult result) => Encoding.UTF8.GetString(SerializeToUtf8Bytes(result));

    public static byte[] SerializeToUtf8Bytes(ExecutionResult result)
    {
        using var buffer = new PooledBufferWriter(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) Write(writer, result);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the response into <paramref name="output"/> (an HTTP response PipeWriter, for example).</summary>
    public static void Write(IBufferWriter<byte> output, ExecutionResult result)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        Write(writer, result);
    }

    /// <summary>An IBufferWriter over pooled arrays: only the final copy is allocated.</summary>
    private sealed class PooledBufferWriter(int initialCapacity) : IBufferWriter<byte>, IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
        private int _written;

        public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

        public void Advance(int count) => _written += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsMemory(_written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsSpan(_written);
        }

        private void Ensure(int sizeHint)
        {
            if (_buffer.Length - _written >= Math.Max(sizeHint, 1)) return;
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _written + sizeHint));
            _buffer.AsSpan(0, _written).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    /// <summary>JSON.stringify of any result-like value (maps, lists, leaves, dictionaries).</summary>
    public static string SerializeValue(object? value)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) WriteValue(writer, value);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static async Task WriteAsync(Stream stream, ExecutionResult result, CancellationToken cancellationToken = default)
    {
        await using var writer = new Utf8JsonWriter(stream, WriterOptions);
        Write(writer, result);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static void Write(Utf8JsonWriter writer, ExecutionResult result)
    {
        writer.WriteStartObject();
        if (result.Errors is { Count: > 0 } errors)
        {
            writer.WritePropertyName("errors"u8);
            writer.WriteStartArray();
            foreach (var error in errors) WriteError(writer, error);
            writer.WriteEndArray();
        }
        if (result.HasData)
        {
            writer.WritePropertyName("data"u8);
            if (result.Data is null) writer.WriteNullValue();
            else WriteMap(writer, result.Data);
        }
        if (result.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions"u8);
            WriteValue(writer, extensions);
        }
        writer.WriteEndObject();
    }

    /// <summary>graphql-js GraphQLError.toJSON.</summary>
    public static void WriteError(Utf8JsonWriter writer, GraphQLError error)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("message"u8);
        WriteString(writer, error.Message);
        if (error.Locations.Count > 0)
        {
            writer.WritePropertyName("locations"u8);
            writer.WriteStartArray();
            foreach (var location in error.Locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line"u8, location.Line);
                writer.WriteNumber("column"u8, location.Column);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        if (error.Path is { } path)
        {
            writer.WritePropertyName("path"u8);
            writer.WriteStartArray();
            foreach (var key in path)
            {
                if (key is int index) writer.WriteNumberValue(index);
                else WriteString(writer, key.ToString()!);
            }
            writer.WriteEndArray();
        }
        if (error.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions"u8);
            WriteValue(writer, extensions);
        }
        writer.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter writer, ResultMap map)
    {
        writer.WriteStartObject();
        var keys = map.FieldSet.Keys;
        var values = map.RawValues;
        for (var i = 0; i < values.Length; i++)
        {
            // Response keys are GraphQL names: nothing to escape.
            writer.WritePropertyName(keys[i]);
            WriteValue(writer, values[i]);
        }
        writer.WriteEndObject();
    }

    /// <summary>Any result value: the executor's maps and lists, leaves, or what a custom scalar serialized to.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return;
            case string s:
                WriteString(writer, s);
                return;
            case int i:
                writer.WriteNumberValue(i);
                return;
            case bool b:
                writer.WriteBooleanValue(b);
                return;
            case double d:
                WriteDouble(writer, d);
                return;
            case ResultMap map:
                WriteMap(writer, map);
                return;
            case ResultList list:
                writer.WriteStartArray();
                foreach (var item in list.RawItems) WriteValue(writer, item);
                writer.WriteEndArray();
                return;
            case long l:
                writer.WriteNumberValue(l);
                return;
            case float f:
                WriteDouble(writer, f);
                return;
            case decimal m:
                writer.WriteRawValue(m.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
                return;
            case JsonElement json:
                WriteJson(writer, json);
                return;
            case char c:
                WriteString(writer, c.ToString());
                return;
            case Enum e:
                WriteString(writer, e.ToString());
                return;
        }
        if (JsNumber.TryGetDouble(value, out var number))
        {
            if (value is short or byte or sbyte or ushort or uint or ulong) writer.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!, skipInputValidation: true);
            else WriteDouble(writer, number);
            return;
        }
        switch (value)
        {
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                writer.WriteStartObject();
                foreach (var (key, item) in pairs)
                {
                    WritePropertyName(writer, key);
                    WriteValue(writer, item);
                }
                writer.WriteEndObject();
                return;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    WritePropertyName(writer, Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                    WriteValue(writer, entry.Value);
                }
                writer.WriteEndObject();
                return;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items) WriteValue(writer, item);
                writer.WriteEndArray();
                return;
            default:
                WriteString(writer, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                return;
        }
    }

    private static void WriteJson(Utf8JsonWriter writer, JsonElement json)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.String:
                WriteString(writer, json.GetString()!);
                return;
            case JsonValueKind.Number:
                if (json.TryGetInt64(out var l)) writer.WriteNumberValue(l);
                else WriteDouble(writer, json.GetDouble());
                return;
            case JsonValueKind.True:
                writer.WriteBooleanValue(true);
                return;
            case JsonValueKind.False:
                writer.WriteBooleanValue(false);
                return;
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in json.EnumerateObject())
                {
                    WritePropertyName(writer, property.Name);
                    WriteJson(writer, property.Value);
                }
                writer.WriteEndObject();
                return;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in json.EnumerateArray()) WriteJson(writer, item);
                writer.WriteEndArray();
                return;
            default:
                writer.WriteNullValue();
                return;
        }
    }

    /// <summary>JSON.stringify of a number: integers without a fraction, others in JavaScript's shortest form, NaN/Infinity as null.</summary>
    private static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (!double.IsFinite(value))
        {
            writer.WriteNullValue();
            return;
        }
        if (Math.Floor(value) == value && Math.Abs(value) < 1e15)
        {
            writer.WriteNumberValue((long)value);
            return;
        }
        // Shortest round-trip digits in fixed notation are what JavaScript prints too; only exponent forms differ.
        Span<byte> digits = stackalloc byte[32];
        if (value.TryFormat(digits, out var length, "R", CultureInfo.InvariantCulture) && digits[..length].IndexOfAny((byte)'E', (byte)'e') < 0)
        {
            writer.WriteRawValue(digits[..length], skipInputValidation: true);
            return;
        }
        writer.WriteRawValue(JsNumber.ToString(value), skipInputValidation: true);
    }

    private static void WritePropertyName(Utf8JsonWriter writer, string name)
    {
        if (name.AsSpan().IndexOfAny(NeedsEscaping) < 0 && Ascii.IsValid(name))
        {
            writer.WritePropertyName(name);
            return;
        }
        // Utf8JsonWriter cannot take a raw name; its relaxed escaping differs from JSON.stringify only for
        // control characters and astral characters in extension keys.
        writer.WritePropertyName(name);
    }

    /// <summary>A string value escaped as JSON.stringify escapes it.</summary>
    public static void WriteString(Utf8JsonWriter writer, string value)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length) + 2;
        if (value.AsSpan().IndexOfAny(NeedsEscaping) < 0)
        {
            byte[]? rented = null;
            var span = maxBytes <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
            span[0] = (byte)'"';
            var written = Encoding.UTF8.GetBytes(value, span[1..]);
            span[written + 1] = (byte)'"';
            writer.WriteRawValue(span[..(written + 2)], skipInputValidation: true);
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
            return;
        }
        var buffer = t_escapeBuffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        AppendQuoted(buffer, value);
        writer.WriteRawValue(buffer.WrittenSpan, skipInputValidation: true);
        if (buffer.Capacity > 64 * 1024) t_escapeBuffer = null;
    }

    private static void AppendQuoted(ArrayBufferWriter<byte> buffer, string value)
    {
        Append(buffer, "\""u8);
        var rest = value.AsSpan();
        while (rest.Length > 0)
        {
            // Copy the run of characters that need no escaping in one go.
            var next = rest.IndexOfAny(NeedsEscaping);
            var run = next < 0 ? rest : rest[..next];
            if (run.Length > 0)
            {
                var written = Encoding.UTF8.GetBytes(run, buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(run.Length)));
                buffer.Advance(written);
            }
            if (next < 0) break;
            var c = rest[next];
            var consumed = 1;
            switch (c)
            {
                case '"': Append(buffer, "\\\""u8); break;
                case '\\': Append(buffer, "\\\\"u8); break;
                case '\b': Append(buffer, "\\b"u8); break;
                case '\f': Append(buffer, "\\f"u8); break;
                case '\n': Append(buffer, "\\n"u8); break;
                case '\r': Append(buffer, "\\r"u8); break;
                case '\t': Append(buffer, "\\t"u8); break;
                default:
                    if (char.IsHighSurrogate(c) && next + 1 < rest.Length && char.IsLowSurrogate(rest[next + 1]))
                    {
                        buffer.Advance(Encoding.UTF8.GetBytes(rest.Slice(next, 2), buffer.GetSpan(4)));
                        consumed = 2;
                    }
                    else
                    {
                        // Control characters and lone surrogates: \u escapes with lowercase hex, like JSON.stringify.
                        var span = buffer.GetSpan(6);
                        "\\u"u8.CopyTo(span);
                        ((int)c).TryFormat(span[2..], out _, "x4", CultureInfo.InvariantCulture);
                        buffer.Advance(6);
                    }
                    break;
            }
            rest = rest[(next + consumed)..];
        }
        Append(buffer, "\""u8);
    }

    private static void Append(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer.GetSpan(bytes.Length));
        buffer.Advance(bytes.Length);
    }
}
