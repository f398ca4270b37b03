using System.Runtime.CompilerServices;

namespace SefData.GraphQL.Language;

/// <summary>What a <see cref="SyntaxWalker"/> does after visiting a node.</summary>
public enum VisitAction
{
    /// <summary>Go on: into the node's children (from Enter), or to the next node (from Leave).</summary>
    Continue,
    /// <summary>From Enter: skip the node's children, and do not call Leave for it (graphql-js: return false).</summary>
    SkipChildren,
    /// <summary>End the whole walk at once (graphql-js: return BREAK).</summary>
    Stop,
}

/// <summary>
/// Depth-first walk over an AST that visits children in graphql-js's <c>QueryDocumentKeys</c> order, for validation
/// rules, the executor and other tools. Override <see cref="Enter"/> and/or <see cref="Leave"/> and switch on
/// <see cref="SyntaxNode.Kind"/>; <see cref="Parent"/> and <see cref="Ancestors"/> give the path from the root.
/// The walk allocates nothing beyond a small ancestor stack that is reused across walks.
/// </summary>
/// <example>
/// Collect the names of all fields selected anywhere in a document:
/// <code>
/// sealed class FieldNameCollector : SyntaxWalker
/// {
///     public readonly List&lt;string&gt; Names = [];
///     protected override VisitAction Enter(SyntaxNode node)
///     {
///         if (node is FieldNode field) Names.Add(field.Name.Value);
///         return node.Kind == SyntaxKind.FragmentDefinition ? VisitAction.SkipChildren : VisitAction.Continue;
///     }
/// }
/// // new FieldNameCollector().Walk(Parser.Parse("{ a { b } }"));  // Names: a, b
/// </code>
/// </example>
public abstract class SyntaxWalker
{
    private SyntaxNode[] _ancestors = new SyntaxNode[32];
    private int _depth;
    private bool _stopped;

    /// <summary>Called before a node's children are visited.</summary>
    protected virtual VisitAction Enter(SyntaxNode node) => VisitAction.Continue;

    /// <summary>Called after a node's children were visited (not for nodes whose Enter skipped them).</summary>
    protected virtual VisitAction Leave(SyntaxNode node) => VisitAction.Continue;

    /// <summary>The parent of the node being visited; null at the root.</summary>
    protected SyntaxNode? Parent => _depth > 0 ? _ancestors[_depth - 1] : null;

    /// <summary>The nodes from the root down to the parent of the node being visited.</summary>
    protected ReadOnlySpan<SyntaxNode> Ancestors => new(_ancestors, 0, _depth);

    /// <summary>Walks <paramref name="root"/> and everything under it. Returns false if a visit returned Stop.</summary>
    public bool Walk(SyntaxNode root)
    {
        _depth = 0;
        _stopped = false;
        Visit(root);
        Array.Clear(_ancestors, 0, _ancestors.Length);
        _depth = 0;
        return !_stopped;
    }

    private void Visit(SyntaxNode? node)
    {
        if (node is null || _stopped) return;
        var action = Enter(node);
        if (action == VisitAction.Stop)
        {
            _stopped = true;
            return;
        }
        if (action == VisitAction.SkipChildren) return;

        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (_depth == _ancestors.Length) Array.Resize(ref _ancestors, _depth * 2);
        _ancestors[_depth++] = node;
        VisitChildren(node);
        _depth--;
        if (_stopped) return;
        if (Leave(node) == VisitAction.Stop) _stopped = true;
    }

    private void VisitAll<T>(IReadOnlyList<T> nodes) where T : SyntaxNode
    {
        for (var i = 0; i < nodes.Count && !_stopped; i++) Visit(nodes[i]);
    }

