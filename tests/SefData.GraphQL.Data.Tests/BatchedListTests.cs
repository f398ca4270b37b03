namespace SefData.GraphQL.Data.Tests;

/// <summary>Related lists loaded once per level (no N+1), filtered, sorted and projected in SQL.</summary>
public abstract class BatchedListTests(LibraryDatabase fixture) : LibraryTestBase(fixture)
{
    [Fact]
    public async Task One_query_for_the_page_and_one_for_all_its_reviews()
    {
        Sql.Clear();
        var data = await QueryAsync("""
            { books(first: 12) { nodes { id reviewList(where: { stars: { gte: 2 } }, order: [{ stars: DESC }]) { stars } } } }
            """);
        Assert.Equal(2, Sql.Count);
        var reviewsSql = Sql.Commands[1];
        Assert.DoesNotContain("\"Text\"", reviewsSql[..reviewsSql.IndexOf("FROM", StringComparison.Ordinal)], StringComparison.Ordinal);
        var nodes = data.GetProperty("books").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(12, nodes.Count);
        foreach (var (node, book) in nodes.Zip(Seed.Books))
        {
            var want = book.Reviews.Where(r => r.Stars >= 2).OrderByDescending(r => r.Stars).ThenBy(r => r.Id).Select(r => r.Stars);
            Assert.Equal(want, node.GetProperty("reviewList").EnumerateArray().Select(r => r.GetProperty("stars").GetInt32()));
        }
        Assert.Contains(nodes, n => n.GetProperty("reviewList").GetArrayLength() > 1);
        Assert.Contains(nodes, n => n.GetProperty("reviewList").GetArrayLength() == 0);
    }

    [Fact]
    public async Task Aliases_with_other_arguments_get_their_own_batch()
    {
        Sql.Clear();
        var data = await QueryAsync("""
            { books(first: 8) { nodes { id
                low: reviewList(order: [{ stars: ASC }]) { id }
                top: reviewList(where: { stars: { eq: 5 } }) { id text } } } }
            """);
        Assert.Equal(3, Sql.Count);
        foreach (var (node, book) in data.GetProperty("books").GetProperty("nodes").EnumerateArray().Zip(Seed.Books))
        {
            Assert.Equal(book.Reviews.OrderBy(r => r.Stars).ThenBy(r => r.Id).Select(r => r.Id), Ids(node.GetProperty("low")));
            Assert.Equal(book.Reviews.Where(r => r.Stars == 5).Select(r => r.Id), Ids(node.GetProperty("top")));
        }
    }
}

public sealed class BatchedListTestsSqlite(SqliteLibrary fixture) : BatchedListTests(fixture), IClassFixture<SqliteLibrary>;

public sealed class BatchedListTestsPostgres(PostgresLibrary fixture) : BatchedListTests(fixture), IClassFixture<PostgresLibrary>;
