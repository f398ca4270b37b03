using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using SefData.Data;

namespace SefData.Testing;

/// <summary>
/// Reads a database's own catalog (tables, columns with store type and nullability, primary keys, indexes, foreign
/// keys with delete behaviour) as a set of canonical lines, so two databases can be compared and the difference shown.
/// This is the one place with provider-specific catalog SQL.
/// </summary>
public static class DatabaseCatalog
{
    /// <summary>EF's own bookkeeping tables, present only in migrated databases (the lock table on SQLite).</summary>
    public const string MigrationsHistoryTable = "__EFMigrationsHistory";
    public const string MigrationsLockTable = "__EFMigrationsLock";

    public static Task<SortedSet<string>> ReadAsync(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => ReadSqliteAsync(connectionString),
        DatabaseProvider.Postgres => ReadPostgresAsync(connectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>Lines only in <paramref name="expected"/> (prefixed "-") and only in <paramref name="actual"/> ("+").</summary>
    public static IReadOnlyList<string> Diff(SortedSet<string> expected, SortedSet<string> actual) =>
        expected.Except(actual).Select(l => "- " + l).Concat(actual.Except(expected).Select(l => "+ " + l))
            .OrderBy(l => l[2..], StringComparer.Ordinal).ToList();

    private static async Task<SortedSet<string>> ReadSqliteAsync(string cs)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        await using var c = new SqliteConnection(cs);
        await c.OpenAsync();
        var tables = await QueryAsync(c, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            r => (Name: r.GetString(0), Sql: r.GetString(1)));
        foreach (var (table, sql) in tables.Where(t => t.Name is not (MigrationsHistoryTable or MigrationsLockTable)))
        {
            lines.Add($"table {table}");
            // Autoincrement is only visible in the CREATE statement.
            if (sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)) lines.Add($"table {table} autoincrement");
            var columns = await QueryAsync(c, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')",
                r => (Name: r.GetString(0), Type: r.GetString(1), NotNull: r.GetInt64(2) == 1, Default: r.IsDBNull(3) ? null : r.GetString(3), Pk: r.GetInt64(4)));
            foreach (var col in columns)
                lines.Add($"column {table}.{col.Name} {col.Type} {(col.NotNull ? "NOT NULL" : "NULL")}{(col.Default is null ? "" : " DEFAULT " + col.Default)}");
            lines.Add($"pk {table} ({string.Join(", ", columns.Where(x => x.Pk > 0).OrderBy(x => x.Pk).Select(x => x.Name))})");
            var indexes = await QueryAsync(c, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}')",
                r => (Name: r.GetString(0), Unique: r.GetInt64(1) == 1, Origin: r.GetString(2)));
            foreach (var ix in indexes.Where(i => i.Origin != "pk"))
            {
                var cols = await QueryAsync(c, $"SELECT name FROM pragma_index_info('{ix.Name}') ORDER BY seqno", r => r.GetString(0));
                lines.Add($"index {table}.{ix.Name} ({string.Join(", ", cols)}){(ix.Unique ? " UNIQUE" : "")}");
            }
            var fks = await QueryAsync(c, $"SELECT id, seq, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')",
                r => (Id: r.GetInt64(0), Seq: r.GetInt64(1), Principal: r.GetString(2), From: r.GetString(3), To: r.GetString(4), OnDelete: r.GetString(5)));
            foreach (var fk in fks.GroupBy(f => f.Id))
            {
                var parts = fk.OrderBy(f => f.Seq).ToList();
                lines.Add($"fk {table} ({string.Join(", ", parts.Select(p => p.From))}) -> {parts[0].Principal} "
                    + $"({string.Join(", ", parts.Select(p => p.To))}) ON DELETE {parts[0].OnDelete.ToUpperInvariant()}");
            }
        }
        return lines;
    }

    private static async Task<SortedSet<string>> ReadPostgresAsync(string cs)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        const string inPublic = "JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public' AND t.relname NOT IN ('" + MigrationsHistoryTable + "', '" + MigrationsLockTable + "')";

        foreach (var table in await QueryAsync(c, $"SELECT t.relname FROM pg_class t {inPublic} AND t.relkind = 'r'", r => r.GetString(0)))
            lines.Add($"table {table}");

        foreach (var col in await QueryAsync(c, $"""
            SELECT t.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity::text, pg_get_expr(d.adbin, d.adrelid)
            FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            {inPublic} AND t.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
            """, r => (Table: r.GetString(0), Name: r.GetString(1), Type: r.GetString(2), NotNull: r.GetBoolean(3),
                Identity: r.GetString(4), Default: r.IsDBNull(5) ? null : r.GetString(5))))
            lines.Add($"column {col.Table}.{col.Name} {col.Type} {(col.NotNull ? "NOT NULL" : "NULL")}"
                + (col.Identity switch { "d" => " IDENTITY BY DEFAULT", "a" => " IDENTITY ALWAYS", _ => "" })
                + (col.Default is null ? "" : " DEFAULT " + col.Default));

        foreach (var k in await QueryAsync(c, $"""
            SELECT t.relname, con.conname, con.contype::text, f.relname, con.confdeltype::text,
              (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum),
              (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum)
            FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid LEFT JOIN pg_class f ON f.oid = con.confrelid
            {inPublic} AND con.contype IN ('p', 'f', 'u')
            """, r => (Table: r.GetString(0), Name: r.GetString(1), Type: r.GetString(2), Principal: r.IsDBNull(3) ? null : r.GetString(3),
                OnDelete: r.GetString(4), Cols: r.GetString(5), PrincipalCols: r.IsDBNull(6) ? null : r.GetString(6))))
        {
            lines.Add(k.Type switch
            {
                "p" => $"pk {k.Table} ({k.Cols}) {k.Name}",
                "u" => $"unique {k.Table} ({k.Cols}) {k.Name}",
                _ => $"fk {k.Table} ({k.Cols}) -> {k.Principal} ({k.PrincipalCols}) ON DELETE {DeleteAction(k.OnDelete)} {k.Name}",
            });
        }

        foreach (var ix in await QueryAsync(c, $"""
            SELECT t.relname, i.relname, ix.indisunique,
              (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum)
            FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
            {inPublic} AND NOT ix.indisprimary
            """, r => (Table: r.GetString(0), Name: r.GetString(1), Unique: r.GetBoolean(2), Cols: r.GetString(3))))
            lines.Add($"index {ix.Table}.{ix.Name} ({ix.Cols}){(ix.Unique ? " UNIQUE" : "")}");
        return lines;
    }

    private static string DeleteAction(string code) => code switch
    {
        "a" => "NO ACTION",
        "r" => "RESTRICT",
        "c" => "CASCADE",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        _ => code,
    };

    private static async Task<List<T>> QueryAsync<T>(DbConnection c, string sql, Func<DbDataReader, T> map)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync();
        var list = new List<T>();
        while (await r.ReadAsync()) list.Add(map(r));
        return list;
    }
}
