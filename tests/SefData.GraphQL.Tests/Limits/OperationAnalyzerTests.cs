using System.Diagnostics;
using System.Text;
using SefData.GraphQL.Language;
using SefData.GraphQL.Limits;
using SefData.GraphQL.Tests.Http;

namespace SefData.GraphQL.Tests.Limits;

/// <summary>Exact depth, alias and cost figures for the limits' measuring walk (the HTTP tests check the codes).</summary>
public class OperationAnalyzerTests
{
    private static readonly SefData.GraphQL.Types.Schema Schema = TestSchema.Build();

    private static OperationMetrics Measure(string query, IReadOnlyDictionary<string, object?>? variables = null, int defaultPageSize = 50)
    {
        var document = Parser.Parse(query);
        var analyzer = new OperationAnalyzer(document, Schema, variables, defaultPageSize);
        return analyzer.Analyze(OperationAnalyzer.SelectOperations(document, null).First());
    }

    [Theory]
    // schools: 1 + 3 × (nodes: 1 + (id 1 + name 1 + localAuthority: 1 + name 1) + totalCount 1) = 1 + 3 × 6
    [InlineData("{ schools(first: 3) { nodes { id name localAuthority { name } } totalCount } }", 19)]
    // no page size asked and no default on the argument: the server's default page size (50)
    [InlineData("{ schools { totalCount } }", 51)]
    // the larger of first and last
    [InlineData("{ schools(first: 2, last: 4) { totalCount } }", 5)]
    // LocalAuthority.schools(first: Int = 10): the argument's default
    [InlineData("{ school(id: \"1\") { localAuthority { schools { totalCount } } } }", 13)]
    // nested multiplication: 1 + 500 × (1 + (1 + 500 × (1 + 1)))
    [InlineData("{ schools(first: 500) { nodes { neighbours(first: 500) { nodes { id } } } } }", 501_001)]
    // FieldDefinition.Cost overrides the default of 1
    [InlineData("{ report a: report }", 800)]
    // fragments count where they are spread, each use
    [InlineData("{ ...F ...F } fragment F on Query { schools(first: 2) { totalCount } }", 6)]
    [InlineData("{ schools(first: 2) { ... on SchoolConnection { totalCount } } }", 3)]
    public void Cost_follows_page_sizes_defaults_overrides_and_nesting(string query, long cost) =>
        Assert.Equal(cost, Measure(query).Cost);

    [Fact]
    public void Page_sizes_given_as_variables_are_used()
    {
        const string query = "query Q($n: Int) { schools(first: $n) { totalCount } }";
        Assert.Equal(8, Measure(query, new Dictionary<string, object?> { ["n"] = 7 }).Cost);
        Assert.Equal(51, Measure(query, new Dictionary<string, object?> { ["n"] = null }).Cost);
        Assert.Equal(51, Measure(query).Cost);
        Assert.Equal(21, Measure(query, defaultPageSize: 20).Cost);
    }

    [Theory]
    [InlineData("{ hello }", 1)]
    [InlineData("{ school(id: \"1\") { localAuthority { name } } }", 3)]
    [InlineData("{ ...F } fragment F on Query { school(id: \"1\") { ...G } } fragment G on School { localAuthority { name } }", 3)]
    [InlineData("{ school(id: \"1\") { ... on School { localAuthority { schools { nodes { id } } } } } }", 5)]
    [InlineData("{ ...F } fragment F on Query { ...F hello }", 1)] // a cycle (validation rejects it later) ends the walk
    public void Depth_counts_nested_fields_through_fragments(string query, int depth) =>
        Assert.Equal(depth, Measure(query).Depth);

    [Theory]
    [InlineData("{ hello }", 0)]
    [InlineData("{ a: hello b: hello hello }", 2)]
    [InlineData("{ a: hello ...F ...F } fragment F on Query { b: hello c: school(id: \"1\") { n: name } }", 7)]
    public void Aliases_are_counted_per_use(string query, int aliases) =>
        Assert.Equal(aliases, Measure(query).Aliases);

    [Fact]
    public void A_fan_out_of_fragment_spreads_is_measured_in_linear_time()
    {
        // F0 spreads F1 twice, F1 spreads F2 twice, ...: 2^40 expanded uses, 41 definitions.
        var sb = new StringBuilder("{ ...F0 }\n");
        for (var i = 0; i < 40; i++) sb.Append($"fragment F{i} on Query {{ a: hello ...F{i + 1} ...F{i + 1} }}\n");
        sb.Append("fragment F40 on Query { a: hello schools(first: 100) { totalCount } }");
        var watch = Stopwatch.StartNew();
        var metrics = Measure(sb.ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Equal(int.MaxValue, metrics.Aliases); // saturated, not wrapped
        Assert.True(metrics.Cost > 1_000_000_000_000);
        Assert.Equal(2, metrics.Depth);
    }
}
