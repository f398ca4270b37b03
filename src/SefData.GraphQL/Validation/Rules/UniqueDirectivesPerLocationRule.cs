using SefData.GraphQL.Language;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.7.3 Directives Are Unique Per Location (non-repeatable directives only).</summary>
public sealed class UniqueDirectivesPerLocationRule : IValidationRule
{
    public static UniqueDirectivesPerLocationRule Instance { get; } = new();
    public string Name => nameof(UniqueDirectivesPerLocationRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private static readonly KindSet NodesWithDirectives = KindSet.Of(
        SyntaxKind.OperationDefinition, SyntaxKind.VariableDefinition, SyntaxKind.Field, SyntaxKind.FragmentSpread,
        SyntaxKind.InlineFragment, SyntaxKind.FragmentDefinition, SyntaxKind.SchemaDefinition, SyntaxKind.SchemaExtension,
        SyntaxKind.ScalarTypeDefinition, SyntaxKind.ObjectTypeDefinition, SyntaxKind.FieldDefinition,
        SyntaxKind.InputValueDefinition, SyntaxKind.InterfaceTypeDefinition, SyntaxKind.UnionTypeDefinition,
        SyntaxKind.EnumTypeDefinition, SyntaxKind.EnumValueDefinition, SyntaxKind.InputObjectTypeDefinition,
        SyntaxKind.ScalarTypeExtension, SyntaxKind.ObjectTypeExtension, SyntaxKind.InterfaceTypeExtension,
        SyntaxKind.UnionTypeExtension, SyntaxKind.EnumTypeExtension, SyntaxKind.InputObjectTypeExtension);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor(context, NodesWithDirectives)
    {
        private readonly Dictionary<string, DirectiveNode> _schemaDirectives = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, DirectiveNode>> _typeDirectives = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DirectiveNode> _scratch = new(StringComparer.Ordinal);

        public override VisitAction Enter(SyntaxNode node)
        {
            IReadOnlyList<DirectiveNode> directives = node switch
            {
                SelectionNode s => s.Directives,
                ExecutableDefinitionNode e => e.Directives,
                VariableDefinitionNode v => v.Directives,
                TypeSystemDefinitionNode t => t.Directives,
                FieldDefinitionNode f => f.Directives,
                InputValueDefinitionNode i => i.Directives,
                EnumValueDefinitionNode e => e.Directives,
                _ => [],
            };
            if (directives.Count == 0) return VisitAction.Continue;

            Dictionary<string, DirectiveNode> seen;
            if (node is SchemaDefinitionNode or SchemaExtensionNode)
            {
                seen = _schemaDirectives;
            }
            else if (node is TypeDefinitionNode type)
            {
                // A type's definition and its extensions form one location.
                if (!_typeDirectives.TryGetValue(type.Name.Value, out seen!))
                    _typeDirectives[type.Name.Value] = seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
            }
            else
            {
                seen = _scratch;
                seen.Clear();
            }

            foreach (var directive in directives)
            {
                var name = directive.Name.Value;
                if (!IsUnique(name)) continue;
                if (seen.TryGetValue(name, out var first))
                    Context.ReportError(new GraphQLError($"The directive \"@{name}\" can only be used once at this location.", [first, directive]));
                else
                    seen[name] = directive;
            }
            return VisitAction.Continue;
        }

        // Unknown directives are KnownDirectivesRule's business.
        private bool IsUnique(string name) =>
            Context.GetDocumentDirective(name) is { } local ? !local.Repeatable : Context.Schema.GetDirective(name) is { IsRepeatable: false };
    }
}
