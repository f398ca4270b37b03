using System.Text.Json;
using SefData.Data;
using SefData.GraphQL.Execution;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Data.Tests;

/// <summary>
/// Runs GraphQL documents through the real executor against a seeded database, one DbContext per request (as the
/// API does), recording every SQL command.
/// </summary>
public abstract class LibraryTestBase(LibraryDatabase fixture)
{
    private static readonly Schema DefaultSchema = LibrarySchema.Build();

    protected LibraryDatabase Fixture { get; } = fixture;
    protected DatabaseProvider Provider => Fixture.Provider;
    protected SqlCommandLog Sql { get; } = new();
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Executes and returns the whole result as JSON (data and errors).</summary>
    protected async Task<JsonElement> ExecuteAsync(string query, IReadOnlyDictionary<string, object?>? variables = null, Schema? schema = null,
        CancellationToken? cancellationToken = null)
    {
        await using var db = Fixture.NewContext(Sql);
        var result = await Executor.ExecuteAsync(new ExecutionRequest
        {
            Schema = schema ?? DefaultSchema,
            Document = Parser.Parse(query),
            Variables = variables,
            Services = new Services(db, Fixture, Sql),
            CancellationToken = cancellationToken ?? Ct,
        });
        return JsonDocument.Parse(result.ToJson()).RootElement.Clone();
    }

    /// <summary>Executes expecting no errors; returns <c>data</c>.</summary>
    protected async Task<JsonElement> QueryAsync(string query, IReadOnlyDictionary<string, object?>? variables = null, Schema? schema = null)
    {
        var result = await ExecuteAsync(query, variables, schema);
        Assert.False(result.TryGetProperty("errors", out var errors), $"Unexpected errors: {errors}");
        return result.GetProperty("data");
    }

    /// <summary>Executes expecting exactly one error; returns it.</summary>
    protected async Task<JsonElement> ErrorAsync(string query, IReadOnlyDictionary<string, object?>? variables = null)
    {
        var result = await ExecuteAsync(query, variables);
        Assert.True(result.TryGetProperty("errors", out var errors), $"Expected an error, got {result}");
        Assert.Equal(1, errors.GetArrayLength());
        return errors[0];
    }

    protected static List<int> Ids(JsonElement nodes) => nodes.EnumerateArray().Select(n => n.GetProperty("id").GetInt32()).ToList();

    /// <summary>The ids of <c>books(where: …)</c> (every match, in key order).</summary>
    protected async Task<List<int>> BookIdsAsync(string where)
    {
        var data = await QueryAsync($"{{ books(first: 500, where: {where}) {{ nodes {{ id }} }} }}");
        return Ids(data.GetProperty("books").GetProperty("nodes"));
    }

    /// <summary>
    /// Asserts the filter returns exactly the seed books <paramref name="expected"/> selects. The expectation must
    /// discriminate (some but not all books) unless <paramref name="allowTrivial"/>, so the test can fail.
    /// </summary>
    protected async Task AssertBooksAsync(string where, Func<Book, bool> expected, bool allowTrivial = false)
    {
        var want = Seed.Books.Where(expected).Select(b => b.Id).Order().ToList();
        if (!allowTrivial)
            Assert.True(want.Count > 0 && want.Count < Seed.Books.Count, $"The expectation for {where} selects {want.Count} books; choose a discriminating one.");
        var got = await BookIdsAsync(where);
        Assert.True(want.SequenceEqual(got), $"where: {where}\nexpected [{string.Join(",", want)}]\n     got [{string.Join(",", got)}]");
    }

    private sealed class Services(LibraryContext db, LibraryDatabase fixture, SqlCommandLog log) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(LibraryContext) ? db
            : serviceType == typeof(LibraryDatabase) ? fixture
            : serviceType == typeof(SqlCommandLog) ? log
            : null;
    }
}
