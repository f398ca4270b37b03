using System.Globalization;
using System.Text;
using SefData.GraphQL.Language;

namespace SefData.GraphQL.Tests.Language;

/// <summary>
/// Writes an AST in the canonical form that tests/js/oracle-parse.mjs writes for graphql-js's AST
/// (<c>Kind@start-end[scalars](children)</c>), using <see cref="SyntaxWalker"/> so that the comparison also checks
/// that the walker visits children in QueryDocumentKeys order.
/// </summary>
public sealed class AstCanonicalForm : SyntaxWalker
{
    private readonly StringBuilder _out = new();

    public static string Of(SyntaxNode node)
    {
        var writer = new AstCanonicalForm();
        writer.Walk(node);
        return writer._out.ToString();
    }

    protected override VisitAction Enter(SyntaxNode node)
    {
        var location = node.Location ?? throw new InvalidOperationException(node.Kind + " has no location");
        _out.Append(node.Kind.ToString()).Append('@')
            .Append(location.Start.ToString(CultureInfo.InvariantCulture)).Append('-')
            .Append(location.End.ToString(CultureInfo.InvariantCulture));
        switch (node)
        {
            case NameNode n: Text(n.Value); break;
            case IntValueNode n: Text(n.Value); break;
            case FloatValueNode n: Text(n.Value); break;
            case EnumValueNode n: Text(n.Value); break;
            case StringValueNode n: Text(n.Value, n.Block ? " block" : ""); break;
            case BooleanValueNode n: _out.Append('[').Append(n.Value ? "true" : "false").Append(']'); break;
            case OperationDefinitionNode n: _out.Append('[').Append(Printer.OperationName(n.Operation)).Append(']'); break;
            case OperationTypeDefinitionNode n: _out.Append('[').Append(Printer.OperationName(n.Operation)).Append(']'); break;
            case DirectiveDefinitionNode n: _out.Append('[').Append(n.Repeatable ? "repeatable" : "").Append(']'); break;
        }
        _out.Append('(');
        return VisitAction.Continue;
    }

    protected override VisitAction Leave(SyntaxNode node)
    {
        _out.Append(')');
        return VisitAction.Continue;
    }

    private void Text(string value, string suffix = "") =>
        _out.Append('[').Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value)
            .Append(suffix).Append(']');
}
