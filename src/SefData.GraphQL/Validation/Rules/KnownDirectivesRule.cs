using SefData.GraphQL.Language;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.7.1 Directives Are Defined, and 5.7.2 Directives Are In Valid Locations.</summary>
public sealed class KnownDirectivesRule : IValidationRule
{
    public static KnownDirectivesRule Instance { get; } = new();
    public string Name => nameof(KnownDirectivesRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor : ValidationVisitor
    {
        private readonly Dictionary<string, List<string>> _locations = new(StringComparer.Ordinal);

        public Visitor(ValidationContext context) : base(context, KindSet.Of(SyntaxKind.Directive))
        {
            foreach (var directive in context.Schema.Directives)
            {
                var names = new List<string>(directive.Locations.Count);
                foreach (var location in directive.Locations) names.Add(location.ToSpecName());
                _locations[directive.Name] = names;
            }
            // Directive definitions in the document count too (graphql-js shares this rule with SDL validation).
            foreach (var definition in context.Document.Definitions)
            {
                if (definition is not DirectiveDefinitionNode directive) continue;
                var names = new List<string>(directive.Locations.Count);
                foreach (var location in directive.Locations) names.Add(location.Value);
                _locations[directive.Name.Value] = names;
            }
        }

        public override VisitAction Enter(SyntaxNode node)
        {
            var name = ((DirectiveNode)node).Name.Value;
            if (!_locations.TryGetValue(name, out var locations))
            {
                Context.ReportError(new GraphQLError($"Unknown directive \"@{name}\".", [node]));
                return VisitAction.Continue;
            }
            var candidate = LocationOf(Context.Ancestors);
            if (candidate is not null && !locations.Contains(candidate))
                Context.ReportError(new GraphQLError($"Directive \"@{name}\" may not be used on {candidate}.", [node]));
            return VisitAction.Continue;
        }

        private static string? LocationOf(ReadOnlySpan<SyntaxNode> ancestors)
        {
            var appliedTo = ancestors[^1];
            return appliedTo switch
            {
                OperationDefinitionNode op => op.Operation switch
                {
                    OperationType.Query => "QUERY",
                    OperationType.Mutation => "MUTATION",
                    _ => "SUBSCRIPTION",
                },
                FieldNode => "FIELD",
                FragmentSpreadNode => "FRAGMENT_SPREAD",
                InlineFragmentNode => "INLINE_FRAGMENT",
                FragmentDefinitionNode => "FRAGMENT_DEFINITION",
                VariableDefinitionNode => "VARIABLE_DEFINITION",
                SchemaDefinitionNode or SchemaExtensionNode => "SCHEMA",
                ScalarTypeDefinitionNode or ScalarTypeExtensionNode => "SCALAR",
                ObjectTypeDefinitionNode or ObjectTypeExtensionNode => "OBJECT",
                FieldDefinitionNode => "FIELD_DEFINITION",
                InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => "INTERFACE",
                UnionTypeDefinitionNode or UnionTypeExtensionNode => "UNION",
                EnumTypeDefinitionNode or EnumTypeExtensionNode => "ENUM",
                EnumValueDefinitionNode => "ENUM_VALUE",
                InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode => "INPUT_OBJECT",
                // graphql-js checks only for an input object definition here, so fields of an extension count as arguments.
                InputValueDefinitionNode => ancestors.Length > 1 && ancestors[^2] is InputObjectTypeDefinitionNode
                    ? "INPUT_FIELD_DEFINITION"
                    : "ARGUMENT_DEFINITION",
                _ => null,
            };
        }
    }
}
