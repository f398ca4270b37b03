using SefData.GraphQL.Language;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.6.3 Input Object Field Uniqueness.</summary>
public sealed class UniqueInputFieldNamesRule : IValidationRule
{
    public static UniqueInputFieldNamesRule Instance { get; } = new();
    public string Name => nameof(UniqueInputFieldNamesRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context)
        : ValidationVisitor(context, KindSet.Of(SyntaxKind.ObjectValue, SyntaxKind.ObjectField), KindSet.Of(SyntaxKind.ObjectValue))
    {
        private readonly Stack<Dictionary<string, NameNode>> _stack = new();
        private Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

        public override VisitAction Enter(SyntaxNode node)
        {
            if (node is ObjectValueNode)
            {
                _stack.Push(_known);
                _known = new Dictionary<string, NameNode>(StringComparer.Ordinal);
                return VisitAction.Continue;
            }
            var name = ((ObjectFieldNode)node).Name;
            if (_known.TryGetValue(name.Value, out var first))
                Context.ReportError(new GraphQLError($"There can be only one input field named \"{name.Value}\".", [first, name]));
            else
                _known[name.Value] = name;
            return VisitAction.Continue;
        }

        public override VisitAction Leave(SyntaxNode node)
        {
            _known = _stack.Pop();
            return VisitAction.Continue;
        }
    }
}
