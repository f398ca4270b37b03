using SefData.GraphQL.Language;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.2.1 Fragment spread target defined.</summary>
public sealed class KnownFragmentNamesRule : IValidationRule
{
    public static KnownFragmentNamesRule Instance { get; } = new();
    public string Name => nameof(KnownFragmentNamesRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor(context, KindSet.Of(SyntaxKind.FragmentSpread))
    {
        public override VisitAction Enter(SyntaxNode node)
        {
            var spread = (FragmentSpreadNode)node;
            if (Context.GetFragment(spread.Name.Value) is null)
                Context.ReportError(new GraphQLError($"Unknown fragment \"{spread.Name.Value}\".", [spread.Name]));
            return VisitAction.Continue;
        }
    }
}
