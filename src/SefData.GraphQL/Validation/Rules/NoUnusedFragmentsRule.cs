using SefData.GraphQL.Language;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.4 Fragments Must Be Used: every fragment is spread by some operation, directly or not.</summary>
public sealed class NoUnusedFragmentsRule : IValidationRule
{
    public static NoUnusedFragmentsRule Instance { get; } = new();
    public string Name => nameof(NoUnusedFragmentsRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context)
        : ValidationVisitor(context, KindSet.Of(SyntaxKind.OperationDefinition, SyntaxKind.FragmentDefinition), KindSet.Of(SyntaxKind.Document))
    {
        private readonly List<OperationDefinitionNode> _operations = [];
        private readonly List<FragmentDefinitionNode> _fragments = [];

        public override VisitAction Enter(SyntaxNode node)
        {
            if (node is OperationDefinitionNode operation) _operations.Add(operation);
            else _fragments.Add((FragmentDefinitionNode)node);
            return VisitAction.SkipChildren;
        }

        public override VisitAction Leave(SyntaxNode node)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var operation in _operations)
            {
                foreach (var fragment in Context.GetRecursivelyReferencedFragments(operation)) used.Add(fragment.Name.Value);
            }
            foreach (var fragment in _fragments)
            {
                if (!used.Contains(fragment.Name.Value))
                    Context.ReportError(new GraphQLError($"Fragment \"{fragment.Name.Value}\" is never used.", [fragment]));
            }
            return VisitAction.Continue;
        }
    }
}
