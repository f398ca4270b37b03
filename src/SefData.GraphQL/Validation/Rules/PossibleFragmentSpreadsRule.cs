using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.2.3 Fragment spread is possible: the fragment's type can overlap the parent type.</summary>
public sealed class PossibleFragmentSpreadsRule : IValidationRule
{
    public static PossibleFragmentSpreadsRule Instance { get; } = new();
    public string Name => nameof(PossibleFragmentSpreadsRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context)
        : ValidationVisitor(context, KindSet.Of(SyntaxKind.InlineFragment, SyntaxKind.FragmentSpread))
    {
        public override VisitAction Enter(SyntaxNode node)
        {
            var parentType = Context.ParentType;
            if (node is InlineFragmentNode)
            {
                if (Context.Type is NamedType fragType && fragType.IsCompositeType() && parentType is not null && parentType.IsCompositeType()
                    && !TypeComparators.DoTypesOverlap(Context.Schema, fragType, parentType))
                {
                    Context.ReportError(new GraphQLError(
                        $"Fragment cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragType.Name}\".", [node]));
                }
            }
            else
            {
                var fragName = ((FragmentSpreadNode)node).Name.Value;
                if (FragmentType(fragName) is { } fragType && parentType is not null
                    && !TypeComparators.DoTypesOverlap(Context.Schema, fragType, parentType))
                {
                    Context.ReportError(new GraphQLError(
                        $"Fragment \"{fragName}\" cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragType.Name}\".", [node]));
                }
            }
            return VisitAction.Continue;
        }

        private NamedType? FragmentType(string name) =>
            Context.GetFragment(name) is { } fragment && TypeFromAst.Convert(Context.Schema, fragment.TypeCondition) is NamedType type
                && type.IsCompositeType()
                ? type
                : null;
    }
}
