using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SefData.Data;

/// <summary>
/// A deterministic fingerprint of the whole database: every table read through EF in primary-key order, every value
/// written in an invariant form, hashed with SHA-256. Same data => same hash, on either provider.
/// </summary>
public static class DatabaseChecksum
{
    public static async Task<string> ComputeAsync(SefDataDbContext db, CancellationToken ct = default)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entity in db.Model.GetEntityTypes().OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
        {
            Append(sha, $"#{entity.GetTableName()}\n");
            var properties = entity.GetProperties().OrderBy(p => p.GetColumnName(), StringComparer.Ordinal).ToList();
            var rows = await (Task<List<object>>)RowsMethod.MakeGenericMethod(entity.ClrType).Invoke(null, [db, entity, ct])!;
            foreach (var row in rows)
            {
                var sb = new StringBuilder();
                foreach (var p in properties) sb.Append(Format(p.PropertyInfo!.GetValue(row))).Append('|');
                Append(sha, sb.Append('\n').ToString());
            }
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static readonly MethodInfo RowsMethod = typeof(DatabaseChecksum).GetMethod(nameof(RowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static async Task<List<object>> RowsAsync<T>(SefDataDbContext db, IEntityType entity, CancellationToken ct) where T : class
    {
        // Sorted in memory, not by the database: collations differ between providers (and servers).
        var keys = entity.FindPrimaryKey()!.Properties.Select(p => p.PropertyInfo!).ToList();
        var rows = await db.Set<T>().AsNoTracking().ToListAsync(ct);
        rows.Sort((a, b) =>
        {
            foreach (var k in keys)
            {
                var c = CompareKey(k.GetValue(a), k.GetValue(b));
                if (c != 0) return c;
            }
            return 0;
        });
        return rows.Cast<object>().ToList();
    }

    private static int CompareKey(object? a, object? b) => (a, b) switch
    {
        (string x, string y) => string.CompareOrdinal(x, y),
        _ => Comparer<object?>.Default.Compare(a, b),
    };

    private static void Append(IncrementalHash sha, string s) => sha.AppendData(Encoding.UTF8.GetBytes(s));

    private static string Format(object? v) => v switch
    {
        null => "\u2400",
        // Normalise scale: SQLite keeps decimals as text and may not round-trip trailing zeros.
        decimal d => d.ToString("0.############################", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };
}
