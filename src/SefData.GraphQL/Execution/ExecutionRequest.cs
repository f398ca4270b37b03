using System.Text.Json;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Execution;

/// <summary>What to execute (graphql-js ExecutionArgs). The document must already be validated.</summary>
public sealed class ExecutionRequest
{
    public required Schema Schema { get; init; }
    public required DocumentNode Document { get; init; }
    public string? OperationName { get; init; }

    /// <summary>Raw variable values (as decoded from JSON); takes precedence over <see cref="VariablesJson"/>.</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>Raw variable values as the request's JSON object.</summary>
    public JsonElement? VariablesJson { get; init; }

    public object? RootValue { get; init; }

    /// <summary>
    /// Per-request state for resolvers (graphql-js contextValue). When null, a thread-safe dictionary is created on
    /// first use; a dictionary passed in must be thread-safe if resolvers write to it concurrently.
    /// </summary>
    public IDictionary<string, object?>? ContextData { get; init; }

    public IServiceProvider? Services { get; init; }
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Used for fields without their own resolver (graphql-js fieldResolver); default <see cref="DefaultResolvers.ResolveField"/>.</summary>
    public FieldResolver? FieldResolver { get; init; }

    /// <summary>Used for abstract types without their own resolver (graphql-js typeResolver); default <see cref="DefaultResolvers.ResolveType"/>.</summary>
    public TypeResolver? TypeResolver { get; init; }

    /// <summary>graphql-js maxCoercionErrors.</summary>
    public int MaxVariableCoercionErrors { get; init; } = 50;

    /// <summary>The same request with another root value (each subscription event is executed this way).</summary>
    public ExecutionRequest WithRootValue(object? rootValue) => new()
    {
        Schema = Schema,
        Document = Document,
        OperationName = OperationName,
        Variables = Variables,
        VariablesJson = VariablesJson,
        RootValue = rootValue,
        ContextData = ContextData,
        Services = Services,
        CancellationToken = CancellationToken,
        FieldResolver = FieldResolver,
        TypeResolver = TypeResolver,
        MaxVariableCoercionErrors = MaxVariableCoercionErrors,
    };
}

/// <summary>
/// The outcome of an execution (spec 7.1). <see cref="Data"/> is null both when execution did not start (request
/// errors: <see cref="HasData"/> false, no "data" key in the response) and when a null propagated to the root.
/// Serializing it with System.Text.Json writes the same text as <see cref="ExecutionResultJson"/>.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(ExecutionResultJsonConverter))]
public sealed class ExecutionResult
{
    public ResultMap? Data { get; init; }

    /// <summary>False when the request failed before execution started (no "data" entry in the response).</summary>
    public bool HasData { get; init; }

    public IReadOnlyList<GraphQLError>? Errors { get; init; }

    /// <summary>Free-form response extensions (written last); null or empty means none.</summary>
    public IDictionary<string, object?>? Extensions { get; set; }

    /// <summary>Execution stopped because the request's cancellation token fired (partial data plus an error).</summary>
    public bool IsCanceled { get; init; }

    /// <summary>A result for a request that could not be executed.</summary>
    public static ExecutionResult FromErrors(IReadOnlyList<GraphQLError> errors) => new() { Errors = errors };

    /// <summary>The response as graphql-js's <c>JSON.stringify(result)</c> writes it.</summary>
    public string ToJson() => ExecutionResultJson.Serialize(this);

    public override string ToString() => ToJson();
}

/// <summary>Lets <c>JsonSerializer</c> (and ASP.NET's <c>Results.Json</c>) write results in graphql-js's shape.</summary>
public sealed class ExecutionResultJsonConverter : System.Text.Json.Serialization.JsonConverter<ExecutionResult>
{
    public override ExecutionResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => throw new NotSupportedException("Execution results are written, not read.");

    public override void Write(Utf8JsonWriter writer, ExecutionResult value, JsonSerializerOptions options)
        => ExecutionResultJson.Write(writer, value);
}
