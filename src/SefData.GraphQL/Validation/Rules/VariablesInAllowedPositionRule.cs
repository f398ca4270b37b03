using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.8.5 All Variable Usages Are Allowed: a variable's type fits each position it is used in (a nullable variable
/// may fill a non-null position when either side has a default), and @oneOf fields take only non-null variables.
/// </summary>
public sealed class VariablesInAllowedPositionRule : IValidationRule
{
    public static VariablesInAllowedPositionRule Instance { get; } = new();
    public string Name => nameof(VariablesInAllowedPositionRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context)
        : ValidationVisitor(context, KindSet.Of(SyntaxKind.OperationDefinition, SyntaxKind.VariableDefinition), KindSet.Of(SyntaxKind.OperationDefinition))
    {
        private readonly Dictionary<string, VariableDefinitionNode> _definitions = new(StringComparer.Ordinal);

        public override VisitAction Enter(SyntaxNode node)
        {
            if (node is VariableDefinitionNode definition) _definitions[definition.Variable.Name.Value] = definition;
            else _definitions.Clear();
            return VisitAction.Continue;
        }

        public override VisitAction Leave(SyntaxNode node)
        {
            var schema = Context.Schema;
            foreach (var usage in Context.GetRecursiveVariableUsages((OperationDefinitionNode)node))
            {
                var varName = usage.Node.Name.Value;
                if (!_definitions.TryGetValue(varName, out var definition) || usage.Type is null) continue;
                var varType = TypeFromAst.Convert(schema, definition.Type);
                if (varType is not null && !AllowedVariableUsage(schema, varType, definition.DefaultValue, usage.Type, usage.HasDefaultValue))
                {
                    Context.ReportError(new GraphQLError(
                        $"Variable \"${varName}\" of type \"{varType}\" used in position expecting type \"{usage.Type}\".",
                        [definition, usage.Node]));
                }
                if (usage.ParentType is InputObjectType { IsOneOf: true } parent && varType is not null and not NonNullType)
                {
                    Context.ReportError(new GraphQLError(
                        $"Variable \"${varName}\" is of type \"{varType}\" but must be non-nullable to be used for OneOf Input Object \"{parent.Name}\".",
                        [definition, usage.Node]));
                }
            }
            return VisitAction.Continue;
        }

        private static bool AllowedVariableUsage(Schema schema, GraphQLType varType, ValueNode? varDefault, GraphQLType locationType, bool locationHasDefault)
        {
            if (locationType is NonNullType nonNullLocation && varType is not NonNullType)
            {
                var hasNonNullVariableDefault = varDefault is not null and not NullValueNode;
                if (!hasNonNullVariableDefault && !locationHasDefault) return false;
                return TypeComparators.IsTypeSubTypeOf(schema, varType, nonNullLocation.OfType);
            }
            return TypeComparators.IsTypeSubTypeOf(schema, varType, locationType);
        }
    }
}
