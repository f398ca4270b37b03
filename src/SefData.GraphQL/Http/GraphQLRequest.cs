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

/// <summary>
/// A GraphQL response. <see cref="HasData"/> distinguishes "no data entry" (a request error: nothing was executed)
/// from "data: null" (execution started and a null propagated to the root).
/// </summary>
public sealed class GraphQLResponse
{
    public bool HasData { get; init; }
    public object? Data { get; init; }
    public IReadOnlyList<GraphQLError> Errors { get; init; } = [];
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    public static GraphQLResponse RequestError(params GraphQLError[] errors) => new() { Errors = errors };
    public static GraphQLResponse RequestErrors(IReadOnlyList<GraphQLError> errors) => new() { Errors = errors };
}
