using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Validation;

/// <summary>A variable reference and the input type expected where it appears (graphql-js VariableUsage).</summary>
public readonly record struct VariableUsage(
    VariableNode Node,
    GraphQLType? Type,
    bool HasDefaultValue,
    object? DefaultValue,
    GraphQLType? ParentType);

/// <summary>
/// What every rule sees during one validation run (graphql-js ValidationContext): the schema, the document, the shared
/// <see cref="TypeInfo"/> (positioned at the node being visited), fragment and variable look-ups computed once and
/// cached for the whole run, and <see cref="ReportError"/>.
/// </summary>
public sealed class ValidationContext
{
    private readonly Action<GraphQLError> _onError;
    private readonly ParallelWalker? _walker;
    private Dictionary<string, FragmentDefinitionNode>? _fragments;
    private Dictionary<string, DirectiveDefinitionNode>? _documentDirectives;
    private readonly Dictionary<SelectionSetNode, IReadOnlyList<FragmentSpreadNode>> _fragmentSpreads = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<FragmentDefinitionNode>> _recursiveFragments = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ExecutableDefinitionNode, IReadOnlyList<VariableUsage>> _variableUsages = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<VariableUsage>> _recursiveVariableUsages = new(ReferenceEqualityComparer.Instance);

    internal ValidationContext(Schema schema, DocumentNode document, TypeInfo typeInfo, Action<GraphQLError> onError, ParallelWalker? walker)
    {
        Schema = schema;
        Document = document;
        TypeInfo = typeInfo;
        _onError = onError;
        _walker = walker;
    }

    public Schema Schema { get; }
    public DocumentNode Document { get; }
    public TypeInfo TypeInfo { get; }

    public void ReportError(GraphQLError error) => _onError(error);

    // TypeInfo shortcuts, as graphql-js's context offers them.
    public GraphQLType? Type => TypeInfo.Type;
    public NamedType? ParentType => TypeInfo.ParentType;
    public GraphQLType? InputType => TypeInfo.InputType;
    public GraphQLType? ParentInputType => TypeInfo.ParentInputType;
    public FieldDefinition? FieldDefinition => TypeInfo.FieldDefinition;
    public DirectiveDefinition? Directive => TypeInfo.Directive;
    public ArgumentDefinition? Argument => TypeInfo.Argument;
    public EnumValueDefinition? EnumValue => TypeInfo.EnumValue;

    /// <summary>The nodes from the document down to the parent of the node being visited (no lists, unlike graphql-js).</summary>
    public ReadOnlySpan<SyntaxNode> Ancestors => _walker is null ? default : _walker.CurrentAncestors;

    /// <summary>The parent node of the node being visited.</summary>
    public SyntaxNode? Parent
    {
        get
        {
            var ancestors = Ancestors;
            return ancestors.Length > 0 ? ancestors[^1] : null;
        }
    }

    /// <summary>
    /// A directive defined in the document itself (graphql-js lets such definitions override the schema's in the
    /// rules it shares with SDL validation); the last one wins. Null for almost every request document.
    /// </summary>
    public DirectiveDefinitionNode? GetDocumentDirective(string name)
    {
        if (_documentDirectives is null)
        {
            _documentDirectives = new Dictionary<string, DirectiveDefinitionNode>(StringComparer.Ordinal);
            foreach (var definition in Document.Definitions)
            {
                if (definition is DirectiveDefinitionNode directive) _documentDirectives[directive.Name.Value] = directive;
            }
        }
        return _documentDirectives.Count == 0 ? null : _documentDirectives.GetValueOrDefault(name);
    }

    /// <summary>The fragment definition of that name (the last one, when a name is defined twice).</summary>
    public FragmentDefinitionNode? GetFragment(string name)
    {
        if (_fragments is null)
        {
            _fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
            foreach (var definition in Document.Definitions)
            {
                if (definition is FragmentDefinitionNode fragment) _fragments[fragment.Name.Value] = fragment;
            }
        }
        return _fragments.GetValueOrDefault(name);
    }

