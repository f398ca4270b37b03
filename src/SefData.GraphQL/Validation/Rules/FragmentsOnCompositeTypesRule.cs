using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.3 Fragments On Composite Types: type conditions name objects, interfaces or unions.</summary>
public sealed class FragmentsOnCompositeTypesRule : IValidationRule
{
    public static FragmentsOnCompositeTypesRule Instance { get; } = new();
    public string Name => nameof(FragmentsOnCompositeTypesRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context)
        : ValidationVisitor(context, KindSet.Of(SyntaxKind.InlineFragment, SyntaxKind.FragmentDefinition))
    {
        public override VisitAction Enter(SyntaxNode node)
        {
            if (node is InlineFragmentNode { TypeCondition: { } condition })
            {
                if (IsNonComposite(condition))
                    Context.ReportError(new GraphQLError($"Fragment cannot condition on non composite type \"{condition.Name.Value}\".", [condition]));
            }
            else if (node is FragmentDefinitionNode fragment && IsNonComposite(fragment.TypeCondition))
            {
                Context.ReportError(new GraphQLError(
                    $"Fragment \"{fragment.Name.Value}\" cannot condition on non composite type \"{fragment.TypeCondition.Name.Value}\".",
                    [fragment.TypeCondition]));
            }
            return VisitAction.Continue;
        }

        // Unknown types are KnownTypeNamesRule's business.
        private bool IsNonComposite(NamedTypeNode condition) =>
            TypeFromAst.Convert(Context.Schema, condition) is { } type && !type.IsCompositeType();
    }
}
