using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.2.1 Required Arguments: non-null arguments without a default are given, on fields and directives.</summary>
public sealed class ProvidedRequiredArgumentsRule : IValidationRule
{
    public static ProvidedRequiredArgumentsRule Instance { get; } = new();
    public string Name => nameof(ProvidedRequiredArgumentsRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context)
        : ValidationVisitor(context, KindSet.None, KindSet.Of(SyntaxKind.Field, SyntaxKind.Directive))
    {
        public override VisitAction Leave(SyntaxNode node)
        {
            if (node is FieldNode field)
            {
                var fieldDef = Context.FieldDefinition;
                if (fieldDef is null) return VisitAction.Continue;
                foreach (var argDef in fieldDef.Arguments)
                {
                    if (!argDef.IsRequired || HasArgument(field.Arguments, argDef.Name)) continue;
                    Context.ReportError(new GraphQLError(
                        $"Field \"{fieldDef.Name}\" argument \"{argDef.Name}\" of type \"{argDef.Type}\" is required, but it was not provided.",
                        [node]));
                }
                return VisitAction.Continue;
            }

            var directive = (DirectiveNode)node;
            var name = directive.Name.Value;
            if (Context.GetDocumentDirective(name) is { } local)
            {
                foreach (var (argName, argType) in RequiredArguments(local))
                {
                    if (!HasArgument(directive.Arguments, argName)) Report(directive, argName, argType);
                }
            }
            else if (Context.Schema.GetDirective(name) is { } definition)
            {
                foreach (var argDef in definition.Arguments)
                {
                    if (argDef.IsRequired && !HasArgument(directive.Arguments, argDef.Name)) Report(directive, argDef.Name, argDef.Type.ToString());
                }
            }
            return VisitAction.Continue;
        }

        private void Report(DirectiveNode directive, string argName, string argType) =>
            Context.ReportError(new GraphQLError(
                $"Directive \"@{directive.Name.Value}\" argument \"{argName}\" of type \"{argType}\" is required, but it was not provided.",
                [directive]));

        // Of a directive defined in the document: non-null without a default value. graphql-js keys them by name, so
        // a repeated name keeps its first position and its last type.
        private static List<(string Name, string Type)> RequiredArguments(DirectiveDefinitionNode definition)
        {
            var required = new List<(string Name, string Type)>();
            foreach (var arg in definition.Arguments)
            {
                if (arg.Type is not NonNullTypeNode || arg.DefaultValue is not null) continue;
                var entry = (arg.Name.Value, ValuePrinter.Print(arg.Type));
                var index = required.FindIndex(r => r.Name == arg.Name.Value);
                if (index >= 0) required[index] = entry;
                else required.Add(entry);
            }
            return required;
        }

        private static bool HasArgument(IReadOnlyList<ArgumentNode> arguments, string name)
        {
            foreach (var arg in arguments)
            {
                if (arg.Name.Value == name) return true;
            }
            return false;
        }
    }
}
