using SefData.GraphQL.Language;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.1 Variable Uniqueness (one error per duplicated name, listing every definition).</summary>
public sealed class UniqueVariableNamesRule : IValidationRule
{
    public static UniqueVariableNamesRule Instance { get; } = new();
    public string Name => nameof(UniqueVariableNamesRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor(context, KindSet.Of(SyntaxKind.OperationDefinition))
    {
        public override VisitAction Enter(SyntaxNode node)
        {
            var definitions = ((OperationDefinitionNode)node).VariableDefinitions;
            if (definitions.Count < 2) return VisitAction.Continue;
            foreach (var (name, nodes) in GroupBy.Names(definitions, d => d.Variable.Name))
            {
                if (nodes.Count > 1) Context.ReportError(new GraphQLError($"There can be only one variable named \"${name}\".", nodes));
            }
            return VisitAction.Continue;
        }
    }
}
