using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace SefData.GraphQL.Data;

/// <summary>Relay's PageInfo.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

public sealed record Edge<T>(string Cursor, T Node) : IEdge
{
    object? IEdge.Node => Node;
}

public interface IEdge
{
    string Cursor { get; }
    object? Node { get; }
}

/// <summary>Non-generic view used by the connection type's resolvers.</summary>
public interface IConnection
{
    IReadOnlyList<IEdge> Edges { get; }
    IEnumerable<object?> Nodes { get; }
    PageInfo PageInfo { get; }
    /// <summary>Null when the count was not asked for (so not queried).</summary>
    int? TotalCount { get; }
}

public sealed class Connection<T>(IReadOnlyList<Edge<T>> edges, PageInfo pageInfo, int? totalCount) : IConnection
{
    public IReadOnlyList<Edge<T>> Edges { get; } = edges;
    public IReadOnlyList<T> Nodes { get; } = edges.Select(e => e.Node).ToList();
    public PageInfo PageInfo { get; } = pageInfo;
    public int? TotalCount { get; } = totalCount;

    IReadOnlyList<IEdge> IConnection.Edges => Edges;
    IEnumerable<object?> IConnection.Nodes => Nodes.Cast<object?>();
}

/// <summary>first/after/last/before as the client sent them.</summary>
public sealed record PagingArguments(int? First = null, string? After = null, int? Last = null, string? Before = null);

public sealed class PagingOptions
{
    public const string PageSizeExceeded = "PAGE_SIZE_EXCEEDED";
    public const string InvalidPageSize = "INVALID_PAGE_SIZE";
    public const string InvalidCursor = "INVALID_CURSOR";

    public int DefaultPageSize { get; set; } = 50;
    public int MaxPageSize { get; set; } = 500;
}

/// <summary>
/// Offset cursor paging over an ordered query, executed with EF Core's async operators. A cursor is the opaque
/// base64 of the row's 0-based position in the ordered, filtered result (HotChocolate's default scheme); the
/// ordering always ends with the entity key, so positions are deterministic while the data does not change.
/// <c>hasNextPage</c> comes from fetching one row beyond the page, never from a count; COUNT runs only for
/// <c>totalCount</c> and for <c>last</c> without <c>before</c> (where the end of the list must be known).
/// </summary>
public static class Paging
{
    public static string EncodeCursor(long offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(offset.ToString(CultureInfo.InvariantCulture)));

    public static long DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)) return offset;
        }
        catch (FormatException) { }
        throw Error($"The cursor \"{cursor}\" is not valid.", PagingOptions.InvalidCursor);
    }

    /// <summary>Checks first/last against the limits (the error codes are part of the API).</summary>
    public static void Validate(PagingArguments args, PagingOptions options)
    {
        foreach (var (name, value) in new[] { ("first", args.First), ("last", args.Last) })
        {
            if (value < 0)
                throw Error($"The argument \"{name}\" must be at least 0 (was {value}).", PagingOptions.InvalidPageSize);
            if (value > options.MaxPageSize)
                throw Error($"The argument \"{name}\" asks for {value} items; at most {options.MaxPageSize} are allowed per page.",
                    PagingOptions.PageSizeExceeded, ("requestedItems", value), ("maxAllowedItems", options.MaxPageSize));
        }
    }

    /// <summary>
    /// One page of <paramref name="ordered"/>. <paramref name="unordered"/> is the same rows without ordering (for
    /// COUNT); <paramref name="projection"/> (optional) selects the columns; <paramref name="fetchRows"/> false skips
    /// the row query when only the count is wanted.
    /// </summary>
    public static async Task<Connection<T>> PageAsync<T>(
        IQueryable<T> unordered, IOrderedQueryable<T> ordered, PagingArguments args, PagingOptions options,
        Expression<Func<T, T>>? projection, bool includeTotalCount, bool fetchRows, CancellationToken cancellationToken)
    {
        Validate(args, options);
        int? total = null;
        async Task<int> Count() => total ??= await unordered.CountAsync(cancellationToken).ConfigureAwait(false);

        long start = args.After is { } after ? DecodeCursor(after) + 1 : 0;
        long? end = args.Before is { } before ? DecodeCursor(before) : null;
        var first = args.First ?? (args.Last is null ? options.DefaultPageSize : null);
        if (first is { } f) end = Math.Min(end ?? long.MaxValue, start + f);
        if (args.Last is { } l)
        {
            end ??= await Count().ConfigureAwait(false);
            start = Math.Max(start, end.Value - l);
        }
        var size = (int)Math.Max(0, end!.Value - start);

        var edges = new List<Edge<T>>();
        var hasNext = false;
        if (fetchRows && size > 0)
        {
            // One extra row tells whether anything follows the page.
            IQueryable<T> page = Take(Skip(ordered, start), size + 1);
            if (projection is not null) page = page.Select(projection);
            var rows = await page.ToListAsync(cancellationToken).ConfigureAwait(false);
            hasNext = rows.Count > size;
            for (var i = 0; i < Math.Min(size, rows.Count); i++) edges.Add(new Edge<T>(EncodeCursor(start + i), rows[i]));
        }
        else if (fetchRows && end is { } e && e >= start)
        {
            // An empty page (first: 0 or last: 0) still reports whether rows follow.
            hasNext = await Skip(ordered, e).AnyAsync(cancellationToken).ConfigureAwait(false);
        }
        if (includeTotalCount) await Count().ConfigureAwait(false);
        var pageInfo = new PageInfo(hasNext, start > 0, edges.Count > 0 ? edges[0].Cursor : null, edges.Count > 0 ? edges[^1].Cursor : null);
        return new Connection<T>(edges, pageInfo, total);
    }

    // Skip/Take counts go in as captured variables so EF Core caches one query shape for every page.
    private static IQueryable<T> Skip<T>(IQueryable<T> q, long count) =>
        count <= 0 ? q : q.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), nameof(Queryable.Skip), [typeof(T)], q.Expression,
            ExpressionTools.Parameter(checked((int)count), typeof(int))));

    private static IQueryable<T> Take<T>(IQueryable<T> q, int count) =>
        q.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(T)], q.Expression,
            ExpressionTools.Parameter(count, typeof(int))));

    internal static GraphQLError Error(string message, string code, params (string Key, object? Value)[] more)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        foreach (var (k, v) in more) extensions[k] = v;
        return new GraphQLError(message, extensions: extensions);
    }
}
