using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SefData.GraphQL.Limits;

public enum TrustedDocumentMode
{
    /// <summary>Any query text is accepted; ids and hashes are resolved when the store has them.</summary>
    Off,
    /// <summary>Only registered documents run: by id/hash, or as full text whose SHA-256 is registered.</summary>
    Required,
}

public sealed class TrustedDocumentOptions
{
    public TrustedDocumentMode Mode { get; set; } = TrustedDocumentMode.Off;

    /// <summary>A folder of <c>*.graphql</c> files (searched recursively); each file is one registered document.</summary>
    public string? Directory { get; set; }

    /// <summary>A JSON manifest: an object mapping document ids to document text (Relay / GraphQL Codegen format).</summary>
    public string? ManifestPath { get; set; }
}

/// <summary>
/// Registered ("trusted", "persisted") documents, addressed by the lower-case hex SHA-256 of their exact UTF-8
/// text and, for manifest entries, also by their manifest id. Immutable once loaded, so lock-free to read.
/// </summary>
public sealed class TrustedDocumentStore
{
    private readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);

    public int Count => _byKey.Values.Distinct(StringComparer.Ordinal).Count();

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text (the Apollo persisted-query and trusted-document hash).</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Registers a document under its hash (and <paramref name="id"/> when given); returns the hash.</summary>
    public string Add(string text, string? id = null)
    {
        var hash = Hash(text);
        _byKey[hash] = text;
        if (id is not null) _byKey[NormalizeId(id)] = text;
        return hash;
    }

    /// <summary>Looks a document up by hash or id; accepts the <c>sha256:</c> prefix of the trusted-documents proposal.</summary>
    public bool TryGet(string idOrHash, out string text) => _byKey.TryGetValue(NormalizeId(idOrHash), out text!);

    /// <summary>True when exactly this text is registered.</summary>
    public bool ContainsText(string text) => _byKey.TryGetValue(Hash(text), out var stored) && stored == text;

    private static string NormalizeId(string id) =>
        id.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) ? id["sha256:".Length..].ToLowerInvariant()
        : id.Length == 64 && id.All(Uri.IsHexDigit) ? id.ToLowerInvariant()
        : id;

    /// <summary>Loads what <paramref name="options"/> names; an empty store when it names nothing.</summary>
    public static TrustedDocumentStore Load(TrustedDocumentOptions options)
    {
        var store = new TrustedDocumentStore();
        if (options.Directory is { } dir)
        {
            if (!System.IO.Directory.Exists(dir)) throw new DirectoryNotFoundException($"Trusted documents folder '{dir}' does not exist.");
            var files = System.IO.Directory.GetFiles(dir, "*.graphql", SearchOption.AllDirectories);
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var file in files) store.Add(File.ReadAllText(file, Encoding.UTF8));
        }
        if (options.ManifestPath is { } manifest)
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(manifest));
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"Trusted documents manifest '{manifest}' must be a JSON object of id to document text.");
            foreach (var entry in json.RootElement.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String)
                    throw new InvalidDataException($"Trusted documents manifest '{manifest}': entry '{entry.Name}' is not a string.");
                store.Add(entry.Value.GetString()!, entry.Name);
            }
        }
        return store;
    }
}
