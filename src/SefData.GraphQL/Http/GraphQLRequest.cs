namespace SefData.GraphQL.Http;

/// <summary>
/// One GraphQL-over-HTTP request after transport decoding. <see cref="Variables"/> and <see cref="Extensions"/>
/// hold plain CLR JSON values (string, bool, int/long/double, dictionaries, lists, null).
/// </summary>
public sealed class GraphQLRequest
{
    public string? Query { get; init; }
    public string? OperationName { get; init; }
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }
    /// <summary>The trusted-documents proposal's <c>documentId</c> (e.g. <c>sha256:…</c>).</summary>
    public string? DocumentId { get; init; }
}
