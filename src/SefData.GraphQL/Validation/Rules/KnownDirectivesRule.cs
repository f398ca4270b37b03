using SefData.GraphQL.Language;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.7.1 Directives Are Defined, and 5.7.2 Directives Are In Valid Locations.</summary>
public sealed class KnownDirectivesRule : IValidationRule
{
    public static KnownDirectivesRule Instance { get; } = new();
    public string Name => nameof(KnownDirectivesRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor(context, KindSet.Of(SyntaxKind.Directive))
    {
        public override VisitAction Enter(SyntaxNode node)
        {
            var name = ((DirectiveNode)node).Name.Value;
            // Directive definitions in the document count too (graphql-js shares this rule with SDL validation).
            var local = Context.GetDocumentDirective(name);
            var directive = local is null ? Context.Schema.GetDirective(name) : null;
            if (local is null && directive is null)
            {
                Context.ReportError(new GraphQLError($"Unknown directive \"@{name}\".", [node]));
                return VisitAction.Continue;
            }
            var candidate = LocationOf(Context.Ancestors);
            if (candidate is { } location && !(local is not null ? AllowsLocation(local, location) : AllowsLocation(directive!, location)))
                Context.ReportError(new GraphQLError($"Directive \"@{name}\" may not be used on {location.ToSpecName()}.", [node]));
            return VisitAction.Continue;
        }

        private static bool AllowsLocation(DirectiveDefinition directive, DirectiveLocation location)
        {
            foreach (var l in directive.Locations)
            {
                if (l == location) return true;
            }
            return false;
        }

        // Locations as written; an unknown name (the parser allows none) simply never matches.
        private static bool AllowsLocation(DirectiveDefinitionNode directive, DirectiveLocation location)
        {
            var name = location.ToSpecName();
            foreach (var l in directive.Locations)
            {
                if (l.Value == name) return true;
            }
            return false;
        }

        private static DirectiveLocation? LocationOf(ReadOnlySpan<SyntaxNode> ancestors) => ancestors[^1] switch
        {
            OperationDefinitionNode op => op.Operation switch
            {
                OperationType.Query => DirectiveLocation.Query,
                OperationType.Mutation => DirectiveLocation.Mutation,
                _ => DirectiveLocation.Subscription,
            },
            FieldNode => DirectiveLocation.Field,
            FragmentSpreadNode => DirectiveLocation.FragmentSpread,
            InlineFragmentNode => DirectiveLocation.InlineFragment,
            FragmentDefinitionNode => DirectiveLocation.FragmentDefinition,
            VariableDefinitionNode => DirectiveLocation.VariableDefinition,
            SchemaDefinitionNode or SchemaExtensionNode => DirectiveLocation.Schema,
            ScalarTypeDefinitionNode or ScalarTypeExtensionNode => DirectiveLocation.Scalar,
            ObjectTypeDefinitionNode or ObjectTypeExtensionNode => DirectiveLocation.Object,
            FieldDefinitionNode => DirectiveLocation.FieldDefinition,
            InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => DirectiveLocation.Interface,
            UnionTypeDefinitionNode or UnionTypeExtensionNode => DirectiveLocation.Union,
            EnumTypeDefinitionNode or EnumTypeExtensionNode => DirectiveLocation.Enum,
            EnumValueDefinitionNode => DirectiveLocation.EnumValue,
            InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode => DirectiveLocation.InputObject,
            // graphql-js checks only for an input object definition here, so fields of an extension count as arguments.
            InputValueDefinitionNode => ancestors.Length > 1 && ancestors[^2] is InputObjectTypeDefinitionNode
                ? DirectiveLocation.InputFieldDefinition
                : DirectiveLocation.ArgumentDefinition,
            _ => null,
        };
    }
}
