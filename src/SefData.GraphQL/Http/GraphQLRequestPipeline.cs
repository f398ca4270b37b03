using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SefData.GraphQL.Execution;
using SefData.GraphQL.Language;
using SefData.GraphQL.Limits;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Http;

/// <summary>How the transport should treat a pipeline result (the status code depends on it and on the media type).</summary>
public enum PipelineOutcome
{
    /// <summary>Execution started: the response has a data entry.</summary>
    Executed,
    /// <summary>The request was well-formed GraphQL-over-HTTP but no execution happened (parse, limit, validation,
    /// trusted-document or variable-coercion errors): 400 with the GraphQL response media type, 200 with JSON.</summary>
    DocumentError,
    /// <summary>The request itself is malformed (no query): always 400.</summary>
    RequestError,
    /// <summary>The operation is not allowed over this method (a mutation over GET): 405.</summary>
    MethodNotAllowed,
    /// <summary>An unexpected failure (logged with a correlation id).</summary>
    InternalError,
}

public readonly record struct PipelineResult(PipelineOutcome Outcome, ExecutionResult Result);

/// <summary>
/// Parse (with the token limit) → limits (depth, aliases, cost) → validate → execute (with a timeout), with a
/// cache of parsed and validated documents. Independent of HTTP so it can be driven directly.
/// </summary>
public sealed class GraphQLRequestPipeline
{
    public const string UnexpectedErrorMessage = "Unexpected Execution Error";

    private readonly GraphQLServerOptions _options;
    private readonly IGraphQLDocumentValidator _validator;
    private readonly IGraphQLExecutor _executor;
    private readonly TrustedDocumentStore _trusted;
    private readonly ILogger _logger;
    private readonly ParseOptions _parseOptions;

    public GraphQLRequestPipeline(
        Schema schema,
        GraphQLServerOptions options,
        IGraphQLDocumentValidator validator,
        IGraphQLExecutor executor,
        TrustedDocumentStore? trustedDocuments = null,
        ILogger<GraphQLRequestPipeline>? logger = null)
    {
        Schema = schema;
        _options = options;
        _validator = validator;
        _executor = executor;
        _trusted = trustedDocuments ?? new TrustedDocumentStore();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _parseOptions = new ParseOptions { MaxTokens = options.MaxTokens };
        Cache = new DocumentCache(options.DocumentCacheSize);
    }

    public Schema Schema { get; }
    public DocumentCache Cache { get; }

