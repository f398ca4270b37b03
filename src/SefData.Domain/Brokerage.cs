using System.Globalization;

namespace SefData.Domain;

/// <summary>
/// Rules for brokering school-to-school support (pure: callers read the facts and apply the verdicts).
/// Lifecycle: PROPOSED -> AGREED -> ACTIVE (reviews keep it ACTIVE) -> COMPLETED; any open state -> CANCELLED.
/// </summary>
public static class BrokerageRules
{
    /// <summary>Default cap on open (proposed, agreed or active) brokerages per provider; configurable as Brokerage:MaxOpenPerProvider.</summary>
    public const int DefaultMaxOpenPerProvider = 3;

    /// <summary>Open brokerages (proposed, agreed, active) count towards a provider's cap.</summary>
    public static bool IsOpen(BrokerageStatus status) => status is BrokerageStatus.Proposed or BrokerageStatus.Agreed or BrokerageStatus.Active;

    /// <summary>Only green or yellow schools provide support (green first; yellow is a fallback).</summary>
    public static RuleViolation? Provider(SupportColour? colour, string year) => colour is SupportColour.Green or SupportColour.Yellow
        ? null
        : new(RuleCodes.BrokerageProviderColour, colour is null
            ? $"The provider has no categorisation for {year}: only green or yellow schools can provide support."
            : $"The provider is {colour} in {year}: only green or yellow schools can provide support.");

    /// <summary>Support is brokered for amber or red schools.</summary>
    public static RuleViolation? Recipient(SupportColour? colour, string year) => colour is SupportColour.Amber or SupportColour.Red
        ? null
        : new(RuleCodes.BrokerageRecipientColour, colour is null
            ? $"The recipient has no categorisation for {year}: support is brokered for amber or red schools."
            : $"The recipient is {colour} in {year}: support is brokered for amber or red schools.");

    /// <summary>
    /// The seeds warn against "continually using the same schools": a provider takes at most <paramref name="cap"/>
    /// open brokerages. <paramref name="otherOpen"/> counts the provider's open brokerages other than the one being
    /// proposed, agreed or started.
    /// </summary>
    public static RuleViolation? Load(int otherOpen, int cap) => otherOpen < cap
        ? null
        : new(RuleCodes.BrokerageLoadCap, $"The provider already has {otherOpen} open brokerage(s); at most {cap} at a time, so the same schools are not used continually.");

    public static bool IsLegal(BrokerageStatus from, BrokerageStatus to) => (from, to) switch
    {
        (BrokerageStatus.Proposed, BrokerageStatus.Agreed) => true,
        (BrokerageStatus.Agreed, BrokerageStatus.Active) => true,
        (BrokerageStatus.Active, BrokerageStatus.Active) => true, // a review
        (BrokerageStatus.Active, BrokerageStatus.Completed) => true,
        (BrokerageStatus.Proposed or BrokerageStatus.Agreed or BrokerageStatus.Active, BrokerageStatus.Cancelled) => true,
        _ => false,
    };

    /// <summary>A status change; <paramref name="review"/> is the only ACTIVE -> ACTIVE move.</summary>
    public static RuleViolation? Move(BrokerageStatus from, BrokerageStatus to, bool review = false)
    {
        if (review)
            return from == BrokerageStatus.Active ? null
                : new(RuleCodes.BrokerageStatusTransition, $"Only an active brokerage can be reviewed (it is {from}).");
        if (from == to)
            return new(RuleCodes.BrokerageStatusTransition, $"The brokerage is already {from}.");
        return IsLegal(from, to) ? null
            : new(RuleCodes.BrokerageStatusTransition,
                $"A brokerage cannot go from {from} to {to} (proposed -> agreed -> active -> completed; open ones can be cancelled).");
    }

    /// <summary>Moves that commit the provider further (agree, start) re-check the cap, like a proposal does.</summary>
    public static bool ChecksLoad(BrokerageStatus to) => to is BrokerageStatus.Proposed or BrokerageStatus.Agreed or BrokerageStatus.Active;

    /// <summary>First and last day of an academic year "2018/19".</summary>
    public static (DateOnly From, DateOnly To) Span(string year)
    {
        var y = AcademicYears.StartYear(year);
        return (new DateOnly(y, 9, 1), new DateOnly(y + 1, 8, 31));
    }
}

/// <summary>Why a candidate ranks where it does: one typed entry per factor that applied.</summary>
public enum RankFactor
{
    Green, CapacityA, YellowFallback, KeyStrengthMatch, HubOfferMatch, SameSector, SameLanguage,
    SameAuthority, SameConsortium, BeyondConsortium, CurrentLoad,
}

