using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.2 Variables Are Input Types.</summary>
public sealed class VariablesAreInputTypesRule : IValidationRule
{
    public static VariablesAreInputTypesRule Instance { get; } = new();
    public string Name => nameof(VariablesAreInputTypesRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor(context, KindSet.Of(SyntaxKind.VariableDefinition))
    {
        public override VisitAction Enter(SyntaxNode node)
        {
            var definition = (VariableDefinitionNode)node;
            if (TypeFromAst.Convert(Context.Schema, definition.Type) is { } type && !type.IsInputType())
            {
                Context.ReportError(new GraphQLError(
                    $"Variable \"${definition.Variable.Name.Value}\" cannot be non-input type \"{ValuePrinter.Print(definition.Type)}\".",
                    [definition.Type]));
            }
            return VisitAction.Continue;
        }
    }
}
