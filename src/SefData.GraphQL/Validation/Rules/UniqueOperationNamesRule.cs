using SefData.GraphQL.Language;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.2.1.1 Operation Name Uniqueness.</summary>
public sealed class UniqueOperationNamesRule : IValidationRule
{
    public static UniqueOperationNamesRule Instance { get; } = new();
    public string Name => nameof(UniqueOperationNamesRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context)
        : ValidationVisitor(context, KindSet.Of(SyntaxKind.OperationDefinition, SyntaxKind.FragmentDefinition))
    {
        private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

        public override VisitAction Enter(SyntaxNode node)
        {
            if (node is OperationDefinitionNode { Name: { } name })
            {
                if (_known.TryGetValue(name.Value, out var first))
                    Context.ReportError(new GraphQLError($"There can be only one operation named \"{name.Value}\".", [first, name]));
                else
                    _known[name.Value] = name;
            }
            return VisitAction.SkipChildren;
        }
    }
}
