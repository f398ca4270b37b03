using System.Globalization;
using SefData.Domain;

namespace SefData.Api.GraphQL.Brokerage;

/// <summary>Why a candidate ranks where it does: one typed entry per factor that applied.</summary>
public enum RankFactor
{
    Green, CapacityA, YellowFallback, KeyStrengthMatch, HubOfferMatch, SameSector, SameLanguage,
    SameAuthority, SameConsortium, BeyondConsortium, CurrentLoad,
}

public sealed record RankReason(RankFactor Factor, string Detail, int Weight);

/// <summary>What the database gave for one green or yellow school in the year (the reduced set).</summary>
public sealed record CandidateFacts(
    School School, SupportColour Colour, ImprovementCapacity? Capacity, string? ConsortiumCode,
    IReadOnlyList<string> OfferedStrengths, IReadOnlyList<string> HubOffers, int Load);

public sealed record RecipientFacts(School School, SupportColour Colour, string? ConsortiumCode);

public sealed record SupportCandidate(School School, SupportColour Colour, ImprovementCapacity? Capacity, int Score, int Load,
    IReadOnlyList<RankReason> Reasons);

/// <summary>
/// Pure scoring of the candidates the SQL query kept (green/yellow in the year). Weights are deliberately simple
/// and visible in the reasons so an adviser can see why a school is suggested. Green schools always rank above
/// yellow ones (yellow is only a fallback); within a colour: score desc, then lower load, then school number.
/// TODO(domain): move to SefData.Domain with the brokerage rules once agreed.
/// </summary>
public static class Ranking
{
    public const int GreenWeight = 40, CapacityAWeight = 15, YellowWeight = 10, StrengthWeight = 20, HubWeight = 15,
        SectorWeight = 25, LanguageWeight = 10, AuthorityWeight = 15, ConsortiumWeight = 8, LoadPenalty = 8;

    private static readonly HashSet<string> StopWords = ["and", "the", "with", "for", "across", "from", "into", "of", "in", "on"];

    public static IReadOnlyList<SupportCandidate> Rank(RecipientFacts recipient, string focus, IEnumerable<CandidateFacts> candidates) =>
        candidates.Select(c => Score(recipient, focus, c))
            .OrderBy(c => c.Colour == SupportColour.Green ? 0 : 1)
            .ThenByDescending(c => c.Score)
            .ThenBy(c => c.Load)
            .ThenBy(c => c.School.SchoolNumber, StringComparer.Ordinal)
            .ToList();

    public static SupportCandidate Score(RecipientFacts r, string focus, CandidateFacts c)
    {
        var reasons = new List<RankReason>();
        if (c.Colour == SupportColour.Green)
        {
            reasons.Add(new(RankFactor.Green, "Green (highly effective) in the year", GreenWeight));
            if (c.Capacity == ImprovementCapacity.A)
                reasons.Add(new(RankFactor.CapacityA, "Capacity to improve judged A", CapacityAWeight));
        }
        else
            reasons.Add(new(RankFactor.YellowFallback, "Yellow: only a fallback when no green school fits", YellowWeight));

        var tokens = FocusTokens(focus);
        if (c.OfferedStrengths.FirstOrDefault(t => Matches(tokens, t)) is { } strength)
            reasons.Add(new(RankFactor.KeyStrengthMatch, $"Key strength offered to others: {strength}", StrengthWeight));
        if (c.HubOffers.FirstOrDefault(t => Matches(tokens, t)) is { } hub)
            reasons.Add(new(RankFactor.HubOfferMatch, $"Hosts or leads a hub: {hub}", HubWeight));
        if (c.School.Sector == r.School.Sector)
            reasons.Add(new(RankFactor.SameSector, $"Same phase ({c.School.Sector})", SectorWeight));
        if (c.School.LanguageCategoryId is { } lang && lang == r.School.LanguageCategoryId)
            reasons.Add(new(RankFactor.SameLanguage, $"Same language category ({lang})", LanguageWeight));

        if (c.School.LaCode == r.School.LaCode)
            reasons.Add(new(RankFactor.SameAuthority, $"Same local authority ({c.School.LaCode})", AuthorityWeight));
        else if (c.ConsortiumCode is not null && c.ConsortiumCode == r.ConsortiumCode)
            reasons.Add(new(RankFactor.SameConsortium, $"Same consortium in the year ({c.ConsortiumCode})", ConsortiumWeight));
        else
            reasons.Add(new(RankFactor.BeyondConsortium, "Outside the recipient's consortium", 0));

        if (c.Load > 0)
            reasons.Add(new(RankFactor.CurrentLoad,
                string.Create(CultureInfo.InvariantCulture, $"Already provides {c.Load} brokerage(s) in the year"), -LoadPenalty * c.Load));

        return new(c.School, c.Colour, c.Capacity, reasons.Sum(x => x.Weight), c.Load, reasons);
    }

    /// <summary>Significant lower-case words of the focus (letters only: the text never reaches SQL anyway).</summary>
    public static IReadOnlyList<string> FocusTokens(string focus) =>
        focus.ToLowerInvariant().Split(c => !char.IsLetter(c))
            .Where(w => w.Length >= 4 && !StopWords.Contains(w)).Distinct().ToList();

    /// <summary>A word matches when the text contains it or (for long words) its 6-letter stem: "leadership" ~ "leaders".</summary>
    public static bool Matches(IReadOnlyList<string> tokens, string text)
    {
        var t = text.ToLowerInvariant();
        return tokens.Any(w => t.Contains(w, StringComparison.Ordinal) || (w.Length >= 7 && t.Contains(w[..6], StringComparison.Ordinal)));
    }
}

internal static class StringSplitExtensions
{
    public static string[] Split(this string s, Func<char, bool> separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= s.Length; i++)
        {
            if (i < s.Length && !separator(s[i])) continue;
            if (i > start) parts.Add(s[start..i]);
            start = i + 1;
        }
        return [.. parts];
    }
}
