using SefData.GraphQL.Language;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.1.1 Executable Definitions: a request document holds only operations and fragments.</summary>
public sealed class ExecutableDefinitionsRule : IValidationRule
{
    public static ExecutableDefinitionsRule Instance { get; } = new();
    public string Name => nameof(ExecutableDefinitionsRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor(context, KindSet.Of(SyntaxKind.Document))
    {
        public override VisitAction Enter(SyntaxNode node)
        {
            foreach (var definition in ((DocumentNode)node).Definitions)
            {
                if (definition is ExecutableDefinitionNode) continue;
                var defName = definition switch
                {
                    SchemaDefinitionNode or SchemaExtensionNode => "schema",
                    TypeDefinitionNode t => "\"" + t.Name.Value + "\"",
                    DirectiveDefinitionNode d => "\"" + d.Name.Value + "\"",
                    _ => "\"?\"",
                };
                Context.ReportError(new GraphQLError($"The {defName} definition is not executable.", [definition]));
            }
            return VisitAction.SkipChildren;
        }
    }
}
