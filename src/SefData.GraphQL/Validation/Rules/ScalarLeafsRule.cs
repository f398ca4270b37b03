using SefData.GraphQL.Language;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.3.3 Leaf Field Selections: leaves have no selection set, composite fields have a non-empty one.</summary>
public sealed class ScalarLeafsRule : IValidationRule
{
    public static ScalarLeafsRule Instance { get; } = new();
    public string Name => nameof(ScalarLeafsRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor(context, KindSet.Of(SyntaxKind.Field))
    {
        public override VisitAction Enter(SyntaxNode node)
        {
            var type = Context.Type;
            if (type is null) return VisitAction.Continue;
            var field = (FieldNode)node;
            var selectionSet = field.SelectionSet;
            var fieldName = field.Name.Value;
            if (type.GetNamedType().IsLeafType())
            {
                if (selectionSet is not null)
                {
                    Context.ReportError(new GraphQLError(
                        $"Field \"{fieldName}\" must not have a selection since type \"{type}\" has no subfields.", [selectionSet]));
                }
            }
            else if (selectionSet is null)
            {
                Context.ReportError(new GraphQLError(
                    $"Field \"{fieldName}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{fieldName} {{ ... }}\"?", [field]));
            }
            else if (selectionSet.Selections.Count == 0)
            {
                Context.ReportError(new GraphQLError(
                    $"Field \"{fieldName}\" of type \"{type}\" must have at least one field selected.", [field]));
            }
            return VisitAction.Continue;
        }
    }
}
