using SefData.GraphQL.Language;

namespace SefData.GraphQL.Tests.Language;

public class SourceTests
{
    [Theory]
    [InlineData("abc", 0, 1, 1)]
    [InlineData("abc", 2, 1, 3)]
    [InlineData("abc", 3, 1, 4)]
    [InlineData("a\nb", 2, 2, 1)]
    [InlineData("a\r\nb", 3, 2, 1)]
    [InlineData("a\rb", 2, 2, 1)]
    [InlineData("a\n\n\nb", 4, 4, 1)]
    [InlineData("a\nb", 1, 1, 2)]
    // graphql-js counts a \r\n once it has started, so the \n of a \r\n is column 0 of the next line.
    [InlineData("a\r\nb", 2, 2, 0)]
    public void Computes_line_and_column_like_graphql_js(string body, int position, int line, int column) =>
        Assert.Equal(new SourceLocation(line, column), new Source(body).GetLocation(position));
}
