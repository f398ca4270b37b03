using SefData.GraphQL.Language;

namespace SefData.GraphQL.Tests.Language;

/// <summary>
/// Each corpus document is parsed and printed by SefData and by graphql-js 16.11; the printed text, or the syntax
/// error's message and locations, must be identical.
/// </summary>
public class ParserDifferentialTests
{
    public static TheoryData<string> CorpusIds() => ParseCorpus.Ids();

    public static TheoryData<string> ValidCorpusIds() => ParseCorpus.Ids(includeErrors: false);

    [Theory]
    [MemberData(nameof(CorpusIds))]
    public void Matches_graphql_js(string id)
    {
        var corpusCase = ParseCorpus.Get(id);
        var expected = ParseCorpus.Oracle(id);
        var actual = Run(corpusCase.Document, corpusCase.Mode);
        // The corpus keeps invalid documents in error-*.graphql files; that split must agree with graphql-js.
        Assert.Equal(ParseCorpus.IsErrorCase(id), expected.ErrorMessage is not null);
        Assert.Equal(expected.ErrorMessage, actual.ErrorMessage);
        Assert.Equal(expected.Locations, actual.Locations);
        Assert.Equal(expected.Printed, actual.Printed);
    }

    [Theory]
    [MemberData(nameof(ValidCorpusIds))]
    public void Ast_locations_and_token_count_match_graphql_js(string id)
    {
        var expected = ParseCorpus.Oracle(id);
        var corpusCase = ParseCorpus.Get(id);
        var node = ParseNode(corpusCase.Document, corpusCase.Mode);
        Assert.Equal(expected.Ast, AstCanonicalForm.Of(node));
        if (node is DocumentNode document) Assert.Equal(expected.TokenCount, document.TokenCount);
    }

    [Theory]
    [MemberData(nameof(ValidCorpusIds))]
    public void Printed_output_round_trips(string id)
    {
        var corpusCase = ParseCorpus.Get(id);
        var first = Run(corpusCase.Document, corpusCase.Mode);
        Assert.Null(first.ErrorMessage);
        var second = Run(first.Printed!, corpusCase.Mode);
        Assert.Null(second.ErrorMessage);
        Assert.Equal(first.Printed, second.Printed);
    }

    private static SyntaxNode ParseNode(string source, ParseCorpus.Mode mode) => mode switch
    {
        ParseCorpus.Mode.Value => Parser.ParseValue(source),
        ParseCorpus.Mode.ConstValue => Parser.ParseConstValue(source),
        ParseCorpus.Mode.Type => Parser.ParseType(source),
        _ => Parser.Parse(source),
    };

    private static ParseCorpus.OracleResult Run(string source, ParseCorpus.Mode mode)
    {
        try
        {
            return new ParseCorpus.OracleResult(Printer.Print(ParseNode(source, mode)), null, []);
        }
        catch (GraphQLError error)
        {
            var locations = new List<(int, int)>();
            foreach (var location in error.Locations) locations.Add((location.Line, location.Column));
            return new ParseCorpus.OracleResult(null, error.Message, locations);
        }
    }
}
