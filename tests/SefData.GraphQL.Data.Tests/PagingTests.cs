using System.Text.Json;
using SefData.GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace SefData.GraphQL.Data.Tests;

/// <summary>Cursor paging: forward and backward through whole result sets, page sizes, counts and errors.</summary>
public abstract class PagingTests(LibraryDatabase fixture) : LibraryTestBase(fixture)
{
    private const string Order = "[{ pages: DESC }, { title: ASC }]";

    private static List<int> Expected() => Seed.Books.OrderByDescending(b => b.Pages)
        .ThenBy(b => b.Title, StringComparer.Ordinal).ThenBy(b => b.Id).Select(b => b.Id).ToList();

    private const string PageFields = "edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";

    [Fact]
    public async Task Forward_through_everything_with_first_and_after()
    {
        var seen = new List<int>();
        string? after = null;
        for (var page = 0; ; page++)
        {
            var arg = after is null ? "" : $", after: \"{after}\"";
            var books = (await QueryAsync($"{{ books(first: 7, order: {Order}{arg}) {{ {PageFields} }} }}")).GetProperty("books");
            var info = books.GetProperty("pageInfo");
            var edges = books.GetProperty("edges").EnumerateArray().ToList();
            seen.AddRange(edges.Select(e => e.GetProperty("node").GetProperty("id").GetInt32()));
            Assert.Equal(page > 0, info.GetProperty("hasPreviousPage").GetBoolean());
            Assert.Equal(edges[0].GetProperty("cursor").GetString(), info.GetProperty("startCursor").GetString());
            Assert.Equal(edges[^1].GetProperty("cursor").GetString(), info.GetProperty("endCursor").GetString());
            if (!info.GetProperty("hasNextPage").GetBoolean()) break;
            Assert.Equal(7, edges.Count);
            after = info.GetProperty("endCursor").GetString();
            Assert.True(page < 10, "Paging does not end.");
        }
        Assert.Equal(Expected(), seen);
    }

