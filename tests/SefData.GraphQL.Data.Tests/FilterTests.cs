using System.Globalization;

namespace SefData.GraphQL.Data.Tests;

/// <summary>Every <c>where</c> operation on every scalar kind, and/or, nested objects, lists and custom fields.</summary>
public abstract class FilterTests(LibraryDatabase fixture) : LibraryTestBase(fixture)
{
    private static string Inv(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    // ---- String (non-null) ------------------------------------------------------------------------------------------

    [Fact]
    public async Task String_eq_neq_in_nin() 
    {
        await AssertBooksAsync("""{ title: { eq: "The Road" } }""", b => b.Title == "The Road");
        await AssertBooksAsync("""{ title: { neq: "The Road" } }""", b => b.Title != "The Road");
        // Case-sensitive on both providers: "alpha" is not "Alpha".
        await AssertBooksAsync("""{ title: { in: ["Alpha", "Zulu Time", "no such title"] } }""", b => b.Title is "Alpha" or "Zulu Time");
        await AssertBooksAsync("""{ title: { nin: ["Alpha", "Zulu Time"] } }""", b => b.Title is not ("Alpha" or "Zulu Time"));
    }

    [Fact]
    public async Task String_contains_startsWith_endsWith_and_negations()
    {
        await AssertBooksAsync("""{ title: { contains: "Road" } }""", b => b.Title.Contains("Road", StringComparison.Ordinal));
        await AssertBooksAsync("""{ title: { ncontains: "Road" } }""", b => !b.Title.Contains("Road", StringComparison.Ordinal));
        await AssertBooksAsync("""{ title: { startsWith: "The" } }""", b => b.Title.StartsWith("The", StringComparison.Ordinal));
        await AssertBooksAsync("""{ title: { nstartsWith: "The" } }""", b => !b.Title.StartsWith("The", StringComparison.Ordinal));
        await AssertBooksAsync("""{ title: { endsWith: "Road" } }""", b => b.Title.EndsWith("Road", StringComparison.Ordinal));
        await AssertBooksAsync("""{ title: { nendsWith: "Road" } }""", b => !b.Title.EndsWith("Road", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartsWith_and_endsWith_case_follows_the_provider()
    {
        // EF Core translates them to LIKE: ASCII case-insensitive on SQLite, case-sensitive on PostgreSQL (as
        // HotChocolate over the same provider). eq, in and contains are case-sensitive on both.
        var sqlite = Provider == SefData.Data.DatabaseProvider.Sqlite;
        await AssertBooksAsync("""{ title: { startsWith: "al" } }""", b => b.Title.StartsWith("al", sqlite ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
        await AssertBooksAsync("""{ title: { endsWith: "ROAD" } }""", b => sqlite && b.Title.EndsWith("Road", StringComparison.Ordinal), allowTrivial: !sqlite);
        await AssertBooksAsync("""{ title: { contains: "lpha" } }""", b => b.Title.Contains("lpha", StringComparison.Ordinal));
        await AssertBooksAsync("""{ title: { contains: "LPHA" } }""", _ => false, allowTrivial: true);
    }

    [Fact]
    public async Task Like_wildcards_in_values_are_literal_characters()
    {
        // "%" and "_" would be LIKE wildcards: "100%" must not match "1000 Cranes", "_Luck" must not match "xLuck".
        await AssertBooksAsync("""{ title: { startsWith: "100%" } }""", b => b.Title == "100% Pure_Luck");
        await AssertBooksAsync("""{ title: { endsWith: "e_Luck" } }""", b => b.Title == "100% Pure_Luck");
        await AssertBooksAsync("""{ title: { contains: "0%" } }""", b => b.Title == "100% Pure_Luck");
    }

    [Fact]
    public async Task Injection_looking_string_is_only_a_value()
    {
        Sql.Clear();
        await AssertBooksAsync("""{ title: { eq: "x' OR 1=1 --" } }""", b => b.Title == Seed.InjectionTitle);
        await AssertBooksAsync("""{ title: { contains: "' OR 1=1" } }""", b => b.Title == Seed.InjectionTitle);
        Assert.NotEmpty(Sql.Commands);
        // The value travelled as a parameter: the SQL text never contains it.
        Assert.All(Sql.Commands, c => Assert.DoesNotContain("1=1", c, StringComparison.Ordinal));
    }

    // ---- String (nullable) ------------------------------------------------------------------------------------------

    [Fact]
    public async Task Nullable_string_null_semantics()
    {
        await AssertBooksAsync("""{ subtitle: { eq: null } }""", b => b.Subtitle is null);
        await AssertBooksAsync("""{ subtitle: { neq: null } }""", b => b.Subtitle is not null);
        await AssertBooksAsync("""{ subtitle: { eq: "Vol 1" } }""", b => b.Subtitle == "Vol 1");
        // C# semantics, as HotChocolate: a null subtitle is not equal to "Vol 1".
        await AssertBooksAsync("""{ subtitle: { neq: "Vol 1" } }""", b => b.Subtitle != "Vol 1");
        await AssertBooksAsync("""{ subtitle: { in: ["Vol 1", null] } }""", b => b.Subtitle is "Vol 1" or null);
        await AssertBooksAsync("""{ subtitle: { nin: ["Vol 1", null] } }""", b => b.Subtitle is not ("Vol 1" or null));
    }

    // ---- Comparable kinds -------------------------------------------------------------------------------------------

    [Fact]
    public async Task Int_every_operation()
    {
        var v = Seed.Books[9].Pages;
        await AssertBooksAsync($"{{ pages: {{ eq: {v} }} }}", b => b.Pages == v);
        await AssertBooksAsync($"{{ pages: {{ neq: {v} }} }}", b => b.Pages != v);
        await AssertBooksAsync($"{{ pages: {{ in: [{v}, 137, 1] }} }}", b => b.Pages == v || b.Pages == 137);
        await AssertBooksAsync($"{{ pages: {{ nin: [{v}, 137] }} }}", b => b.Pages != v && b.Pages != 137);
        await AssertBooksAsync($"{{ pages: {{ gt: {v} }} }}", b => b.Pages > v);
        await AssertBooksAsync($"{{ pages: {{ ngt: {v} }} }}", b => !(b.Pages > v));
        await AssertBooksAsync($"{{ pages: {{ gte: {v} }} }}", b => b.Pages >= v);
        await AssertBooksAsync($"{{ pages: {{ ngte: {v} }} }}", b => !(b.Pages >= v));
        await AssertBooksAsync($"{{ pages: {{ lt: {v} }} }}", b => b.Pages < v);
        await AssertBooksAsync($"{{ pages: {{ nlt: {v} }} }}", b => !(b.Pages < v));
        await AssertBooksAsync($"{{ pages: {{ lte: {v} }} }}", b => b.Pages <= v);
        await AssertBooksAsync($"{{ pages: {{ nlte: {v} }} }}", b => !(b.Pages <= v));
        await AssertBooksAsync($"{{ pages: {{ gt: 200, lte: {v} }} }}", b => b.Pages > 200 && b.Pages <= v);
    }

    [Fact]
    public async Task Nullable_int_null_semantics()
    {
        await AssertBooksAsync("{ edition: { eq: null } }", b => b.Edition is null);
        await AssertBooksAsync("{ edition: { neq: null } }", b => b.Edition is not null);
        await AssertBooksAsync("{ edition: { gt: 2 } }", b => b.Edition > 2);
        // The negation includes nulls (C# lifted semantics, as HotChocolate's expression).
        await AssertBooksAsync("{ edition: { ngt: 2 } }", b => !(b.Edition > 2));
        await AssertBooksAsync("{ edition: { in: [1, null] } }", b => b.Edition is 1 or null);
        await AssertBooksAsync("{ edition: { nin: [1, null] } }", b => b.Edition is not (1 or null));
    }

    [Fact]
    public async Task Non_nullable_eq_null_matches_nothing()
    {
        await AssertBooksAsync("{ pages: { eq: null } }", _ => false, allowTrivial: true);
        await AssertBooksAsync("{ pages: { neq: null } }", _ => true, allowTrivial: true);
    }

    [Fact]
    public async Task Decimal_every_operation()
    {
        var v = Seed.Books[3].Price; // 13.99
        var s = Inv(v);
        await AssertBooksAsync($"{{ price: {{ eq: {s} }} }}", b => b.Price == v);
        await AssertBooksAsync($"{{ price: {{ neq: {s} }} }}", b => b.Price != v);
        await AssertBooksAsync($"{{ price: {{ in: [{s}, 4.24] }} }}", b => b.Price == v || b.Price == 4.24m);
        await AssertBooksAsync($"{{ price: {{ nin: [{s}, 4.24] }} }}", b => b.Price != v && b.Price != 4.24m);
        await AssertBooksAsync($"{{ price: {{ gt: {s} }} }}", b => b.Price > v);
        await AssertBooksAsync($"{{ price: {{ ngt: {s} }} }}", b => !(b.Price > v));
        await AssertBooksAsync($"{{ price: {{ gte: {s} }} }}", b => b.Price >= v);
        await AssertBooksAsync($"{{ price: {{ ngte: {s} }} }}", b => !(b.Price >= v));
        await AssertBooksAsync($"{{ price: {{ lt: {s} }} }}", b => b.Price < v);
        await AssertBooksAsync($"{{ price: {{ nlt: {s} }} }}", b => !(b.Price < v));
        await AssertBooksAsync($"{{ price: {{ lte: {s} }} }}", b => b.Price <= v);
        await AssertBooksAsync($"{{ price: {{ nlte: {s} }} }}", b => !(b.Price <= v));
    }

    [Fact]
    public async Task Float_every_operation()
    {
        await AssertBooksAsync("{ rating: { eq: 2.5 } }", b => b.Rating == 2.5);
        await AssertBooksAsync("{ rating: { neq: 2.5 } }", b => b.Rating != 2.5);
        await AssertBooksAsync("{ rating: { in: [0.5, 4.5] } }", b => b.Rating is 0.5 or 4.5);
        await AssertBooksAsync("{ rating: { nin: [0.5, 4.5] } }", b => b.Rating is not (0.5 or 4.5));
        await AssertBooksAsync("{ rating: { gt: 2.5 } }", b => b.Rating > 2.5);
        await AssertBooksAsync("{ rating: { ngt: 2.5 } }", b => !(b.Rating > 2.5));
        await AssertBooksAsync("{ rating: { gte: 2.5 } }", b => b.Rating >= 2.5);
        await AssertBooksAsync("{ rating: { ngte: 2.5 } }", b => !(b.Rating >= 2.5));
        await AssertBooksAsync("{ rating: { lt: 2.5 } }", b => b.Rating < 2.5);
        await AssertBooksAsync("{ rating: { nlt: 2.5 } }", b => !(b.Rating < 2.5));
        await AssertBooksAsync("{ rating: { lte: 2.5 } }", b => b.Rating <= 2.5);
        await AssertBooksAsync("{ rating: { nlte: 2.5 } }", b => !(b.Rating <= 2.5));
    }

    [Fact]
    public async Task Date_every_operation()
    {
        var v = Seed.Books[14].Published;
        var s = v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var other = Seed.Books[2].Published;
        var o = other.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await AssertBooksAsync($$"""{ published: { eq: "{{s}}" } }""", b => b.Published == v);
        await AssertBooksAsync($$"""{ published: { neq: "{{s}}" } }""", b => b.Published != v);
        await AssertBooksAsync($$"""{ published: { in: ["{{s}}", "{{o}}"] } }""", b => b.Published == v || b.Published == other);
        await AssertBooksAsync($$"""{ published: { nin: ["{{s}}", "{{o}}"] } }""", b => b.Published != v && b.Published != other);
        await AssertBooksAsync($$"""{ published: { gt: "{{s}}" } }""", b => b.Published > v);
        await AssertBooksAsync($$"""{ published: { ngt: "{{s}}" } }""", b => !(b.Published > v));
        await AssertBooksAsync($$"""{ published: { gte: "{{s}}" } }""", b => b.Published >= v);
        await AssertBooksAsync($$"""{ published: { ngte: "{{s}}" } }""", b => !(b.Published >= v));
        await AssertBooksAsync($$"""{ published: { lt: "{{s}}" } }""", b => b.Published < v);
        await AssertBooksAsync($$"""{ published: { nlt: "{{s}}" } }""", b => !(b.Published < v));
        await AssertBooksAsync($$"""{ published: { lte: "{{s}}" } }""", b => b.Published <= v);
        await AssertBooksAsync($$"""{ published: { nlte: "{{s}}" } }""", b => !(b.Published <= v));
    }

    [Fact]
    public async Task DateTime_every_operation()
    {
        var v = Seed.Books[11].AddedAt;
        var s = v.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        // The same instant written with another offset.
        var shifted = new DateTimeOffset(v).ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var other = Seed.Books[1].AddedAt;
        var o = other.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        await AssertBooksAsync($$"""{ addedAt: { eq: "{{s}}" } }""", b => b.AddedAt == v);
        await AssertBooksAsync($$"""{ addedAt: { eq: "{{shifted}}" } }""", b => b.AddedAt == v);
        await AssertBooksAsync($$"""{ addedAt: { neq: "{{s}}" } }""", b => b.AddedAt != v);
        await AssertBooksAsync($$"""{ addedAt: { in: ["{{s}}", "{{o}}"] } }""", b => b.AddedAt == v || b.AddedAt == other);
        await AssertBooksAsync($$"""{ addedAt: { nin: ["{{s}}", "{{o}}"] } }""", b => b.AddedAt != v && b.AddedAt != other);
        await AssertBooksAsync($$"""{ addedAt: { gt: "{{s}}" } }""", b => b.AddedAt > v);
        await AssertBooksAsync($$"""{ addedAt: { ngt: "{{s}}" } }""", b => !(b.AddedAt > v));
        await AssertBooksAsync($$"""{ addedAt: { gte: "{{s}}" } }""", b => b.AddedAt >= v);
        await AssertBooksAsync($$"""{ addedAt: { ngte: "{{s}}" } }""", b => !(b.AddedAt >= v));
        await AssertBooksAsync($$"""{ addedAt: { lt: "{{s}}" } }""", b => b.AddedAt < v);
        await AssertBooksAsync($$"""{ addedAt: { nlt: "{{s}}" } }""", b => !(b.AddedAt < v));
        await AssertBooksAsync($$"""{ addedAt: { lte: "{{s}}" } }""", b => b.AddedAt <= v);
        await AssertBooksAsync($$"""{ addedAt: { nlte: "{{s}}" } }""", b => !(b.AddedAt <= v));
    }

    [Fact]
    public async Task Boolean_eq_neq()
    {
        await AssertBooksAsync("{ inPrint: { eq: true } }", b => b.InPrint);
        await AssertBooksAsync("{ inPrint: { neq: true } }", b => !b.InPrint);
        await AssertBooksAsync("{ inPrint: { eq: false } }", b => !b.InPrint);
    }

    [Fact]
    public async Task Enum_eq_neq_in_nin()
    {
        await AssertBooksAsync("{ genre: { eq: SCIENCE } }", b => b.Genre == Genre.Science);
        await AssertBooksAsync("{ genre: { neq: SCIENCE } }", b => b.Genre != Genre.Science);
        await AssertBooksAsync("{ genre: { in: [FICTION, POETRY] } }", b => b.Genre is Genre.Fiction or Genre.Poetry);
        await AssertBooksAsync("{ genre: { nin: [FICTION, POETRY] } }", b => b.Genre is not (Genre.Fiction or Genre.Poetry));
    }

    // ---- Combinations ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task Fields_of_one_input_are_anded()
    {
        await AssertBooksAsync("{ genre: { eq: FICTION }, inPrint: { eq: true } }", b => b.Genre == Genre.Fiction && b.InPrint);
    }

    [Fact]
    public async Task And_or_nest()
    {
        await AssertBooksAsync("{ or: [{ pages: { gt: 400 } }, { genre: { eq: POETRY } }] }", b => b.Pages > 400 || b.Genre == Genre.Poetry);
        await AssertBooksAsync("{ and: [{ pages: { gt: 200 } }, { pages: { lt: 400 } }] }", b => b.Pages is > 200 and < 400);
        await AssertBooksAsync(
            """{ inPrint: { eq: true }, or: [{ and: [{ genre: { eq: FICTION } }, { pages: { gt: 250 } }] }, { title: { startsWith: "The" } }] }""",
            b => b.InPrint && (b.Genre == Genre.Fiction && b.Pages > 250 || b.Title.StartsWith("The", StringComparison.Ordinal)));
        // And/or inside an operation input, as HotChocolate's StringOperationFilterInput has.
        await AssertBooksAsync("""{ title: { or: [{ startsWith: "Z" }, { endsWith: "Time" }, { eq: "Alpha" }] } }""",
            b => b.Title.StartsWith('Z') || b.Title.EndsWith("Time", StringComparison.Ordinal) || b.Title == "Alpha");
        // Empty lists are no condition at all.
        await AssertBooksAsync("{ and: [], or: [] }", _ => true, allowTrivial: true);
    }

    [Fact]
    public async Task Nested_object_filter()
    {
        await AssertBooksAsync("""{ author: { name: { startsWith: "Ha" } } }""", b => b.Author?.Name.StartsWith("Ha", StringComparison.Ordinal) == true);
        // A book without an author matches no nested condition, even "country is null".
        await AssertBooksAsync("{ author: { country: { eq: null } } }", b => b.Author is { Country: null });
        await AssertBooksAsync("""{ author: { born: { lt: "1900-01-01" }, country: { eq: "UK" } } }""",
            b => b.Author is { Country: "UK" } a && a.Born < new DateOnly(1900, 1, 1));
    }

    [Fact]
    public async Task List_filter_some_all_none_any()
    {
        await AssertBooksAsync("{ reviews: { some: { stars: { eq: 5 } } } }", b => b.Reviews.Any(r => r.Stars == 5));
        // All is vacuously true for books without reviews.
        await AssertBooksAsync("{ reviews: { all: { stars: { gte: 3 } } } }", b => b.Reviews.All(r => r.Stars >= 3));
        await AssertBooksAsync("{ reviews: { none: { stars: { lte: 2 } } } }", b => !b.Reviews.Any(r => r.Stars <= 2));
        await AssertBooksAsync("{ reviews: { any: true } }", b => b.Reviews.Count > 0);
        await AssertBooksAsync("{ reviews: { any: false } }", b => b.Reviews.Count == 0);
        await AssertBooksAsync("{ reviews: { some: { stars: { gt: 3 } }, none: { stars: { eq: 1 } } } }",
            b => b.Reviews.Any(r => r.Stars > 3) && !b.Reviews.Any(r => r.Stars == 1));
    }

    [Fact]
    public async Task List_filter_through_a_cycle()
    {
        var data = await QueryAsync("""{ authors(where: { books: { some: { genre: { eq: POETRY }, reviews: { some: { stars: { eq: 5 } } } } } }) { nodes { id } } }""");
        var want = Seed.Authors.Where(a => a.Books.Any(b => b.Genre == Genre.Poetry && b.Reviews.Any(r => r.Stars == 5))).Select(a => a.Id).Order().ToList();
        Assert.InRange(want.Count, 1, Seed.Authors.Count - 1);
        Assert.Equal(want, Ids(data.GetProperty("authors").GetProperty("nodes")));
    }

    [Fact]
    public async Task Custom_filter_field()
    {
        await AssertBooksAsync("{ minReviewStars: 5 }", b => b.Reviews.Any(r => r.Stars >= 5));
        await AssertBooksAsync("{ minReviewStars: 4, pages: { gt: 200 } }", b => b.Reviews.Any(r => r.Stars >= 4) && b.Pages > 200);
    }

    [Fact]
    public async Task Computed_field_filter()
    {
        await AssertBooksAsync("{ reviewTotal: { gte: 2 } }", b => b.Reviews.Count >= 2);
        await AssertBooksAsync("{ reviewTotal: { in: [0, 3] } }", b => b.Reviews.Count is 0 or 3);
    }

    [Fact]
    public async Task Filter_from_variables()
    {
        var where = new Dictionary<string, object?>
        {
            ["price"] = new Dictionary<string, object?> { ["gte"] = 10.5 },
            ["published"] = new Dictionary<string, object?> { ["lt"] = "1990-06-30" },
            ["genre"] = new Dictionary<string, object?> { ["in"] = new List<object?> { "FICTION", "HISTORY" } },
        };
        var data = await QueryAsync("query($w: BookFilterInput) { books(where: $w) { nodes { id } } }", new Dictionary<string, object?> { ["w"] = where });
        var want = Seed.Books.Where(b => b.Price >= 10.5m && b.Published < new DateOnly(1990, 6, 30) && b.Genre is Genre.Fiction or Genre.History)
            .Select(b => b.Id).ToList();
        Assert.InRange(want.Count, 1, Seed.Books.Count - 1);
        Assert.Equal(want, Ids(data.GetProperty("books").GetProperty("nodes")));
    }

    [Fact]
    public async Task Null_for_a_non_equality_operation_is_an_error()
    {
        var error = await ErrorAsync("""{ books(where: { title: { contains: null } }) { nodes { id } } }""");
        Assert.Equal("INVALID_FILTER", error.GetProperty("extensions").GetProperty("code").GetString());
    }
}

public sealed class FilterTestsSqlite(SqliteLibrary fixture) : FilterTests(fixture), IClassFixture<SqliteLibrary>;

public sealed class FilterTestsPostgres(PostgresLibrary fixture) : FilterTests(fixture), IClassFixture<PostgresLibrary>;
