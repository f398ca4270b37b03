using SefData.GraphQL.Limits;

namespace SefData.GraphQL.Http;

/// <summary>Configuration of the GraphQL HTTP endpoint: protection limits, caching, trusted documents and tooling.</summary>
public sealed class GraphQLServerOptions
{
    /// <summary>Deepest allowed field nesting (root fields are depth 1). Error code <c>MAX_DEPTH_EXCEEDED</c>.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Highest allowed estimated cost (see <see cref="OperationAnalyzer"/>). Error code <c>MAX_COST_EXCEEDED</c>.</summary>
    public long MaxCost { get; set; } = 50_000;

    /// <summary>Most aliased fields in one operation (fragments counted per use). Error code <c>MAX_ALIASES_EXCEEDED</c>.</summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>Most lexical tokens in one document; the parser stops past it. Error code <c>MAX_TOKENS_EXCEEDED</c>.</summary>
    public int MaxTokens { get; set; } = 15_000;

    /// <summary>Wall-clock budget of one execution. Error code <c>EXECUTION_TIMEOUT</c>.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Page size assumed by the cost analysis for a paged field (one with <c>first</c>/<c>last</c>) asked without one.</summary>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>Validation stops after this many errors (a defence against documents built to produce huge error lists).</summary>
    public int MaxValidationErrors { get; set; } = 100;

    /// <summary>Number of parsed and validated documents kept (least recently used evicted). 0 disables the cache.</summary>
    public int DocumentCacheSize { get; set; } = 1_000;

    /// <summary>Largest accepted request body in bytes; larger bodies get 413.</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>Serve the GraphiQL page to browsers on <c>GET</c> without a query.</summary>
    public bool EnableIde { get; set; } = true;

    /// <summary>
    /// A folder with a copy of the IDE's files (<c>{package}@{version}/{file}</c>, see <see cref="IdeAsset.All"/>).
    /// When every file is there and matches its published hash, the IDE loads them from <c>{endpoint}/ide/</c>;
    /// otherwise (or when null) from jsDelivr.
    /// </summary>
    public string? IdeAssetsDirectory { get; set; }

    /// <summary>Serve the SDL on <c>GET {path}/schema.graphql</c>.</summary>
    public bool EnableSchemaEndpoint { get; set; } = true;

    public TrustedDocumentOptions TrustedDocuments { get; } = new();

    /// <summary>Throws for settings that would disable a protection by accident (zero or negative limits).</summary>
    public void Validate()
    {
        static void Positive(long value, string name)
        {
            if (value <= 0) throw new ArgumentOutOfRangeException(name, value, $"GraphQLServerOptions.{name} must be positive.");
        }
        Positive(MaxDepth, nameof(MaxDepth));
        Positive(MaxCost, nameof(MaxCost));
        Positive(MaxAliases + 1, nameof(MaxAliases)); // 0 aliases is a legitimate policy
        Positive(MaxTokens, nameof(MaxTokens));
        Positive(DefaultPageSize, nameof(DefaultPageSize));
        Positive(MaxValidationErrors, nameof(MaxValidationErrors));
        Positive(MaxRequestBodySize, nameof(MaxRequestBodySize));
        Positive(DocumentCacheSize + 1, nameof(DocumentCacheSize)); // 0 disables the cache
        if (ExecutionTimeout <= TimeSpan.Zero && ExecutionTimeout != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(ExecutionTimeout), ExecutionTimeout, "GraphQLServerOptions.ExecutionTimeout must be positive (or Timeout.InfiniteTimeSpan).");
    }
}
