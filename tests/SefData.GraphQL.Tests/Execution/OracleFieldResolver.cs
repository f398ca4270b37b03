using System.Text.Json;
using SefData.GraphQL.Execution;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Tests.Execution;

/// <summary>
/// The data conventions of tests/js/oracle-execute.mjs on SefData's side: a schema-wide field resolver wrapping
/// <see cref="DefaultResolvers.ResolveField"/> that throws for {"$error"}/{"$errorExt"}, returns a pending
/// ValueTask for {"$async"} and the JSON of the coerced arguments for {"$args"}.
/// </summary>
internal static class OracleFieldResolver
{
    public static readonly FieldResolver Instance = ctx => Convert(DefaultResolvers.GetValue(ctx.Parent, ctx.FieldDefinition.Name), ctx, null);

    /// <summary>
    /// The same conventions, but each {"$async"} value yields 1 to 3 times and sometimes spins on the pool thread
    /// before it completes (amounts drawn from a Random seeded with <paramref name="seed"/>), so that async
    /// completions arrive in a different order from run to run. Never 0 yields: a pending value stays pending.
    /// </summary>
    public static FieldResolver WithRandomDelays(int seed)
    {
        var noise = new Random(seed);
        return ctx => Convert(DefaultResolvers.GetValue(ctx.Parent, ctx.FieldDefinition.Name), ctx, noise);
    }

    private static ValueTask<object?> Convert(object? value, IResolverContext context, Random? noise)
    {
        if (!TryGetMarker(value, out var marker, out var inner)) return new ValueTask<object?>(value);
        switch (marker)
        {
            case "$error":
                throw new InvalidOperationException((string)JsonValues.Unwrap(inner)!);
            case "$errorExt":
                var details = (IReadOnlyDictionary<string, object?>)JsonValues.Unwrap(inner)!;
                throw new GraphQLError((string)details["message"]!, extensions: (IReadOnlyDictionary<string, object?>?)details["extensions"]);
            case "$async":
                return ConvertLaterAsync(inner, context, noise);
            case "$args":
                return new ValueTask<object?>(ExecutionResultJson.SerializeValue(context.Arguments));
            default:
                return new ValueTask<object?>(value);
        }
    }

    private static async ValueTask<object?> ConvertLaterAsync(object? value, IResolverContext context, Random? noise)
    {
        var yields = 1;
        var spins = 0;
        if (noise is not null)
        {
            // Nested markers convert on pool threads: Random is not thread-safe.
            lock (noise)
            {
                yields = noise.Next(1, 4);
                spins = noise.Next(3) == 0 ? noise.Next(10_000) : 0;
            }
        }
        for (var i = 0; i < yields; i++) await Task.Yield();
        if (spins > 0) Thread.SpinWait(spins);
        return await Convert(value, context, noise);
    }

    private static bool TryGetMarker(object? value, out string? marker, out object? inner)
    {
        marker = null;
        inner = null;
        switch (value)
        {
            case JsonElement { ValueKind: JsonValueKind.Object } json:
            {
                using var properties = json.EnumerateObject();
                if (!properties.MoveNext()) return false;
                var first = properties.Current;
                if (properties.MoveNext() || !first.Name.StartsWith('$')) return false;
                marker = first.Name;
                inner = first.Value;
                return true;
            }
            case IReadOnlyDictionary<string, object?> { Count: 1 } dictionary:
            {
                var (key, item) = dictionary.First();
                if (!key.StartsWith('$')) return false;
                marker = key;
                inner = item;
                return true;
            }
            default:
                return false;
        }
    }
}
