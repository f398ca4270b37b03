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

        // Depth-first over spreads; each fragment is explored once, so each cycle is reported once.
        private void DetectCycles(FragmentDefinitionNode fragment)
        {
            var fragmentName = fragment.Name.Value;
            if (!_visited.Add(fragmentName)) return;
            var spreads = Context.GetFragmentSpreads(fragment.SelectionSet);
            if (spreads.Count == 0) return;
            _spreadPathIndexByName[fragmentName] = _spreadPath.Count;
            foreach (var spread in spreads)
            {
                var spreadName = spread.Name.Value;
                _spreadPath.Add(spread);
                if (!_spreadPathIndexByName.TryGetValue(spreadName, out var cycleIndex))
                {
                    if (Context.GetFragment(spreadName) is { } spreadFragment) DetectCycles(spreadFragment);
                }
                else
                {
                    var cyclePath = _spreadPath.GetRange(cycleIndex, _spreadPath.Count - cycleIndex);
                    var via = "";
                    for (var i = 0; i < cyclePath.Count - 1; i++)
                        via += (i > 0 ? ", " : "") + "\"" + cyclePath[i].Name.Value + "\"";
                    Context.ReportError(new GraphQLError(
                        $"Cannot spread fragment \"{spreadName}\" within itself" + (via.Length > 0 ? $" via {via}." : "."),
                        cyclePath));
                }
                _spreadPath.RemoveAt(_spreadPath.Count - 1);
            }
            _spreadPathIndexByName.Remove(fragmentName);
        }
    }
}
