using SefData.GraphQL.Language;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.2.2.1 Lone Anonymous Operation: an anonymous operation must be the only operation.</summary>
public sealed class LoneAnonymousOperationRule : IValidationRule
{
    public static LoneAnonymousOperationRule Instance { get; } = new();
    public string Name => nameof(LoneAnonymousOperationRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context)
        : ValidationVisitor(context, KindSet.Of(SyntaxKind.Document, SyntaxKind.OperationDefinition))
    {
        private int _operationCount;

        public override VisitAction Enter(SyntaxNode node)
        {
            if (node is DocumentNode document)
            {
                _operationCount = 0;
                foreach (var definition in document.Definitions)
                {
                    if (definition.Kind == SyntaxKind.OperationDefinition) _operationCount++;
                }
            }
            else if (node is OperationDefinitionNode { Name: null } && _operationCount > 1)
            {
                Context.ReportError(new GraphQLError("This anonymous operation must be the only defined operation.", [node]));
            }
            return VisitAction.Continue;
        }
    }
}
