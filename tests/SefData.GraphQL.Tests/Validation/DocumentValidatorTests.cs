using System.Diagnostics;
using System.Text;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Validation;
using SefData.GraphQL.Validation.Rules;

namespace SefData.GraphQL.Tests.Validation;

/// <summary>The validator's API: custom rules, per-rule skip/stop, the error limit, the context's look-ups, speed.</summary>
public class DocumentValidatorTests
{
    private static Schema Harness => ValidateCorpus.GetSchema(ValidateCorpus.DefaultSchema);

    private static IReadOnlyList<GraphQLError> Validate(string document, IReadOnlyList<IValidationRule>? rules = null, int maxErrors = 100) =>
        DocumentValidator.Validate(Harness, Parser.Parse(document), rules, maxErrors);

    /// <summary>A test rule built from delegates, recording what it saw.</summary>
    private sealed class Probe(
        KindSet enter,
        KindSet leave,
        Func<ValidationContext, SyntaxNode, VisitAction>? onEnter = null,
        Func<ValidationContext, SyntaxNode, VisitAction>? onLeave = null) : IValidationRule
    {
        public readonly List<string> Entered = [];
        public readonly List<string> Left = [];
        private readonly KindSet _enter = enter;
        private readonly KindSet _leave = leave;
        public string Name => "Probe";

        public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

        private sealed class Visitor(Probe probe, ValidationContext context) : ValidationVisitor(context, probe._enter, probe._leave)
        {
            public override VisitAction Enter(SyntaxNode node)
            {
                probe.Entered.Add(Describe(node));
                return probe._onEnter?.Invoke(Context, node) ?? VisitAction.Continue;
            }

            public override VisitAction Leave(SyntaxNode node)
            {
                probe.Left.Add(Describe(node));
                return probe._onLeave?.Invoke(Context, node) ?? VisitAction.Continue;
            }
        }

        private readonly Func<ValidationContext, SyntaxNode, VisitAction>? _onEnter = onEnter;
        private readonly Func<ValidationContext, SyntaxNode, VisitAction>? _onLeave = onLeave;

        private static string Describe(SyntaxNode node) => node switch
        {
            FieldNode f => "Field " + f.ResponseKey,
            FragmentDefinitionNode d => "Fragment " + d.Name.Value,
            OperationDefinitionNode o => "Operation " + (o.Name?.Value ?? "?"),
            _ => node.Kind.ToString(),
        };
    }

    [Fact]
    public void A_custom_rule_reports_errors_alongside_the_specified_rules()
    {
        // A "max aliases" style rule of the kind the HTTP layer adds.
        var noAliases = new Probe(KindSet.Of(SyntaxKind.Field), KindSet.None, (context, node) =>
        {
            if (node is FieldNode { Alias: { } alias }) context.ReportError(new GraphQLError($"Alias \"{alias.Value}\" is not allowed.", [alias]));
            return VisitAction.Continue;
        });
        var errors = Validate("{ dog { a: name nmae } }", [.. SpecifiedRules.All, noAliases]);
        Assert.Equal(["Alias \"a\" is not allowed.", "Cannot query field \"nmae\" on type \"Dog\". Did you mean \"name\"?"], errors.Select(e => e.Message));
        Assert.Equal(new SourceLocation(1, 9), errors[0].Locations[0]);
    }

    /// <summary>The example rule of Validation/README.md.</summary>
    private sealed class MaxAliasesRule(int max) : IValidationRule
    {
        public string Name => "MaxAliasesRule";
        public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context, max);

        private sealed class Visitor(ValidationContext context, int max) : ValidationVisitor(context, KindSet.Of(SyntaxKind.Field))
        {
            private int _count;

