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
        IQueryable<T> q = db.Set<T>().AsNoTracking();
        IOrderedQueryable<T>? ordered = null;
        foreach (var key in entity.FindPrimaryKey()!.Properties)
        {
            var name = key.Name;
            ordered = ordered is null ? q.OrderBy(e => EF.Property<object>(e, name)) : ordered.ThenBy(e => EF.Property<object>(e, name));
        }
        var list = await (ordered ?? q).ToListAsync(ct);
        return list.Cast<object>().ToList();
    }

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
