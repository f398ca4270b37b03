using System.Text;
using SefData.GraphQL.Language;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.2.2 Fragment spreads must not form cycles.</summary>
public sealed class NoFragmentCyclesRule : IValidationRule
{
    public static NoFragmentCyclesRule Instance { get; } = new();
    public string Name => nameof(NoFragmentCyclesRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context)
        : ValidationVisitor(context, KindSet.Of(SyntaxKind.OperationDefinition, SyntaxKind.FragmentDefinition))
    {
        private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
        private readonly List<FragmentSpreadNode> _spreadPath = [];
        private readonly Dictionary<string, int> _spreadPathIndexByName = new(StringComparer.Ordinal);

        public override VisitAction Enter(SyntaxNode node)
        {
            if (node is FragmentDefinitionNode fragment) DetectCycles(fragment);
            return VisitAction.SkipChildren;
        }

        // Depth-first over spreads, each fragment explored once, so each cycle is reported once. graphql-js recurses;
        // an explicit stack gives the same order without overflowing on long chains of fragments.
        private void DetectCycles(FragmentDefinitionNode root)
        {
            var stack = new Stack<(string Name, IReadOnlyList<FragmentSpreadNode> Spreads, int Index)>();
            if (!Open(root, stack)) return;
            while (stack.Count > 0)
            {
                var (name, spreads, index) = stack.Pop();
                if (index == spreads.Count)
                {
                    _spreadPathIndexByName.Remove(name);
                    // The spread that led into this fragment.
                    if (stack.Count > 0) _spreadPath.RemoveAt(_spreadPath.Count - 1);
                    continue;
                }
                stack.Push((name, spreads, index + 1));
                var spread = spreads[index];
                var spreadName = spread.Name.Value;
                _spreadPath.Add(spread);
                if (_spreadPathIndexByName.TryGetValue(spreadName, out var cycleIndex))
                {
                    ReportCycle(spreadName, cycleIndex);
                }
                else if (Context.GetFragment(spreadName) is { } spreadFragment && Open(spreadFragment, stack))
                {
                    continue; // the spread leaves the path when that fragment is done
                }
                _spreadPath.RemoveAt(_spreadPath.Count - 1);
            }
        }

        // Marks a fragment visited; true when it has spreads to explore (it is then on the path and the stack).
        private bool Open(FragmentDefinitionNode fragment, Stack<(string, IReadOnlyList<FragmentSpreadNode>, int)> stack)
        {
            var name = fragment.Name.Value;
            if (!_visited.Add(name)) return false;
            var spreads = Context.GetFragmentSpreads(fragment.SelectionSet);
            if (spreads.Count == 0) return false;
            _spreadPathIndexByName[name] = _spreadPath.Count;
            stack.Push((name, spreads, 0));
            return true;
        }

        private void ReportCycle(string spreadName, int cycleIndex)
        {
            var cyclePath = _spreadPath.GetRange(cycleIndex, _spreadPath.Count - cycleIndex);
            var via = new StringBuilder();
            for (var i = 0; i < cyclePath.Count - 1; i++)
                via.Append(i > 0 ? ", \"" : "\"").Append(cyclePath[i].Name.Value).Append('"');
            Context.ReportError(new GraphQLError(
                $"Cannot spread fragment \"{spreadName}\" within itself" + (via.Length > 0 ? $" via {via}." : "."),
                cyclePath));
        }
    }
}