    /// <summary>
    /// The fragment spreads anywhere under a selection set, not following them into fragments. The order is
    /// graphql-js's (a stack, so nested selection sets come after their siblings, last first); error order depends on it.
    /// </summary>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode node)
    {
        if (_fragmentSpreads.TryGetValue(node, out var cached)) return cached;
        var spreads = new List<FragmentSpreadNode>();
        var setsToVisit = new Stack<SelectionSetNode>();
        setsToVisit.Push(node);
        while (setsToVisit.Count > 0)
        {
            var set = setsToVisit.Pop();
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case FragmentSpreadNode spread:
                        spreads.Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } fieldSet }:
                        setsToVisit.Push(fieldSet);
                        break;
                    case InlineFragmentNode inline:
                        setsToVisit.Push(inline.SelectionSet);
                        break;
                }
            }
        }
        _fragmentSpreads[node] = spreads;
        return spreads;
    }

    /// <summary>Every fragment an operation uses, directly or through other fragments, each once (graphql-js order).</summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        if (_recursiveFragments.TryGetValue(operation, out var cached)) return cached;
        var fragments = new List<FragmentDefinitionNode>();
        var collected = new HashSet<string>(StringComparer.Ordinal);
        var nodesToVisit = new Stack<SelectionSetNode>();
        nodesToVisit.Push(operation.SelectionSet);
        while (nodesToVisit.Count > 0)
        {
            var node = nodesToVisit.Pop();
            foreach (var spread in GetFragmentSpreads(node))
            {
                var name = spread.Name.Value;
                if (!collected.Add(name)) continue;
                if (GetFragment(name) is { } fragment)
                {
                    fragments.Add(fragment);
                    nodesToVisit.Push(fragment.SelectionSet);
                }
            }
        }
        _recursiveFragments[operation] = fragments;
        return fragments;
    }

    /// <summary>The variables used in an operation or fragment (not following spreads), with their expected types.</summary>
    public IReadOnlyList<VariableUsage> GetVariableUsages(ExecutableDefinitionNode node)
    {
        if (_variableUsages.TryGetValue(node, out var cached)) return cached;
        var collector = new VariableUsageCollector(Schema);
        collector.Walk(node);
        _variableUsages[node] = collector.Usages;
        return collector.Usages;
    }

    /// <summary>The variables used by an operation, including in every fragment it references recursively.</summary>
    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        if (_recursiveVariableUsages.TryGetValue(operation, out var cached)) return cached;
        var own = GetVariableUsages(operation);
        var fragments = GetRecursivelyReferencedFragments(operation);
        IReadOnlyList<VariableUsage> usages = own;
        if (fragments.Count > 0)
        {
            var all = new List<VariableUsage>(own);
            foreach (var fragment in fragments) all.AddRange(GetVariableUsages(fragment));
            usages = all;
        }
        _recursiveVariableUsages[operation] = usages;
        return usages;
    }

    // A walk with its own TypeInfo that records each variable reference; variable definitions are not usages.
    private sealed class VariableUsageCollector(Schema schema) : SyntaxWalker
    {
        private readonly TypeInfo _typeInfo = new(schema);
        public readonly List<VariableUsage> Usages = [];

        protected override VisitAction Enter(SyntaxNode node)
        {
            if (node.Kind == SyntaxKind.VariableDefinition) return VisitAction.SkipChildren;
            _typeInfo.Enter(node);
            if (node is VariableNode variable)
            {
                Usages.Add(new VariableUsage(variable, _typeInfo.InputType, _typeInfo.HasDefaultValue, _typeInfo.DefaultValue, _typeInfo.ParentInputType));
            }
            return VisitAction.Continue;
        }

        protected override VisitAction Leave(SyntaxNode node)
        {
            _typeInfo.Leave(node);
            return VisitAction.Continue;
        }
    }
}
