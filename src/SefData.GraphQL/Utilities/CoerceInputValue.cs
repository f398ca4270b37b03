using System.Collections;
using System.Text;
using System.Text.Json;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Utilities;

/// <summary>Receives one coercion problem: the path inside the value (keys and indices), the offending value, the error.</summary>
public delegate void InputCoercionErrorHandler(IReadOnlyList<object> path, object? invalidValue, GraphQLError error);

/// <summary>
/// graphql-js coerceInputValue: an external (JSON) value to the internal value of an input type, reporting each
/// problem with graphql-js's message. Used for variable values. Lists and input objects come back as
/// <see cref="List{T}"/> of object? and <see cref="Dictionary{TKey,TValue}"/> of string to object?.
/// </summary>
public static class CoerceInputValue
{
    /// <summary>Throws the first problem as "Invalid value X at "value.path": message" (graphql-js defaultOnError).</summary>
    public static object? Coerce(object? inputValue, GraphQLType type) => Coerce(inputValue, type, DefaultOnError);

    /// <summary>Reports every problem to <paramref name="onError"/>; the result is meaningless when any was reported.</summary>
    public static object? Coerce(object? inputValue, GraphQLType type, InputCoercionErrorHandler onError)
        => CoerceImpl(inputValue, type, onError, null);

    /// <summary>".a[0].b" for path ["a", 0, "b"] (graphql-js printPathArray).</summary>
    public static string PrintPath(IReadOnlyList<object> path)
    {
        var sb = new StringBuilder();
        foreach (var key in path)
        {
            if (key is int i) sb.Append('[').Append(i).Append(']');
            else sb.Append('.').Append(key);
        }
        return sb.ToString();
    }

    private static void DefaultOnError(IReadOnlyList<object> path, object? invalidValue, GraphQLError error)
    {
        var prefix = "Invalid value " + Inspector.Inspect(invalidValue);
        if (path.Count > 0) prefix += $" at \"value{PrintPath(path)}\"";
        throw new GraphQLError(prefix + ": " + error.Message, error.Nodes, null, error.Path, error.Extensions, error.InnerException ?? error);
    }

    private sealed record PathNode(PathNode? Prev, object Key)
    {
        public static IReadOnlyList<object> ToList(PathNode? node)
        {
            var list = new List<object>();
            for (var p = node; p is not null; p = p.Prev) list.Add(p.Key);
            list.Reverse();
            return list;
        }
    }

    // JSON is unwrapped one level at a time, so a scalar that asks for it still sees its original JsonElement.
    private static object? CoerceImpl(object? inputValue, GraphQLType type, InputCoercionErrorHandler onError, PathNode? path)
    {
        if (inputValue is JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined }) inputValue = null;
        if (type is NonNullType nonNull)
        {
            if (inputValue is not null) return CoerceImpl(inputValue, nonNull.OfType, onError, path);
            onError(PathNode.ToList(path), inputValue, new GraphQLError($"Expected non-nullable type \"{type}\" not to be null."));
            return null;
        }
        if (inputValue is null) return null;
        switch (type)
        {
            case ListType list:
            {
                if (inputValue is JsonElement { ValueKind: JsonValueKind.Array } array)
                {
                    var result = new List<object?>(array.GetArrayLength());
                    var index = 0;
                    foreach (var item in array.EnumerateArray())
                    {
                        result.Add(CoerceImpl(item, list.OfType, onError, new PathNode(path, index)));
                        index++;
                    }
                    return result;
                }
                if (inputValue is IEnumerable items and not string and not IDictionary and not IReadOnlyDictionary<string, object?>)
                {
                    var result = new List<object?>();
                    var index = 0;
                    foreach (var item in items)
                    {
                        result.Add(CoerceImpl(item, list.OfType, onError, new PathNode(path, index)));
                        index++;
                    }
                    return result;
                }
                // A non-list value is accepted as a list of one.
                return new List<object?> { CoerceImpl(inputValue, list.OfType, onError, path) };
            }
            case InputObjectType input:
            {
                if (AsObject(inputValue) is not { } obj)
                {
                    onError(PathNode.ToList(path), inputValue, new GraphQLError($"Expected type \"{input.Name}\" to be an object."));
                    return null;
                }
                var coerced = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var field in input.Fields)
                {
                    if (!obj.TryGetValue(field.Name, out var fieldValue))
                    {
                        if (field.HasDefaultValue) coerced[field.Name] = field.DefaultValue;
                        else if (field.Type is NonNullType)
                            onError(PathNode.ToList(path), inputValue, new GraphQLError($"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided."));
                        continue;
                    }
                    coerced[field.Name] = CoerceImpl(fieldValue, field.Type, onError, new PathNode(path, field.Name));
                }
                foreach (var key in obj.Keys)
                {
                    if (input.GetField(key) is null)
                    {
                        var suggestions = Suggestions.SuggestionList(key, input.Fields.Select(f => f.Name));
                        onError(PathNode.ToList(path), inputValue,
                            new GraphQLError($"Field \"{key}\" is not defined by type \"{input.Name}\"." + Suggestions.DidYouMean(suggestions)));
                    }
                }
                if (input.IsOneOf)
                {
                    if (coerced.Count != 1)
                        onError(PathNode.ToList(path), inputValue, new GraphQLError($"Exactly one key must be specified for OneOf type \"{input.Name}\"."));
                    if (coerced.Count > 0)
                    {
                        var (key, value) = coerced.First();
                        if (value is null)
                            onError(PathNode.ToList(new PathNode(path, key)), value, new GraphQLError($"Field \"{key}\" must be non-null."));
                    }
                }
                return coerced;
            }
            case ILeafType leaf:
                try
                {
                    return leaf.ParseValue(leaf is ScalarType { ReceivesJsonElements: true } ? inputValue : JsonValues.Unwrap(inputValue));
                }
                catch (GraphQLError error)
                {
                    onError(PathNode.ToList(path), inputValue, error);
                }
                catch (Exception error) when (error is not OutOfMemoryException)
                {
                    onError(PathNode.ToList(path), inputValue,
                        new GraphQLError($"Expected type \"{leaf.Name}\". " + error.Message, originalError: error));
                }
                return null;
            default:
                throw new ArgumentException($"Unexpected input type: {type}", nameof(type));
        }
    }

    private static IReadOnlyDictionary<string, object?>? AsObject(object value)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> ro: return ro;
            case IDictionary<string, object?> d: return new Dictionary<string, object?>(d);
            case JsonElement { ValueKind: JsonValueKind.Object } json:
                // Shallow: property values stay JsonElements (a repeated key keeps the last, as JSON.parse does).
                var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var p in json.EnumerateObject()) dict[p.Name] = p.Value;
                return dict;
            default: return null;
        }
    }
}
