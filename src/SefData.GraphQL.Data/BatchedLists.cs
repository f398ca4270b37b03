using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SefData.GraphQL.DataLoader;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Data;

public static class BatchedLists
{
    /// <summary>
    /// A related list <c>parentType.fieldName: [X!]!</c> with <c>where</c>/<c>order</c>, loaded for every parent of
    /// the same level in ONE query (a request DataLoader): <c>WHERE fk IN (@keys) AND where… ORDER BY order…, key</c>,
    /// projected to the selection plus the foreign key, then grouped by parent in that order. Aliases with other
    /// arguments get their own batch. A parent with more than <see cref="ListOptions.MaxItems"/> items is an error
    /// (<c>LIST_SIZE_EXCEEDED</c>).
    /// </summary>
    /// <param name="parentKey">The parent's key (projected on the parent: it is the parent map's key or a Requires column).</param>
    /// <param name="foreignKey">The child's member holding the parent key.</param>
    public static SchemaBuilder BatchedList<TParent, TChild, TKey>(this SchemaBuilder builder, string parentType, string fieldName,
        DataObject<TChild> child, Func<TParent, TKey> parentKey, Expression<Func<TChild, TKey>> foreignKey,
        Func<IResolverContext, IQueryable<TChild>> source, Action<ListOptions>? configure = null)
        where TChild : class where TKey : notnull
    {
        var options = new ListOptions();
        configure?.Invoke(options);
        var filter = options.Filtering && builder.AddFiltering(child);
        var sort = options.Sorting && builder.AddSorting(child);
        var readForeignKey = foreignKey.Compile();
        builder.Object(parentType, t => t.Field(fieldName, $"[{options.NodeTypeName ?? child.TypeName}!]!", f =>
        {
            f.Description(options.Description);
            if (filter) f.Argument("where", child.FilterInputName);
            if (sort) f.Argument("order", $"[{child.SortInputName}!]");
            f.Resolver(async ctx =>
            {
                // Same path (without list indices) and same arguments: same selection, so one batch serves them all.
                var path = string.Join(".", ctx.Path.ToList().OfType<string>());
                var name = $"{parentType}.{fieldName}:{path}:{JsonValues.ToJsonString(ctx.Arguments)}";
                var where = filter ? ctx.Arguments.GetValueOrDefault("where") : null;
                var order = sort ? ctx.Arguments.GetValueOrDefault("order") : null;
                var projection = options.Projection ? Projection.Build<TChild>(child, ctx.GetSelectedFields(), foreignKey) : null;
                var query = source(ctx);
                var contextData = ctx.ContextData;
                var loader = ctx.GroupDataLoader<TKey, TChild>(name, (keys, ct) => LoadAsync(keys, ct));
                return await loader.LoadAsync(parentKey((TParent)ctx.Parent!)).ConfigureAwait(false);

                async ValueTask<IReadOnlyDictionary<TKey, IReadOnlyList<TChild>>> LoadAsync(IReadOnlyList<TKey> keys, CancellationToken ct)
                {
                    var x = Expression.Parameter(typeof(TChild), "x");
                    var inKeys = Expression.Lambda<Func<TChild, bool>>(
                        Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TKey)],
                            ExpressionTools.Parameter(keys.ToList(), typeof(List<TKey>)), ExpressionTools.Inline(foreignKey, x)), x);
                    IQueryable<TChild> rows = query.Where(inKeys).Filter(child, where).Sort(child, order);
                    if (projection is not null) rows = rows.Select(projection);
                    var list = await RequestGate.RunAsync(contextData, ct, c => rows.ToListAsync(c)).ConfigureAwait(false);
                    var groups = new Dictionary<TKey, IReadOnlyList<TChild>>();
                    foreach (var group in list.GroupBy(readForeignKey))
                    {
                        var items = group.ToList();
                        if (items.Count > options.MaxItems)
                            throw Paging.Error($"The list \"{fieldName}\" has more than {options.MaxItems} items; narrow it with where.", "LIST_SIZE_EXCEEDED");
                        groups[group.Key] = items;
                    }
                    return groups;
                }
            });
        }));
        return builder;
    }
}
