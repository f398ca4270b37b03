using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SefData.Data;
using SefData.Domain;

namespace SefData.Api.Tests.Aggregates;

/// <summary>Checks shared by the roll-up tests: suppressed cells, equations, freshness; and expected-value helpers.</summary>
public static class RollUpAssert
{
    public const int Threshold = 5;
    public static readonly string[] Colours = ["GREEN", "YELLOW", "AMBER", "RED"];

    public static int? Count(JsonElement cell) => cell.GetProperty("count").ValueKind == JsonValueKind.Null ? null : cell.GetProperty("count").GetInt32();
    public static bool Suppressed(JsonElement cell) => cell.GetProperty("suppressed").GetBoolean();

    /// <summary>
    /// A published count equals the true count and is at least the threshold; a suppressed one is null. Small true
    /// counts must be suppressed. Returns whether it was shown.
    /// </summary>
    public static bool Cell(JsonElement cell, int expected, string what)
    {
        if (Suppressed(cell))
        {
            Assert.True(Count(cell) is null, $"{what}: suppressed but count published");
            return false;
        }
        Assert.True(expected >= Threshold, $"{what}: true count {expected} is below the threshold but was published");
        Assert.Equal(expected, Count(cell));
        return true;
    }

    /// <summary>Percent is published exactly when count and total are, and equals count / total.</summary>
    public static void Percent(JsonElement cell, JsonElement total)
    {
        var p = cell.GetProperty("percent");
        if (Suppressed(cell) || Suppressed(total) || Count(total) == 0) { Assert.Equal(JsonValueKind.Null, p.ValueKind); return; }
        Assert.Equal(Math.Round(100.0 * Count(cell)!.Value / Count(total)!.Value, 1), p.GetDouble(), 1);
    }

    /// <summary>No published equation total = sum(parts) has exactly one unknown, so nothing can be recovered by subtraction.</summary>
    public static void NoSingleUnknown(JsonElement total, IEnumerable<JsonElement> parts, string what)
    {
        var hidden = (Suppressed(total) ? 1 : 0) + parts.Count(Suppressed);
        Assert.True(hidden != 1, $"{what}: exactly one suppressed member, so it can be derived from the others");
    }

    public static void Fresh(JsonElement rollUp, string expectedSourceVersion)
    {
        Assert.False(rollUp.GetProperty("stale").GetBoolean());
        Assert.Equal(Threshold, rollUp.GetProperty("suppressionThreshold").GetInt32());
        var at = rollUp.GetProperty("computedAt").GetDateTimeOffset();
        Assert.InRange(at, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(expectedSourceVersion, rollUp.GetProperty("sourceVersion").GetString());
    }

    public static string Signature(string table, IEnumerable<(int Id, int Version)> rows)
    {
        var list = rows.ToList();
        return $"{table}:{list.Count}:{list.Sum(r => (long)r.Version)}:{(list.Count == 0 ? 0 : list.Max(r => r.Id))}";
    }

    /// <summary>The date a year's consortium membership is taken at: census date, else 1 September.</summary>
    public static async Task<DateOnly> YearDateAsync(SefDataDbContext db, string year)
    {
        var y = await db.AcademicYears.SingleAsync(a => a.Code == year, TestContext.Current.CancellationToken);
        return y.CensusDate ?? y.StartDate;
    }

    /// <summary>LA codes of the consortium on the date (computed straight from the membership rows).</summary>
    public static async Task<HashSet<string>> MembersAsync(SefDataDbContext db, string consortium, DateOnly date) =>
        (await db.ConsortiumMemberships.Where(m => m.ConsortiumCode == consortium).ToListAsync(TestContext.Current.CancellationToken))
            .Where(m => m.ValidFrom <= date && (m.ValidTo == null || m.ValidTo >= date)).Select(m => m.LaCode).ToHashSet();

    /// <summary>The consortium with the most member LAs on the date.</summary>
    public static async Task<string> BiggestConsortiumAsync(SefDataDbContext db, DateOnly date) =>
        (await db.ConsortiumMemberships.ToListAsync(TestContext.Current.CancellationToken))
            .Where(m => m.ValidFrom <= date && (m.ValidTo == null || m.ValidTo >= date))
            .GroupBy(m => m.ConsortiumCode).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;

    public static string Upper(object value) => string.Concat(value.ToString()!.Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + ch : ch.ToString())).ToUpperInvariant();

    public static string? Str(JsonElement e, string property) =>
        e.GetProperty(property).ValueKind == JsonValueKind.Null ? null : e.GetProperty(property).GetString();

    public static string? Nested(JsonElement e, string property, string inner) =>
        e.GetProperty(property).ValueKind == JsonValueKind.Null ? null : e.GetProperty(property).GetProperty(inner).GetString();
}
