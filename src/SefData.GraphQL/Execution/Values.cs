using System.Text.Json;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Execution;

/// <summary>
/// graphql-js execution/values: coercing an operation's variable values (spec CoerceVariableValues) and a field's or
/// directive's argument values (spec CoerceArgumentValues), with graphql-js's messages.
/// </summary>
public static class Values
{
    internal static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    /// <summary>
    /// Coerces raw (JSON) variable values against the operation's variable definitions. Returns the coerced values,
    /// or null with every error (at most <paramref name="maxErrors"/>, then graphql-js's "Too many errors" error).
    /// </summary>
    public static IReadOnlyDictionary<string, object?>? CoerceVariableValues(
        Schema schema,
        IReadOnlyList<VariableDefinitionNode> definitions,
        IReadOnlyDictionary<string, object?> inputs,
        out List<GraphQLError>? errors,
        int maxErrors = 50)
    {
        errors = null;
        if (definitions.Count == 0) return Empty;
        var collected = new List<GraphQLError>();
        var coerced = new CoercedVariables(definitions.Count);
        try
        {
            foreach (var definition in definitions)
            {
                CoerceVariable(schema, definition, inputs, coerced, error =>
                {
                    if (collected.Count >= maxErrors)
                        throw new GraphQLError("Too many errors processing variables, error limit reached. Execution aborted.");
                    collected.Add(error);
                });
            }
        }
        catch (GraphQLError tooMany)
        {
            collected.Add(tooMany);
        }
        if (collected.Count == 0) return coerced;
        errors = collected;
        return null;
    }

    private static void CoerceVariable(
        Schema schema,
        VariableDefinitionNode definition,
        IReadOnlyDictionary<string, object?> inputs,
        CoercedVariables coerced,
        Action<GraphQLError> onError)
    {
        var name = definition.Variable.Name.Value;
        var type = TypeFromAst.Convert(schema, definition.Type);
        if (type is null || !type.IsInputType())
        {
            onError(new GraphQLError(
                $"Variable \"${name}\" expected value of type \"{Printer.Print(definition.Type)}\" which cannot be used as an input type.",
                [definition.Type]));
            return;
        }
        if (!inputs.TryGetValue(name, out var raw))
        {
            if (definition.DefaultValue is not null)
            {
                // graphql-js stores undefined for an invalid default (validation reports it): present, but no value.
                if (ValueFromAst.TryConvert(definition.DefaultValue, type, null, out var defaultValue))
                    coerced[name] = defaultValue;
                else
                    (coerced.UndefinedNames ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
            }
            else if (type is NonNullType)
            {
                onError(new GraphQLError($"Variable \"${name}\" of required type \"{type}\" was not provided.", [definition]));
            }
            return;
        }
        if (IsNull(raw) && type is NonNullType)
        {
            onError(new GraphQLError($"Variable \"${name}\" of non-null type \"{type}\" must not be null.", [definition]));
            return;
        }
        coerced[name] = CoerceInputValue.Coerce(raw, type, (path, invalidValue, error) =>
        {
            var prefix = $"Variable \"${name}\" got invalid value " + Inspector.Inspect(invalidValue);
            if (path.Count > 0) prefix += $" at \"{name}{CoerceInputValue.PrintPath(path)}\"";
            onError(new GraphQLError(prefix + "; " + error.Message, [definition], extensions: error.Extensions, originalError: error));
        });
    }

    private static bool IsNull(object? value) => value is null or JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined };

    /// <summary>Raw variables given as a JSON object (null/undefined means none).</summary>
    public static IReadOnlyDictionary<string, object?> FromJson(JsonElement variables)
    {
        if (variables.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return Empty;
        if (variables.ValueKind != JsonValueKind.Object)
            throw new GraphQLError("Variables must be provided as an Object where each property is a variable value. Perhaps look to see if an unparsed JSON string was provided.");
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        // Kept as JsonElement: CoerceInputValue unwraps it, and a JSON null stays distinguishable from "absent".
        foreach (var property in variables.EnumerateObject()) result[property.Name] = property.Value;
        return result;
    }

    /// <summary>
    /// graphql-js getArgumentValues: the coerced arguments of a field or directive node. Throws
    /// <see cref="GraphQLError"/> (located at the offending node) for a missing, null or invalid argument.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> GetArgumentValues(
        IReadOnlyList<ArgumentDefinition> definitions,
        SyntaxNode node,
        IReadOnlyList<ArgumentNode> argumentNodes,
        IReadOnlyDictionary<string, object?>? variables)
    {
        if (definitions.Count == 0) return Empty;
        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var name = definition.Name;
            var type = definition.Type;
            ArgumentNode? argumentNode = null;
            // Last one wins, like graphql-js keyMap (duplicates are a validation error anyway).
            foreach (var candidate in argumentNodes)
            {
                if (candidate.Name.Value == name) argumentNode = candidate;
            }
            if (argumentNode is null)
            {
                if (definition.HasDefaultValue) coerced[name] = definition.DefaultValue;
                else if (type is NonNullType)
                    throw new GraphQLError($"Argument \"{name}\" of required type \"{type}\" was not provided.", [node]);
                continue;
            }
            var valueNode = argumentNode.Value;
            var isNull = valueNode is NullValueNode;
            var undefined = false;
            if (valueNode is VariableNode variable)
            {
                var variableName = variable.Name.Value;
                undefined = variables is CoercedVariables { UndefinedNames: { } names } && names.Contains(variableName);
                object? variableValue = null;
                if (!undefined && (variables is null || !variables.TryGetValue(variableName, out variableValue)))
                {
                    if (definition.HasDefaultValue) coerced[name] = definition.DefaultValue;
                    else if (type is NonNullType)
                        throw new GraphQLError(
                            $"Argument \"{name}\" of required type \"{type}\" was provided the variable \"${variableName}\" which was not provided a runtime value.",
                            [valueNode]);
                    continue;
                }
                isNull = variableValue is null;
            }
            if (isNull && type is NonNullType)
                throw new GraphQLError($"Argument \"{name}\" of non-null type \"{type}\" must not be null.", [valueNode]);
            object? value = null;
            if (undefined || !ValueFromAst.TryConvert(valueNode, type, variables, out value))
                throw new GraphQLError($"Argument \"{name}\" has invalid value {Printer.Print(valueNode)}.", [valueNode]);
            coerced[name] = value;
        }
        return coerced;
    }
}

/// <summary>Coerced variable values; also remembers variables whose invalid default left them "undefined" (graphql-js).</summary>
internal sealed class CoercedVariables(int capacity) : Dictionary<string, object?>(capacity, StringComparer.Ordinal)
{
    public HashSet<string>? UndefinedNames { get; set; }
}