            public override VisitAction Enter(SyntaxNode node)
            {
                if (((FieldNode)node).Alias is not null && ++_count == max + 1)
                {
                    Context.ReportError(new GraphQLError($"Too many aliases (more than {max}).", [node]));
                    return VisitAction.Stop;
                }
                return VisitAction.Continue;
            }
        }
    }

    [Fact]
    public void The_readme_example_rule_works()
    {
        var rule = new MaxAliasesRule(2);
        Assert.Empty(Validate("{ a: dog { b: name } }", [rule]));
        var errors = Validate("{ a: dog { b: name c: name d: name } }", [rule]);
        Assert.Equal("Too many aliases (more than 2).", Assert.Single(errors).Message);
        Assert.Equal(new SourceLocation(1, 20), errors[0].Locations[0]);   // the third alias, "c"
    }

    [Fact]
    public void Skipping_children_affects_only_the_rule_that_asked()
    {
        var skipper = new Probe(KindSet.Of(SyntaxKind.Field, SyntaxKind.FragmentDefinition), KindSet.Of(SyntaxKind.Field, SyntaxKind.FragmentDefinition),
            (_, node) => node.Kind == SyntaxKind.FragmentDefinition ? VisitAction.SkipChildren : VisitAction.Continue);
        var watcher = new Probe(KindSet.Of(SyntaxKind.Field), KindSet.None, (context, node) =>
        {
            // TypeInfo stays in step although the other rule skipped the fragment.
            Assert.NotNull(context.FieldDefinition);
            return VisitAction.Continue;
        });
        Validate("{ dog { ...F } } fragment F on Dog { name mother { name } }", [skipper, watcher]);
        Assert.Equal(["Field dog", "Fragment F"], skipper.Entered);
        Assert.Equal(["Field dog"], skipper.Left);   // no Leave for the skipped fragment
        Assert.Equal(["Field dog", "Field name", "Field mother", "Field name"], watcher.Entered);
    }

    [Fact]
    public void Stop_ends_only_the_rule_that_asked()
    {
        var stopper = new Probe(KindSet.Of(SyntaxKind.Field), KindSet.Of(SyntaxKind.Field), (_, _) => VisitAction.Stop);
        var watcher = new Probe(KindSet.Of(SyntaxKind.Field), KindSet.None);
        Validate("{ dog { name } cat { name } }", [stopper, watcher]);
        Assert.Equal(["Field dog"], stopper.Entered);
        Assert.Empty(stopper.Left);
        Assert.Equal(4, watcher.Entered.Count);
    }

    [Fact]
    public void The_error_limit_adds_one_error_and_aborts()
    {
        var errors = Validate("{ a b c d e }", maxErrors: 2);
        Assert.Equal(3, errors.Count);
        Assert.StartsWith("Cannot query field \"a\"", errors[0].Message);
        Assert.Equal(DocumentValidator.TooManyErrorsMessage, errors[2].Message);
        Assert.Empty(errors[2].Locations);
        Assert.Equal(5, Validate("{ a b c d e }", maxErrors: 5).Count);
    }

    [Fact]
    public void Custom_scalar_literal_errors_are_reported_as_graphql_js_reports_them()
    {
        // graphql-js: a GraphQLError from parseLiteral is reported as it is; any other error is wrapped.
        var weird = new ScalarType("Weird", parseLiteral: (node, _) => node switch
        {
            IntValueNode => throw new InvalidOperationException("boom"),
            StringValueNode => throw new GraphQLError("Weird says no."),
            _ => 1,
        });
        var schema = new Schema(new ObjectType("Query", [new FieldDefinition("f", ScalarType.Int, [new ArgumentDefinition("arg", new NonNullType(weird))])]));
        var errors = DocumentValidator.Validate(schema, Parser.Parse("{ a: f(arg: 1) b: f(arg: \"s\") c: f(arg: true) }"));
        Assert.Equal(["Expected value of type \"Weird!\", found 1; boom", "Weird says no."], errors.Select(e => e.Message));
        Assert.Equal(new SourceLocation(1, 13), errors[0].Locations[0]);
        Assert.Empty(errors[1].Locations);
        Assert.IsType<InvalidOperationException>(errors[0].InnerException);
    }

    [Fact]
    public void An_invalid_schema_is_refused()
    {
        var schema = new Schema(null, types: [new ObjectType("Thing", [new FieldDefinition("a", ScalarType.Int)])]);
        var ex = Assert.Throws<SchemaValidationException>(() => DocumentValidator.Validate(schema, Parser.Parse("{ a }")));
        Assert.Contains("Query root type must be provided.", ex.Message);
    }

    [Fact]
    public void The_context_answers_fragment_and_variable_questions()
    {
        const string text = """
            query Q($a: Int, $b: Boolean!) { dog @include(if: $b) { ...A } }
            fragment A on Dog { ...B isAtLocation(x: $a) }
            fragment B on Dog { ... on Dog { ...C } doesKnowCommand(dogCommand: $cmd) }
            fragment C on Dog { name }
            """;
        ValidationContext? seen = null;
        var probe = new Probe(KindSet.Of(SyntaxKind.Document), KindSet.None, (context, _) =>
        {
            seen = context;
            return VisitAction.Continue;
        });
        var document = Parser.Parse(text);
        DocumentValidator.Validate(Harness, document, [probe]);
        var context = seen!;
        var operation = (OperationDefinitionNode)document.Definitions[0];

        Assert.Equal("B", context.GetFragment("B")!.Name.Value);
        Assert.Null(context.GetFragment("Z"));
        Assert.Equal(["C"], context.GetFragmentSpreads(context.GetFragment("B")!.SelectionSet).Select(s => s.Name.Value));
        Assert.Equal(["A", "B", "C"], context.GetRecursivelyReferencedFragments(operation).Select(f => f.Name.Value));
        Assert.Same(context.GetRecursivelyReferencedFragments(operation), context.GetRecursivelyReferencedFragments(operation));

        var own = context.GetVariableUsages(operation);
        Assert.Equal("b", Assert.Single(own).Node.Name.Value);
        Assert.Equal("Boolean!", own[0].Type!.ToString());

        var all = context.GetRecursiveVariableUsages(operation);
        Assert.Equal(["b:Boolean!", "a:Int", "cmd:DogCommand"], all.Select(u => u.Node.Name.Value + ":" + u.Type));
    }

    [Fact]
    public void Ancestors_and_parent_describe_the_path_to_the_node()
    {
        var paths = new List<string>();
        var probe = new Probe(KindSet.Of(SyntaxKind.Directive), KindSet.None, (context, _) =>
        {
            var kinds = new List<string>();
            foreach (var node in context.Ancestors) kinds.Add(node.Kind.ToString());
            paths.Add(string.Join("/", kinds) + " parent " + context.Parent!.Kind);
            return VisitAction.Continue;
        });
        Validate("{ dog { name @onField } }", [probe]);
        Assert.Equal(["Document/OperationDefinition/SelectionSet/Field/SelectionSet/Field parent Field"], paths);
    }

    [Fact]
    public void Specified_rules_have_distinct_names_and_fresh_state_per_run()
    {
        Assert.Equal(SpecifiedRules.All.Count, SpecifiedRules.All.Select(r => r.Name).Distinct().Count());
        // Rule state lives in the visitor: a second run does not remember the first run's names.
        var document = Parser.Parse("query A { dog { name } }");
        Assert.Empty(DocumentValidator.Validate(Harness, document, [UniqueOperationNamesRule.Instance]));
        Assert.Empty(DocumentValidator.Validate(Harness, document, [UniqueOperationNamesRule.Instance]));
    }

    /// <summary>
    /// Fragments that each spread two others, 40 levels deep: comparing fields through every path is 2^40 work, so
    /// this only finishes because pair comparisons are memoised (as in graphql-js).
    /// </summary>
    [Fact]
    public void Overlapping_fields_stays_polynomial_on_fragment_diamonds()
    {
        const int levels = 40;
        var sb = new StringBuilder("{ dog { ...G0 ...H0 } }\n");
        for (var i = 0; i < levels; i++)
        {
            var next = i + 1 < levels ? $" ...G{i + 1} ...H{i + 1}" : "";
            sb.Append($"fragment G{i} on Dog {{ x: name{next} }}\n");
            sb.Append($"fragment H{i} on Dog {{ x: name{next} }}\n");
        }
        var stopwatch = Stopwatch.StartNew();
        var errors = DocumentValidator.Validate(Harness, Parser.Parse(sb.ToString()), [OverlappingFieldsCanBeMergedRule.Instance]);
        Assert.Empty(errors);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"took {stopwatch.Elapsed}");
    }

    /// <summary>
    /// A chain of thousands of fragments, each spreading the next, must not overflow the stack (which would end the
    /// process): the rules that follow spreads do so with explicit stacks. Run on a thread with a 1 MiB stack (smaller
    /// than the 1.5 MiB of a pool thread), where recursion per fragment would exhaust the stack and trip the
    /// too-deep guard. Not smaller: RuntimeHelpers.EnsureSufficientExecutionStack wants about 128 KiB of headroom on
    /// x64, so on a 128 KiB thread the guard fires at any depth. (Overlapping-fields work is quadratic in the chain
    /// length, as in graphql-js, so the chain is kept to a few thousand.)
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Long_fragment_chains_do_not_overflow_the_stack(bool cyclic)
    {
        const int length = 1500;
        var sb = new StringBuilder("{ dog { ...F0 } }\n");
        for (var i = 0; i < length; i++)
        {
            var next = i + 1 < length ? $" ...F{i + 1}" : cyclic ? " ...F0" : "";
            sb.Append($"fragment F{i} on Dog {{ name{next} }}\n");
        }
        var document = Parser.Parse(sb.ToString());
        var schema = Harness;
        IReadOnlyList<GraphQLError>? errors = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { errors = DocumentValidator.Validate(schema, document); }
            catch (Exception e) { failure = e; }
        }, maxStackSize: 1024 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(failure);
        if (!cyclic)
        {
            Assert.Empty(errors!);
            return;
        }
        var error = Assert.Single(errors!);
        Assert.StartsWith("Cannot spread fragment \"F0\" within itself via \"F1\", \"F2\",", error.Message);
        Assert.Equal(length, error.Locations.Count);
    }

    [Fact]
    public void Too_deep_nesting_is_an_error_not_a_crash()
    {
        // { dog { mother { mother ... { name } } } }: valid, parsed on a thread with a large stack and validated on
        // one with a small stack. Deep enough that even fully optimised (tier-1) frames cannot fit: at 3,000 levels
        // the outcome depended on whether the JIT had tiered the walker up yet.
        const int depth = 20000;
        var text = new StringBuilder("{ dog ");
        for (var i = 0; i < depth; i++) text.Append("{ mother ");
        text.Append("{ name }").Append(' ', 1).Append(string.Concat(Enumerable.Repeat("} ", depth + 1)));
        DocumentNode? document = null;
        var parse = new Thread(() => document = Parser.Parse(text.ToString()), maxStackSize: 64 * 1024 * 1024);
        parse.Start();
        parse.Join();
        var schema = Harness;
        IReadOnlyList<GraphQLError>? errors = null;
        var validate = new Thread(() => errors = DocumentValidator.Validate(schema, document!), maxStackSize: 256 * 1024);
        validate.Start();
        validate.Join();
        Assert.Equal(DocumentValidator.NestedTooDeeplyMessage, Assert.Single(errors!).Message);
    }

    /// <summary>
    /// graphql-js's MaxIntrospectionDepthRule walks every path through fragments (2^30 here, it would not finish);
    /// SefData stops after a budget and rejects the document.
    /// </summary>
    [Fact]
    public void Introspection_through_fragment_diamonds_is_rejected_quickly()
    {
        const int levels = 30;
        var sb = new StringBuilder("{ __schema { types { ...G0 } } }\n");
        for (var i = 0; i < levels; i++)
        {
            var next = i + 1 < levels ? $" ...G{i + 1} ...H{i + 1}" : " name";
            sb.Append($"fragment G{i} on __Type {{ ofType {{{next} }} }}\n");
            sb.Append($"fragment H{i} on __Type {{ ofType {{{next} }} }}\n");
        }
        var stopwatch = Stopwatch.StartNew();
        var errors = DocumentValidator.Validate(Harness, Parser.Parse(sb.ToString()), [MaxIntrospectionDepthRule.Instance]);
        Assert.Equal("Maximum introspection depth exceeded", Assert.Single(errors).Message);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void A_large_valid_document_validates_quickly()
    {
        var sb = new StringBuilder("query Big($x: Int, $cmd: DogCommand) {\n");
        for (var i = 0; i < 500; i++)
            sb.Append($"  d{i}: dog {{ name nickname isAtLocation(x: $x, y: {i}) doesKnowCommand(dogCommand: $cmd) mother {{ ...M }} }}\n");
        sb.Append("}\nfragment M on Dog { name barks father { name } }\n");
        var document = Parser.Parse(sb.ToString());
        Assert.Empty(DocumentValidator.Validate(Harness, document));
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++) Assert.Empty(DocumentValidator.Validate(Harness, document));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"took {stopwatch.Elapsed}");
    }
}
