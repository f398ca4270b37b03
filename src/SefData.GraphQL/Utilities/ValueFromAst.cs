using System.Globalization;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Utilities;

/// <summary>
/// graphql-js valueFromAST: a literal (with variables already coerced) to an internal value of an input type.
/// Returns false where graphql-js returns undefined (an invalid value); validation reports the reason, not this.
/// </summary>
public static class ValueFromAst
{
    public static bool TryConvert(ValueNode? valueNode, GraphQLType type, IReadOnlyDictionary<string, object?>? variables, out object? value)
    {
        value = null;
        if (valueNode is null) return false;
        if (valueNode is VariableNode variable)
        {
            if (variables is null || !variables.TryGetValue(variable.Name.Value, out var variableValue)) return false;
            if (variableValue is null && type is NonNullType) return false;
            // No further checking: variables were coerced against their declared type already.
            value = variableValue;
            return true;
        }
        if (type is NonNullType nonNull)
        {
            if (valueNode is NullValueNode) return false;
            return TryConvert(valueNode, nonNull.OfType, variables, out value);
        }
        if (valueNode is NullValueNode) return true;
        switch (type)
        {
            case ListType list:
            {
                var itemType = list.OfType;
                if (valueNode is ListValueNode listNode)
                {
                    var items = new List<object?>(listNode.Values.Count);
                    foreach (var itemNode in listNode.Values)
                    {
                        if (IsMissingVariable(itemNode, variables))
                        {
                            if (itemType is NonNullType) return false;
                            items.Add(null);
                        }
                        else
                        {
                            if (!TryConvert(itemNode, itemType, variables, out var item)) return false;
                            items.Add(item);
                        }
                    }
                    value = items;
                    return true;
                }
                if (!TryConvert(valueNode, itemType, variables, out var single)) return false;
                value = new List<object?> { single };
                return true;
            }
            case InputObjectType input:
            {
                if (valueNode is not ObjectValueNode objectNode) return false;
                var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var field in input.Fields)
                {
                    ObjectFieldNode? fieldNode = null;
                    foreach (var f in objectNode.Fields)
                    {
                        // Last one wins, like graphql-js keyMap (duplicates are a validation error anyway).
                        if (f.Name.Value == field.Name) fieldNode = f;
                    }
                    if (fieldNode is null || IsMissingVariable(fieldNode.Value, variables))
                    {
                        if (field.HasDefaultValue) result[field.Name] = field.DefaultValue;
                        else if (field.Type is NonNullType) return false;
                        continue;
                    }
                    if (!TryConvert(fieldNode.Value, field.Type, variables, out var fieldValue)) return false;
                    result[field.Name] = fieldValue;
                }
                if (input.IsOneOf && (result.Count != 1 || result.Values.First() is null)) return false;
                value = result;
                return true;
            }
            case ILeafType leaf:
                try
                {
                    value = leaf.ParseLiteral(valueNode, variables);
                    return true;
                }
                catch (GraphQLError)
                {
                    return false;
                }
                catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException or ArgumentException)
                {
                    return false;
                }
            default:
                throw new ArgumentException($"Unexpected input type: {type}", nameof(type));
        }
    }

    private static bool IsMissingVariable(ValueNode node, IReadOnlyDictionary<string, object?>? variables)
        => node is VariableNode v && (variables is null || !variables.ContainsKey(v.Name.Value));
}

/// <summary>graphql-js valueFromASTUntyped: a literal to a plain value without a type (custom scalar default).</summary>
public static class ValueFromAstUntyped
{
    public static object? Convert(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables = null)
    {
        switch (valueNode)
        {
            case NullValueNode: return null;
            case IntValueNode i:
                if (int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var iv)) return iv;
                if (long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var lv)) return lv;
                return double.Parse(i.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            case FloatValueNode f: return double.Parse(f.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            case StringValueNode s: return s.Value;
            case EnumValueNode e: return e.Value;
            case BooleanValueNode b: return b.Value;
            case ListValueNode l: return l.Values.Select(v => Convert(v, variables)).ToList();
            case ObjectValueNode o:
                var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var field in o.Fields) dict[field.Name.Value] = Convert(field.Value, variables);
                return dict;
            case VariableNode v:
                return variables is not null && variables.TryGetValue(v.Name.Value, out var value) ? value : null;
            default: throw new ArgumentOutOfRangeException(nameof(valueNode));
        }
    }
}

