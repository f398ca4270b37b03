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

    /// <summary>
    /// An error at character offsets of a source (graphql-js's <c>source</c> + <c>positions</c>), as syntax errors are.
    /// </summary>
    public GraphQLError(string message, Source source, IReadOnlyList<int> positions)
        : base(message)
    {
        Nodes = [];
        SourceDocument = source;
        Positions = positions;
        var locations = new SourceLocation[positions.Count];
        for (var i = 0; i < locations.Length; i++) locations[i] = source.GetLocation(positions[i]);
        Locations = locations;
    }

    /// <summary>graphql-js syntaxError(): "Syntax Error: " + description, located at one offset.</summary>
    public static GraphQLError SyntaxError(Source source, int position, string description) =>
        new("Syntax Error: " + description, source, [position]);

    /// <summary>The source the <see cref="Positions"/> refer to, when the error was raised at source offsets.</summary>
    public Source? SourceDocument { get; }
    /// <summary>Character offsets into <see cref="Source"/>, when the error was raised at source offsets.</summary>
    public IReadOnlyList<int>? Positions { get; }

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
