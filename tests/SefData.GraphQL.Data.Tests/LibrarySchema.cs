using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Data.Tests;

/// <summary>The library's GraphQL schema, declared the way the SefData API declares its own.</summary>
public static class LibrarySchema
{
    public static readonly DataObject<Review> Review = new DataObject<Review>("Review", r => r.Id)
        .Field("id", r => r.Id)
        .Field("stars", r => r.Stars)
        .Field("text", r => r.Text);

    public static readonly DataObject<Author> Author = new DataObject<Author>("Author", a => a.Id)
        .Field("id", a => a.Id)
        .Field("name", a => a.Name)
        .Field("country", a => a.Country)
        .Field("born", a => a.Born);

    public static readonly DataObject<Book> Book = new DataObject<Book>("Book", b => b.Id)
        .Field("id", b => b.Id)
        .Field("title", b => b.Title)
        .Field("subtitle", b => b.Subtitle)
        .Field("pages", b => b.Pages)
        .Field("edition", b => b.Edition)
        // SQLite cannot ORDER BY a decimal: sort by its double value (filters still compare exact decimals).
        .Field("price", b => b.Price, o => o.SortBy(b => (double)b.Price))
        .Field("rating", b => b.Rating)
        .Field("published", b => b.Published)
        .Field("addedAt", b => b.AddedAt)
        .Field("inPrint", b => b.InPrint)
        .Field("genre", b => b.Genre)
        .Object("author", b => b.Author, Author)
        .List("reviews", b => b.Reviews, Review)
        .Custom("minReviewStars", "Int", MinReviewStars)
        // A computed value (a correlated subquery), filterable and sortable, not projected.
        .Field("reviewTotal", b => b.Reviews.Count)
        .Requires("titleUpper", b => b.Title)
        .Requires("reviewCount", b => b.Id);

    static LibrarySchema()
    {
        // Declared after Book exists: the maps may refer to each other in cycles.
        Author.List("books", a => a.Books, Book);
    }

    /// <summary>A custom filter: books with at least one review of at least this many stars.</summary>
    private static Expression<Func<Book, bool>> MinReviewStars(object value)
    {
        var stars = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        return b => b.Reviews.Any(r => r.Stars >= stars);
    }

    public static Schema Build(Action<ConnectionOptions>? books = null) => new SchemaBuilder()
        .AddDataScalars()
        .BindClrType(typeof(DateOnly), "Date")
        .BindClrType(typeof(DateTime), "DateTime")
        .Enum<Genre>()
        .Object<Author>(t => t.Field(a => a.Id).Field(a => a.Name).Field(a => a.Country).Field(a => a.Born))
        .Object<Book>(t => t
            .Field(b => b.Id).Field(b => b.Title).Field(b => b.Subtitle).Field(b => b.Pages).Field(b => b.Edition)
            .Field(b => b.Price, "Decimal!").Field(b => b.Rating).Field(b => b.Published).Field(b => b.AddedAt)
            .Field(b => b.InPrint).Field(b => b.Genre)
            .Field("author", "Author", ctx => ctx.Parent<Book>().Author)
            .Field("titleUpper", "String!", ctx => ctx.Parent<Book>().Title.ToUpperInvariant())
            // A resolver of its own (one query per book here; the SefData API uses DataLoaders): needs only the key.
            .Field("reviewCount", "Int!", async ctx =>
            {
                var id = ctx.Parent<Book>().Id;
                await using var db = ctx.Service<LibraryDatabase>().NewContext(ctx.Service<SqlCommandLog>());
                return await db.Reviews.CountAsync(r => r.BookId == id, ctx.CancellationToken);
            }))
        .Object<Review>(t => t.Field(r => r.Id).Field(r => r.Stars).Field(r => r.Text))
        // Reviews of every book on a page in one query, with their own where/order.
        .BatchedList<Book, Review, int>("Book", "reviewList", Review, b => b.Id, r => r.BookId,
            ctx => ctx.Service<LibraryContext>().Reviews.AsNoTracking())
        .Query(q => q.Field("hello", "String", _ => "world"))
        .Connection("Query", "books", Book, ctx => ctx.Service<LibraryContext>().Books.AsNoTracking(), books)
        .Connection("Query", "authors", Author, ctx => ctx.Service<LibraryContext>().Authors.AsNoTracking())
        // A connection under each author: the parent's key is always projected, so the child query can use it.
        .Connection("Author", "books", Book, ctx => ctx.Service<LibraryContext>().Books.AsNoTracking().Where(b => b.AuthorId == ctx.Parent<Author>().Id))
        .ListField("Query", "authorList", Author, ctx => ctx.Service<LibraryContext>().Authors.AsNoTracking(), o => o.MaxItems = 4)
        .Build();
}