/// <summary>graphql-js astFromValue: an internal value to a literal of the given input type (null = no literal).</summary>
public static class AstFromValue
{
    public static ValueNode? Convert(object? value, GraphQLType type)
    {
        if (type is NonNullType nonNull)
        {
            var inner = Convert(value, nonNull.OfType);
            return inner is NullValueNode ? null : inner;
        }
        value = JsonValues.Unwrap(value);
        if (value is null) return new NullValueNode();
        switch (type)
        {
            case ListType list:
                if (value is System.Collections.IEnumerable items and not string and not IReadOnlyDictionary<string, object?>)
                {
                    var nodes = new List<ValueNode>();
                    foreach (var item in items)
                    {
                        if (Convert(item, list.OfType) is { } node) nodes.Add(node);
                    }
                    return new ListValueNode { Values = nodes };
                }
                return Convert(value, list.OfType);
            case InputObjectType input:
            {
                // graphql-js isObjectLike: strings, numbers and booleans have no fields to print.
                if (value is string or ValueType) return null;
                var fields = new List<ObjectFieldNode>();
                foreach (var field in input.Fields)
                {
                    if (!TryGetMember(value, field.Name, out var fieldValue)) continue;
                    if (Convert(fieldValue, field.Type) is { } node)
                        fields.Add(new ObjectFieldNode { Name = new NameNode(field.Name), Value = node });
                }
                return new ObjectValueNode { Fields = fields };
            }
            case ILeafType leaf:
            {
                var serialized = JsonValues.Unwrap(leaf.Serialize(value));
                switch (serialized)
                {
                    case null: return null;
                    case bool b: return new BooleanValueNode { Value = b };
                    case string s:
                        if (type is EnumType) return new EnumValueNode { Value = s };
                        if (ReferenceEquals(type, ScalarType.ID) && IsIntegerString(s)) return new IntValueNode { Value = s };
                        return new StringValueNode { Value = s };
                }
                if (JsNumber.TryGetDouble(serialized, out var num) && double.IsFinite(num))
                {
                    var text = serialized is int or long or short or byte or sbyte or uint or ushort or ulong
                        ? System.Convert.ToString(serialized, CultureInfo.InvariantCulture)!
                        : JsNumber.ToString(num);
                    return IsIntegerString(text) ? new IntValueNode { Value = text } : new FloatValueNode { Value = text };
                }
                throw new InvalidOperationException($"Cannot convert value to AST: {Inspector.Inspect(serialized)}.");
            }
            default:
                throw new ArgumentException($"Unexpected input type: {type}", nameof(type));
        }
    }

    private static bool TryGetMember(object value, string name, out object? member)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> ro: return ro.TryGetValue(name, out member);
            case IDictionary<string, object?> d: return d.TryGetValue(name, out member);
        }
        member = DefaultResolvers.GetValue(value, name);
        return member is not null;
    }

    // -?(0|[1-9][0-9]*)
    private static bool IsIntegerString(string s)
    {
        var i = s.StartsWith('-') ? 1 : 0;
        if (i >= s.Length) return false;
        if (s[i] == '0') return s.Length == i + 1;
        for (; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i])) return false;
        }
        return true;
    }
}

/// <summary>graphql-js typeFromAST: a type reference in a document to the schema's type (null when unknown).</summary>
public static class TypeFromAst
{
    public static GraphQLType? Convert(Schema schema, TypeNode typeNode) => typeNode switch
    {
        ListTypeNode l => Convert(schema, l.Type) is { } inner ? new ListType(inner) : null,
        NonNullTypeNode nn => Convert(schema, nn.Type) is { } inner ? new NonNullType(inner) : null,
        NamedTypeNode n => schema.GetType(n.Name.Value),
        _ => null,
    };
}
