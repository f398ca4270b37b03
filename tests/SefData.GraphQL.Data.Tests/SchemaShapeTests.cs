using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Data.Tests;

/// <summary>The generated types carry HotChocolate's names and shapes (API-CONVENTIONS.md), so its clients work unchanged.</summary>
public sealed class SchemaShapeTests
{
    private static readonly Schema Schema = LibrarySchema.Build();

    private static void AssertType(string expected, string typeName)
    {
        var type = Schema.GetType(typeName);
        Assert.NotNull(type);
        Assert.Equal(expected.ReplaceLineEndings("\n").Trim(), SchemaPrinter.PrintType(type).ReplaceLineEndings("\n").Trim());
    }

    [Fact]
    public void Filter_input_of_an_object()
    {
        AssertType("""
            input BookFilterInput {
              and: [BookFilterInput!]
              or: [BookFilterInput!]
              id: IntOperationFilterInput
              title: StringOperationFilterInput
              subtitle: StringOperationFilterInput
              pages: IntOperationFilterInput
              edition: IntOperationFilterInput
              price: DecimalOperationFilterInput
              rating: FloatOperationFilterInput
              published: DateOperationFilterInput
              addedAt: DateTimeOperationFilterInput
              inPrint: BooleanOperationFilterInput
              genre: GenreOperationFilterInput
              author: AuthorFilterInput
              reviews: ListFilterInputTypeOfReviewFilterInput
              minReviewStars: Int
              reviewTotal: IntOperationFilterInput
            }
            """, "BookFilterInput");
    }

    [Fact]
    public void Operation_inputs()
    {
        AssertType("""
            input StringOperationFilterInput {
              and: [StringOperationFilterInput!]
              or: [StringOperationFilterInput!]
              eq: String
              neq: String
              contains: String
              ncontains: String
              in: [String]
              nin: [String]
              startsWith: String
              nstartsWith: String
              endsWith: String
              nendsWith: String
            }
            """, "StringOperationFilterInput");
        foreach (var (input, scalar) in new[] { ("Int", "Int"), ("Decimal", "Decimal"), ("Float", "Float"), ("Date", "Date"), ("DateTime", "DateTime") })
        {
            AssertType($$"""
                input {{input}}OperationFilterInput {
                  eq: {{scalar}}
                  neq: {{scalar}}
                  in: [{{scalar}}]
                  nin: [{{scalar}}]
                  gt: {{scalar}}
                  ngt: {{scalar}}
                  gte: {{scalar}}
                  ngte: {{scalar}}
                  lt: {{scalar}}
                  nlt: {{scalar}}
                  lte: {{scalar}}
                  nlte: {{scalar}}
                }
                """, input + "OperationFilterInput");
        }
        AssertType("""
            input BooleanOperationFilterInput {
              eq: Boolean
              neq: Boolean
            }
            """, "BooleanOperationFilterInput");
        AssertType("""
            input GenreOperationFilterInput {
              eq: Genre
              neq: Genre
              in: [Genre!]
              nin: [Genre!]
            }
            """, "GenreOperationFilterInput");
        AssertType("""
            input ListFilterInputTypeOfReviewFilterInput {
              all: ReviewFilterInput
              none: ReviewFilterInput
              some: ReviewFilterInput
              any: Boolean
            }
            """, "ListFilterInputTypeOfReviewFilterInput");
    }

    [Fact]
    public void Sort_inputs()
    {
        AssertType("""
            input BookSortInput {
              id: SortEnumType
              title: SortEnumType
              subtitle: SortEnumType
              pages: SortEnumType
              edition: SortEnumType
              price: SortEnumType
              rating: SortEnumType
              published: SortEnumType
              addedAt: SortEnumType
              inPrint: SortEnumType
              genre: SortEnumType
              author: AuthorSortInput
              reviewTotal: SortEnumType
            }
            """, "BookSortInput");
        AssertType("""
            enum SortEnumType {
              ASC
              DESC
            }
            """, "SortEnumType");
    }

    [Fact]
    public void Connection_types_and_field()
    {
        var connection = SchemaPrinter.PrintType(Schema.GetType("BooksConnection")!);
        Assert.Contains("pageInfo: PageInfo!", connection, StringComparison.Ordinal);
        Assert.Contains("edges: [BooksEdge!]", connection, StringComparison.Ordinal);
        Assert.Contains("nodes: [Book!]", connection, StringComparison.Ordinal);
        Assert.Contains("totalCount: Int!", connection, StringComparison.Ordinal);
        var edge = SchemaPrinter.PrintType(Schema.GetType("BooksEdge")!);
        Assert.Contains("cursor: String!", edge, StringComparison.Ordinal);
        Assert.Contains("node: Book!", edge, StringComparison.Ordinal);
        var pageInfo = SchemaPrinter.PrintType(Schema.GetType("PageInfo")!);
        foreach (var f in new[] { "hasNextPage: Boolean!", "hasPreviousPage: Boolean!", "startCursor: String", "endCursor: String" })
            Assert.Contains(f, pageInfo, StringComparison.Ordinal);

        var books = Schema.QueryType!.Fields.Single(f => f.Name == "books");
        Assert.Equal("BooksConnection", books.Type.ToString());
        Assert.Equal(["first: Int", "after: String", "last: Int", "before: String", "where: BookFilterInput", "order: [BookSortInput!]"],
            books.Arguments.Select(a => $"{a.Name}: {a.Type}"));
    }
}
