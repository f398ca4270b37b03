using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SefData.GraphQL.Http;

/// <summary>One browser file of the IDE page, as published on npm.</summary>
public sealed record IdeAsset(string Package, string Version, string PackagePath, string ContentType, string Integrity)
{
    public string FileName => PackagePath[(PackagePath.LastIndexOf('/') + 1)..];

    /// <summary>Where the file sits under a local copy and under <c>{endpoint}/ide/</c>: versioned, so it can be cached for good.</summary>
    public string LocalPath => $"{Package}@{Version}/{FileName}";

    public string CdnUrl => $"https://cdn.jsdelivr.net/npm/{Package}@{Version}/{PackagePath}";

    /// <summary>The manifest (graphiql-assets.json, embedded): the single source of versions and hashes, also read by the host's fetch script.</summary>
    public static IReadOnlyList<IdeAsset> All { get; } = LoadManifest();

    private static IdeAsset[] LoadManifest()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SefData.GraphQL.Http.graphiql-assets.json")
            ?? throw new InvalidOperationException("graphiql-assets.json is not embedded in SefData.GraphQL.");
        using var json = JsonDocument.Parse(stream);
        return [.. json.RootElement.GetProperty("assets").EnumerateArray().Select(a => new IdeAsset(
            a.GetProperty("package").GetString()!, a.GetProperty("version").GetString()!, a.GetProperty("path").GetString()!,
            a.GetProperty("contentType").GetString()!, a.GetProperty("integrity").GetString()!))];
    }
}

/// <summary>
/// The host's verified local copy of the IDE files (<see cref="GraphQLServerOptions.IdeAssetsDirectory"/>), held in
/// memory (about 1.3 MB). Without a complete copy whose hashes match the manifest, the page loads the files from
/// jsDelivr instead: a tampered or half-fetched copy is never served.
/// </summary>
public sealed class IdeAssetStore
{
    private readonly Dictionary<string, (IdeAsset Asset, byte[] Content)> _files;

    private IdeAssetStore(Dictionary<string, (IdeAsset, byte[])> files) => _files = files;

    public static IdeAssetStore None { get; } = new([]);

    /// <summary>True when every file is held locally and the page should load them from <c>{endpoint}/ide/</c>.</summary>
    public bool IsLocal => _files.Count > 0;

    /// <summary>Why the local copy is not used, or null when it is (for the start-up log and for tests).</summary>
    public string? FallbackReason { get; private init; }

    public static IdeAssetStore Load(string? directory, ILogger? logger = null)
    {
        if (string.IsNullOrEmpty(directory)) return None;
        var files = new Dictionary<string, (IdeAsset, byte[])>(StringComparer.Ordinal);
        foreach (var asset in IdeAsset.All)
        {
            var path = Path.Combine(directory, asset.LocalPath);
            string? problem = null;
            byte[] content = [];
            if (!File.Exists(path)) problem = $"{path} is missing";
            else
            {
                content = File.ReadAllBytes(path);
                var integrity = "sha384-" + Convert.ToBase64String(SHA384.HashData(content));
                if (integrity != asset.Integrity) problem = $"{path} does not match its published hash ({integrity}, expected {asset.Integrity})";
            }
            if (problem is not null)
            {
                logger?.LogWarning("GraphiQL's files will load from jsDelivr: {Problem}.", problem);
                return new IdeAssetStore([]) { FallbackReason = problem };
            }
            files[asset.LocalPath] = (asset, content);
        }
        return new IdeAssetStore(files);
    }

    public bool TryGet(string localPath, out IdeAsset asset, out byte[] content)
    {
        if (_files.TryGetValue(localPath, out var file))
        {
            (asset, content) = file;
            return true;
        }
        asset = null!;
        content = [];
        return false;
    }
}
