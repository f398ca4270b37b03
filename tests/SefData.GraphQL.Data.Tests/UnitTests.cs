using System.Text.Json;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Data.Tests;

/// <summary>Pieces that need no database: scalars, node ids, projection shapes.</summary>
public sealed class UnitTests
{
    [Fact]
    public void Date_scalar_reads_iso_dates_only()
    {
        var date = DataScalars.Date;
        Assert.Equal(new DateOnly(2019, 1, 31), date.ParseLiteral(new StringValueNode { Value = "2019-01-31" }));
        Assert.Equal(new DateOnly(2019, 1, 31), date.ParseValue("2019-01-31"));
        Assert.Throws<GraphQLError>(() => date.ParseValue("2019-02-30"));
        Assert.Throws<GraphQLError>(() => date.ParseValue("31/01/2019"));
        Assert.Throws<GraphQLError>(() => date.ParseLiteral(new IntValueNode { Value = "20190131" }));
        Assert.Equal("2019-01-31", date.Serialize(new DateOnly(2019, 1, 31)));
    }

    [Fact]
    public void DateTime_scalar_needs_an_offset()
    {
        var dt = DataScalars.DateTime;
        Assert.Equal(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)), dt.ParseValue("2020-01-02T03:04:05+01:00"));
        Assert.Equal(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero), dt.ParseValue("2020-01-02T03:04:05Z"));
        Assert.Throws<GraphQLError>(() => dt.ParseValue("2020-01-02T03:04:05"));
        Assert.Throws<GraphQLError>(() => dt.ParseValue("2020-01-02"));
        Assert.Equal("2020-01-02T03:04:05+00:00", dt.Serialize(new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc)));
    }

    [Fact]
    public void Decimal_scalar_is_exact_on_input()
    {
        var d = DataScalars.Decimal;
        Assert.Equal(0.1m, d.ParseLiteral(new FloatValueNode { Value = "0.1" }));
        Assert.Equal(12345678901234567.89m, d.ParseLiteral(new FloatValueNode { Value = "12345678901234567.89" }));
        Assert.Equal(12345678901234567.89m, d.ParseValue(JsonDocument.Parse("12345678901234567.89").RootElement));
        Assert.Equal(7m, d.ParseLiteral(new IntValueNode { Value = "7" }));
        Assert.Throws<GraphQLError>(() => d.ParseLiteral(new StringValueNode { Value = "7" }));
    }

    [Fact]
    public void Node_ids_round_trip_and_reject_strangers()
    {
        var id = NodeIds.Encode("School", 6732001);
        Assert.DoesNotContain('=', id);
        Assert.True(NodeIds.TryDecode(id, out var type, out var key));
        Assert.Equal(("School", "6732001"), (type, key));
        Assert.True(NodeIds.TryDecodeInt(id, "School", out var n));
        Assert.Equal(6732001, n);
        Assert.False(NodeIds.TryDecodeInt(id, "LocalAuthority", out _));
        Assert.False(NodeIds.TryDecode("not base64!", out _, out _));
        Assert.False(NodeIds.TryDecode(NodeIds.Encode("School", ""), out _, out _));
    }

    [Fact]
    public void Projection_reads_declared_members_keys_and_requirements()
    {
        var selection = Fields("title", "titleUpper", "unknownField", Field("author", Fields("name")), Field("reviews", Fields("stars")));
        var projection = Projection.Build<Book>(LibrarySchema.Book, selection)!.ToString();
        Assert.Equal("x => new Book() {Id = x.Id, Title = x.Title, Author = IIF((x.Author == null), null, new Author() {Id = x.Author.Id, Name = x.Author.Name})}",
            projection);
    }

    [Fact]
    public void Relations_with_their_own_resolver_are_not_projected()
    {
        var author = new DataObject<Author>("Author", a => a.Id).Field("name", a => a.Name);
        var book = new DataObject<Book>("Book", b => b.Id)
            .Field("title", b => b.Title)
            .Object("author", b => b.Author, author, project: false)
            .Requires("author", b => b.AuthorId);
        var projection = Projection.Build<Book>(book, Fields(Field("author", Fields("name"))))!.ToString();
        Assert.Equal("x => new Book() {Id = x.Id, AuthorId = x.AuthorId}", projection);
    }

    [Fact]
    public void Filter_values_are_captured_variables_not_constants()
    {
        var predicate = Filtering.ToPredicate<Book>(LibrarySchema.Book, new Dictionary<string, object?>
        {
            ["title"] = new Dictionary<string, object?> { ["eq"] = Seed.InjectionTitle },
        })!;
        // A ConstantExpression holding the string would be inlined into SQL; a member read of a box is a parameter.
        var body = Assert.IsAssignableFrom<System.Linq.Expressions.BinaryExpression>(predicate.Body);
        var value = Assert.IsAssignableFrom<System.Linq.Expressions.MemberExpression>(body.Right);
        Assert.IsAssignableFrom<System.Linq.Expressions.ConstantExpression>(value.Expression);
        Assert.DoesNotContain("1=1", predicate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_can_opt_out_of_filtering_and_sorting()
    {
        var review = new DataObject<Review>("Review", r => r.Id)
            .Field("stars", r => r.Stars, o => o.NoSort())
            .Field("text", r => r.Text, o => o.NoFilter())
            .Field("book", r => r.Book, o => o.NoFilter().NoSort()); // no operation input exists for an entity: fine when unused
        var schema = new SchemaBuilder()
            .Object<Review>(t => t.Field(r => r.Id).Field(r => r.Stars).Field(r => r.Text))
            .Connection("Query", "reviews", review, _ => Array.Empty<Review>().AsQueryable())
            .Build();
        var filter = (InputObjectType)schema.GetType("ReviewFilterInput")!;
        Assert.Equal(["and", "or", "stars"], filter.Fields.Select(f => f.Name));
        var sort = (InputObjectType)schema.GetType("ReviewSortInput")!;
        Assert.Equal(["text"], sort.Fields.Select(f => f.Name));
    }

    [Fact]
    public void Nothing_sortable_means_no_order_argument()
    {
        var review = new DataObject<Review>("Review", r => r.Id).Field("stars", r => r.Stars, o => o.NoSort());
        var schema = new SchemaBuilder()
            .Object<Review>(t => t.Field(r => r.Id))
            .Connection("Query", "reviews", review, _ => Array.Empty<Review>().AsQueryable())
            .Build();
        Assert.Equal(["first", "after", "last", "before", "where"], schema.QueryType!.Fields.Single().Arguments.Select(a => a.Name));
        Assert.Null(schema.GetType("ReviewSortInput"));
    }

    [Fact]
    public void Reserved_and_duplicate_names_are_refused()
    {
        var book = new DataObject<Book>("Book", b => b.Id).Field("title", b => b.Title);
        Assert.Throws<ArgumentException>(() => book.Field("title", b => b.Subtitle));
        Assert.Throws<ArgumentException>(() => book.Field("and", b => b.Subtitle));
        Assert.Throws<ArgumentException>(() => book.Field("not a name", b => b.Subtitle));
    }

    private static FakeField Field(string name, IReadOnlyList<ISelectedField>? children = null) => new(name, children ?? []);

    private static IReadOnlyList<ISelectedField> Fields(params object[] fields) =>
        fields.Select(f => f as ISelectedField ?? Field((string)f)).ToList();

    /// <summary>A selection as the executor would hand it over; only the members projection reads are real.</summary>
    private sealed class FakeField(string name, IReadOnlyList<ISelectedField> children) : ISelectedField
    {
        public string ResponseKey => name;
        public string Name => name;
        public ObjectType ParentType => throw new NotSupportedException();
        public FieldDefinition? Field => null;
        public IReadOnlyList<FieldNode> FieldNodes => [];
        public IReadOnlyDictionary<string, object?> Arguments => new Dictionary<string, object?>();
        public IReadOnlyList<ISelectedField> GetSelectedFields(ObjectType? typeCondition = null) => children;
    }
}
