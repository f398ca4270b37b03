using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SefData.Data;
using SefData.Domain;
using static SefData.Api.Tests.Recording.MutationKit;

namespace SefData.Api.Tests.Brokerage;

/// <summary>
/// The support-candidate ranking computed independently of the API: plain rows read with EF, filtered, matched and
/// scored in memory from the documented weights (Brokerage/README.md), so API tests compare against it.
/// </summary>
public static class ExpectedRanking
{
    public sealed record Candidate(string SchoolNumber, int SchoolId, SupportColour Colour, ImprovementCapacity? Capacity, int Score, int Load,
        bool Strength, bool Hub, bool SameSector, bool SameLanguage, string Distance);

    // Words shorter than 4 letters never count, so only these stop words matter.
    private static readonly string[] StopWords = ["with", "across", "from", "into"];

    public static List<string> Words(string focus) =>
        new string(focus.ToLowerInvariant().Select(ch => char.IsLetter(ch) ? ch : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 4 && !StopWords.Contains(w)).Distinct().ToList();

    /// <summary>A text matches when it contains a focus word, or the first 6 letters of a word of 7 or more.</summary>
    public static bool Matches(IReadOnlyList<string> words, string text)
    {
        var t = text.ToLowerInvariant();
        return words.Any(w => t.Contains(w, StringComparison.Ordinal) || (w.Length >= 7 && t.Contains(w[..6], StringComparison.Ordinal)));
    }

    public static async Task<List<Candidate>> ComputeAsync(SefDataDbContext db, School recipient, string focus, string year)
    {
        var y = int.Parse(year[..4], System.Globalization.CultureInfo.InvariantCulture);
        var from = new DateOnly(y, 9, 1);
        var to = new DateOnly(y + 1, 8, 31);
        var results = await db.CategorisationResults.Where(c => c.YearCode == year)
            .Select(c => new { c.SchoolId, c.SupportColour, c.ImprovementCapacity, c.School!.SchoolNumber, c.School.LaCode, c.School.Sector, c.School.LanguageCategoryId, c.School.CloseDate })
            .ToListAsync(Ct);
        var pool = results.Where(c => c.SupportColour is SupportColour.Green or SupportColour.Yellow && c.SchoolId != recipient.Id
            && (c.CloseDate is null || c.CloseDate >= from)).ToList();
        var memberships = await db.ConsortiumMemberships.ToListAsync(Ct);
        string? ConsortiumOf(string la) => memberships
            .Where(m => m.LaCode == la && m.ValidFrom <= from && (m.ValidTo is null || m.ValidTo >= from)).Select(m => m.ConsortiumCode).SingleOrDefault();
        var loads = (await db.SupportBrokerages.ToListAsync(Ct))
            .Where(x => x.Status != BrokerageStatus.Cancelled && x.StartDate >= from && x.StartDate <= to)
            .GroupBy(x => x.ProviderSchoolId).ToDictionary(g => g.Key, g => g.Count());
        var strengths = (await db.KeyStrengths.Where(k => k.OfferedToOthers).Select(k => new { k.Cycle!.SchoolId, k.Cycle.YearCode, k.Text }).ToListAsync(Ct))
            .Where(k => int.Parse(k.YearCode[..4], System.Globalization.CultureInfo.InvariantCulture) <= y).ToLookup(k => k.SchoolId, k => k.Text);
        var hubs = (await db.GroupMemberships.Select(m => new { m.SchoolId, m.Role, m.ValidFrom, m.ValidTo, m.Group!.Type, m.Group.Name, m.Group.Focus }).ToListAsync(Ct))
            .Where(m => m.Type == GroupType.Hub && m.Role is GroupRole.Host or GroupRole.Lead or GroupRole.Provider
                && m.ValidFrom <= to && (m.ValidTo is null || m.ValidTo >= from))
            .ToLookup(m => m.SchoolId, m => m.Name + " " + m.Focus);
        var words = Words(focus);
        var recipientConsortium = ConsortiumOf(recipient.LaCode);

        return pool.Select(c =>
            {
                var green = c.SupportColour == SupportColour.Green;
                var strength = strengths[c.SchoolId].Any(t => Matches(words, t));
                var hub = hubs[c.SchoolId].Any(t => Matches(words, t));
                var sameSector = c.Sector == recipient.Sector;
                var sameLanguage = c.LanguageCategoryId is not null && c.LanguageCategoryId == recipient.LanguageCategoryId;
                var consortium = ConsortiumOf(c.LaCode);
                var distance = c.LaCode == recipient.LaCode ? "SAME_AUTHORITY"
                    : consortium is not null && consortium == recipientConsortium ? "SAME_CONSORTIUM" : "BEYOND_CONSORTIUM";
                var load = loads.GetValueOrDefault(c.SchoolId);
                var score = (green ? 40 + (c.ImprovementCapacity == ImprovementCapacity.A ? 15 : 0) : 10)
                    + (strength ? 20 : 0) + (hub ? 15 : 0) + (sameSector ? 25 : 0) + (sameLanguage ? 10 : 0)
                    + distance switch { "SAME_AUTHORITY" => 15, "SAME_CONSORTIUM" => 8, _ => 0 } - 8 * load;
                return new Candidate(c.SchoolNumber, c.SchoolId, c.SupportColour, c.ImprovementCapacity, score, load, strength, hub, sameSector, sameLanguage, distance);
            })
            .OrderBy(c => c.Colour == SupportColour.Green ? 0 : 1).ThenByDescending(c => c.Score).ThenBy(c => c.Load)
            .ThenBy(c => c.SchoolNumber, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Asserts that the API's candidates are exactly the expected prefix, with matching scores, loads and reasons.</summary>
    public static void AssertSame(IReadOnlyList<Candidate> expected, IReadOnlyList<JsonElement> actual, int first)
    {
        Assert.Equal(expected.Take(first).Select(e => (e.SchoolNumber, e.Score, e.Load)).ToList(),
            actual.Select(a => (a.GetProperty("school").GetProperty("schoolNumber").GetString()!, a.GetProperty("score").GetInt32(), a.GetProperty("load").GetInt32())).ToList());
        foreach (var (e, a) in expected.Zip(actual))
        {
            var factors = a.GetProperty("reasons").EnumerateArray().ToDictionary(r => r.GetProperty("factor").GetString()!, r => r.GetProperty("weight").GetInt32());
            Assert.Equal(e.Score, factors.Values.Sum());
            Assert.Equal(e.Strength, factors.ContainsKey("KEY_STRENGTH_MATCH"));
            Assert.Equal(e.Hub, factors.ContainsKey("HUB_OFFER_MATCH"));
            Assert.Equal(e.SameSector, factors.ContainsKey("SAME_SECTOR"));
            Assert.Equal(e.SameLanguage, factors.ContainsKey("SAME_LANGUAGE"));
            Assert.True(factors.ContainsKey(e.Distance), $"{e.SchoolNumber}: expected {e.Distance}");
            Assert.Equal(e.Colour.ToString().ToUpperInvariant(), a.GetProperty("colour").GetString());
        }
    }
}
