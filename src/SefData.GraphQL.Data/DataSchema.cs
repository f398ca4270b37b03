using Microsoft.EntityFrameworkCore;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Data;

/// <summary>Options of one connection field.</summary>
public sealed class ConnectionOptions
{
    /// <summary>Default <c>{FieldName}Connection</c> (HotChocolate: <c>schools</c> → <c>SchoolsConnection</c>).</summary>
    public string? ConnectionTypeName { get; set; }
    /// <summary>Default: the <see cref="IDataObject.TypeName"/>.</summary>
    public string? NodeTypeName { get; set; }
    public string? Description { get; set; }
    public bool Filtering { get; set; } = true;
    public bool Sorting { get; set; } = true;
    public bool Projection { get; set; } = true;
    public PagingOptions Paging { get; } = new();
}

/// <summary>Options of one plain list field.</summary>
public sealed class ListOptions
{
    public string? NodeTypeName { get; set; }
    public string? Description { get; set; }
    public bool Filtering { get; set; } = true;
    public bool Sorting { get; set; } = true;
    public bool Projection { get; set; } = true;
    public int MaxItems { get; set; } = 500;
}

/// <summary>
/// Declares data fields on a <see cref="SchemaBuilder"/>: the connection types, the <c>where</c>/<c>order</c> inputs
/// generated from <see cref="DataObject{T}"/> maps, and the shared types (PageInfo, SortEnumType, operation inputs).
/// Registration is idempotent, so several fields may share inputs.
/// </summary>
/// <example>
/// <code>
/// builder.AddDataScalars()
///     .Object&lt;School&gt;("School", t => t.Field(s => s.Id).Field(s => s.NameEn))
///     .Connection("Query", "schools", school, ctx => ctx.Service&lt;SefDataDbContext&gt;().Schools.AsNoTracking());
/// // schools(first: Int, after: String, last: Int, before: String, where: SchoolFilterInput, order: [SchoolSortInput!]): SchoolsConnection
/// </code>
/// </example>
public static class DataSchema
{
    /// <summary>FieldDefinition.Metadata key holding the <see cref="PagingOptions"/> of a connection field.</summary>
    public const string PagingMetadataKey = "SefData.Paging";

    /// <summary>
    /// A connection field <c>parentType.fieldName</c> over <paramref name="source"/> (called once per execution of
    /// the field; take the DbContext from <see cref="IResolverContext.Services"/>).
    /// </summary>
    public static SchemaBuilder Connection<T>(this SchemaBuilder builder, string parentType, string fieldName, DataObject<T> obj,
        Func<IResolverContext, IQueryable<T>> source, Action<ConnectionOptions>? configure = null) where T : class
    {
        var options = new ConnectionOptions();
        configure?.Invoke(options);
        var connectionName = options.ConnectionTypeName ?? char.ToUpperInvariant(fieldName[0]) + fieldName[1..] + "Connection";
        var edgeName = connectionName.EndsWith("Connection", StringComparison.Ordinal) ? connectionName[..^"Connection".Length] + "Edge" : connectionName + "Edge";
        var nodeName = options.NodeTypeName ?? obj.TypeName;

        AddPageInfo(builder);
        builder.Object(edgeName, t => t
            .Description("An edge in a connection.")
            .Field("cursor", "String!", f => f.Description("A cursor for use in pagination.").Resolve(ctx => ((IEdge)ctx.Parent!).Cursor))
            .Field("node", nodeName + "!", f => f.Description("The item at the end of the edge.").Resolve(ctx => ((IEdge)ctx.Parent!).Node)));
        builder.Object(connectionName, t => t
            .Description("A connection to a list of items.")
            .Field("pageInfo", "PageInfo!", f => f.Description("Information to aid in pagination.").Resolve(ctx => ((IConnection)ctx.Parent!).PageInfo))
            .Field("edges", $"[{edgeName}!]", f => f.Description("A list of edges.").Resolve(ctx => ((IConnection)ctx.Parent!).Edges))
            .Field("nodes", $"[{nodeName}!]", f => f.Description("A flattened list of the nodes.").Resolve(ctx => ((IConnection)ctx.Parent!).Nodes))
            .Field("totalCount", "Int!", f => f.Description("Identifies the total count of items in the connection.")
                .Resolve(ctx => ((IConnection)ctx.Parent!).TotalCount)));

        var filter = options.Filtering && AddFiltering(builder, obj);
        var sort = options.Sorting && AddSorting(builder, obj);
        builder.Object(parentType, t => t.Field(fieldName, connectionName, f =>
        {
            f.Description(options.Description)
                .Argument("first", "Int", a => a.Description("Returns the first _n_ elements from the list."))
                .Argument("after", "String", a => a.Description("Returns the elements in the list that come after the specified cursor."))
                .Argument("last", "Int", a => a.Description("Returns the last _n_ elements from the list."))
                .Argument("before", "String", a => a.Description("Returns the elements in the list that come before the specified cursor."));
            if (filter) f.Argument("where", obj.FilterInputName);
            if (sort) f.Argument("order", $"[{obj.SortInputName}!]");
            // For cost analysis: a connection returns up to first/last (default DefaultPageSize) items.
            f.Metadata(PagingMetadataKey, options.Paging);
            // Arguments the field does not declare are absent: where/order turned off are simply never given.
            f.Resolver(async ctx => await DataResolvers.ConnectionAsync(ctx, obj, source(ctx), options.Paging, options.Projection).ConfigureAwait(false));
        }));
        return builder;
    }

