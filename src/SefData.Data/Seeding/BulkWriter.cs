using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace SefData.Data.Seeding;

/// <summary>
/// Streams entities into their tables without the change tracker: binary COPY on PostgreSQL, one prepared INSERT
/// reused inside a transaction on SQLite. Table, column names and value conversions come from the EF model, so
/// the rows are exactly what SaveChanges would have written. Keys are assigned by the generator.
/// </summary>
public sealed class BulkWriter(DbContext context)
{
    private readonly bool _postgres = context.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    public bool IsPostgres => _postgres;

    public async Task<int> WriteAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken = default) where T : class
    {
        var table = TableMap.For(context.Model, typeof(T));
        var connection = context.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(cancellationToken);
        var count = _postgres
            ? await CopyAsync((NpgsqlConnection)connection, table, rows, cancellationToken)
            : await InsertAsync(connection, table, rows, cancellationToken);
        if (_postgres && count > 0) await ResetIdentityAsync(table, cancellationToken);
        return count;
    }

    private static async Task<int> CopyAsync<T>(NpgsqlConnection connection, TableMap table, IEnumerable<T> rows, CancellationToken ct)
    {
        var columns = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table.QualifiedName} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        // Completing a COPY of millions of rows (with foreign-key checks) takes far longer than the 30 s command default
        // (and TimeSpan.Zero does not mean "no timeout" here: it times out at once).
        importer.Timeout = TimeSpan.FromHours(2);
        var count = 0;
        // Synchronous writes: the importer buffers, and an await per value costs more than the copy itself.
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            importer.StartRow();
            foreach (var column in table.Columns)
            {
                var value = column.Read(row!);
                if (value is null) importer.WriteNull();
                else if (column.NpgsqlType is { } type) importer.Write(value, type);
                else importer.Write(value, column.PostgresType);
            }
            count++;
        }
        await importer.CompleteAsync(ct);
        return count;
    }

    private static async Task<int> InsertAsync<T>(DbConnection connection, TableMap table, IEnumerable<T> rows, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        command.CommandText = $"INSERT INTO {table.QualifiedName} ({string.Join(", ", table.Columns.Select(c => Quote(c.Name)))}) "
            + $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
        var parameters = new DbParameter[table.Columns.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = "$p" + i;
            command.Parameters.Add(parameters[i]);
        }
        await command.PrepareAsync(ct);
        var count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = table.Columns[i].Read(row!) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
            count++;
        }
        await transaction.CommitAsync(ct);
        return count;
    }

    /// <summary>Explicit keys bypass identity sequences on PostgreSQL; move them past the highest key so later inserts work.</summary>
    private async Task ResetIdentityAsync(TableMap table, CancellationToken ct)
    {
        if (table.IdentityColumn is not { } id) return;
        var sql = $"SELECT setval(pg_get_serial_sequence('{table.QualifiedName.Replace("'", "''")}', '{id}'), "
            + $"COALESCE((SELECT MAX({Quote(id)}) FROM {table.QualifiedName}), 0) + 1, false)";
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteScalarAsync(ct);
    }

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}

/// <summary>Column layout of one entity's table, read once from the EF model.</summary>
internal sealed class TableMap
{
    private static readonly Dictionary<(IModel, Type), TableMap> Cache = [];

    public required string QualifiedName { get; init; }
    public required IReadOnlyList<ColumnMap> Columns { get; init; }
    public string? IdentityColumn { get; init; }

    public static TableMap For(IModel model, Type clrType)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue((model, clrType), out var cached)) return cached;
            var entity = model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the EF model.");
            var tableName = entity.GetTableName() ?? throw new InvalidOperationException($"{clrType.Name} is not mapped to a table.");
            var store = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
            var schema = entity.GetSchema();
            var columns = entity.GetProperties()
                .Where(p => p.GetComputedColumnSql() is null && p.PropertyInfo is not null)
                .Select(p => new ColumnMap(p, p.GetColumnName(store) ?? p.GetColumnName()))
                .ToList();
            var key = entity.FindPrimaryKey();
            string? identity = key is { Properties.Count: 1 } && key.Properties[0].ClrType == typeof(int) && key.Properties[0].ValueGenerated != ValueGenerated.Never
                ? key.Properties[0].GetColumnName(store) : null;
            var map = new TableMap
            {
                QualifiedName = schema is null ? BulkWriter.Quote(tableName) : BulkWriter.Quote(schema) + "." + BulkWriter.Quote(tableName),
                Columns = columns,
                IdentityColumn = identity,
            };
            Cache[(model, clrType)] = map;
            return map;
        }
    }
}

internal sealed class ColumnMap
{
    private readonly IClrPropertyGetter _getter;
    private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? _converter;

    public ColumnMap(IProperty property, string name)
    {
        Name = name;
        _getter = property.GetGetter();
        var mapping = property.GetRelationalTypeMapping();
        _converter = mapping.Converter;
        // "character varying(200)" -> "character varying": COPY wants the type name without facets.
        var storeType = mapping.StoreType;
        var paren = storeType.IndexOf('(');
        PostgresType = paren < 0 ? storeType : storeType[..paren].Trim();
        NpgsqlType = PostgresType switch
        {
            "integer" => NpgsqlTypes.NpgsqlDbType.Integer,
            "bigint" => NpgsqlTypes.NpgsqlDbType.Bigint,
            "smallint" => NpgsqlTypes.NpgsqlDbType.Smallint,
            "text" => NpgsqlTypes.NpgsqlDbType.Text,
            "character varying" => NpgsqlTypes.NpgsqlDbType.Varchar,
            "boolean" => NpgsqlTypes.NpgsqlDbType.Boolean,
            "date" => NpgsqlTypes.NpgsqlDbType.Date,
            "numeric" => NpgsqlTypes.NpgsqlDbType.Numeric,
            "double precision" => NpgsqlTypes.NpgsqlDbType.Double,
            _ => null,
        };
    }

    /// <summary>Resolved once per column so COPY does not look the type up by name for every value.</summary>
    public NpgsqlTypes.NpgsqlDbType? NpgsqlType { get; }

    public string Name { get; }
    public string PostgresType { get; }

    public object? Read(object entity)
    {
        var value = _getter.GetClrValue(entity);
        if (value is null) return null;
        return _converter is null ? value : _converter.ConvertToProvider(value);
    }
}
