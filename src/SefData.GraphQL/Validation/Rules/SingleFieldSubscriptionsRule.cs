using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.2.3.1 Single root field: a subscription selects exactly one root field, and not an introspection field.
/// Fields are collected as the executor would with no variables (so @skip/@include with literal arguments count).
/// </summary>
public sealed class SingleFieldSubscriptionsRule : IValidationRule
{
    public static SingleFieldSubscriptionsRule Instance { get; } = new();
    public string Name => nameof(SingleFieldSubscriptionsRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor(context, KindSet.Of(SyntaxKind.OperationDefinition))
    {
        public override VisitAction Enter(SyntaxNode node)
        {
            var operation = (OperationDefinitionNode)node;
            if (operation.Operation != OperationType.Subscription) return VisitAction.Continue;
            var subscriptionType = Context.Schema.SubscriptionType;
            if (subscriptionType is null) return VisitAction.Continue;

            var operationName = operation.Name?.Value;
            var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
            foreach (var definition in Context.Document.Definitions)
            {
                if (definition is FragmentDefinitionNode fragment) fragments[fragment.Name.Value] = fragment;
            }
            var fields = new FieldCollector(Context.Schema, fragments, subscriptionType);
            fields.Collect(operation.SelectionSet);

            if (fields.Keys.Count > 1)
            {
                var extra = new List<SyntaxNode>();
                for (var i = 1; i < fields.Keys.Count; i++) extra.AddRange(fields.Groups[fields.Keys[i]]);
                Context.ReportError(new GraphQLError(
                    operationName is not null
                        ? $"Subscription \"{operationName}\" must select only one top level field."
                        : "Anonymous Subscription must select only one top level field.",
                    extra));
            }
            foreach (var key in fields.Keys)
            {
                var fieldNodes = fields.Groups[key];
                if (fieldNodes[0].Name.Value.StartsWith("__", StringComparison.Ordinal))
                {
                    Context.ReportError(new GraphQLError(
                        operationName is not null
                            ? $"Subscription \"{operationName}\" must not select an introspection top level field."
                            : "Anonymous Subscription must not select an introspection top level field.",
                        fieldNodes));
                }
            }
            return VisitAction.Continue;
        }
    }

    /// <summary>graphql-js collectFields with empty variable values, keeping response keys in first-seen order.</summary>
    private sealed class FieldCollector(Schema schema, Dictionary<string, FragmentDefinitionNode> fragments, ObjectType runtimeType)
    {
        public readonly List<string> Keys = [];
        public readonly Dictionary<string, List<FieldNode>> Groups = new(StringComparer.Ordinal);
        private readonly HashSet<string> _visitedFragments = new(StringComparer.Ordinal);

        // Depth first in document order, like graphql-js's recursion, with an explicit stack.
        public void Collect(SelectionSetNode root)
        {
            var stack = new Stack<(SelectionSetNode Set, int Index)>();
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (selectionSet, index) = stack.Pop();
                if (index == selectionSet.Selections.Count) continue;
                stack.Push((selectionSet, index + 1));
                switch (selectionSet.Selections[index])
                {
                    case FieldNode field:
                        if (!ShouldInclude(field)) continue;
                        var key = field.ResponseKey;
                        if (!Groups.TryGetValue(key, out var list))
                        {
                            Groups[key] = list = [];
                            Keys.Add(key);
                        }
                        list.Add(field);
                        break;
                    case InlineFragmentNode inline:
                        if (!ShouldInclude(inline) || !ConditionMatches(inline.TypeCondition)) continue;
                        stack.Push((inline.SelectionSet, 0));
                        break;
                    case FragmentSpreadNode spread:
                        var name = spread.Name.Value;
                        if (_visitedFragments.Contains(name) || !ShouldInclude(spread)) continue;
                        _visitedFragments.Add(name);
                        if (!fragments.TryGetValue(name, out var fragment) || !ConditionMatches(fragment.TypeCondition)) continue;
                        stack.Push((fragment.SelectionSet, 0));
                        break;
                }
            }
        }

        private bool ConditionMatches(NamedTypeNode? typeCondition)
        {
            if (typeCondition is null) return true;
            var conditionalType = TypeFromAst.Convert(schema, typeCondition);
            if (ReferenceEquals(conditionalType, runtimeType)) return true;
            return conditionalType is NamedType named && named.IsAbstractType() && schema.IsSubType(named, runtimeType);
        }

        private static bool ShouldInclude(SelectionNode node)
        {
            if (GetIf(DirectiveDefinition.Skip, node) == true) return false;
            if (GetIf(DirectiveDefinition.Include, node) == false) return false;
            return true;
        }

        // graphql-js getDirectiveValues for @skip/@include with no variable values: it throws where the executor would.
        private static bool? GetIf(DirectiveDefinition directive, SelectionNode node)
        {
            DirectiveNode? directiveNode = null;
            foreach (var d in node.Directives)
            {
                if (d.Name.Value == directive.Name)
                {
                    directiveNode = d;
                    break;
                }
            }
            if (directiveNode is null) return null;
            ArgumentNode? argument = null;
            foreach (var a in directiveNode.Arguments)
            {
                if (a.Name.Value == "if") argument = a;
            }
            const string type = "Boolean!";
            if (argument is null)
                throw new GraphQLError($"Argument \"if\" of required type \"{type}\" was not provided.", [directiveNode]);
            var value = argument.Value;
            if (value is VariableNode variable)
            {
                throw new GraphQLError(
                    $"Argument \"if\" of required type \"{type}\" was provided the variable \"${variable.Name.Value}\" which was not provided a runtime value.",
                    [value]);
            }
            if (value is NullValueNode)
                throw new GraphQLError($"Argument \"if\" of non-null type \"{type}\" must not be null.", [value]);
            if (value is BooleanValueNode boolean) return boolean.Value;
            throw new GraphQLError($"Argument \"if\" has invalid value {ValuePrinter.Print(value)}.", [value]);
        }
    }
}