    /// <summary>
    /// A plain list field <c>parentType.fieldName: [X!]!</c> with <c>where</c> and <c>order</c> and projection, for
    /// short bounded lists. More than <see cref="ListOptions.MaxItems"/> rows is an error (code
    /// <c>LIST_SIZE_EXCEEDED</c>), never a silent cut: use a connection when lists can be long.
    /// </summary>
    public static SchemaBuilder ListField<T>(this SchemaBuilder builder, string parentType, string fieldName, DataObject<T> obj,
        Func<IResolverContext, IQueryable<T>> source, Action<ListOptions>? configure = null) where T : class
    {
        var options = new ListOptions();
        configure?.Invoke(options);
        var filter = options.Filtering && AddFiltering(builder, obj);
        var sort = options.Sorting && AddSorting(builder, obj);
        builder.Object(parentType, t => t.Field(fieldName, $"[{options.NodeTypeName ?? obj.TypeName}!]!", f =>
        {
            f.Description(options.Description);
            if (filter) f.Argument("where", obj.FilterInputName);
            if (sort) f.Argument("order", $"[{obj.SortInputName}!]");
            f.Resolver(async ctx =>
            {
                var query = source(ctx);
                if (filter) query = query.Filter(obj, ctx.Arguments.GetValueOrDefault("where"));
                var ordered = query.Sort(obj, sort ? ctx.Arguments.GetValueOrDefault("order") : null);
                IQueryable<T> rows = ordered.Take(options.MaxItems + 1);
                if (options.Projection && Projection.Build<T>(obj, ctx.GetSelectedFields()) is { } projection) rows = rows.Select(projection);
                var list = await RequestGate.RunAsync(ctx, ct => rows.ToListAsync(ct)).ConfigureAwait(false);
                if (list.Count > options.MaxItems)
                    throw Paging.Error($"The list \"{fieldName}\" has more than {options.MaxItems} items; narrow it with where.", "LIST_SIZE_EXCEEDED");
                return list;
            });
        }));
        return builder;
    }

    /// <summary>Date, DateTime, Decimal and Long, used by the Date/DateTime/Decimal/Long operation inputs.</summary>
    public static SchemaBuilder AddDataScalars(this SchemaBuilder builder) =>
        builder.Scalar(DataScalars.Date).Scalar(DataScalars.DateTime).Scalar(DataScalars.Decimal).Scalar(DataScalars.Long);

    public static SchemaBuilder AddPageInfo(this SchemaBuilder builder) =>
        builder.Object("PageInfo", t => t
            .Description("Information about pagination in a connection.")
            .Field("hasNextPage", "Boolean!", f => f.Description("Indicates whether more edges exist following the set defined by the clients arguments.")
                .Resolve(ctx => ((PageInfo)ctx.Parent!).HasNextPage))
            .Field("hasPreviousPage", "Boolean!", f => f.Description("Indicates whether more edges exist prior the set defined by the clients arguments.")
                .Resolve(ctx => ((PageInfo)ctx.Parent!).HasPreviousPage))
            .Field("startCursor", "String", f => f.Description("When paginating backwards, the cursor to continue.")
                .Resolve(ctx => ((PageInfo)ctx.Parent!).StartCursor))
            .Field("endCursor", "String", f => f.Description("When paginating forwards, the cursor to continue.")
                .Resolve(ctx => ((PageInfo)ctx.Parent!).EndCursor)));

    /// <summary>Registers <c>XFilterInput</c> for <paramref name="obj"/> and everything it reaches. Always true.</summary>
    public static bool AddFiltering(this SchemaBuilder builder, IDataObject obj)
    {
        AddFilterInput(builder, obj, []);
        return true;
    }

    /// <summary>Registers <c>XSortInput</c> (and nested ones); false when nothing is sortable (no input exists then).</summary>
    public static bool AddSorting(this SchemaBuilder builder, IDataObject obj)
    {
        if (!HasSortFields(obj, [])) return false;
        builder.Enum<SortEnumType>("SortEnumType");
        AddSortInput(builder, obj, []);
        return true;
    }

