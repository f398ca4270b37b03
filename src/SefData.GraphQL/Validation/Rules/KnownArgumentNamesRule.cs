using SefData.GraphQL.Language;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.1 Argument Names: every argument is defined by the field or directive.</summary>
public sealed class KnownArgumentNamesRule : IValidationRule
{
    public static KnownArgumentNamesRule Instance { get; } = new();
    public string Name => nameof(KnownArgumentNamesRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor : ValidationVisitor
    {
        private readonly Dictionary<string, List<string>> _directiveArgs = new(StringComparer.Ordinal);

        public Visitor(ValidationContext context) : base(context, KindSet.Of(SyntaxKind.Directive, SyntaxKind.Argument))
        {
            foreach (var directive in context.Schema.Directives)
            {
                var names = new List<string>(directive.Arguments.Count);
                foreach (var arg in directive.Arguments) names.Add(arg.Name);
                _directiveArgs[directive.Name] = names;
            }
            foreach (var definition in context.Document.Definitions)
            {
                if (definition is not DirectiveDefinitionNode d) continue;
                var names = new List<string>(d.Arguments.Count);
                foreach (var arg in d.Arguments) names.Add(arg.Name.Value);
                _directiveArgs[d.Name.Value] = names;
            }
        }

        public override VisitAction Enter(SyntaxNode node)
        {
            if (node is DirectiveNode directive)
            {
                var directiveName = directive.Name.Value;
                if (_directiveArgs.TryGetValue(directiveName, out var known))
                {
                    foreach (var arg in directive.Arguments)
                    {
                        var argName = arg.Name.Value;
                        if (known.Contains(argName)) continue;
                        Context.ReportError(new GraphQLError(
                            $"Unknown argument \"{argName}\" on directive \"@{directiveName}\"." +
                            Suggestions.DidYouMean(Suggestions.SuggestionList(argName, known)),
                            [arg]));
                    }
                }
                // Directive arguments are done; the Argument case below is for fields.
                return VisitAction.SkipChildren;
            }

            var fieldDef = Context.FieldDefinition;
            var parentType = Context.ParentType;
            if (Context.Argument is null && fieldDef is not null && parentType is not null)
            {
                var argName = ((ArgumentNode)node).Name.Value;
                var names = new List<string>(fieldDef.Arguments.Count);
                foreach (var a in fieldDef.Arguments) names.Add(a.Name);
                Context.ReportError(new GraphQLError(
                    $"Unknown argument \"{argName}\" on field \"{parentType.Name}.{fieldDef.Name}\"." +
                    Suggestions.DidYouMean(Suggestions.SuggestionList(argName, names)),
                    [node]));
            }
            return VisitAction.Continue;
        }
    }
}
