using SefData.GraphQL.Language;

namespace SefData.GraphQL.Tests.Language;

public class SyntaxWalkerTests
{
    private sealed class Recorder(Func<SyntaxNode, VisitAction>? onEnter = null) : SyntaxWalker
    {
        public readonly List<string> Events = [];
        public readonly List<string> ParentKinds = [];

        protected override VisitAction Enter(SyntaxNode node)
        {
            Events.Add("enter " + Describe(node));
            ParentKinds.Add(Parent?.Kind.ToString() ?? "-");
            return onEnter?.Invoke(node) ?? VisitAction.Continue;
        }

        protected override VisitAction Leave(SyntaxNode node)
        {
            Events.Add("leave " + Describe(node));
            return VisitAction.Continue;
        }

        private static string Describe(SyntaxNode node) => node is NameNode name ? "Name " + name.Value : node.Kind.ToString();
    }

    [Fact]
    public void Visits_in_query_document_keys_order()
    {
        var recorder = new Recorder();
        recorder.Walk(Parser.Parse("{ x: f(a: 1) @d }"));
        Assert.Equal(
        [
            "enter Document", "enter OperationDefinition", "enter SelectionSet", "enter Field",
            "enter Name x", "leave Name x", "enter Name f", "leave Name f",
            "enter Argument", "enter Name a", "leave Name a", "enter IntValue", "leave IntValue", "leave Argument",
            "enter Directive", "enter Name d", "leave Name d", "leave Directive",
            "leave Field", "leave SelectionSet", "leave OperationDefinition", "leave Document",
        ], recorder.Events);
        Assert.Equal("-", recorder.ParentKinds[0]);
        Assert.Equal("SelectionSet", recorder.ParentKinds[3]);
    }

    [Fact]
    public void Skipping_children_also_skips_leave()
    {
        var recorder = new Recorder(node => node.Kind == SyntaxKind.Field ? VisitAction.SkipChildren : VisitAction.Continue);
        Assert.True(recorder.Walk(Parser.Parse("{ a(b: 1) { c } }")));
        Assert.Equal(
            ["enter Document", "enter OperationDefinition", "enter SelectionSet", "enter Field",
             "leave SelectionSet", "leave OperationDefinition", "leave Document"],
            recorder.Events);
    }

    [Fact]
    public void Stop_ends_the_walk()
    {
        var recorder = new Recorder(node => node is NameNode { Value: "b" } ? VisitAction.Stop : VisitAction.Continue);
        Assert.False(recorder.Walk(Parser.Parse("{ a b c }")));
        Assert.Equal("enter Name b", recorder.Events[^1]);
        Assert.DoesNotContain("enter Name c", recorder.Events);
    }

    [Fact]
    public void Lists_direct_children()
    {
        var type = Parser.Parse("\"d\" type T implements I @x { f: Int }").Definitions[0];
        Assert.Equal(
            [SyntaxKind.StringValue, SyntaxKind.Name, SyntaxKind.NamedType, SyntaxKind.Directive, SyntaxKind.FieldDefinition],
            SyntaxWalker.GetChildren(type).Select(c => c.Kind));
    }

    private sealed class AncestorProbe : SyntaxWalker
    {
        public string? PathToB;

        protected override VisitAction Enter(SyntaxNode node)
        {
            if (node is NameNode { Value: "b" })
                PathToB = string.Join("/", Ancestors.ToArray().Select(a => a.Kind.ToString()));
            return VisitAction.Continue;
        }
    }

    [Fact]
    public void Exposes_ancestors()
    {
        var probe = new AncestorProbe();
        probe.Walk(Parser.Parse("{ a { b } }"));
        Assert.Equal("Document/OperationDefinition/SelectionSet/Field/SelectionSet/Field", probe.PathToB);
    }
}