    private static void AddFilterInput(SchemaBuilder builder, IDataObject obj, HashSet<string> done)
    {
        if (!done.Add(obj.FilterInputName)) return;
        builder.InputObject(obj.FilterInputName, t =>
        {
            t.Field("and", $"[{obj.FilterInputName}!]").Field("or", $"[{obj.FilterInputName}!]");
            foreach (var field in obj.Fields)
            {
                switch (field)
                {
                    case ScalarDataField { Filterable: true } s:
                        t.Field(s.Name, s.OperationInput);
                        AddOperationInput(builder, s);
                        break;
                    case ObjectDataField { Filterable: true } o:
                        t.Field(o.Name, o.Target.FilterInputName);
                        break;
                    case ListDataField l:
                        t.Field(l.Name, l.ListInputName);
                        builder.InputObject(l.ListInputName, li => li
                            .Field("all", l.Target.FilterInputName).Field("none", l.Target.FilterInputName)
                            .Field("some", l.Target.FilterInputName).Field("any", "Boolean"));
                        break;
                    case CustomFilterField c:
                        t.Field(c.Name, c.InputType);
                        break;
                }
            }
        });
        foreach (var field in obj.Fields)
        {
            if (field is ObjectDataField { Filterable: true } o) AddFilterInput(builder, o.Target, done);
            else if (field is ListDataField l) AddFilterInput(builder, l.Target, done);
        }
    }

    private static void AddOperationInput(SchemaBuilder builder, ScalarDataField field)
    {
        var type = Nullable.GetUnderlyingType(field.ValueType) ?? field.ValueType;
        var name = field.OperationInput;
        // Only the inputs this library names; an OperationInput(...) override to another name is the caller's to register.
        if (name != OperationInputs.NameFor(type, field.EnumTypeName)) return;
        string scalar;
        string listItem;
        string[] ops;
        if (type == typeof(string)) (scalar, listItem, ops) = ("String", "String", OperationInputs.StringOperations);
        else if (type == typeof(bool)) (scalar, listItem, ops) = ("Boolean", "Boolean", OperationInputs.BooleanOperations);
        else if (type.IsEnum)
        {
            scalar = name[..^"OperationFilterInput".Length];
            (listItem, ops) = (scalar + "!", OperationInputs.EnumOperations);
        }
        else
        {
            scalar = OperationInputs.ComparableScalars[name];
            (listItem, ops) = (scalar, OperationInputs.ComparableOperations);
        }
        builder.InputObject(name, t =>
        {
            if (type == typeof(string)) t.Field("and", $"[{name}!]").Field("or", $"[{name}!]");
            foreach (var op in ops) t.Field(op, op is "in" or "nin" ? $"[{listItem}]" : scalar);
        });
    }

    private static bool HasSortFields(IDataObject obj, HashSet<string> seen)
    {
        if (!seen.Add(obj.SortInputName)) return false;
        return obj.Fields.Any(f => f is ScalarDataField { Sortable: true }
            || f is ObjectDataField { Sortable: true } o && HasSortFields(o.Target, seen));
    }

    private static void AddSortInput(SchemaBuilder builder, IDataObject obj, HashSet<string> done)
    {
        if (!done.Add(obj.SortInputName)) return;
        var nested = obj.Fields.OfType<ObjectDataField>().Where(o => o.Sortable && HasSortFields(o.Target, [])).ToList();
        builder.InputObject(obj.SortInputName, t =>
        {
            foreach (var field in obj.Fields)
            {
                if (field is ScalarDataField { Sortable: true } s) t.Field(s.Name, "SortEnumType");
                else if (field is ObjectDataField o && nested.Contains(o)) t.Field(o.Name, o.Target.SortInputName);
            }
        });
        foreach (var o in nested) AddSortInput(builder, o.Target, done);
    }
}

/// <summary>
/// The resolvers behind <see cref="DataSchema.Connection{T}"/>, for fields declared by hand (the same arguments:
/// first, after, last, before, and where/order when present).
/// </summary>
public static class DataResolvers
{
    /// <summary>
    /// where → order (+ tie-breaker) → keyset page → projection of the selection, all in the database, through the
    /// request's <see cref="RequestGate"/> and with the request's cancellation token.
    /// </summary>
    public static async ValueTask<Connection<T>> ConnectionAsync<T>(IResolverContext ctx, DataObject<T> obj, IQueryable<T> source,
        PagingOptions? paging = null, bool projection = true) where T : class
    {
        paging ??= new PagingOptions();
        var args = new PagingArguments(
            ctx.GetArgument<int?>("first"), ctx.GetArgument<string>("after"), ctx.GetArgument<int?>("last"), ctx.GetArgument<string>("before"));
        Paging.Validate(args, paging);

        var selection = ctx.GetSelectedFields();
        var wantsCount = selection.Any(f => f.Name == "totalCount");
        var wantsRows = selection.Any(f => f.Name is "edges" or "nodes" or "pageInfo");
        var query = source.Filter(obj, ctx.Arguments.GetValueOrDefault("where"));
        var keys = Sorting.Keys<T>(obj, ctx.Arguments.GetValueOrDefault("order"));
        var selector = projection ? Projection.Build<T>(obj, Projection.NodeSelection(selection)) : null;
        return await RequestGate.RunAsync(ctx, ct => Paging.PageAsync(query, keys, args, paging, selector, wantsCount, wantsRows, ct))
            .ConfigureAwait(false);
    }
}
