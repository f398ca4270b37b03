using System.Text.Json;
using SefData.Api.GraphQL.Core;
using SefData.Api.Tests.Infrastructure;

namespace SefData.Api.Tests.Recording;

/// <summary>Reading mutation payloads: the data, the typed errors, success.</summary>
public static class MutationKit
{
    /// <summary>Selection of a payload's errors (every error type).</summary>
    public const string Errors = """
        errors { __typename
          ... on DomainRuleError { code message }
          ... on ValidationError { code message field }
          ... on ConcurrencyError { message expectedVersion actualVersion } }
        """;

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static JsonElement Payload(JsonDocument json, string mutation) => GraphQLAssert.NoErrors(json).GetProperty(mutation);

    /// <summary>"DomainRuleError:CODE", "ValidationError:CODE" or "ConcurrencyError".</summary>
    public static IReadOnlyList<string> ErrorsOf(JsonElement payload) =>
        payload.GetProperty("errors") is { ValueKind: JsonValueKind.Array } errors
            ? errors.EnumerateArray().Select(e =>
                e.GetProperty("__typename").GetString() + (e.TryGetProperty("code", out var c) ? ":" + c.GetString() : "")).ToList()
            : [];

    /// <summary>Asserts success and returns the payload's result field.</summary>
    public static JsonElement Ok(JsonDocument json, string mutation, string field)
    {
        var p = Payload(json, mutation);
        Assert.Empty(ErrorsOf(p));
        var result = p.GetProperty(field);
        Assert.NotEqual(JsonValueKind.Null, result.ValueKind);
        return result;
    }

    /// <summary>Asserts the payload failed with exactly this error (among others allowed) and returned no object.</summary>
    public static void Fails(JsonDocument json, string mutation, string field, string expectedError)
    {
        var p = Payload(json, mutation);
        Assert.Contains(expectedError, ErrorsOf(p));
        Assert.Equal(JsonValueKind.Null, p.GetProperty(field).ValueKind);
    }

    public static string Id(string type, object key) => NodeId.Encode(type, key);
}
