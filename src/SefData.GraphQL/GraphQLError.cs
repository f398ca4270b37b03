using SefData.GraphQL.Language;

namespace SefData.GraphQL;

/// <summary>
/// An error as the spec (7.1.2) shapes it: a message, optional locations and path, and optional extensions.
/// Thrown for syntax errors; collected (not thrown) by validation and execution.
/// </summary>
public class GraphQLError : Exception
{
    public GraphQLError(
        string message,
        IReadOnlyList<SyntaxNode>? nodes = null,
        IReadOnlyList<SourceLocation>? locations = null,
        IReadOnlyList<object>? path = null,
        IReadOnlyDictionary<string, object?>? extensions = null,
        Exception? originalError = null)
        : base(message, originalError)
    {
        Nodes = nodes ?? [];
        Locations = locations ?? ComputeLocations(Nodes);
        Path = path;
        Extensions = extensions;
    }

    public IReadOnlyList<SyntaxNode> Nodes { get; }
    public IReadOnlyList<SourceLocation> Locations { get; }
    /// <summary>Response path: strings (field keys) and ints (list indices).</summary>
    public IReadOnlyList<object>? Path { get; }
    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    private static SourceLocation[] ComputeLocations(IReadOnlyList<SyntaxNode> nodes)
    {
        var result = new List<SourceLocation>(nodes.Count);
        foreach (var node in nodes)
        {
            if (node.Location is { } loc) result.Add(loc.StartLocation);
        }
        return result.ToArray();
    }
}
