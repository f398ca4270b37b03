using System.Runtime.CompilerServices;

namespace SefData.GraphQL.Language;

/// <summary>
/// Interns short names across parses so that the same field and type names, seen request after request, are not
/// allocated again. A fixed-size, lock-free table: a slot holds the last string hashed to it, and a race between
/// two writers only costs a cache miss.
/// </summary>
internal static class NameCache
{
    private const int MaxCachedLength = 32;
    private const int Size = 4096; // power of two
    private static readonly string?[] s_entries = new string?[Size];

    public static string Get(string body, int start, int length)
    {
        if (length > MaxCachedLength) return body.Substring(start, length);
        var span = body.AsSpan(start, length);
        var index = Hash(span) & (Size - 1);
        var entry = Volatile.Read(ref s_entries[index]);
        if (entry is not null && span.SequenceEqual(entry)) return entry;
        var value = body.Substring(start, length);
        Volatile.Write(ref s_entries[index], value);
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<char> span)
    {
        // FNV-1a over UTF-16 code units; names are ASCII so this spreads well enough.
        var hash = 2166136261u;
        foreach (var c in span) hash = (hash ^ c) * 16777619u;
        return (int)(hash ^ (hash >> 15));
    }
}
