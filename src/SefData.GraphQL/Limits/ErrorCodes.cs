namespace SefData.GraphQL.Limits;

/// <summary>Values of <c>extensions.code</c> on errors raised by the request protection (API-CONVENTIONS.md "Limits").</summary>
public static class ErrorCodes
{
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    public const string MaxCostExceeded = "MAX_COST_EXCEEDED";
    public const string MaxAliasesExceeded = "MAX_ALIASES_EXCEEDED";
    public const string MaxTokensExceeded = "MAX_TOKENS_EXCEEDED";
    public const string ExecutionTimeout = "EXECUTION_TIMEOUT";
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string PersistedQueryNotAllowed = "PERSISTED_QUERY_NOT_ALLOWED";

    internal static IReadOnlyDictionary<string, object?> Extensions(string code) => new Dictionary<string, object?> { ["code"] = code };
}
