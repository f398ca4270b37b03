using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.6.1 Values of Correct Type: literals are valid for their input position (leaf values through the type's
/// ParseLiteral, required input fields present, @oneOf objects with exactly one non-null field).
/// </summary>
public sealed class ValuesOfCorrectTypeRule : IValidationRule
{
    public static ValuesOfCorrectTypeRule Instance { get; } = new();
    public string Name => nameof(ValuesOfCorrectTypeRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor(context, KindSet.Of(
        SyntaxKind.OperationDefinition, SyntaxKind.VariableDefinition, SyntaxKind.ListValue, SyntaxKind.ObjectValue,
        SyntaxKind.ObjectField, SyntaxKind.NullValue, SyntaxKind.EnumValue, SyntaxKind.IntValue, SyntaxKind.FloatValue,
        SyntaxKind.StringValue, SyntaxKind.BooleanValue))
    {
        // Reset per operation and (as in graphql-js) still in place for fragments that follow it.
        private readonly Dictionary<string, VariableDefinitionNode> _variableDefinitions = new(StringComparer.Ordinal);

        public override VisitAction Enter(SyntaxNode node)
        {
            switch (node)
            {
                case OperationDefinitionNode:
                    _variableDefinitions.Clear();
                    break;
                case VariableDefinitionNode definition:
                    _variableDefinitions[definition.Variable.Name.Value] = definition;
                    break;
                case ListValueNode:
                    if (Context.ParentInputType?.GetNullableType() is not ListType)
                    {
                        IsValidValueNode(node);
                        return VisitAction.SkipChildren;
                    }
                    break;
                case ObjectValueNode objectValue:
                    return EnterObject(objectValue);
                case ObjectFieldNode objectField:
                {
                    var parentType = Context.ParentInputType?.GetNamedType();
                    if (Context.InputType is null && parentType is InputObjectType inputObject)
                    {
                        var names = new List<string>(inputObject.Fields.Count);
                        foreach (var f in inputObject.Fields) names.Add(f.Name);
                        var fieldName = objectField.Name.Value;
                        Context.ReportError(new GraphQLError(
                            $"Field \"{fieldName}\" is not defined by type \"{inputObject.Name}\"." +
                            Suggestions.DidYouMean(Suggestions.SuggestionList(fieldName, names)),
                            [node]));
                    }
                    break;
                }
                case NullValueNode:
                    if (Context.InputType is NonNullType nonNull)
                        Context.ReportError(new GraphQLError($"Expected value of type \"{nonNull}\", found null.", [node]));
                    break;
                default:
                    IsValidValueNode(node);
                    break;
            }
            return VisitAction.Continue;
        }

        private VisitAction EnterObject(ObjectValueNode node)
        {
            if (Context.InputType?.GetNamedType() is not InputObjectType type)
            {
                IsValidValueNode(node);
                return VisitAction.SkipChildren;
            }
            // keyMap semantics: a repeated field name keeps its last node.
            var fieldNodes = new Dictionary<string, ObjectFieldNode>(StringComparer.Ordinal);
            var keys = new List<string>();
            foreach (var field in node.Fields)
            {
                if (!fieldNodes.ContainsKey(field.Name.Value)) keys.Add(field.Name.Value);
                fieldNodes[field.Name.Value] = field;
            }
            foreach (var fieldDef in type.Fields)
            {
                if (!fieldNodes.ContainsKey(fieldDef.Name) && fieldDef.IsRequired)
                {
                    Context.ReportError(new GraphQLError(
                        $"Field \"{type.Name}.{fieldDef.Name}\" of required type \"{fieldDef.Type}\" was not provided.", [node]));
                }
            }
            if (type.IsOneOf) ValidateOneOf(node, type, fieldNodes, keys);
            return VisitAction.Continue;
        }

        private void ValidateOneOf(ObjectValueNode node, InputObjectType type, Dictionary<string, ObjectFieldNode> fieldNodes, List<string> keys)
        {
            if (keys.Count != 1)
            {
                Context.ReportError(new GraphQLError($"OneOf Input Object \"{type.Name}\" must specify exactly one key.", [node]));
                return;
            }
            var value = fieldNodes[keys[0]].Value;
            if (value is NullValueNode)
            {
                Context.ReportError(new GraphQLError($"Field \"{type.Name}.{keys[0]}\" must be non-null.", [node]));
                return;
            }
            // graphql-js throws a TypeError on an undefined variable here; it is reported by NoUndefinedVariablesRule.
            if (value is VariableNode variable
                && _variableDefinitions.TryGetValue(variable.Name.Value, out var definition)
                && definition.Type is not NonNullTypeNode)
            {
                Context.ReportError(new GraphQLError(
                    $"Variable \"{variable.Name.Value}\" must be non-nullable to be used for OneOf Input Object \"{type.Name}\".", [node]));
            }
        }

        // Scalars and enums decide through ParseLiteral; its GraphQLError is reported as it is.
        private void IsValidValueNode(SyntaxNode node)
        {
            var locationType = Context.InputType;
            if (locationType is null) return;
            var valueNode = (ValueNode)node;
            var type = locationType.GetNamedType();
            if (type is not ILeafType leaf)
            {
                Context.ReportError(new GraphQLError($"Expected value of type \"{locationType}\", found {ValuePrinter.Print(valueNode)}.", [node]));
                return;
            }
            try
            {
                leaf.ParseLiteral(valueNode);
            }
            catch (GraphQLError error)
            {
                Context.ReportError(error);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                Context.ReportError(new GraphQLError(
                    $"Expected value of type \"{locationType}\", found {ValuePrinter.Print(valueNode)}; " + error.Message,
                    [node], originalError: error));
            }
        }
    }
}
