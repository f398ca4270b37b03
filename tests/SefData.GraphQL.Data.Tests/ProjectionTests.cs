using System.Globalization;
using System.Text.Json;

namespace SefData.GraphQL.Data.Tests;

/// <summary>Only the columns the selection reads are queried, and the values are right.</summary>
public abstract class ProjectionTests(LibraryDatabase fixture) : LibraryTestBase(fixture)
{
    private static readonly string[] BookColumns = ["Title", "Subtitle", "Pages", "Edition", "Price", "Rating", "Published", "AddedAt", "InPrint", "Genre", "AuthorId"];

    /// <summary>The single SELECT of the last query, and which book columns it reads.</summary>
    private string SingleSelect()
    {
        var select = Assert.Single(Sql.Commands);
        return select;
    }

    private static void AssertColumns(string sql, string[] expected)
    {
        // Only the SELECT list (before FROM) matters; ORDER BY may mention the key.
        var list = sql[..sql.IndexOf("FROM", StringComparison.Ordinal)];
        foreach (var column in BookColumns)
        {
            if (expected.Contains(column)) Assert.Contains($"\"{column}\"", list, StringComparison.Ordinal);
            else Assert.DoesNotContain($"\"{column}\"", list, StringComparison.Ordinal);
        }
        Assert.Contains("\"Id\"", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Selecting_one_field_reads_that_column_and_the_key()
    {
        Sql.Clear();
        var data = await QueryAsync("{ books(first: 3) { nodes { title } } }");
        AssertColumns(SingleSelect(), ["Title"]);
        Assert.Equal(Seed.Books.Take(3).Select(b => b.Title),
            data.GetProperty("books").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Nodes_and_edges_selections_are_merged()
    {
        Sql.Clear();
        await QueryAsync("{ books(first: 3) { nodes { pages } edges { cursor node { price genre } } } }");
        AssertColumns(SingleSelect(), ["Pages", "Price", "Genre"]);
    }

    [Fact]
    public async Task Related_object_is_projected_with_its_selection()
    {
        Sql.Clear();
        var data = await QueryAsync("{ books(first: 8) { nodes { id author { name } } } }");
        var sql = SingleSelect();
        AssertColumns(sql, []);
        Assert.Contains("\"Name\"", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Country\"", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Born\"", sql, StringComparison.Ordinal);
        var nodes = data.GetProperty("books").GetProperty("nodes").EnumerateArray().ToList();
        for (var i = 0; i < 8; i++)
        {
            var author = nodes[i].GetProperty("author");
            var expected = Seed.Books[i].Author;
            if (expected is null) Assert.Equal(JsonValueKind.Null, author.ValueKind); // book 7 has no author
            else Assert.Equal(expected.Name, author.GetProperty("name").GetString());
        }
        Assert.Contains(Seed.Books.Take(8), b => b.Author is null);
    }

    [Fact]
    public async Task Resolver_fields_read_what_they_require()
    {
        Sql.Clear();
        var data = await QueryAsync("{ books(first: 3) { nodes { titleUpper } } }");
        AssertColumns(SingleSelect(), ["Title"]);
        Assert.Equal(Seed.Books.Take(3).Select(b => b.Title.ToUpperInvariant()),
            data.GetProperty("books").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("titleUpper").GetString()));
    }

    [Fact]
    public async Task Fields_with_their_own_resolver_get_the_key()
    {
        Sql.Clear();
        var data = await QueryAsync("{ books(first: 4) { nodes { reviewCount } } }");
        AssertColumns(Sql.Commands[0], []);
        Assert.Equal(5, Sql.Count); // the page, then one count per book (this test resolver has no DataLoader)
        Assert.Equal(Seed.Books.Take(4).Select(b => b.Reviews.Count),
            data.GetProperty("books").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("reviewCount").GetInt32()));
    }

    [Fact]
    public async Task Every_kind_round_trips()
    {
        var data = await QueryAsync("""
            { books(first: 500) { nodes { id title subtitle pages edition price rating published addedAt inPrint genre } } }
            """);
        var nodes = data.GetProperty("books").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(Seed.Books.Count, nodes.Count);
        foreach (var (n, b) in nodes.Zip(Seed.Books))
        {
            Assert.Equal(b.Id, n.GetProperty("id").GetInt32());
            Assert.Equal(b.Title, n.GetProperty("title").GetString());
            Assert.Equal(b.Subtitle, n.GetProperty("subtitle").GetString());
            Assert.Equal(b.Pages, n.GetProperty("pages").GetInt32());
            Assert.Equal(b.Edition, n.GetProperty("edition").ValueKind == JsonValueKind.Null ? null : n.GetProperty("edition").GetInt32());
            Assert.Equal(b.Price, n.GetProperty("price").GetDecimal());
            Assert.Equal(b.Rating, n.GetProperty("rating").GetDouble());
            Assert.Equal(b.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), n.GetProperty("published").GetString());
            Assert.Equal(new DateTimeOffset(b.AddedAt), DateTimeOffset.Parse(n.GetProperty("addedAt").GetString()!, CultureInfo.InvariantCulture));
            Assert.Equal(b.InPrint, n.GetProperty("inPrint").GetBoolean());
            Assert.Equal(b.Genre.ToString().ToUpperInvariant(), n.GetProperty("genre").GetString());
        }
    }

    [Fact]
    public async Task Typename_and_pageInfo_only_need_no_columns_beyond_the_key()
    {
        Sql.Clear();
        var data = await QueryAsync("{ books(first: 2) { nodes { __typename } pageInfo { hasNextPage } } }");
        AssertColumns(SingleSelect(), []);
        Assert.Equal("Book", data.GetProperty("books").GetProperty("nodes")[0].GetProperty("__typename").GetString());
    }
}

public sealed class ProjectionTestsSqlite(SqliteLibrary fixture) : ProjectionTests(fixture), IClassFixture<SqliteLibrary>;

public sealed class ProjectionTestsPostgres(PostgresLibrary fixture) : ProjectionTests(fixture), IClassFixture<PostgresLibrary>;
