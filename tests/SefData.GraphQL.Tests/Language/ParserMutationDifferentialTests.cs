using System.Text;
using SefData.GraphQL.Language;

namespace SefData.GraphQL.Tests.Language;

/// <summary>
/// Derives many near-miss documents from the valid corpus (every prefix, every one-character deletion, and a tricky
/// character substituted at every position) and checks that SefData and graphql-js agree on every one of them:
/// the same printed output and AST, or the same error message and location. Deterministic: no randomness.
/// </summary>
public class ParserMutationDifferentialTests
{
    private const int MaxVariantsPerKind = 250;
    private const string Substitutes = "\"\\.0-e$@!{}[]():=|&#\n\t,éx_";

    [Fact]
    public void Mutated_corpus_documents_parse_like_graphql_js()
    {
        var variants = new List<(string Source, ParseCorpus.Mode Mode)>();
        foreach (var corpusCase in ParseCorpus.Cases)
        {
            if (ParseCorpus.IsErrorCase(corpusCase.Id)) continue;
            var text = corpusCase.Document;
            var step = Math.Max(1, text.Length / MaxVariantsPerKind);
            for (var i = 0; i < text.Length; i += step)
            {
                if (char.IsLowSurrogate(text[i])) continue; // keep surrogate pairs whole
                var width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
                variants.Add((text[..i], corpusCase.Mode));
                variants.Add((text.Remove(i, width), corpusCase.Mode));
                variants.Add((text[..i] + Substitutes[i % Substitutes.Length] + text[(i + width)..], corpusCase.Mode));
            }
        }

        var expected = ParseCorpus.RunOracle(variants);
        var mismatches = new StringBuilder();
        var count = 0;
        for (var i = 0; i < variants.Count; i++)
        {
            var actual = Run(variants[i].Source, variants[i].Mode);
            var oracle = expected[i];
            if (actual.ErrorMessage == oracle.ErrorMessage && actual.Locations.SequenceEqual(oracle.Locations)
                && actual.Printed == oracle.Printed && actual.Ast == oracle.Ast)
            {
                continue;
            }
            if (++count <= 20)
            {
                mismatches.Append("--- source: ").Append(Escape(variants[i].Source)).Append('\n')
                    .Append("graphql-js: ").Append(Describe(oracle)).Append('\n')
                    .Append("SefData:    ").Append(Describe(actual)).Append('\n');
            }
        }
        Assert.True(count == 0, $"{count} of {variants.Count} variants differ:\n{mismatches}");
        Assert.True(variants.Count > 5000, "expected thousands of variants, got " + variants.Count);
    }

    private static ParseCorpus.OracleResult Run(string source, ParseCorpus.Mode mode)
    {
        try
        {
            SyntaxNode node = mode switch
            {
                ParseCorpus.Mode.Value => Parser.ParseValue(source),
                ParseCorpus.Mode.ConstValue => Parser.ParseConstValue(source),
                ParseCorpus.Mode.Type => Parser.ParseType(source),
                _ => Parser.Parse(source),
            };
            return new ParseCorpus.OracleResult(Printer.Print(node), null, []) { Ast = AstCanonicalForm.Of(node) };
        }
        catch (GraphQLError error)
        {
            return new ParseCorpus.OracleResult(null, error.Message, error.Locations.Select(l => (l.Line, l.Column)).ToList());
        }
    }

    private static string Describe(ParseCorpus.OracleResult result) =>
        result.ErrorMessage is { } message
            ? message + " at " + string.Join(", ", result.Locations.Select(l => $"{l.Line}:{l.Column}"))
            : "printed " + Escape(result.Printed ?? "");

    private static string Escape(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n");
}
