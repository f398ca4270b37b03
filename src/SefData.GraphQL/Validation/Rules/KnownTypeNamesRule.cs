using SefData.GraphQL.Language;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.2 Fragment Spread Type Existence (and every other named type reference): the type exists.</summary>
public sealed class KnownTypeNamesRule : IValidationRule
{
    // graphql-js standardTypeNames: specified scalars, then introspection types.
    private static readonly string[] StandardTypeNames =
    [
        "String", "Int", "Float", "Boolean", "ID",
        "__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field", "__InputValue", "__EnumValue", "__TypeKind",
    ];

    public static KnownTypeNamesRule Instance { get; } = new();
    public string Name => nameof(KnownTypeNamesRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor : ValidationVisitor
    {
        private readonly HashSet<string> _definedTypes = new(StringComparer.Ordinal);
        private List<string>? _typeNames;

        public Visitor(ValidationContext context) : base(context, KindSet.Of(SyntaxKind.NamedType))
        {
            foreach (var definition in context.Document.Definitions)
            {
                if (definition is TypeDefinitionNode { IsExtension: false } type) _definedTypes.Add(type.Name.Value);
            }
        }

        public override VisitAction Enter(SyntaxNode node)
        {
            var typeName = ((NamedTypeNode)node).Name.Value;
            if (Context.Schema.GetType(typeName) is not null || _definedTypes.Contains(typeName)) return VisitAction.Continue;

            var ancestors = Context.Ancestors;
            var definitionNode = ancestors.Length > 1 ? ancestors[1] : Context.Parent;
            var isSdl = definitionNode is TypeSystemDefinitionNode;
            if (isSdl && Array.IndexOf(StandardTypeNames, typeName) >= 0) return VisitAction.Continue;

            if (_typeNames is null)
            {
                _typeNames = [];
                foreach (var type in Context.Schema.Types) _typeNames.Add(type.Name);
                foreach (var definition in Context.Document.Definitions)
                {
                    if (definition is TypeDefinitionNode { IsExtension: false } type && !_typeNames.Contains(type.Name.Value))
                        _typeNames.Add(type.Name.Value);
                }
            }
            IEnumerable<string> options = isSdl ? StandardTypeNames.Concat(_typeNames) : _typeNames;
            var suggestions = Suggestions.SuggestionList(typeName, options);
            Context.ReportError(new GraphQLError($"Unknown type \"{typeName}\"." + Suggestions.DidYouMean(suggestions), [node]));
            return VisitAction.Continue;
        }
    }
}