    // One case per node kind, children in QueryDocumentKeys order.
    private void VisitChildren(SyntaxNode node)
    {
        switch (node)
        {
            case DocumentNode n:
                VisitAll(n.Definitions);
                break;
            case OperationDefinitionNode n:
                Visit(n.Name);
                VisitAll(n.VariableDefinitions);
                VisitAll(n.Directives);
                Visit(n.SelectionSet);
                break;
            case VariableDefinitionNode n:
                Visit(n.Variable);
                Visit(n.Type);
                Visit(n.DefaultValue);
                VisitAll(n.Directives);
                break;
            case VariableNode n:
                Visit(n.Name);
                break;
            case SelectionSetNode n:
                VisitAll(n.Selections);
                break;
            case FieldNode n:
                Visit(n.Alias);
                Visit(n.Name);
                VisitAll(n.Arguments);
                VisitAll(n.Directives);
                Visit(n.SelectionSet);
                break;
            case ArgumentNode n:
                Visit(n.Name);
                Visit(n.Value);
                break;
            case FragmentSpreadNode n:
                Visit(n.Name);
                VisitAll(n.Directives);
                break;
            case InlineFragmentNode n:
                Visit(n.TypeCondition);
                VisitAll(n.Directives);
                Visit(n.SelectionSet);
                break;
            case FragmentDefinitionNode n:
                Visit(n.Name);
                Visit(n.TypeCondition);
                VisitAll(n.Directives);
                Visit(n.SelectionSet);
                break;
            case ListValueNode n:
                VisitAll(n.Values);
                break;
            case ObjectValueNode n:
                VisitAll(n.Fields);
                break;
            case ObjectFieldNode n:
                Visit(n.Name);
                Visit(n.Value);
                break;
            case DirectiveNode n:
                Visit(n.Name);
                VisitAll(n.Arguments);
                break;
            case NamedTypeNode n:
                Visit(n.Name);
                break;
            case ListTypeNode n:
                Visit(n.Type);
                break;
            case NonNullTypeNode n:
                Visit(n.Type);
                break;
            case SchemaDefinitionNode n:
                Visit(n.Description);
                VisitAll(n.Directives);
                VisitAll(n.OperationTypes);
                break;
            case OperationTypeDefinitionNode n:
                Visit(n.Type);
                break;
            case ScalarTypeDefinitionNode or ScalarTypeExtensionNode:
                var scalar = (TypeDefinitionNode)node;
                Visit(scalar.Description);
                Visit(scalar.Name);
                VisitAll(scalar.Directives);
                break;
            case ObjectTypeDefinitionNode n:
                Visit(n.Description);
                Visit(n.Name);
                VisitAll(n.Interfaces);
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
            case ObjectTypeExtensionNode n:
                Visit(n.Name);
                VisitAll(n.Interfaces);
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
            case FieldDefinitionNode n:
                Visit(n.Description);
                Visit(n.Name);
                VisitAll(n.Arguments);
                Visit(n.Type);
                VisitAll(n.Directives);
                break;
            case InputValueDefinitionNode n:
                Visit(n.Description);
                Visit(n.Name);
                Visit(n.Type);
                Visit(n.DefaultValue);
                VisitAll(n.Directives);
                break;
            case InterfaceTypeDefinitionNode n:
                Visit(n.Description);
                Visit(n.Name);
                VisitAll(n.Interfaces);
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
            case InterfaceTypeExtensionNode n:
                Visit(n.Name);
                VisitAll(n.Interfaces);
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
            case UnionTypeDefinitionNode n:
                Visit(n.Description);
                Visit(n.Name);
                VisitAll(n.Directives);
                VisitAll(n.Types);
                break;
            case UnionTypeExtensionNode n:
                Visit(n.Name);
                VisitAll(n.Directives);
                VisitAll(n.Types);
                break;
            case EnumTypeDefinitionNode n:
                Visit(n.Description);
                Visit(n.Name);
                VisitAll(n.Directives);
                VisitAll(n.Values);
                break;
            case EnumTypeExtensionNode n:
                Visit(n.Name);
                VisitAll(n.Directives);
                VisitAll(n.Values);
                break;
            case EnumValueDefinitionNode n:
                Visit(n.Description);
                Visit(n.Name);
                VisitAll(n.Directives);
                break;
            case InputObjectTypeDefinitionNode n:
                Visit(n.Description);
                Visit(n.Name);
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
            case InputObjectTypeExtensionNode n:
                Visit(n.Name);
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
            case DirectiveDefinitionNode n:
                Visit(n.Description);
                Visit(n.Name);
                VisitAll(n.Arguments);
                VisitAll(n.Locations);
                break;
            case SchemaExtensionNode n:
                VisitAll(n.Directives);
                VisitAll(n.OperationTypes);
                break;
            // Name and scalar values have no children.
        }
    }

    /// <summary>The direct children of a node, in QueryDocumentKeys order (a convenience; walks allocate nothing).</summary>
    public static IReadOnlyList<SyntaxNode> GetChildren(SyntaxNode node)
    {
        var collector = new ChildCollector(node);
        collector.Walk(node);
        return collector.Children;
    }

    private sealed class ChildCollector(SyntaxNode root) : SyntaxWalker
    {
        public readonly List<SyntaxNode> Children = [];

        protected override VisitAction Enter(SyntaxNode node)
        {
            if (ReferenceEquals(node, root)) return VisitAction.Continue;
            Children.Add(node);
            return VisitAction.SkipChildren;
        }
    }
}
