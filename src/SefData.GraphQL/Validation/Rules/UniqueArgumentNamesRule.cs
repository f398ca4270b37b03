using SefData.GraphQL.Language;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.2 Argument Uniqueness, for fields and directives.</summary>
public sealed class UniqueArgumentNamesRule : IValidationRule
{
    public static UniqueArgumentNamesRule Instance { get; } = new();
    public string Name => nameof(UniqueArgumentNamesRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor(context, KindSet.Of(SyntaxKind.Field, SyntaxKind.Directive))
    {
        public override VisitAction Enter(SyntaxNode node)
        {
            var arguments = node is FieldNode field ? field.Arguments : ((DirectiveNode)node).Arguments;
            if (arguments.Count < 2) return VisitAction.Continue;
            foreach (var (name, nodes) in GroupBy.Names(arguments, a => a.Name))
            {
                if (nodes.Count > 1) Context.ReportError(new GraphQLError($"There can be only one argument named \"{name}\".", nodes));
            }
            return VisitAction.Continue;
        }
    }
}
