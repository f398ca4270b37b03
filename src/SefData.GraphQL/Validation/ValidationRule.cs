using SefData.GraphQL.Language;

namespace SefData.GraphQL.Validation;

/// <summary>
/// A validation rule (graphql-js: a function from a ValidationContext to a visitor). <see cref="CreateVisitor"/> is
/// called once per <see cref="DocumentValidator.Validate"/> call; the visitor it returns holds that run's state.
/// Implement it to add rules of your own (limits on depth, cost, aliases, ...) and pass them with the specified ones.
/// </summary>
public interface IValidationRule
{
    /// <summary>The rule's name, e.g. "KnownTypeNamesRule" (graphql-js's function name for specified rules).</summary>
    string Name { get; }

    ValidationVisitor CreateVisitor(ValidationContext context);
}

/// <summary>
/// Callbacks of one rule during the single parallel walk. Only node kinds listed in <see cref="EnterKinds"/> /
/// <see cref="LeaveKinds"/> are dispatched, so a rule pays nothing for nodes it does not look at.
/// Returning <see cref="VisitAction.SkipChildren"/> from Enter skips the node's subtree for this rule only (and its
/// Leave); <see cref="VisitAction.Stop"/> stops this rule only. Other rules and the shared TypeInfo go on.
/// </summary>
public abstract class ValidationVisitor
{
    protected ValidationVisitor(ValidationContext context, KindSet enterKinds, KindSet leaveKinds = default)
    {
        Context = context;
        EnterKinds = enterKinds;
        LeaveKinds = leaveKinds;
    }

    public ValidationContext Context { get; }
    public KindSet EnterKinds { get; }
    public KindSet LeaveKinds { get; }

    /// <summary>Called for nodes whose kind is in <see cref="EnterKinds"/>, after TypeInfo entered the node.</summary>
    public virtual VisitAction Enter(SyntaxNode node) => VisitAction.Continue;

    /// <summary>Called for nodes whose kind is in <see cref="LeaveKinds"/>, before TypeInfo leaves the node.</summary>
    public virtual VisitAction Leave(SyntaxNode node) => VisitAction.Continue;
}

/// <summary>A set of <see cref="SyntaxKind"/>s as a bit mask (there are fewer than 64 kinds).</summary>
public readonly struct KindSet
{
    private readonly ulong _bits;

    private KindSet(ulong bits) => _bits = bits;

    public static KindSet None => default;
    public static KindSet All => new(ulong.MaxValue);

    public static KindSet Of(params ReadOnlySpan<SyntaxKind> kinds)
    {
        ulong bits = 0;
        foreach (var kind in kinds) bits |= 1UL << (int)kind;
        return new KindSet(bits);
    }

    public bool Contains(SyntaxKind kind) => (_bits & (1UL << (int)kind)) != 0;

    public bool IsEmpty => _bits == 0;

    public KindSet Union(KindSet other) => new(_bits | other._bits);
}
