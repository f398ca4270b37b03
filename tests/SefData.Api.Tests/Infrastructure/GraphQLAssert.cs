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

public static class JsonExtensions
{
    public static JsonElement P(this JsonElement e, string name) => e.GetProperty(name);

    public static string? Str(this JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    public static decimal? Dec(this JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDecimal();

    public static List<JsonElement> Items(this JsonElement e, string name) => e.GetProperty(name).EnumerateArray().ToList();

    /// <summary>GraphQL enum value of a C# enum member (UPPER_SNAKE_CASE).</summary>
    public static string Gql<TEnum>(this TEnum value) where TEnum : struct, Enum => SefData.GraphQL.Types.EnumType.ToUpperSnakeCase(value.ToString());
}
