using SefData.GraphQL.Language;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>
/// graphql-js recommended rule (part of its specifiedRules): an introspection query may nest the list fields
/// fields/interfaces/possibleTypes/inputFields fewer than 3 deep, which bounds the cost of introspection.
/// graphql-js follows every path through fragment spreads without memoising, which is exponential for fragments that
/// spread each other in diamonds; SefData gives up after <see cref="MaxSteps"/> selections and reports the error then
/// (graphql-js would not finish), and agrees with graphql-js on every document it can check within that budget.
/// </summary>
public sealed class MaxIntrospectionDepthRule : IValidationRule
{
    private const int MaxListsDepth = 3;

    /// <summary>Selections examined for one introspection field before the document is rejected as too costly.</summary>
    public const int MaxSteps = 100_000;

    public static MaxIntrospectionDepthRule Instance { get; } = new();
    public string Name => nameof(MaxIntrospectionDepthRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor(context, KindSet.Of(SyntaxKind.Field))
    {
        // Fragments on the current path (graphql-js visitedFragments): a spread of one of them is not followed again.
        private readonly HashSet<string> _onPath = new(StringComparer.Ordinal);
        private readonly Stack<Frame> _stack = new();

        private readonly record struct Frame(SelectionSetNode Set, int Index, int Depth, string? Fragment);

        public override VisitAction Enter(SyntaxNode node)
        {
            var field = (FieldNode)node;
            if (field.Name.Value is "__schema" or "__type" && ExceedsDepth(field))
            {
                Context.ReportError(new GraphQLError("Maximum introspection depth exceeded", [node]));
                return VisitAction.SkipChildren;
            }
            return VisitAction.Continue;
        }

        // graphql-js checkDepth, depth first in document order, with an explicit stack instead of recursion.
        private bool ExceedsDepth(FieldNode root)
        {
            if (root.SelectionSet is null) return false;
            _stack.Clear();
            _onPath.Clear();
            _stack.Push(new Frame(root.SelectionSet, 0, 0, null));
            var steps = 0;
            while (_stack.Count > 0)
            {
                if (++steps > MaxSteps)
                {
                    _stack.Clear();
                    _onPath.Clear();
                    return true;
                }
                var frame = _stack.Pop();
                if (frame.Index == frame.Set.Selections.Count)
                {
                    if (frame.Fragment is not null) _onPath.Remove(frame.Fragment);
                    continue;
                }
                _stack.Push(frame with { Index = frame.Index + 1 });
                switch (frame.Set.Selections[frame.Index])
                {
                    case FieldNode field:
                        var depth = frame.Depth;
                        if (field.Name.Value is "fields" or "interfaces" or "possibleTypes" or "inputFields" && ++depth >= MaxListsDepth)
                        {
                            _stack.Clear();
                            _onPath.Clear();
                            return true;
                        }
                        if (field.SelectionSet is not null) _stack.Push(new Frame(field.SelectionSet, 0, depth, null));
                        break;
                    case InlineFragmentNode inline:
                        _stack.Push(new Frame(inline.SelectionSet, 0, frame.Depth, null));
                        break;
                    case FragmentSpreadNode spread:
                        var name = spread.Name.Value;
                        if (_onPath.Contains(name) || Context.GetFragment(name) is not { } fragment) break;
                        _onPath.Add(name);
                        _stack.Push(new Frame(fragment.SelectionSet, 0, frame.Depth, name));
                        break;
                }
            }
            return false;
        }
    }
}
