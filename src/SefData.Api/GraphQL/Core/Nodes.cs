using System.Text;
using SefData.Data;
using SefData.GraphQL;
using SefData.GraphQL.DataLoader;
using SefData.GraphQL.Types;

namespace SefData.Api.GraphQL.Core;

/// <summary>Relay global ids: base64url (no padding) of <c>TypeName:key</c>, e.g. <c>School:6612001</c>.</summary>
public static class NodeId
{
    public static string Encode(string typeName, object key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(typeName + ":" + Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? id, out string typeName, out string key)
    {
        typeName = key = "";
        if (string.IsNullOrEmpty(id) || id.Length > 200) return false;
        var base64 = id.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1) return false;
        typeName = text[..colon];
        key = text[(colon + 1)..];
        return true;
    }

    /// <summary>The key of an id that must name <paramref name="expectedType"/> (for arguments typed ID); throws a GraphQL error otherwise.</summary>
    public static string KeyOf(string id, string expectedType)
    {
        if (TryDecode(id, out var type, out var key) && type == expectedType) return key;
        throw new GraphQLError($"\"{id}\" is not the id of a {expectedType}.", extensions: new Dictionary<string, object?> { ["code"] = NodeRegistry.InvalidIdCode });
    }
}

/// <summary>Batch loader of one node type: keys (the part after the colon) to entities.</summary>
public delegate Task<IReadOnlyDictionary<string, object>> NodeBatchLoader(SefDataDbContext db, IReadOnlyList<string> keys, CancellationToken ct);

/// <summary>Which types <c>node(id:)</c> can load. Modules register each type that implements Node.</summary>
public sealed class NodeRegistry
{
    public const int MaxNodes = 50;
    public const string InvalidIdCode = "INVALID_NODE_ID";
    public const string TooManyIdsCode = "MAX_NODES_EXCEEDED";

    private readonly Dictionary<string, NodeBatchLoader> _loaders = new(StringComparer.Ordinal);
    private bool _sealed;

    public void Register(string typeName, NodeBatchLoader loader)
    {
        if (_sealed) throw new InvalidOperationException("Node types are registered while the schema is composed.");
        _loaders.Add(typeName, loader);
    }

    internal void Seal() => _sealed = true;

    public IReadOnlyCollection<string> TypeNames => _loaders.Keys;

    /// <summary>The node for <paramref name="id"/>, null when it is well formed but names nothing; batched per type.</summary>
    public async Task<object?> LoadAsync(IResolverContext ctx, string id)
    {
        if (!NodeId.TryDecode(id, out var type, out var key) || !_loaders.TryGetValue(type, out var load))
            throw new GraphQLError($"The id \"{id}\" is not a valid node id.", extensions: new Dictionary<string, object?> { ["code"] = InvalidIdCode });
        var scope = ctx.DbScope();
        var loader = ctx.DataLoader<string, object?>("node:" + type, async (keys, ct) =>
        {
            var found = await scope.RunAsync(db => load(db, keys, ct));
            return found.ToDictionary(p => p.Key, p => (object?)p.Value);
        });
        return await loader.LoadAsync(key);
    }
}