public sealed record RankReason(RankFactor Factor, string Detail, int Weight);

/// <summary>The facts about one green or yellow candidate that its rank depends on.</summary>
public sealed record CandidateFacts(
    School School, SupportColour Colour, ImprovementCapacity? Capacity, string? ConsortiumCode,
    IReadOnlyList<string> OfferedStrengths, IReadOnlyList<string> HubOffers, int Load);

/// <summary>
/// Ranking of support providers for an amber or red school. Weights are deliberately simple and visible in the
/// reasons so an adviser can see why a school is suggested. Green schools always rank above yellow ones (yellow is
/// only a fallback); within a colour: score desc, then lower load, then school number.
/// The database evaluates the same weights as SQL (Brokerage module); <see cref="Reasons"/> explains the rows returned.
/// </summary>
public static class BrokerageRanking
{
    public const int GreenWeight = 40, CapacityAWeight = 15, YellowWeight = 10, StrengthWeight = 20, HubWeight = 15,
        SectorWeight = 25, LanguageWeight = 10, AuthorityWeight = 15, ConsortiumWeight = 8, LoadPenalty = 8;

    private static readonly HashSet<string> StopWords = ["and", "the", "with", "for", "across", "from", "into", "of", "in", "on"];

    /// <summary>Significant lower-case words of the focus (letters only).</summary>
    public static IReadOnlyList<string> FocusTokens(string focus) =>
        SplitWords(focus.ToLowerInvariant()).Where(w => w.Length >= 4 && !StopWords.Contains(w)).Distinct().ToList();

    /// <summary>
    /// What a text must contain (lower-cased) to match the focus: each word, or for long words its 6-letter stem
    /// ("leadership" ~ "leaders"). The stem alone suffices because a text containing the word contains its stem.
    /// </summary>
    public static IReadOnlyList<string> FocusPatterns(string focus) =>
        FocusTokens(focus).Select(w => w.Length >= 7 ? w[..6] : w).Distinct().ToList();

    public static bool Matches(IReadOnlyList<string> patterns, string text)
    {
        var t = text.ToLowerInvariant();
        return patterns.Any(p => t.Contains(p, StringComparison.Ordinal));
    }

    /// <summary>The reasons for a candidate's rank; its score is their sum.</summary>
    public static IReadOnlyList<RankReason> Reasons(School recipient, string? recipientConsortium, string focus, CandidateFacts c)
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

        var patterns = FocusPatterns(focus);
        if (c.OfferedStrengths.FirstOrDefault(t => Matches(patterns, t)) is { } strength)
            reasons.Add(new(RankFactor.KeyStrengthMatch, $"Key strength offered to others: {strength}", StrengthWeight));
        if (c.HubOffers.FirstOrDefault(t => Matches(patterns, t)) is { } hub)
            reasons.Add(new(RankFactor.HubOfferMatch, $"Hosts or leads a hub: {hub}", HubWeight));
        if (c.School.Sector == recipient.Sector)
            reasons.Add(new(RankFactor.SameSector, $"Same phase ({c.School.Sector})", SectorWeight));
        if (c.School.LanguageCategoryId is { } lang && lang == recipient.LanguageCategoryId)
            reasons.Add(new(RankFactor.SameLanguage, $"Same language category ({lang})", LanguageWeight));

        if (c.School.LaCode == recipient.LaCode)
            reasons.Add(new(RankFactor.SameAuthority, $"Same local authority ({c.School.LaCode})", AuthorityWeight));
        else if (c.ConsortiumCode is not null && c.ConsortiumCode == recipientConsortium)
            reasons.Add(new(RankFactor.SameConsortium, $"Same consortium in the year ({c.ConsortiumCode})", ConsortiumWeight));
        else
            reasons.Add(new(RankFactor.BeyondConsortium, "Outside the recipient's consortium", 0));

        if (c.Load > 0)
            reasons.Add(new(RankFactor.CurrentLoad,
                string.Create(CultureInfo.InvariantCulture, $"Already provides {c.Load} brokerage(s) in the year"), -LoadPenalty * c.Load));
        return reasons;
    }

    private static IEnumerable<string> SplitWords(string s)
    {
        var start = 0;
        for (var i = 0; i <= s.Length; i++)
        {
            if (i < s.Length && char.IsLetter(s[i])) continue;
            if (i > start) yield return s[start..i];
            start = i + 1;
        }
    }
}
