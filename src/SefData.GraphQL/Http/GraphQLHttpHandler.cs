using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using SefData.GraphQL.Execution;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Http;

/// <summary>Keys of <see cref="Types.IResolverContext.ContextData"/> the HTTP endpoint fills for each request.</summary>
public static class GraphQLContextKeys
{
    /// <summary>The <see cref="Microsoft.AspNetCore.Http.HttpContext"/> of the request.</summary>
    public const string HttpContext = "HttpContext";
    /// <summary>The request's <see cref="System.Security.Claims.ClaimsPrincipal"/> (HotChocolate's global state name).</summary>
    public const string User = "ClaimsPrincipal";
}

/// <summary>
/// GraphQL over HTTP (the graphql-over-http spec draft, audited by graphql-http): decodes GET and POST requests,
/// negotiates the response media type, runs the <see cref="GraphQLRequestPipeline"/> and maps its outcome to a
/// status code.
/// </summary>
public sealed class GraphQLHttpHandler
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";
    public const string JsonMediaType = "application/json";

    private readonly GraphQLRequestPipeline _pipeline;
    private readonly GraphQLServerOptions _options;
    private readonly IdeAssetStore _ide;

    public GraphQLHttpHandler(GraphQLRequestPipeline pipeline, GraphQLServerOptions options, IdeAssetStore? ide = null)
    {
        _pipeline = pipeline;
        _options = options;
        _ide = ide ?? IdeAssetStore.None;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var http = context.Request;
        var isGet = HttpMethods.IsGet(http.Method);
        if (!isGet && !HttpMethods.IsPost(http.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteAsync(context, StatusCodes.Status405MethodNotAllowed, JsonMediaType,
                ExecutionResult.FromErrors([new GraphQLError($"GraphQL requests use GET or POST, not {http.Method}.")])).ConfigureAwait(false);
            return;
        }

        if (isGet && _options.EnableIde && IsBrowserPageRequest(http))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(GraphiQLPage.Render(http.PathBase + http.Path, _ide.IsLocal), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var mediaType = NegotiateMediaType(http.Headers.Accept);
        if (mediaType is null)
        {
            await WriteAsync(context, StatusCodes.Status406NotAcceptable, JsonMediaType, ExecutionResult.FromErrors([new GraphQLError(
                $"The Accept header allows neither {GraphQLResponseMediaType} nor {JsonMediaType}.")])).ConfigureAwait(false);
            return;
        }
        var modern = mediaType == GraphQLResponseMediaType;

        var (request, status, error) = isGet ? ReadGet(http) : await ReadPostAsync(http, _options.MaxRequestBodySize, context.RequestAborted).ConfigureAwait(false);
        if (request is null)
        {
            await WriteAsync(context, status, mediaType, ExecutionResult.FromErrors([new GraphQLError(error!)])).ConfigureAwait(false);
            return;
        }

        PipelineResult result;
        try
        {
            var contextData = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [GraphQLContextKeys.HttpContext] = context,
                [GraphQLContextKeys.User] = context.User,
            };
            result = await _pipeline.ExecuteAsync(request, context.RequestServices, allowMutations: !isGet, context.RequestAborted, contextData).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client disconnected
        }

        var statusCode = result.Outcome switch
        {
            PipelineOutcome.Executed => StatusCodes.Status200OK,
            PipelineOutcome.RequestError => StatusCodes.Status400BadRequest,
            // application/json keeps 200 for well-formed requests (legacy clients read the errors from the body).
            PipelineOutcome.DocumentError => modern ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
            PipelineOutcome.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
            _ => modern ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK,
        };
        if (result.Outcome == PipelineOutcome.MethodNotAllowed) context.Response.Headers.Allow = "POST";
        await WriteAsync(context, statusCode, mediaType, result.Result).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, int status, string mediaType, ExecutionResult response)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        // The media type depends on Accept: a shared cache must not serve one client's answer to another (GET).
        context.Response.Headers.Vary = "Accept";
        await ExecutionResultJson.WriteAsync(context.Response.Body, response, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A browser navigating to the endpoint: GET, HTML accepted, no GraphQL parameters.</summary>
    private static bool IsBrowserPageRequest(HttpRequest http)
    {
        if (http.Query.ContainsKey("query") || http.Query.ContainsKey("documentId") || http.Query.ContainsKey("extensions")) return false;
        return MediaTypeHeaderValue.TryParseList(http.Headers.Accept, out var accepts)
            && accepts.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);
    }

    /// <summary>
    /// The response media type for an Accept header, or null (406) when it allows neither. A missing header and
    /// wildcards get application/json, as the spec asks during its watershed (graphql-http audits 47DE, 80D8);
    /// an explicit application/graphql-response+json wins ties.
    /// </summary>
    public static string? NegotiateMediaType(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept)) return JsonMediaType;
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges)) return JsonMediaType;
        string? best = null;
        var bestQuality = 0.0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            if (quality <= 0) continue;
            if (!IsUtf8OrAbsent(range.Charset)) continue;
            var type = range.MediaType.Value?.ToLowerInvariant();
            string? candidate = type switch
            {
                GraphQLResponseMediaType => GraphQLResponseMediaType,
                JsonMediaType or "application/*" or "*/*" => JsonMediaType,
                _ => null,
            };
            if (candidate is null) continue;
            if (quality > bestQuality || (quality == bestQuality && candidate == GraphQLResponseMediaType))
            {
                best = candidate;
                bestQuality = quality;
            }
        }
        return best;
    }

    private readonly record struct Decoded(GraphQLRequest? Request, int Status, string? Error)
    {
        public static Decoded Fail(string error, int status = StatusCodes.Status400BadRequest) => new(null, status, error);
    }

    private static Decoded ReadGet(HttpRequest http)
    {
        string? Single(string name, out string? error)
        {
            error = null;
            if (!http.Query.TryGetValue(name, out var values)) return null;
            if (values.Count > 1) { error = $"The '{name}' parameter is given more than once."; return null; }
            return values[0];
        }

        var query = Single("query", out var e1);
        var operationName = Single("operationName", out var e2);
        var variablesText = Single("variables", out var e3);
        var extensionsText = Single("extensions", out var e4);
        var documentId = Single("documentId", out var e5);
        if ((e1 ?? e2 ?? e3 ?? e4 ?? e5) is { } duplicate) return Decoded.Fail(duplicate);

        IReadOnlyDictionary<string, object?>? variables = null, extensions = null;
        if (!string.IsNullOrEmpty(variablesText) && !TryParseJsonObject(variablesText, out variables, keepJson: true))
            return Decoded.Fail("The 'variables' parameter must be a JSON object.");
        if (!string.IsNullOrEmpty(extensionsText) && !TryParseJsonObject(extensionsText, out extensions))
            return Decoded.Fail("The 'extensions' parameter must be a JSON object.");
        return new Decoded(new GraphQLRequest
        {
            Query = string.IsNullOrEmpty(query) ? null : query,
            OperationName = string.IsNullOrEmpty(operationName) ? null : operationName,
            Variables = variables,
            Extensions = extensions,
            DocumentId = string.IsNullOrEmpty(documentId) ? null : documentId,
        }, 0, null);
    }

    private static bool TryParseJsonObject(string text, out IReadOnlyDictionary<string, object?>? value, bool keepJson = false)
    {
        value = null;
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Null) return true;
            if (json.RootElement.ValueKind != JsonValueKind.Object) return false;
            value = keepJson ? VariablesOf(json.RootElement) : (IReadOnlyDictionary<string, object?>)JsonValues.ToClr(json.RootElement)!;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task<Decoded> ReadPostAsync(HttpRequest http, long maxBodySize, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(http.ContentType))
            return Decoded.Fail($"A POST request needs Content-Type: {JsonMediaType}.", StatusCodes.Status415UnsupportedMediaType);
        if (!MediaTypeHeaderValue.TryParse(http.ContentType, out var contentType)
            || !contentType.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase))
            return Decoded.Fail($"Unsupported Content-Type '{http.ContentType}': use {JsonMediaType}.", StatusCodes.Status415UnsupportedMediaType);
        if (!IsUtf8OrAbsent(contentType.Charset))
            return Decoded.Fail($"Unsupported charset '{contentType.Charset}': request bodies are UTF-8.", StatusCodes.Status415UnsupportedMediaType);

        if (http.ContentLength > maxBodySize) return Decoded.Fail(TooLarge(maxBodySize), StatusCodes.Status413PayloadTooLarge);
        var body = await ReadBodyAsync(http.Body, maxBodySize, cancellationToken).ConfigureAwait(false);
        if (body is null) return Decoded.Fail(TooLarge(maxBodySize), StatusCodes.Status413PayloadTooLarge);
        ReadOnlyMemory<byte> utf8 = body;
        if (utf8.Span.StartsWith(Utf8Bom)) utf8 = utf8[Utf8Bom.Length..];
        if (utf8.Length == 0) return Decoded.Fail("The request body is empty: send a JSON object with a 'query'.");
        // JsonDocument checks strings lazily; an invalid sequence would surface later as an exception, not a 400.
        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span)) return Decoded.Fail("The request body is not valid UTF-8.");

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException ex)
        {
            return Decoded.Fail("The request body is not valid JSON: " + ex.Message);
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Decoded.Fail("The request body must be a JSON object.");
            string? query = null, operationName = null, documentId = null;
            IReadOnlyDictionary<string, object?>? variables = null, extensions = null;
            foreach (var property in root.EnumerateObject())
            {
                var value = property.Value;
                var isNull = value.ValueKind == JsonValueKind.Null;
                switch (property.Name)
                {
                    case "query":
                        if (!isNull && value.ValueKind != JsonValueKind.String) return Decoded.Fail("The 'query' parameter must be a string.");
                        query = isNull ? null : value.GetString();
                        break;
                    case "operationName":
                        if (!isNull && value.ValueKind != JsonValueKind.String) return Decoded.Fail("The 'operationName' parameter must be a string or null.");
                        operationName = isNull ? null : value.GetString();
                        break;
                    case "documentId":
                        if (!isNull && value.ValueKind != JsonValueKind.String) return Decoded.Fail("The 'documentId' parameter must be a string or null.");
                        documentId = isNull ? null : value.GetString();
                        break;
                    case "variables":
                        if (!isNull && value.ValueKind != JsonValueKind.Object) return Decoded.Fail("The 'variables' parameter must be an object or null.");
                        variables = isNull ? null : VariablesOf(value);
                        break;
                    case "extensions":
                        if (!isNull && value.ValueKind != JsonValueKind.Object) return Decoded.Fail("The 'extensions' parameter must be an object or null.");
                        extensions = isNull ? null : (IReadOnlyDictionary<string, object?>)JsonValues.ToClr(value)!;
                        break;
                }
            }
            return new Decoded(new GraphQLRequest
            {
                Query = query,
                OperationName = operationName,
                Variables = variables,
                Extensions = extensions,
                DocumentId = documentId,
            }, 0, null);
        }
    }

    private static bool IsUtf8OrAbsent(StringSegment charset) =>
        !charset.HasValue || HeaderUtilities.RemoveQuotes(charset).Equals("utf-8", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Variable values stay <see cref="JsonElement"/>s (cloned out of the request's document): coercion unwraps them,
    /// a JSON null stays distinct from an absent variable, and exact scalars (Decimal) can read the number's text.
    /// </summary>
    private static Dictionary<string, object?> VariablesOf(JsonElement json)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject()) result[property.Name] = property.Value.Clone();
        return result;
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static string TooLarge(long max) => $"The request body is larger than the limit of {max} bytes.";

    /// <summary>The whole body, or null when it is longer than <paramref name="max"/> (chunked bodies have no length up front).</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > max) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }
}
