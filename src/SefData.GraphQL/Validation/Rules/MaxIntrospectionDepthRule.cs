using SefData.GraphQL.Language;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>
/// graphql-js recommended rule (part of its specifiedRules): an introspection query may nest the list fields
/// fields/interfaces/possibleTypes/inputFields fewer than 3 deep, which bounds the cost of introspection.
/// </summary>
public sealed class MaxIntrospectionDepthRule : IValidationRule
{
    private const int MaxListsDepth = 3;

    public static MaxIntrospectionDepthRule Instance { get; } = new();
    public string Name => nameof(MaxIntrospectionDepthRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor(context, KindSet.Of(SyntaxKind.Field))
    {
        private readonly HashSet<string> _visitedFragments = new(StringComparer.Ordinal);

        public override VisitAction Enter(SyntaxNode node)
        {
            var field = (FieldNode)node;
            if (field.Name.Value is "__schema" or "__type" && CheckDepth(field, 0))
            {
                Context.ReportError(new GraphQLError("Maximum introspection depth exceeded", [node]));
                return VisitAction.SkipChildren;
            }
            return VisitAction.Continue;
        }

        // A fragment is not followed again while it is on the current path (spreads can form cycles).
        private bool CheckDepth(SyntaxNode node, int depth)
        {
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            SelectionSetNode? selectionSet;
            switch (node)
            {
                case FragmentSpreadNode spread:
                {
                    var name = spread.Name.Value;
                    if (_visitedFragments.Contains(name) || Context.GetFragment(name) is not { } fragment) return false;
                    _visitedFragments.Add(name);
                    try
                    {
                        return CheckDepth(fragment, depth);
                    }
                    finally
                    {
                        _visitedFragments.Remove(name);
                    }
                }
                case FieldNode field:
                    if (field.Name.Value is "fields" or "interfaces" or "possibleTypes" or "inputFields" && ++depth >= MaxListsDepth)
                        return true;
                    selectionSet = field.SelectionSet;
                    break;
                case InlineFragmentNode inline:
                    selectionSet = inline.SelectionSet;
                    break;
                case FragmentDefinitionNode definition:
                    selectionSet = definition.SelectionSet;
                    break;
                default:
                    return false;
            }
            if (selectionSet is null) return false;
            foreach (var child in selectionSet.Selections)
            {
                if (CheckDepth(child, depth)) return true;
            }
            return false;
        }
    }
}
