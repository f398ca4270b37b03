using SefData.GraphQL.Language;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.3 All Variable Uses Defined: by the operation, including uses inside its fragments.</summary>
public sealed class NoUndefinedVariablesRule : IValidationRule
{
    public static NoUndefinedVariablesRule Instance { get; } = new();
    public string Name => nameof(NoUndefinedVariablesRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context)
        : ValidationVisitor(context, KindSet.Of(SyntaxKind.OperationDefinition, SyntaxKind.VariableDefinition), KindSet.Of(SyntaxKind.OperationDefinition))
    {
        private readonly HashSet<string> _defined = new(StringComparer.Ordinal);

        public override VisitAction Enter(SyntaxNode node)
        {
            if (node is VariableDefinitionNode definition) _defined.Add(definition.Variable.Name.Value);
            else _defined.Clear();
            return VisitAction.Continue;
        }

        public override VisitAction Leave(SyntaxNode node)
        {
            var operation = (OperationDefinitionNode)node;
            foreach (var usage in Context.GetRecursiveVariableUsages(operation))
            {
                var name = usage.Node.Name.Value;
                if (_defined.Contains(name)) continue;
                Context.ReportError(new GraphQLError(
                    operation.Name is { } opName
                        ? $"Variable \"${name}\" is not defined by operation \"{opName.Value}\"."
                        : $"Variable \"${name}\" is not defined.",
                    [usage.Node, operation]));
            }
            return VisitAction.Continue;
        }
    }
}
