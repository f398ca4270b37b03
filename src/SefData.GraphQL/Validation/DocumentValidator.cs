using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Validation;

/// <summary>graphql-js <c>validate</c>: checks an executable document against a schema (spec section 5).</summary>
public static class DocumentValidator
{
    public const string TooManyErrorsMessage = "Too many validation errors, error limit reached. Validation aborted.";

    /// <summary>SefData's own error for documents too deeply nested to validate (graphql-js throws a RangeError).</summary>
    public const string NestedTooDeeplyMessage = "Document is nested too deeply to validate.";

    /// <summary>
    /// Runs every rule over the document in one walk that shares one <see cref="TypeInfo"/>, and returns the errors in
    /// the order graphql-js reports them (empty when the document is valid). After <paramref name="maxErrors"/> errors,
    /// a further error is replaced by <see cref="TooManyErrorsMessage"/> and validation stops (a defence against
    /// documents built to produce huge error lists).
    /// </summary>
    /// <param name="rules">Defaults to <see cref="SpecifiedRules.All"/>.</param>
    /// <exception cref="SchemaValidationException">The schema itself is invalid (graphql-js assertValidSchema).</exception>
    public static IReadOnlyList<GraphQLError> Validate(
        Schema schema,
        DocumentNode document,
        IReadOnlyList<IValidationRule>? rules = null,
        int maxErrors = 100)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        schema.AssertValid();
        rules ??= SpecifiedRules.All;

        var errors = new List<GraphQLError>();
        var typeInfo = new TypeInfo(schema);
        var walker = new ParallelWalker(typeInfo);
        var context = new ValidationContext(schema, document, typeInfo, error =>
        {
            if (errors.Count >= maxErrors)
            {
                errors.Add(new GraphQLError(TooManyErrorsMessage));
                throw new AbortValidation();
            }
            errors.Add(error);
        }, walker);

        var visitors = new ValidationVisitor[rules.Count];
        for (var i = 0; i < visitors.Length; i++) visitors[i] = rules[i].CreateVisitor(context);
        walker.SetVisitors(visitors);
        try
        {
            walker.Walk(document);
        }
        catch (AbortValidation)
        {
            // The error limit was reached; errors already ends with the "too many" error.
        }
        catch (InsufficientExecutionStackException)
        {
            // A document nested deeper than the walk can follow (graphql-js overflows with a RangeError): reject it
            // rather than let the process die.
            errors.Add(new GraphQLError(NestedTooDeeplyMessage));
        }
        return errors;
    }

    private sealed class AbortValidation : Exception;
}

/// <summary>
/// graphql-js visitInParallel + visitWithTypeInfo: one walk that keeps TypeInfo in step and lets each visitor skip
/// subtrees or stop independently of the others.
/// </summary>
internal sealed class ParallelWalker(TypeInfo typeInfo) : SyntaxWalker
{
    // Per visitor: null while active, the node whose subtree it skips, or StopMarker once it stopped.
    private static readonly SyntaxNode StopMarker = new NameNode("<stop>");
    private ValidationVisitor[] _visitors = [];
    private SyntaxNode?[] _skipping = [];
    private KindSet _enterKinds;
    private KindSet _leaveKinds;

    public void SetVisitors(ValidationVisitor[] visitors)
    {
        _visitors = visitors;
        _skipping = new SyntaxNode?[visitors.Length];
        _enterKinds = KindSet.None;
        _leaveKinds = KindSet.None;
        foreach (var v in visitors)
        {
            _enterKinds = _enterKinds.Union(v.EnterKinds);
            _leaveKinds = _leaveKinds.Union(v.LeaveKinds);
        }
    }

    public ReadOnlySpan<SyntaxNode> CurrentAncestors => Ancestors;

    protected override VisitAction Enter(SyntaxNode node)
    {
        typeInfo.Enter(node);
        var kind = node.Kind;
        if (!_enterKinds.Contains(kind)) return VisitAction.Continue;
        var visitors = _visitors;
        for (var i = 0; i < visitors.Length; i++)
        {
            if (_skipping[i] is not null) continue;
            var visitor = visitors[i];
            if (!visitor.EnterKinds.Contains(kind)) continue;
            var action = visitor.Enter(node);
            if (action == VisitAction.SkipChildren) _skipping[i] = node;
            else if (action == VisitAction.Stop) _skipping[i] = StopMarker;
        }
        return VisitAction.Continue;
    }

    protected override VisitAction Leave(SyntaxNode node)
    {
        var kind = node.Kind;
        var visitors = _visitors;
        var dispatch = _leaveKinds.Contains(kind);
        for (var i = 0; i < visitors.Length; i++)
        {
            var skipping = _skipping[i];
            if (skipping is null)
            {
                if (!dispatch) continue;
                var visitor = visitors[i];
                if (visitor.LeaveKinds.Contains(kind) && visitor.Leave(node) == VisitAction.Stop) _skipping[i] = StopMarker;
            }
            else if (ReferenceEquals(skipping, node))
            {
                _skipping[i] = null;
            }
        }
        typeInfo.Leave(node);
        return VisitAction.Continue;
    }
}
