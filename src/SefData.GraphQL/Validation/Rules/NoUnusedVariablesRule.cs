using SefData.GraphQL.Language;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.4 All Variables Used: by the operation or a fragment it references.</summary>
public sealed class NoUnusedVariablesRule : IValidationRule
{
    public static NoUnusedVariablesRule Instance { get; } = new();
    public string Name => nameof(NoUnusedVariablesRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context)
        : ValidationVisitor(context, KindSet.Of(SyntaxKind.OperationDefinition, SyntaxKind.VariableDefinition), KindSet.Of(SyntaxKind.OperationDefinition))
    {
        private readonly List<VariableDefinitionNode> _definitions = [];

        public override VisitAction Enter(SyntaxNode node)
        {
            if (node is VariableDefinitionNode definition) _definitions.Add(definition);
            else _definitions.Clear();
            return VisitAction.Continue;
        }

        public override VisitAction Leave(SyntaxNode node)
        {
            var operation = (OperationDefinitionNode)node;
            var usages = Context.GetRecursiveVariableUsages(operation);
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var usage in usages) used.Add(usage.Node.Name.Value);
            foreach (var definition in _definitions)
            {
                var name = definition.Variable.Name.Value;
                if (used.Contains(name)) continue;
                Context.ReportError(new GraphQLError(
                    operation.Name is { } opName
                        ? $"Variable \"${name}\" is never used in operation \"{opName.Value}\"."
                        : $"Variable \"${name}\" is never used.",
                    [definition]));
            }
            return VisitAction.Continue;
        }
    }
}
