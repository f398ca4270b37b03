using System.Linq.Expressions;
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
/// Keyset (seek) cursor paging, executed with EF Core's async operators. A cursor is the opaque base64url JSON of the
/// row's values of every ordering key (the requested keys, then the entity key), tagged with a hash of the ordering
/// so a cursor from another <c>order</c> is rejected. <c>after</c>/<c>before</c> become a WHERE on those values
/// (<c>(a &gt; @a) OR (a = @a AND (b &gt; @b OR …))</c>, NULLs first ascending), so pages stay correct when rows are
/// added or removed before the cursor, and deep pages cost no OFFSET scan. <c>hasNextPage</c> (forwards) and
/// <c>hasPreviousPage</c> (backwards) come from fetching one row beyond the page; the other direction is true when a
/// cursor was given (the cursor's row lies there). COUNT runs only for <c>totalCount</c>.
/// </summary>
public static class Paging
{
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
    /// One page of <paramref name="filtered"/> ordered by <paramref name="keys"/> (which must end with a unique key;
    /// see <see cref="Sorting.Keys{T}"/>). <paramref name="projection"/> (optional) selects the columns;
    /// <paramref name="fetchRows"/> false skips the row query when only the count is wanted.
    /// </summary>
    public static async Task<Connection<T>> PageAsync<T>(
        IQueryable<T> filtered, IReadOnlyList<SortKey> keys, PagingArguments args, PagingOptions options,
        Expression<Func<T, T>>? projection, bool includeTotalCount, bool fetchRows, CancellationToken cancellationToken)
    {
        Validate(args, options);
        var cursors = new CursorCodec(keys);
        var after = args.After is { } a ? cursors.Decode(a) : null;
        var before = args.Before is { } b ? cursors.Decode(b) : null;
        int? total = includeTotalCount ? await filtered.CountAsync(cancellationToken).ConfigureAwait(false) : null;
        if (!fetchRows) return new Connection<T>([], new PageInfo(false, false, null, null), total);

        var query = filtered;
        if (after is not null) query = query.Where(Keyset.Beyond<T>(keys, after));
        if (before is not null) query = query.Where(Keyset.Beyond<T>(Sorting.Reverse(keys), before));
        // Only `last` pages backwards: read the reversed order from the end, then restore the order.
        var backward = args.Last is not null && args.First is null;
        var size = backward ? args.Last!.Value : args.First ?? options.DefaultPageSize;
        var ordered = Sorting.Apply(query, backward ? Sorting.Reverse(keys) : keys);
        var rows = await Take(ordered, size + 1).Select(Keyset.RowSelector(keys, projection)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var more = rows.Count > size;
        if (more) rows.RemoveAt(rows.Count - 1);
        if (backward) rows.Reverse();
        var trimmed = false;
        if (!backward && args.Last is { } last && rows.Count > last)
        {
            // first and last together: the last `last` of the first `first`.
            rows.RemoveRange(0, rows.Count - last);
            trimmed = true;
        }

        var edges = rows.Select(r => new Edge<T>(cursors.Encode(r.Keys), r.Node)).ToList();
        var hasNext = backward ? before is not null : more || before is not null;
        var hasPrevious = backward ? more || after is not null : after is not null || trimmed;
        var pageInfo = new PageInfo(hasNext, hasPrevious, edges.Count > 0 ? edges[0].Cursor : null, edges.Count > 0 ? edges[^1].Cursor : null);
        return new Connection<T>(edges, pageInfo, total);
    }

    // The page size goes in as a captured variable so EF Core caches one query shape for every size.
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
