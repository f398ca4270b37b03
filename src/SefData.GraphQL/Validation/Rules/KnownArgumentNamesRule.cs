using SefData.GraphQL.Language;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.1 Argument Names: every argument is defined by the field or directive.</summary>
public sealed class KnownArgumentNamesRule : IValidationRule
{
    public static KnownArgumentNamesRule Instance { get; } = new();
    public string Name => nameof(KnownArgumentNamesRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor(context, KindSet.Of(SyntaxKind.Directive, SyntaxKind.Argument))
    {
        public override VisitAction Enter(SyntaxNode node)
        {
            if (node is DirectiveNode directive)
            {
                var directiveName = directive.Name.Value;
                var local = Context.GetDocumentDirective(directiveName);
                var definition = local is null ? Context.Schema.GetDirective(directiveName) : null;
                if (local is null && definition is null) return VisitAction.SkipChildren;
                foreach (var arg in directive.Arguments)
                {
                    var argName = arg.Name.Value;
                    if (local is not null ? HasArgument(local, argName) : definition!.GetArgument(argName) is not null) continue;
                    var known = new List<string>();
                    if (local is not null) foreach (var a in local.Arguments) known.Add(a.Name.Value);
                    else foreach (var a in definition!.Arguments) known.Add(a.Name);
                    Context.ReportError(new GraphQLError(
                        $"Unknown argument \"{argName}\" on directive \"@{directiveName}\"." +
                        Suggestions.DidYouMean(Suggestions.SuggestionList(argName, known)),
                        [arg]));
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

        private static bool HasArgument(DirectiveDefinitionNode directive, string name)
        {
            foreach (var arg in directive.Arguments)
            {
                if (arg.Name.Value == name) return true;
            }
            return false;
        }
    }
}
