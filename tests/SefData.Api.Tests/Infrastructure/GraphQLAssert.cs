using System.Text.Json;

namespace SefData.Api.Tests.Infrastructure;

public static class GraphQLAssert
{
    /// <summary>Fails with the response's errors when it has any; returns <c>data</c>.</summary>
    public static JsonElement NoErrors(JsonDocument json)
    {
        if (json.RootElement.TryGetProperty("errors", out var errors))
            Assert.Fail("GraphQL errors: " + errors.GetRawText());
        return json.RootElement.GetProperty("data");
    }

    /// <summary>The <c>extensions.code</c> of every top-level error.</summary>
    public static IReadOnlyList<string?> ErrorCodes(JsonDocument json) =>
        json.RootElement.TryGetProperty("errors", out var errors)
            ? errors.EnumerateArray().Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : null).ToList()
            : [];
}
