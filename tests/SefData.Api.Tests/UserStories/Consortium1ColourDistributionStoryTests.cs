using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SefData.Api.Tests.Infrastructure;
using SefData.Data;
using SefData.Domain;
using static SefData.Api.Tests.Aggregates.RollUpAssert;

namespace SefData.Api.Tests.UserStories;

/// <summary>
/// Consortium story 1 (DOMAIN.md section 5): "See this year's colour distribution by LA and sector, with the change
/// from last year and the movers (e.g. amber -> red)". One dashboard request for every consortium; every number is
/// recounted here from the categorisation, school and membership rows, with small cells suppressed.
/// </summary>
public abstract class Consortium1ColourDistributionStoryTests(ApiHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Row(int Id, int Version, int SchoolId, string SchoolNumber, string La, string Sector, string Colour);

    /// <summary>The year's categorisation rows of the consortium's schools (LAs that were members on the year's date).</summary>
    private static async Task<List<Row>> RowsAsync(SefDataDbContext db, string consortium, string year)
    {
        var members = await MembersAsync(db, consortium, await YearDateAsync(db, year));
        return (await db.CategorisationResults.Where(c => c.YearCode == year).Include(c => c.School).ToListAsync(Ct))
            .Where(c => members.Contains(c.School!.LaCode))
            .Select(c => new Row(c.Id, c.Version, c.SchoolId, c.School!.SchoolNumber, c.School.LaCode, Upper(c.School.Sector), Upper(c.SupportColour)))
            .ToList();
    }

    [Fact]
    public async Task This_years_colours_by_LA_and_sector_with_the_change_and_the_movers_for_every_consortium()
    {
        await using var db = host.NewDbContext();
        // "This year" is the latest year with categorisation; last year is the one before it.
        var year = await db.CategorisationResults.MaxAsync(c => c.YearCode, Ct);
        var lastYear = $"{int.Parse(year[..4], System.Globalization.CultureInfo.InvariantCulture) - 1}/{year[2..4]}";
        var date = await YearDateAsync(db, year);
        var consortia = (await db.ConsortiumMemberships.ToListAsync(Ct))
            .Where(m => m.ValidFrom <= date && (m.ValidTo == null || m.ValidTo >= date)).Select(m => m.ConsortiumCode).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(consortia);

        using var json = await host.PostGraphQLAsync("""
            query($d: Date!, $y: AcademicYear!, $p: AcademicYear!) { consortia(asOf: $d) { code
              colourDistribution(year: $y, by: [LOCAL_AUTHORITY, SECTOR]) { __typename ... on ColourDistribution {
                year computedAt sourceVersion stale suppressionThreshold
                total { count suppressed }
                colours { colour count percent suppressed changeFromPreviousYear }
                groups { localAuthority { laCode } sector total { count suppressed } colours { colour count percent suppressed changeFromPreviousYear } } } }
              lastYear: colourDistribution(year: $p, by: [LOCAL_AUTHORITY, SECTOR]) { __typename ... on ColourDistribution {
                year computedAt sourceVersion stale suppressionThreshold
                total { count suppressed }
                colours { colour count percent suppressed changeFromPreviousYear }
                groups { localAuthority { laCode } sector total { count suppressed } colours { colour count percent suppressed changeFromPreviousYear } } } }
              colourTransitions(from: $p, to: $y) { __typename ... on ColourTransitions {
                fromYear toYear total { count suppressed } cells { from to count percent suppressed }
                amberToRed: movers(fromColour: AMBER, toColour: RED, first: 500) { school { schoolNumber } fromColour toColour fromYear toYear }
                movers(first: 500) { school { schoolNumber } fromColour toColour } } } } }
            """, new { d = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), y = year, p = lastYear });
        var answered = GraphQLAssert.NoErrors(json).GetProperty("consortia").EnumerateArray().ToList();
        Assert.Equal(consortia, answered.Select(c => c.GetProperty("code").GetString()).Order(StringComparer.Ordinal));

        // Movers compare with the school's colour last year wherever its LA belonged then.
        var lastColour = (await db.CategorisationResults.Where(r => r.YearCode == lastYear).ToListAsync(Ct)).ToDictionary(r => r.SchoolId, r => Upper(r.SupportColour));
        var publishedChanges = 0;
        var amberToRedSeen = 0;
        foreach (var c in answered)
        {
            var code = c.GetProperty("code").GetString()!;
            var now = await RowsAsync(db, code, year);
            var before = await RowsAsync(db, code, lastYear);
            var last = c.GetProperty("lastYear");
            Distribution(last, before, null, null, lastYear, code);
            publishedChanges += Distribution(c.GetProperty("colourDistribution"), now, before, last, year, code);
            var t = c.GetProperty("colourTransitions");
            Assert.Equal(("ColourTransitions", lastYear, year), (t.GetProperty("__typename").GetString(), t.GetProperty("fromYear").GetString(), t.GetProperty("toYear").GetString()));
            amberToRedSeen += MoversOf(t, now, lastColour, code);
        }
        Assert.True(publishedChanges > 0, "no change from last year was published anywhere: the test would prove nothing");
        Assert.True(amberToRedSeen > 0, "no amber -> red mover in any consortium: the test would prove nothing");
    }

    /// <summary>
    /// Checks the LA x sector table against the rows; with last year's rows and table, also the change, which must be
    /// published exactly when both years' cells are. Returns how many changes were published.
    /// </summary>
    private static int Distribution(JsonElement d, List<Row> now, List<Row>? before, JsonElement? lastTable, string year, string code)
    {
        Assert.Equal("ColourDistribution", d.GetProperty("__typename").GetString());
        Assert.Equal(year, d.GetProperty("year").GetString());
        Fresh(d, Signature("CategorisationResult", now.Select(r => (r.Id, r.Version))));
        Cell(d.GetProperty("total"), now.Count, $"{code} total");

        int Count(List<Row> rows, string? la, string? sector, string colour) =>
            rows.Count(r => (la is null || r.La == la) && (sector is null || r.Sector == sector) && r.Colour == colour);

        var changes = 0;
        void Colours(IEnumerable<JsonElement> cells, JsonElement total, string? la, string? sector, JsonElement? lastCells)
        {
            var list = cells.ToList();
            Assert.Equal(RollUpColours, list.Select(x => x.GetProperty("colour").GetString()));
            foreach (var cell in list)
            {
                var colour = cell.GetProperty("colour").GetString()!;
                var what = $"{code} {la ?? "all"} {sector ?? "all"} {colour}";
                var count = Count(now, la, sector, colour);
                Cell(cell, count, what);
                Percent(cell, total);
                if (before is null) continue;
                var change = cell.GetProperty("changeFromPreviousYear");
                // Last year's cell for the same LA, sector and colour (absent when the LA had no such schools then).
                var lastCell = lastCells?.EnumerateArray().Single(x => x.GetProperty("colour").GetString() == colour);
                var bothShown = !Suppressed(cell) && lastCell is { } lc && !Suppressed(lc);
                Assert.True(bothShown == (change.ValueKind != JsonValueKind.Null), what + ": change must be published exactly when both years' counts are");
                if (!bothShown) continue;
                var last = Count(before, la, sector, colour);
                Assert.True(last >= Threshold, what + ": change published although last year's count is small");
                Assert.Equal(count - last, change.GetInt32());
                changes++;
            }
            NoSingleUnknown(total, list, $"{code} {la} {sector} row");
        }

        Colours(d.GetProperty("colours").EnumerateArray(), d.GetProperty("total"), null, null, lastTable?.GetProperty("colours"));
        var lastGroups = lastTable?.GetProperty("groups").EnumerateArray()
            .ToDictionary(g => (g.GetProperty("localAuthority").GetProperty("laCode").GetString()!, g.GetProperty("sector").GetString()!), g => g.GetProperty("colours"));
        var groups = d.GetProperty("groups").EnumerateArray().ToList();
        // One row per LA and sector that has categorised schools this year, and no other.
        var expectedKeys = now.Select(r => (r.La, r.Sector)).Distinct().OrderBy(k => k.La, StringComparer.Ordinal).ThenBy(k => k.Sector, StringComparer.Ordinal).ToList();
        var keys = groups.Select(g => (La: g.GetProperty("localAuthority").GetProperty("laCode").GetString()!, Sector: g.GetProperty("sector").GetString()!)).ToList();
        Assert.Equal(expectedKeys, keys.OrderBy(k => k.La, StringComparer.Ordinal).ThenBy(k => k.Sector, StringComparer.Ordinal));
        foreach (var g in groups)
        {
            var la = g.GetProperty("localAuthority").GetProperty("laCode").GetString()!;
            var sector = g.GetProperty("sector").GetString()!;
            Cell(g.GetProperty("total"), now.Count(r => r.La == la && r.Sector == sector), $"{code} {la} {sector} total");
            Colours(g.GetProperty("colours").EnumerateArray(), g.GetProperty("total"), la, sector,
                lastGroups is not null && lastGroups.TryGetValue((la, sector), out var lg) ? lg : null);
        }
        // Columns: no colour's LA x sector cells may hide exactly one value recoverable from the consortium total.
        for (var i = 0; i < RollUpColours.Length; i++)
            NoSingleUnknown(d.GetProperty("colours")[i], groups.Select(g => g.GetProperty("colours")[i]), $"{code} column {RollUpColours[i]}");
        NoSingleUnknown(d.GetProperty("total"), groups.Select(g => g.GetProperty("total")), $"{code} totals column");
        return changes;
    }

    /// <summary>Checks the from x to matrix and the mover lists; returns the number of amber -> red movers.</summary>
    private static int MoversOf(JsonElement t, List<Row> now, IReadOnlyDictionary<int, string> lastColour, string code)
    {
        var pairs = now.Where(r => lastColour.ContainsKey(r.SchoolId)).Select(r => (r.SchoolNumber, From: lastColour[r.SchoolId], To: r.Colour)).ToList();
        Cell(t.GetProperty("total"), pairs.Count, $"{code} schools in both years");
        foreach (var cell in t.GetProperty("cells").EnumerateArray())
        {
            var (from, to) = (cell.GetProperty("from").GetString(), cell.GetProperty("to").GetString());
            Cell(cell, pairs.Count(p => p.From == from && p.To == to), $"{code} {from}->{to}");
            Percent(cell, t.GetProperty("total"));
        }
        NoSingleUnknown(t.GetProperty("total"), t.GetProperty("cells").EnumerateArray(), $"{code} matrix");

        // Named movers are case work for the consortium: listed in full, never suppressed.
        var amberToRed = pairs.Where(p => p.From == "AMBER" && p.To == "RED").Select(p => p.SchoolNumber).Order(StringComparer.Ordinal).ToList();
        var listed = t.GetProperty("amberToRed").EnumerateArray().ToList();
        Assert.Equal(amberToRed, listed.Select(m => m.GetProperty("school").GetProperty("schoolNumber").GetString()));
        Assert.All(listed, m => Assert.Equal(("AMBER", "RED"), (m.GetProperty("fromColour").GetString(), m.GetProperty("toColour").GetString())));
        var moved = pairs.Where(p => p.From != p.To).OrderBy(p => p.SchoolNumber, StringComparer.Ordinal).Take(500).ToList();
        Assert.Equal(moved.Select(p => (p.SchoolNumber, p.From, p.To)),
            t.GetProperty("movers").EnumerateArray().Select(m => (m.GetProperty("school").GetProperty("schoolNumber").GetString()!, m.GetProperty("fromColour").GetString()!, m.GetProperty("toColour").GetString()!)));
        return amberToRed.Count;
    }

    /// <summary>RollUpAssert.Colours, renamed because the check above has a local function called Colours.</summary>
    private static readonly string[] RollUpColours = Colours;
}

public sealed class Consortium1ColourDistributionStoryTestsSqlite(SqliteApiHost host) : Consortium1ColourDistributionStoryTests(host);
public sealed class Consortium1ColourDistributionStoryTestsPostgres(PostgresApiHost host) : Consortium1ColourDistributionStoryTests(host);
