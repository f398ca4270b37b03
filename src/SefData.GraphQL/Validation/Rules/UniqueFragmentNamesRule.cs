using SefData.GraphQL.Language;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.1 Fragment Name Uniqueness.</summary>
public sealed class UniqueFragmentNamesRule : IValidationRule
{
    public static UniqueFragmentNamesRule Instance { get; } = new();
    public string Name => nameof(UniqueFragmentNamesRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context)
        : ValidationVisitor(context, KindSet.Of(SyntaxKind.OperationDefinition, SyntaxKind.FragmentDefinition))
    {
        private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

        public override VisitAction Enter(SyntaxNode node)
        {
            if (node is FragmentDefinitionNode fragment)
            {
                var name = fragment.Name;
                if (_known.TryGetValue(name.Value, out var first))
                    Context.ReportError(new GraphQLError($"There can be only one fragment named \"{name.Value}\".", [first, name]));
                else
                    _known[name.Value] = name;
            }
            return VisitAction.SkipChildren;
        }
    }
}