    /// <param name="allowMutations">False for GET: a mutation then yields <see cref="PipelineOutcome.MethodNotAllowed"/>.</param>
    /// <param name="contextData">Per-request state for resolvers (<see cref="Types.IResolverContext.ContextData"/>).</param>
    public async Task<PipelineResult> ExecuteAsync(GraphQLRequest request, IServiceProvider services, bool allowMutations, CancellationToken cancellationToken,
        IDictionary<string, object?>? contextData = null)
    {
        try
        {
            return await RunAsync(request, services, allowMutations, contextData, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // the client went away; nobody is left to answer
        }
        catch (Exception ex)
        {
            return Unexpected(ex);
        }
    }

    private PipelineResult Unexpected(Exception ex)
    {
        var correlationId = NewCorrelationId();
        _logger.LogError(ex, "Unexpected GraphQL execution error {CorrelationId}", correlationId);
        var error = new GraphQLError(UnexpectedErrorMessage, extensions: new Dictionary<string, object?> { ["correlationId"] = correlationId });
        return new PipelineResult(PipelineOutcome.InternalError, ExecutionResult.FromErrors([error]));
    }

    private static PipelineResult DocumentError(params GraphQLError[] errors) => new(PipelineOutcome.DocumentError, ExecutionResult.FromErrors(errors));

    private static GraphQLError Coded(string message, string code) => new(message, extensions: ErrorCodes.Extensions(code));

    private async Task<PipelineResult> RunAsync(GraphQLRequest request, IServiceProvider services, bool allowMutations,
        IDictionary<string, object?>? contextData, CancellationToken cancellationToken)
    {
        // 1. The document text: inline, or looked up among the trusted documents.
        var text = request.Query;
        var reference = request.DocumentId ?? PersistedQueryHash(request.Extensions);
        if (text is null)
        {
            if (reference is null) return new(PipelineOutcome.RequestError, ExecutionResult.FromErrors([new GraphQLError("Missing query.")]));
            if (!_trusted.TryGet(reference, out text))
            {
                // Apollo's exact message: APQ clients match on it to resend the full text.
                return DocumentError(Coded("PersistedQueryNotFound", ErrorCodes.PersistedQueryNotFound));
            }
        }
        else if (_options.TrustedDocuments.Mode == TrustedDocumentMode.Required && !_trusted.ContainsText(text))
        {
            return DocumentError(Coded("Only trusted documents are allowed: this document is not registered.", ErrorCodes.PersistedQueryNotAllowed));
        }

        // 2. Parse, unless a validated copy is cached.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var cached = Cache.TryGet(hash, text, out var document);
        if (!cached)
        {
            try
            {
                document = Parser.Parse(new Source(text), _parseOptions);
            }
            catch (GraphQLError syntax)
            {
                // The parser reports the token limit as a syntax error (graphql-js maxTokens wording); give it its code.
                if (syntax.Message.EndsWith(" tokens. Parsing aborted.", StringComparison.Ordinal))
                {
                    return DocumentError(new GraphQLError(syntax.Message, locations: syntax.Locations,
                        extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.MaxTokensExceeded, ["maxTokens"] = _options.MaxTokens }));
                }
                return DocumentError(syntax);
            }
        }

        // 3. What the transport allows: a GET never runs a mutation, whatever else is wrong with the document.
        var operation = SelectOperation(document, request.OperationName);
        if (operation?.Operation == OperationType.Mutation && !allowMutations)
        {
            return new(PipelineOutcome.MethodNotAllowed, ExecutionResult.FromErrors(
                [new GraphQLError("Can only perform a mutation operation from a POST request.")]));
        }
        if (operation?.Operation == OperationType.Subscription)
        {
            return DocumentError(new GraphQLError("Subscriptions are not supported over this HTTP endpoint."));
        }

        // 4. Limits: before validation, so hostile documents cost little. Cost depends on variables, so it runs on
        //    cache hits too (a walk with memoized fragments, cheap next to execution).
        var limitErrors = CheckLimits(document, request);
        if (limitErrors.Count > 0)
        {
            // Refusals are worth seeing in operations (a client out of bounds, or a probe), without the document.
            _logger.LogInformation("GraphQL request refused by a limit: {Codes} (document {Hash})",
                string.Join(",", limitErrors.Select(e => e.Extensions?["code"])), hash);
            return new(PipelineOutcome.DocumentError, ExecutionResult.FromErrors(limitErrors));
        }

        // 5. Validate.
        if (!cached)
        {
            var errors = _validator.Validate(Schema, document, _options.MaxValidationErrors);
            if (errors.Count > 0) return new(PipelineOutcome.DocumentError, ExecutionResult.FromErrors(errors));
            Cache.Add(hash, text, document);
        }

        // 6. Execute within the time budget.
        return await ExecuteWithTimeoutAsync(request, document, services, contextData, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PipelineResult> ExecuteWithTimeoutAsync(GraphQLRequest request, DocumentNode document, IServiceProvider services,
        IDictionary<string, object?>? contextData, CancellationToken requestAborted)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        cts.CancelAfter(_options.ExecutionTimeout);
        var execution = _executor.ExecuteAsync(new ExecutionRequest
        {
            Schema = Schema,
            Document = document,
            OperationName = request.OperationName,
            Variables = request.Variables ?? EmptyVariables,
            Services = services,
            ContextData = contextData,
            CancellationToken = cts.Token,
        });

        // Answer at the deadline even when a resolver ignores cancellation; whatever it computes later is dropped.
        var deadline = Task.Delay(Timeout.Infinite, cts.Token);
        var first = await Task.WhenAny(execution, deadline).ConfigureAwait(false);
        if (first != execution || cts.IsCancellationRequested)
        {
            requestAborted.ThrowIfCancellationRequested();
            // The executor may still fault after the deadline; observe it so it is not an unobserved exception.
            _ = execution.ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
            _logger.LogWarning("GraphQL execution stopped at the timeout of {Timeout} (operation {OperationName})",
                _options.ExecutionTimeout, request.OperationName ?? "(anonymous)");
            return TimedOut();
        }
        var result = await execution.ConfigureAwait(false);
        result = MaskUnexpectedErrors(result);
        return new(result.HasData ? PipelineOutcome.Executed : PipelineOutcome.DocumentError, result);
    }

    private static readonly IReadOnlyDictionary<string, object?> EmptyVariables = new Dictionary<string, object?>();

    /// <summary>
    /// Field errors caused by exceptions that are not GraphQL errors are bugs or infrastructure failures: their
    /// messages can hold internals (SQL, connection strings), so clients get "Unexpected Execution Error" with a
    /// correlation id, and the exception goes to the log under that id.
    /// </summary>
    private ExecutionResult MaskUnexpectedErrors(ExecutionResult result)
    {
        if (result.Errors is not { Count: > 0 } errors || !errors.Any(IsUnexpected)) return result;
        var masked = new List<GraphQLError>(errors.Count);
        foreach (var error in errors)
        {
            if (!IsUnexpected(error))
            {
                masked.Add(error);
                continue;
            }
            var correlationId = NewCorrelationId();
            _logger.LogError(error.InnerException, "Unexpected GraphQL field error {CorrelationId} at {Path}", correlationId,
                error.Path is null ? "" : string.Join(".", error.Path));
            masked.Add(new GraphQLError(UnexpectedErrorMessage, locations: error.Locations, path: error.Path,
                extensions: new Dictionary<string, object?> { ["correlationId"] = correlationId }));
        }
        return new ExecutionResult { Data = result.Data, HasData = result.HasData, Errors = masked, Extensions = result.Extensions, IsCanceled = result.IsCanceled };
    }

    private static bool IsUnexpected(GraphQLError error) => error.InnerException is { } inner && inner is not GraphQLError;

    private static string NewCorrelationId() => Guid.NewGuid().ToString("N");

    private PipelineResult TimedOut() => new(PipelineOutcome.Executed, new ExecutionResult
    {
        HasData = true,
        Data = null,
        Errors = [Coded($"The request exceeded the execution timeout of {_options.ExecutionTimeout.TotalSeconds:0.###} s.", ErrorCodes.ExecutionTimeout)],
    });

    private List<GraphQLError> CheckLimits(DocumentNode document, GraphQLRequest request)
    {
        var errors = new List<GraphQLError>();
        var analyzer = new OperationAnalyzer(document, Schema, request.Variables, _options.DefaultPageSize);
        foreach (var operation in OperationAnalyzer.SelectOperations(document, request.OperationName))
        {
            var metrics = analyzer.Analyze(operation);
            // The measured value and the limit travel in extensions so a client can tell how far over it is.
            if (metrics.Depth > _options.MaxDepth)
                errors.Add(LimitError($"The operation has depth {metrics.Depth}, more than the maximum of {_options.MaxDepth}.", operation,
                    ErrorCodes.MaxDepthExceeded, ("depth", metrics.Depth), ("maxDepth", _options.MaxDepth)));
            if (metrics.Aliases > _options.MaxAliases)
                errors.Add(LimitError($"The operation uses {metrics.Aliases} aliases, more than the maximum of {_options.MaxAliases}.", operation,
                    ErrorCodes.MaxAliasesExceeded, ("aliases", metrics.Aliases), ("maxAliases", _options.MaxAliases)));
            if (metrics.Cost > _options.MaxCost)
                errors.Add(LimitError($"The operation has an estimated cost of {metrics.Cost}, more than the maximum of {_options.MaxCost}.", operation,
                    ErrorCodes.MaxCostExceeded, ("cost", metrics.Cost), ("maxCost", _options.MaxCost)));
            if (errors.Count > 0) break;
        }
        return errors;
    }

    private static GraphQLError LimitError(string message, OperationDefinitionNode operation, string code, params (string Key, object Value)[] details)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        foreach (var (key, value) in details) extensions[key] = value;
        return new GraphQLError(message, [operation], extensions: extensions);
    }

    private static OperationDefinitionNode? SelectOperation(DocumentNode document, string? operationName)
    {
        OperationDefinitionNode? found = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not OperationDefinitionNode op) continue;
            if (operationName is null)
            {
                if (found is not null) return null; // ambiguous: the executor reports it
                found = op;
            }
            else if (op.Name?.Value == operationName)
            {
                return op;
            }
        }
        return found;
    }

    /// <summary>Apollo's <c>extensions.persistedQuery.sha256Hash</c> (automatic persisted queries, version 1).</summary>
    private static string? PersistedQueryHash(IReadOnlyDictionary<string, object?>? extensions) =>
        extensions is not null
        && extensions.TryGetValue("persistedQuery", out var pq)
        && pq is IReadOnlyDictionary<string, object?> persisted
        && persisted.TryGetValue("sha256Hash", out var hash)
        && hash is string s ? s : null;
}
