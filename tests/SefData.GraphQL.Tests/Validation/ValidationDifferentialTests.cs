using SefData.GraphQL.Language;
using SefData.GraphQL.Validation;
using static SefData.GraphQL.Tests.Validation.ValidateCorpus;

namespace SefData.GraphQL.Tests.Validation;

/// <summary>
/// Every corpus document is validated by SefData and by graphql-js 16.11 (tests/js/oracle-validate.mjs); the errors
/// must be the same messages with the same locations in the same order, for all rules together and for each rule alone.
/// </summary>
public class ValidationDifferentialTests
{
    public static TheoryData<string> CaseIds => Ids();

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void SpecifiedRules_report_what_graphql_js_reports(string id)
    {
        var c = Get(id);
        var expected = JsOracle.Results[id];
        Assert.True(expected.SyntaxError is null, $"{id} does not parse: {expected.SyntaxError}");
        var actual = Run(c, SpecifiedRules.All);
        AssertSame(expected.All!, actual, id);
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Each_rule_alone_reports_what_graphql_js_reports(string id)
    {
        var c = Get(id);
        var expected = JsOracle.Results[id];
        Assert.True(expected.SyntaxError is null, $"{id} does not parse: {expected.SyntaxError}");
        foreach (var rule in SpecifiedRules.All)
        {
            var actual = Run(c, [rule]);
            AssertSame(expected.ByRule.GetValueOrDefault(rule.Name) ?? RuleResult.Empty, actual, id + " " + rule.Name);
        }
    }

    [Fact]
    public void Specified_rules_are_graphql_js_specified_rules_in_order()
    {
        Assert.Equal(JsOracle.SpecifiedRules, SpecifiedRules.All.Select(r => r.Name).ToList());
    }

    /// <summary>
    /// Each rule has a corpus file named after it (without "Rule") in which graphql-js reports errors of that rule for
    /// at least 3 documents and none for at least 2, so every rule is exercised failing and passing.
    /// </summary>
    [Fact]
    public void Every_rule_has_failing_and_passing_cases_in_its_file()
    {
        var problems = new List<string>();
        foreach (var rule in SpecifiedRules.All)
        {
            var file = rule.Name.EndsWith("Rule", StringComparison.Ordinal) ? rule.Name[..^4] : rule.Name;
            var cases = Cases.Where(c => c.File == file).ToList();
            var failing = cases.Count(c => JsOracle.Results[c.Id].ByRule.ContainsKey(rule.Name));
            var passing = cases.Count(c => JsOracle.Results[c.Id].SyntaxError is null && !JsOracle.Results[c.Id].ByRule.ContainsKey(rule.Name));
            if (failing < 3 || passing < 2) problems.Add($"{rule.Name}: {failing} failing, {passing} passing in {file}.graphql");
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void The_hand_written_corpus_has_at_least_160_documents()
    {
        Assert.InRange(Cases.Count(c => c.File != "generated"), 160, int.MaxValue);
        Assert.Equal(GeneratedCount, Cases.Count(c => c.File == "generated"));
    }

    [Fact]
    public void Every_rule_fails_somewhere_in_the_corpus()
    {
        var missing = SpecifiedRules.All
            .Where(rule => !JsOracle.Results.Values.Any(r => r.ByRule.ContainsKey(rule.Name)))
            .Select(rule => rule.Name)
            .ToList();
        Assert.Empty(missing);
    }

    private static RuleResult Run(Case c, IReadOnlyList<IValidationRule> rules)
    {
        var document = Parser.Parse(c.Document);
        try
        {
            var errors = DocumentValidator.Validate(GetSchema(c.Schema), document, rules, c.MaxErrors);
            return new RuleResult(errors.Select(e => new ErrorShape(e.Message, e.Locations.Select(l => (l.Line, l.Column)).ToList())).ToList(), null);
        }
        catch (GraphQLError error)
        {
            return new RuleResult(null, error.Message);
        }
    }

    private static void AssertSame(RuleResult expected, RuleResult actual, string what)
    {
        Assert.True(expected.Thrown == actual.Thrown, $"{what}: thrown\n  graphql-js: {expected.Thrown}\n  SefData:    {actual.Thrown}");
        if (expected.Errors is null) return;
        var e = string.Join("\n", expected.Errors.Select(x => "  " + x));
        var a = string.Join("\n", actual.Errors!.Select(x => "  " + x));
        Assert.True(e == a, $"{what}\ngraphql-js:\n{e}\nSefData:\n{a}");
    }
}