    [Fact]
    public async Task Backward_through_everything_with_last_and_before()
    {
        var seen = new List<int>();
        string? before = null;
        for (var page = 0; ; page++)
        {
            var arg = before is null ? "" : $", before: \"{before}\"";
            var books = (await QueryAsync($"{{ books(last: 7, order: {Order}{arg}) {{ {PageFields} }} }}")).GetProperty("books");
            var info = books.GetProperty("pageInfo");
            var ids = books.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetInt32()).ToList();
            seen.InsertRange(0, ids);
            Assert.Equal(page > 0, info.GetProperty("hasNextPage").GetBoolean());
            if (!info.GetProperty("hasPreviousPage").GetBoolean()) break;
            Assert.Equal(7, ids.Count);
            before = info.GetProperty("startCursor").GetString();
            Assert.True(page < 10, "Paging does not end.");
        }
        Assert.Equal(Expected(), seen);
    }

    /// <summary>Every page of <paramref name="order"/>, forwards then backwards, must equal <paramref name="expected"/>.</summary>
    private async Task AssertTraversalAsync(string order, IEnumerable<Book> expected, int size = 4)
    {
        var want = expected.Select(b => b.Id).ToList();
        var forward = new List<int>();
        string? cursor = null;
        for (var page = 0; page < 50; page++)
        {
            var arg = cursor is null ? "" : $", after: \"{cursor}\"";
            var books = (await QueryAsync($"{{ books(first: {size}, order: {order}{arg}) {{ {PageFields} }} }}")).GetProperty("books");
            forward.AddRange(books.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetInt32()));
            if (!books.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()) break;
            cursor = books.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
        Assert.True(want.SequenceEqual(forward), $"forward {order}\nexpected [{string.Join(",", want)}]\n     got [{string.Join(",", forward)}]");

        var backward = new List<int>();
        cursor = null;
        for (var page = 0; page < 50; page++)
        {
            var arg = cursor is null ? "" : $", before: \"{cursor}\"";
            var books = (await QueryAsync($"{{ books(last: {size}, order: {order}{arg}) {{ {PageFields} }} }}")).GetProperty("books");
            backward.InsertRange(0, books.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetInt32()));
            if (!books.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean()) break;
            cursor = books.GetProperty("pageInfo").GetProperty("startCursor").GetString();
        }
        Assert.True(want.SequenceEqual(backward), $"backward {order}\nexpected [{string.Join(",", want)}]\n     got [{string.Join(",", backward)}]");
    }

    [Fact]
    public async Task Keyset_paging_over_every_key_kind()
    {
        await AssertTraversalAsync("[{ inPrint: ASC }, { genre: DESC }]", Seed.Books.OrderBy(b => b.InPrint).ThenByDescending(b => b.Genre).ThenBy(b => b.Id));
        await AssertTraversalAsync("[{ inPrint: DESC }, { published: ASC }]", Seed.Books.OrderByDescending(b => b.InPrint).ThenBy(b => b.Published).ThenBy(b => b.Id));
        await AssertTraversalAsync("[{ rating: ASC }, { addedAt: DESC }]", Seed.Books.OrderBy(b => b.Rating).ThenByDescending(b => b.AddedAt).ThenBy(b => b.Id));
        await AssertTraversalAsync("[{ price: DESC }]", Seed.Books.OrderByDescending(b => b.Price).ThenBy(b => b.Id));
        await AssertTraversalAsync("[{ genre: ASC }, { title: DESC }]",
            Seed.Books.OrderBy(b => b.Genre).ThenByDescending(b => b.Title, StringComparer.Ordinal).ThenBy(b => b.Id));
        await AssertTraversalAsync("[{ id: DESC }]", Seed.Books.OrderByDescending(b => b.Id), size: 7);
    }

    [Fact]
    public async Task Composite_keys_break_ties_in_order()
    {
        // Reviews keyed by (book, id): both keys are appended, projected and part of every cursor.
        var review = new DataObject<Review>("Review", r => r.BookId, r => r.Id).Field("stars", r => r.Stars);
        var schema = new SchemaBuilder()
            .Object<Review>(t => t.Field(r => r.Id).Field(r => r.BookId).Field(r => r.Stars))
            .Connection("Query", "reviews", review, ctx => ctx.Service<LibraryContext>().Reviews.AsNoTracking())
            .Build();
        var want = Seed.Reviews.OrderByDescending(r => r.Stars).ThenBy(r => r.BookId).ThenBy(r => r.Id).Select(r => r.Id).ToList();
        var seen = new List<int>();
        string? after = null;
        for (var page = 0; page < 20; page++)
        {
            var arg = after is null ? "" : $", after: \"{after}\"";
            var reviews = (await QueryAsync($"{{ reviews(first: 6, order: [{{ stars: DESC }}]{arg}) {{ nodes {{ id bookId }} pageInfo {{ hasNextPage endCursor }} }} }}", schema: schema))
                .GetProperty("reviews");
            seen.AddRange(Ids(reviews.GetProperty("nodes")));
            Assert.All(reviews.GetProperty("nodes").EnumerateArray(), n => Assert.NotEqual(0, n.GetProperty("bookId").GetInt32()));
            if (!reviews.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()) break;
            after = reviews.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
        Assert.Equal(want, seen);
    }

    [Fact]
    public void Connection_fields_carry_their_paging_options()
    {
        var schema = LibrarySchema.Build(o => o.Paging.MaxPageSize = 123);
        var books = schema.QueryType!.Fields.Single(f => f.Name == "books");
        Assert.Equal(123, Assert.IsType<PagingOptions>(books.Metadata[DataSchema.PagingMetadataKey]).MaxPageSize);
    }

    [Fact]
    public async Task Keyset_paging_over_a_computed_key()
    {
        await AssertTraversalAsync("[{ reviewTotal: DESC }, { title: ASC }]",
            Seed.Books.OrderByDescending(b => b.Reviews.Count).ThenBy(b => b.Title, StringComparer.Ordinal).ThenBy(b => b.Id));
    }

    [Fact]
    public async Task Keyset_paging_over_nullable_keys_puts_nulls_first_ascending_on_every_provider()
    {
        await AssertTraversalAsync("[{ subtitle: ASC }]", Seed.Books.OrderBy(b => b.Subtitle, StringComparer.Ordinal).ThenBy(b => b.Id));
        await AssertTraversalAsync("[{ subtitle: DESC }, { pages: ASC }]",
            Seed.Books.OrderByDescending(b => b.Subtitle, StringComparer.Ordinal).ThenBy(b => b.Pages).ThenBy(b => b.Id));
        await AssertTraversalAsync("[{ edition: DESC }, { title: ASC }]",
            Seed.Books.OrderByDescending(b => b.Edition).ThenBy(b => b.Title, StringComparer.Ordinal).ThenBy(b => b.Id), size: 3);
        await AssertTraversalAsync("[{ edition: ASC }]", Seed.Books.OrderBy(b => b.Edition).ThenBy(b => b.Id), size: 5);
        await AssertTraversalAsync("[{ author: { name: ASC } }, { pages: DESC }]",
            Seed.Books.OrderBy(b => b.Author?.Name, StringComparer.Ordinal).ThenByDescending(b => b.Pages).ThenBy(b => b.Id));
        await AssertTraversalAsync("[{ author: { country: DESC } }, { author: { born: ASC } }]",
            Seed.Books.OrderByDescending(b => b.Author?.Country, StringComparer.Ordinal).ThenBy(b => b.Author?.Born).ThenBy(b => b.Id));
    }

    [Fact]
    public async Task Rows_added_before_the_cursor_do_not_shift_the_next_page()
    {
        var first = (await QueryAsync("{ books(first: 5) { nodes { id } pageInfo { endCursor } } }")).GetProperty("books");
        Assert.Equal([1, 2, 3, 4, 5], Ids(first.GetProperty("nodes")));
        var cursor = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        await using (var db = Fixture.NewContext())
        {
            // A row before the cursor (id 0) and the removal of one already seen: an offset would now repeat or skip.
            db.Books.Add(new Book { Id = 0, Title = "Inserted", Published = new DateOnly(2000, 1, 1), AddedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(Ct);
        }
        try
        {
            var next = (await QueryAsync($"{{ books(first: 5, after: \"{cursor}\") {{ nodes {{ id }} }} }}")).GetProperty("books");
            Assert.Equal([6, 7, 8, 9, 10], Ids(next.GetProperty("nodes")));
        }
        finally
        {
            await using var db = Fixture.NewContext();
            db.Books.Remove(await db.Books.SingleAsync(b => b.Id == 0, Ct));
            await db.SaveChangesAsync(Ct);
        }
    }

    [Fact]
    public async Task A_cursor_from_another_order_is_rejected()
    {
        var books = (await QueryAsync("{ books(first: 2, order: [{ title: ASC }]) { pageInfo { endCursor } } }")).GetProperty("books");
        var cursor = books.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var error = await ErrorAsync($"{{ books(first: 2, after: \"{cursor}\", order: [{{ pages: ASC }}]) {{ nodes {{ id }} }} }}");
        Assert.Equal("INVALID_CURSOR", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Cursors_from_one_direction_work_in_the_other()
    {
        var expected = Expected();
        var first = (await QueryAsync($"{{ books(first: 10, order: {Order}) {{ {PageFields} }} }}")).GetProperty("books");
        var tenth = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var back = (await QueryAsync($"{{ books(last: 3, before: \"{tenth}\", order: {Order}) {{ nodes {{ id }} pageInfo {{ hasNextPage hasPreviousPage }} }} }}"))
            .GetProperty("books");
        Assert.Equal(expected.Skip(6).Take(3), Ids(back.GetProperty("nodes")));
        Assert.True(back.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.True(back.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
    }

    [Fact]
    public async Task Paging_a_filtered_result()
    {
        var expected = Seed.Books.Where(b => b.InPrint).OrderBy(b => b.Id).Select(b => b.Id).ToList();
        var page1 = (await QueryAsync("{ books(first: 5, where: { inPrint: { eq: true } }) { nodes { id } totalCount pageInfo { endCursor hasNextPage } } }"))
            .GetProperty("books");
        Assert.Equal(expected.Take(5), Ids(page1.GetProperty("nodes")));
        Assert.Equal(expected.Count, page1.GetProperty("totalCount").GetInt32());
        var after = page1.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        Sql.Clear();
        var page2 = (await QueryAsync($"{{ books(first: 5, after: \"{after}\", where: {{ inPrint: {{ eq: true }} }}) {{ nodes {{ id }} }} }}")).GetProperty("books");
        Assert.Equal(expected.Skip(5).Take(5), Ids(page2.GetProperty("nodes")));
        // Filtered, ordered and paged by the database, seeking past the cursor's key instead of skipping rows.
        var sql = Assert.Single(Sql.Commands);
        foreach (var clause in new[] { "WHERE", "ORDER BY", "LIMIT", "\"Id\" >" }) Assert.Contains(clause, sql, StringComparison.Ordinal);
        Assert.DoesNotContain("OFFSET", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_page_size_is_50_and_500_is_allowed()
    {
        // 30 books: all fit in the default page; the configured default applies when neither first nor last is given.
        var all = (await QueryAsync("{ books { nodes { id } pageInfo { hasNextPage } } }")).GetProperty("books");
        Assert.Equal(Seed.Books.Count, all.GetProperty("nodes").GetArrayLength());
        Assert.False(all.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        await QueryAsync("{ books(first: 500) { nodes { id } } }");
        await QueryAsync("{ books(last: 500) { nodes { id } } }");

        var small = LibrarySchema.Build(o => { o.Paging.DefaultPageSize = 4; o.Paging.MaxPageSize = 10; });
        var page = (await QueryAsync("{ books { nodes { id } pageInfo { hasNextPage } } }", schema: small)).GetProperty("books");
        Assert.Equal([1, 2, 3, 4], Ids(page.GetProperty("nodes")));
        Assert.True(page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Theory]
    [InlineData("first: 501")]
    [InlineData("last: 501")]
    [InlineData("first: 10, last: 1000")]
    public async Task Too_large_a_page_is_an_error_not_a_cap(string args)
    {
        var result = await ExecuteAsync($"{{ books({args}) {{ nodes {{ id }} }} }}");
        var error = Assert.Single(result.GetProperty("errors").EnumerateArray());
        Assert.Equal("PAGE_SIZE_EXCEEDED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(["books"], error.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("data").GetProperty("books").ValueKind);
    }

    [Theory]
    [InlineData("first: -1")]
    [InlineData("last: -5")]
    public async Task Negative_page_size_is_an_error(string args)
    {
        var error = await ErrorAsync($"{{ books({args}) {{ nodes {{ id }} }} }}");
        Assert.Equal("INVALID_PAGE_SIZE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("at least 0", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cursor_that_is_not_ours_is_an_error()
    {
        var error = await ErrorAsync("""{ books(first: 2, after: "not a cursor") { nodes { id } } }""");
        Assert.Equal("INVALID_CURSOR", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task First_zero_is_an_empty_page_that_knows_what_follows()
    {
        var books = (await QueryAsync("{ books(first: 0) { nodes { id } pageInfo { hasNextPage startCursor } } }")).GetProperty("books");
        Assert.Equal(0, books.GetProperty("nodes").GetArrayLength());
        Assert.True(books.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(JsonValueKind.Null, books.GetProperty("pageInfo").GetProperty("startCursor").ValueKind);
    }

    [Fact]
    public async Task TotalCount_is_queried_only_when_selected()
    {
        Sql.Clear();
        await QueryAsync("{ books(first: 3) { nodes { id } pageInfo { hasNextPage } } }");
        var rowsOnly = Sql.Commands;
        Assert.Single(rowsOnly);
        Assert.DoesNotContain("COUNT", rowsOnly[0], StringComparison.OrdinalIgnoreCase);

        Sql.Clear();
        var data = await QueryAsync("{ books(first: 3, where: { genre: { eq: POETRY } }) { nodes { id } totalCount } }");
        Assert.Equal(Seed.Books.Count(b => b.Genre == Genre.Poetry), data.GetProperty("books").GetProperty("totalCount").GetInt32());
        Assert.Equal(2, Sql.Count);
        Assert.Single(Sql.Matching("COUNT"));

        // Only the count: no row query at all.
        Sql.Clear();
        data = await QueryAsync("{ books { totalCount } }");
        Assert.Equal(Seed.Books.Count, data.GetProperty("books").GetProperty("totalCount").GetInt32());
        Assert.Single(Sql.Commands);
        Assert.Single(Sql.Matching("COUNT"));
    }

    [Fact]
    public async Task Several_connections_in_one_request_share_the_request_DbContext()
    {
        // The executor may run sibling fields concurrently; one DbContext must never see two commands at once.
        var data = await QueryAsync("""
            { a: books(first: 2) { nodes { id } totalCount } b: books(last: 3) { nodes { id } totalCount }
              c: authors(first: 1) { nodes { id } } d: books(first: 1, where: { id: { eq: 2 } }) { nodes { id } } }
            """);
        Assert.Equal([1, 2], Ids(data.GetProperty("a").GetProperty("nodes")));
        Assert.Equal([28, 29, 30], Ids(data.GetProperty("b").GetProperty("nodes")));
        Assert.Equal([1], Ids(data.GetProperty("c").GetProperty("nodes")));
        Assert.Equal([2], Ids(data.GetProperty("d").GetProperty("nodes")));
    }

    [Fact]
    public async Task Nested_connections_page_each_parent()
    {
        var data = await QueryAsync("""
            { authors(first: 3, order: [{ name: DESC }]) { nodes { name books(first: 2, order: [{ pages: DESC }]) { nodes { id } totalCount pageInfo { hasNextPage } } } } }
            """);
        var authors = data.GetProperty("authors").GetProperty("nodes").EnumerateArray().ToList();
        var expected = Seed.Authors.OrderByDescending(a => a.Name, StringComparer.Ordinal).Take(3).ToList();
        Assert.Equal(expected.Select(a => a.Name), authors.Select(a => a.GetProperty("name").GetString()));
        foreach (var (node, author) in authors.Zip(expected))
        {
            var books = node.GetProperty("books");
            var all = author.Books.OrderByDescending(b => b.Pages).ThenBy(b => b.Id).Select(b => b.Id).ToList();
            Assert.Equal(all.Take(2), Ids(books.GetProperty("nodes")));
            Assert.Equal(all.Count, books.GetProperty("totalCount").GetInt32());
            Assert.Equal(all.Count > 2, books.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        }
    }

    [Fact]
    public async Task A_canceled_request_stops()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await cts.CancelAsync();
        var result = await ExecuteAsync("{ books { nodes { id } } }", cancellationToken: cts.Token);
        Assert.True(result.TryGetProperty("errors", out _), result.ToString());
        Assert.Empty(Sql.Commands);
    }

    [Fact]
    public async Task HasNextPage_comes_from_one_extra_row_not_a_count()
    {
        Sql.Clear();
        var books = (await QueryAsync("{ books(first: 29) { nodes { id } pageInfo { hasNextPage } } }")).GetProperty("books");
        Assert.True(books.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(29, books.GetProperty("nodes").GetArrayLength());
        books = (await QueryAsync("{ books(first: 30) { nodes { id } pageInfo { hasNextPage } } }")).GetProperty("books");
        Assert.False(books.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(2, Sql.Count);
        Assert.Empty(Sql.Matching("COUNT"));
    }
}

public sealed class PagingTestsSqlite(SqliteLibrary fixture) : PagingTests(fixture), IClassFixture<SqliteLibrary>;

public sealed class PagingTestsPostgres(PostgresLibrary fixture) : PagingTests(fixture), IClassFixture<PostgresLibrary>;
