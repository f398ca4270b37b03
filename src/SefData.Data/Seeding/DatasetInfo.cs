using Microsoft.EntityFrameworkCore.Storage;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace SefData.Data.Seeding;

/// <summary>What kind of data the database holds, so the API can say when it serves synthetic demo data.</summary>
public sealed record DatasetInfo(string Kind, string Description, int? Scale, int? Seed, string? GeneratorVersion)
{
    public const string SyntheticKind = "synthetic";
    public bool IsSynthetic => Kind == SyntheticKind;
}

/// <summary>
/// One-row table "DatasetInfo". The domain model has no dataset-metadata entity yet, so the table is created here
/// with portable DDL and kept outside the EF model (it is not part of the migrated schema or the checksum).
/// </summary>
public static class DatasetInfoStore
{
    private const string Table = "\"DatasetInfo\"";

    public static async Task WriteAsync(DbContext db, DatasetInfo info, CancellationToken ct = default)
    {
        await ExecuteAsync(db, $"CREATE TABLE IF NOT EXISTS {Table} (\"Id\" INTEGER PRIMARY KEY, \"Kind\" VARCHAR(40) NOT NULL, "
            + "\"Description\" VARCHAR(400) NOT NULL, \"Scale\" INTEGER NULL, \"Seed\" INTEGER NULL, \"GeneratorVersion\" VARCHAR(40) NULL)", [], ct);
        await ExecuteAsync(db, $"DELETE FROM {Table}", [], ct);
        await ExecuteAsync(db, $"INSERT INTO {Table} (\"Id\", \"Kind\", \"Description\", \"Scale\", \"Seed\", \"GeneratorVersion\") VALUES (1, @kind, @description, @scale, @seed, @version)",
            [("@kind", info.Kind), ("@description", info.Description), ("@scale", info.Scale), ("@seed", info.Seed), ("@version", info.GeneratorVersion)], ct);
    }

    /// <summary>The stored row, or null when nothing has been recorded (no table or no row).</summary>
    public static async Task<DatasetInfo?> ReadAsync(DbContext db, CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            if (!await TableExistsAsync(db, connection, ct)) return null;
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"SELECT \"Kind\", \"Description\", \"Scale\", \"Seed\", \"GeneratorVersion\" FROM {Table} WHERE \"Id\" = 1";
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) return null;
            return new DatasetInfo(reader.GetString(0), reader.GetString(1),
                reader.IsDBNull(2) ? null : Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
                reader.IsDBNull(3) ? null : Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture),
                reader.IsDBNull(4) ? null : reader.GetString(4));
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    public static async Task DeleteAsync(DbContext db, CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        if (await TableExistsAsync(db, connection, ct)) await ExecuteAsync(db, $"DELETE FROM {Table}", [], ct);
    }

    private static async Task<bool> TableExistsAsync(DbContext db, DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true
            ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'DatasetInfo'"
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'DatasetInfo'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task ExecuteAsync(DbContext db, string sql, (string Name, object? Value)[] parameters, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        await command.ExecuteNonQueryAsync(ct);
    }
}
