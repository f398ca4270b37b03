namespace SefData.GraphQL.Http;

/// <summary>
/// One GraphQL-over-HTTP request after transport decoding. <see cref="Variables"/> maps names to raw values
/// (the HTTP handler gives <see cref="System.Text.Json.JsonElement"/>s; plain CLR values work too);
/// <see cref="Extensions"/> holds plain CLR JSON values (string, bool, int/long/double, dictionaries, lists, null).
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
