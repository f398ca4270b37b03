namespace SefData.GraphQL.Data.Tests;

/// <summary><c>order:</c> keys in list order, nested object keys, and the key tie-breaker.</summary>
public abstract class SortTests(LibraryDatabase fixture) : LibraryTestBase(fixture)
{
    private async Task AssertOrderAsync(string order, IEnumerable<Book> expected, string? where = null)
    {
        var whereArg = where is null ? "" : $", where: {where}";
        var data = await QueryAsync($"{{ books(first: 500, order: {order}{whereArg}) {{ nodes {{ id }} }} }}");
        var want = expected.Select(b => b.Id).ToList();
        var got = Ids(data.GetProperty("books").GetProperty("nodes"));
        Assert.True(want.SequenceEqual(got), $"order: {order}\nexpected [{string.Join(",", want)}]\n     got [{string.Join(",", got)}]");
    }

    [Fact]
    public async Task Without_order_the_key_orders()
    {
        await AssertOrderAsync("[]", Seed.Books.OrderBy(b => b.Id));
    }

    [Fact]
    public async Task One_string_key_with_the_tie_breaker()
    {
        // "The Road" appears twice: the key decides, ascending, whatever the direction of the title.
        await AssertOrderAsync("[{ title: ASC }]", Seed.Books.OrderBy(b => b.Title, StringComparer.Ordinal).ThenBy(b => b.Id));
        await AssertOrderAsync("[{ title: DESC }]", Seed.Books.OrderByDescending(b => b.Title, StringComparer.Ordinal).ThenBy(b => b.Id));
    }

    [Fact]
    public async Task Several_keys_in_list_order()
    {
        await AssertOrderAsync("[{ genre: DESC }, { pages: ASC }]", Seed.Books.OrderByDescending(b => b.Genre).ThenBy(b => b.Pages).ThenBy(b => b.Id));
        await AssertOrderAsync("[{ pages: ASC }, { genre: DESC }]", Seed.Books.OrderBy(b => b.Pages).ThenByDescending(b => b.Genre).ThenBy(b => b.Id));
        await AssertOrderAsync("[{ inPrint: ASC }, { published: DESC }]", Seed.Books.OrderBy(b => b.InPrint).ThenByDescending(b => b.Published).ThenBy(b => b.Id));
        await AssertOrderAsync("[{ rating: DESC }, { addedAt: ASC }]", Seed.Books.OrderByDescending(b => b.Rating).ThenBy(b => b.AddedAt).ThenBy(b => b.Id));
    }

    [Fact]
    public async Task Only_ties_leave_the_order_to_the_key()
    {
        Sql.Clear();
        await AssertOrderAsync("[{ genre: ASC }]", Seed.Books.OrderBy(b => b.Genre).ThenBy(b => b.Id));
        var select = Assert.Single(Sql.Commands);
        var orderBy = select[select.LastIndexOf("ORDER BY", StringComparison.Ordinal)..];
        Assert.Contains("\"Genre\"", orderBy, StringComparison.Ordinal);
        Assert.Contains("\"Id\"", orderBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decimal_sorts_through_its_sort_expression()
    {
        await AssertOrderAsync("[{ price: DESC }]", Seed.Books.OrderByDescending(b => b.Price).ThenBy(b => b.Id));
    }

    [Fact]
    public async Task Nested_object_key()
    {
        await AssertOrderAsync("[{ author: { name: DESC } }, { title: ASC }]",
            Seed.Books.Where(b => b.Author is not null).OrderByDescending(b => b.Author!.Name, StringComparer.Ordinal)
                .ThenBy(b => b.Title, StringComparer.Ordinal).ThenBy(b => b.Id),
            where: "{ author: { id: { gt: 0 } } }");
        await AssertOrderAsync("[{ author: { born: ASC } }, { pages: DESC }]",
            Seed.Books.Where(b => b.Author is not null).OrderBy(b => b.Author!.Born).ThenByDescending(b => b.Pages).ThenBy(b => b.Id),
            where: "{ author: { id: { gt: 0 } } }");
    }

    [Fact]
    public async Task Nulls_come_first_ascending_and_last_descending_on_every_provider()
    {
        await AssertOrderAsync("[{ subtitle: ASC }]", Seed.Books.OrderBy(b => b.Subtitle, StringComparer.Ordinal).ThenBy(b => b.Id));
        await AssertOrderAsync("[{ edition: DESC }]", Seed.Books.OrderByDescending(b => b.Edition).ThenBy(b => b.Id));
        await AssertOrderAsync("[{ author: { name: ASC } }]", Seed.Books.OrderBy(b => b.Author?.Name, StringComparer.Ordinal).ThenBy(b => b.Id));
    }

    [Fact]
    public async Task Plain_list_field_filters_sorts_and_projects()
    {
        Sql.Clear();
        var data = await QueryAsync("""{ authorList(where: { country: { eq: "UK" } }, order: [{ born: DESC }]) { name } }""");
        Assert.Equal(Seed.Authors.Where(a => a.Country == "UK").OrderByDescending(a => a.Born).Select(a => a.Name),
            data.GetProperty("authorList").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        var sql = Assert.Single(Sql.Commands);
        Assert.DoesNotContain("\"Country\"", sql[..sql.IndexOf("FROM", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_list_longer_than_its_limit_is_an_error()
    {
        var error = await ErrorAsync("{ authorList { name } }");
        Assert.Equal("LIST_SIZE_EXCEEDED", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Order_from_variables()
    {
        var order = new List<object?>
        {
            new Dictionary<string, object?> { ["genre"] = "DESC" },
            new Dictionary<string, object?> { ["author"] = new Dictionary<string, object?> { ["name"] = "ASC" } },
        };
        var data = await QueryAsync("query($o: [BookSortInput!]) { books(order: $o) { nodes { id } } }", new Dictionary<string, object?> { ["o"] = order });
        Assert.Equal(Seed.Books.OrderByDescending(b => b.Genre).ThenBy(b => b.Author?.Name, StringComparer.Ordinal).ThenBy(b => b.Id).Select(b => b.Id),
            Ids(data.GetProperty("books").GetProperty("nodes")));
    }

    [Fact]
    public async Task Sort_and_filter_together()
    {
        await AssertOrderAsync("[{ pages: DESC }]",
            Seed.Books.Where(b => b.InPrint).OrderByDescending(b => b.Pages).ThenBy(b => b.Id), where: "{ inPrint: { eq: true } }");
    }
}

public sealed class SortTestsSqlite(SqliteLibrary fixture) : SortTests(fixture), IClassFixture<SqliteLibrary>;

public sealed class SortTestsPostgres(PostgresLibrary fixture) : SortTests(fixture), IClassFixture<PostgresLibrary>;
