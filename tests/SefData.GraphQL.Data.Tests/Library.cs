using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace SefData.GraphQL.Data.Tests;

// A small model of our own (not the SefData domain), with every kind the data layer handles: strings, ints,
// decimals, doubles, dates, date-times, booleans, an enum, nullables, a nullable to-one and to-many relations.

public enum Genre { Fiction, Science, History, Poetry }

public class Author
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Country { get; set; }
    public DateOnly Born { get; set; }
    public List<Book> Books { get; set; } = [];
}

public class Book
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string? Subtitle { get; set; }
    public int Pages { get; set; }
    public int? Edition { get; set; }
    public decimal Price { get; set; }
    public double Rating { get; set; }
    public DateOnly Published { get; set; }
    public DateTime AddedAt { get; set; }
    public bool InPrint { get; set; }
    public Genre Genre { get; set; }
    public int? AuthorId { get; set; }
    public Author? Author { get; set; }
    public List<Review> Reviews { get; set; } = [];
}

public class Review
{
    public int Id { get; set; }
    public int Stars { get; set; }
    public string Text { get; set; } = "";
    public int BookId { get; set; }
    public Book? Book { get; set; }
}

public sealed class LibraryContext(DbContextOptions<LibraryContext> options) : DbContext(options)
{
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Book> Books => Set<Book>();
    public DbSet<Review> Reviews => Set<Review>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Author>().Property(a => a.Id).ValueGeneratedNever();
        b.Entity<Book>().Property(x => x.Id).ValueGeneratedNever();
        b.Entity<Review>().Property(x => x.Id).ValueGeneratedNever();
        b.Entity<Book>().Property(x => x.Price).HasPrecision(10, 2);
        b.Entity<Book>().HasOne(x => x.Author).WithMany(a => a.Books).HasForeignKey(x => x.AuthorId);
        b.Entity<Review>().HasOne(x => x.Book).WithMany(x => x.Reviews).HasForeignKey(x => x.BookId);
    }
}

/// <summary>The seed rows, also the in-memory truth the tests compute expectations from.</summary>
public static class Seed
{
    public static readonly IReadOnlyList<Author> Authors =
    [
        new() { Id = 1, Name = "Ada Lovelace", Country = "UK", Born = new DateOnly(1815, 12, 10) },
        new() { Id = 2, Name = "Charlotte Bronte", Country = "UK", Born = new DateOnly(1816, 4, 21) },
        new() { Id = 3, Name = "Gabriel Garcia", Country = null, Born = new DateOnly(1927, 3, 6) },
        new() { Id = 4, Name = "Haruki Murakami", Country = "JP", Born = new DateOnly(1949, 1, 12) },
        new() { Id = 5, Name = "Zadie Smith", Country = "UK", Born = new DateOnly(1975, 10, 25) },
    ];

    public const string InjectionTitle = "x' OR 1=1 --";

    private static readonly string[] Titles =
    [
        "Alpha", "alpha", "Beta Test", "The Road", "The Road", InjectionTitle, "100% Pure_Luck", "1000 Cranes", "Gamma Ray", "Delta Blues",
        "Echo Park", "Foxtrot", "Golf Club", "Hotel Lima", "India Ink", "Juliet Road", "Kilo Watt", "Lima Beans", "Mike Drop", "November Rain",
        "Oscar Night", "Papa Road", "Quebec City", "Romeo Done", "Sierra Road", "Tango Two", "Uniform Day", "Victor Hugo", "Whiskey Sour", "Zulu Time",
    ];

    public static readonly IReadOnlyList<Book> Books = Titles.Select((title, index) =>
    {
        var i = index + 1;
        return new Book
        {
            Id = i,
            Title = title,
            Subtitle = i % 5 == 0 ? null : "Vol " + (i % 3).ToString(CultureInfo.InvariantCulture),
            Pages = 100 + i * 37 % 400,
            Edition = i % 4 == 0 ? null : i % 3 + 1,
            Price = i * 3.25m % 40 + 0.99m,
            Rating = i % 5 + 0.5,
            Published = new DateOnly(1950, 1, 1).AddDays(i * 700),
            AddedAt = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i * 13),
            InPrint = i % 3 != 0,
            Genre = (Genre)(i % 4),
            AuthorId = i % 7 == 0 ? null : i % 5 + 1,
        };
    }).ToList();

    public static readonly IReadOnlyList<Review> Reviews = Books
        .SelectMany(b => Enumerable.Range(0, b.Id % 4).Select(j => new Review
        {
            Id = b.Id * 10 + j,
            BookId = b.Id,
            Stars = (b.Id + j) % 5 + 1,
            Text = $"Review {j} of {b.Title}",
        }))
        .ToList();

    static Seed()
    {
        foreach (var b in Books)
        {
            b.Author = Authors.FirstOrDefault(a => a.Id == b.AuthorId);
            b.Reviews = Reviews.Where(r => r.BookId == b.Id).ToList();
        }
        foreach (var a in Authors) a.Books = Books.Where(b => b.AuthorId == a.Id).ToList();
    }

    /// <summary>Detached copies, so EF does not try to insert the in-memory graph twice.</summary>
    public static async Task InsertAsync(LibraryContext db, CancellationToken ct)
    {
        db.Authors.AddRange(Authors.Select(a => new Author { Id = a.Id, Name = a.Name, Country = a.Country, Born = a.Born }));
        db.Books.AddRange(Books.Select(b => new Book
        {
            Id = b.Id, Title = b.Title, Subtitle = b.Subtitle, Pages = b.Pages, Edition = b.Edition, Price = b.Price, Rating = b.Rating,
            Published = b.Published, AddedAt = b.AddedAt, InPrint = b.InPrint, Genre = b.Genre, AuthorId = b.AuthorId,
        }));
        db.Reviews.AddRange(Reviews.Select(r => new Review { Id = r.Id, BookId = r.BookId, Stars = r.Stars, Text = r.Text }));
        await db.SaveChangesAsync(ct);
    }
}
