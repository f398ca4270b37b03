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

    private sealed class Visitor : ValidationVisitor
    {
        // Per directive: its required arguments, as (name, printed type) in definition order.
        private readonly Dictionary<string, List<(string Name, string Type)>> _requiredDirectiveArgs = new(StringComparer.Ordinal);

        public Visitor(ValidationContext context) : base(context, KindSet.None, KindSet.Of(SyntaxKind.Field, SyntaxKind.Directive))
        {
            foreach (var directive in context.Schema.Directives)
            {
                var required = new List<(string, string)>();
                foreach (var arg in directive.Arguments)
                {
                    if (arg.IsRequired) required.Add((arg.Name, arg.Type.ToString()));
                }
                _requiredDirectiveArgs[directive.Name] = required;
            }
            foreach (var definition in context.Document.Definitions)
            {
                if (definition is not DirectiveDefinitionNode d) continue;
                var required = new List<(string, string)>();
                foreach (var arg in d.Arguments)
                {
                    if (arg.Type is NonNullTypeNode && arg.DefaultValue is null)
                    {
                        // keyMap: a repeated argument name keeps one entry, at its first position.
                        var index = required.FindIndex(r => r.Item1 == arg.Name.Value);
                        if (index >= 0) required[index] = (arg.Name.Value, ValuePrinter.Print(arg.Type));
                        else required.Add((arg.Name.Value, ValuePrinter.Print(arg.Type)));
                    }
                }
                _requiredDirectiveArgs[d.Name.Value] = required;
            }
        }

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
            }
            else
            {
                var directive = (DirectiveNode)node;
                var name = directive.Name.Value;
                if (!_requiredDirectiveArgs.TryGetValue(name, out var required)) return VisitAction.Continue;
                foreach (var (argName, argType) in required)
                {
                    if (HasArgument(directive.Arguments, argName)) continue;
                    Context.ReportError(new GraphQLError(
                        $"Directive \"@{name}\" argument \"{argName}\" of type \"{argType}\" is required, but it was not provided.",
                        [node]));
                }
            }
            return VisitAction.Continue;
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
