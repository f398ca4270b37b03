namespace SefData.Domain;

public enum MeasureSubject { School, LocalAuthority, Consortium, Wales }
public enum Subgroup { All, Efsm, NonEfsm, Boys, Girls, Aln, Mat, LowerThird, MiddleThird, UpperThird }
public enum OaRating { Fully, Partially, Unsuccessful }

/// <summary>Measures catalogue entry (reference data).</summary>
public class Measure
{
    public string Code { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string Unit { get; set; } = "";
    public bool HigherIsBetter { get; set; }
    public string MethodologyVersion { get; set; } = "";
    public bool IsVerified { get; set; }
    public string? Note { get; set; }
}

/// <summary>A measure for a School, LA, consortium or Wales in a year and subgroup. Value added = Value - Estimate.</summary>
public class MeasureValue : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public string MeasureCode { get; set; } = "";
    public Measure? Measure { get; set; }
    public string YearCode { get; set; } = "";
    public MeasureSubject Subject { get; set; }
    public int? SchoolId { get; set; }
    public School? School { get; set; }
    public string? LaCode { get; set; }
    public string? ConsortiumCode { get; set; }
    public Subgroup Subgroup { get; set; }
    public int? CohortSize { get; set; }
    public decimal Value { get; set; }
    public decimal? Estimate { get; set; }
    public decimal? CiLow { get; set; }
    public decimal? CiHigh { get; set; }
    public int Version { get; set; }

    public decimal? ValueAdded => Estimate is { } e ? Value - e : null;

    public IEnumerable<RuleViolation> Validate()
    {
        foreach (var v in AcademicYears.Check(YearCode, "Measure year")) yield return v;
        var hasSchool = SchoolId is not null || School is not null;
        var ok = Subject switch
        {
            MeasureSubject.School => hasSchool && LaCode is null && ConsortiumCode is null,
            MeasureSubject.LocalAuthority => !hasSchool && LaCode is not null && ConsortiumCode is null,
            MeasureSubject.Consortium => !hasSchool && LaCode is null && ConsortiumCode is not null,
            _ => !hasSchool && LaCode is null && ConsortiumCode is null,
        };
        if (!ok) yield return new(RuleCodes.MeasureSubject, $"A {Subject} measure value names exactly its {Subject} (Wales names none).");
        foreach (var v in Check.NotNegative(CohortSize, "Cohort size")) yield return v;
        if (CiLow is not null && CiHigh is not null && CiLow > CiHigh)
            yield return new(RuleCodes.ConfidenceInterval, $"Confidence interval low {CiLow} is above high {CiHigh}.");
    }
}

/// <summary>WG-LA outcome agreement (2010-13, 2013-16).</summary>
public class OutcomeAgreement : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public string LaCode { get; set; } = "";
    public LocalAuthority? LocalAuthority { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public DateOnly? SignedDate { get; set; }
    public decimal? MaxGrant { get; set; }
    public int Version { get; set; }
    public List<OaOutcome> Outcomes { get; set; } = [];
    public List<OaAssessment> Assessments { get; set; } = [];

    /// <summary>2010-13 agreements: the full grant also needed successful collaboration in at least this many outcomes (Flintshire: 9 of 10).</summary>
    public const int CollaborativeOutcomesForFullGrant = 9;

    /// <summary>The 2010-13 scheme (the only one with the collaboration condition) is the one whose period starts in 2010.</summary>
    public const int CollaborationSchemeStartYear = 2010;

    public IEnumerable<RuleViolation> Validate()
    {
        foreach (var v in Check.Range(PeriodStart, PeriodEnd, "Outcome agreement period", strictlyAfter: true)) yield return v;
        foreach (var v in Check.NotNegative(MaxGrant, "Maximum grant")) yield return v;
        // Signed during negotiation (before the start) or in its first months; never after the period is over.
        if (SignedDate is { } signed && signed > PeriodEnd)
            yield return new(RuleCodes.OaSignedAfterEnd, $"The agreement cannot be signed ({signed:yyyy-MM-dd}) after its period ends ({PeriodEnd:yyyy-MM-dd}).");
    }

    /// <summary>An LA has at most one agreement in force on any date: periods of the same LA never overlap.</summary>
    public static RuleViolation? Overlap(OutcomeAgreement a, IEnumerable<OutcomeAgreement> sameLa)
    {
        var clash = sameLa.FirstOrDefault(o => !ReferenceEquals(o, a) && (a.Id == 0 || o.Id != a.Id) && o.LaCode == a.LaCode
            && Check.Overlaps(a.PeriodStart, a.PeriodEnd, o.PeriodStart, o.PeriodEnd));
        return clash is null ? null : new(RuleCodes.OaPeriodOverlap,
            $"LA {a.LaCode} already has an agreement for {clash.PeriodStart:yyyy-MM-dd}..{clash.PeriodEnd:yyyy-MM-dd}, which overlaps {a.PeriodStart:yyyy-MM-dd}..{a.PeriodEnd:yyyy-MM-dd}.");
    }

    /// <summary>The grant paid for a year is at most the agreement's maximum grant.</summary>
    public static RuleViolation? GrantRule(OutcomeAgreement a, OaAssessment assessment) =>
        assessment.GrantPaid is { } paid && a.MaxGrant is { } max && paid > max
            ? new(RuleCodes.OaGrantAboveMaximum, $"Grant paid {paid} for {assessment.YearCode} is above the agreement's maximum grant {max}.")
            : null;

    /// <summary>Targets and assessments must fall in academic years that overlap the agreement period.</summary>
    public static RuleViolation? YearInPeriod(OutcomeAgreement a, string yearCode)
    {
        if (!AcademicYears.TryParse(yearCode, out var y)) return AcademicYears.FormatViolation(yearCode, "Target year");
        return Check.Overlaps(a.PeriodStart, a.PeriodEnd, new DateOnly(y, 9, 1), new DateOnly(y + 1, 8, 31))
            ? null
            : new(RuleCodes.TargetOutsideAgreement,
                $"Year {yearCode} is outside the agreement period {a.PeriodStart:yyyy-MM-dd}..{a.PeriodEnd:yyyy-MM-dd}.");
    }
}

public class OaOutcome : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public OutcomeAgreement? Agreement { get; set; }
    public string ThemeCode { get; set; } = "";
    public string Title { get; set; } = "";
    public bool Collaborative { get; set; }
    public decimal? Weight { get; set; }
    public int Version { get; set; }
    public List<OaMeasure> Measures { get; set; } = [];

    /// <summary>Outcome weights are shares of the grant in percent, so an agreement's weights add up to at most 100.</summary>
    public const decimal MaximumTotalWeight = 100m;

    public IEnumerable<RuleViolation> Validate() =>
        Check.Required(Title, "Outcome title").Concat(Check.Required(ThemeCode, "Theme code")).Concat(Check.NotNegative(Weight, "Weight"));

    /// <summary>The outcomes of one agreement: theme codes are unique and the weights total at most 100.</summary>
    public static IEnumerable<RuleViolation> AgreementRules(IReadOnlyCollection<OaOutcome> outcomesOfAgreement)
    {
        foreach (var dup in outcomesOfAgreement.GroupBy(o => o.ThemeCode, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            yield return new(RuleCodes.OaThemeDuplicate, $"The agreement already has an outcome for theme {dup.Key}.");
        var total = outcomesOfAgreement.Sum(o => o.Weight ?? 0);
        if (total > MaximumTotalWeight)
            yield return new(RuleCodes.OaWeightTotal, $"Outcome weights would total {total}; an agreement's weights add up to at most {MaximumTotalWeight}.");
    }
}

public class OaMeasure : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public int OutcomeId { get; set; }
    public OaOutcome? Outcome { get; set; }
    public string? MeasureCode { get; set; }
    public string Description { get; set; } = "";
    public decimal? Baseline { get; set; }
    public int Version { get; set; }
    public List<OaTarget> Targets { get; set; } = [];

    public IEnumerable<RuleViolation> Validate()
    {
        foreach (var v in Check.Required(Description, "Outcome measure description")) yield return v;
        foreach (var dup in Targets.GroupBy(t => t.YearCode).Where(g => g.Count() > 1))
            yield return new(RuleCodes.OaTargetDuplicate, $"The measure has more than one target for {dup.Key}; there is one per year.");
    }
}

public class OaTarget : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public int OaMeasureId { get; set; }
    public OaMeasure? OaMeasure { get; set; }
    public string YearCode { get; set; } = "";
    public decimal Value { get; set; }
    public int Version { get; set; }

    public IEnumerable<RuleViolation> Validate() => AcademicYears.Check(YearCode, "Target year");
}

/// <summary>Annual assessment: LA self-assessment, WG rating, score and grant.</summary>
public class OaAssessment : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public OutcomeAgreement? Agreement { get; set; }
    public string YearCode { get; set; } = "";
    public string? SelfAssessment { get; set; }
    public decimal? Score { get; set; }
    public decimal? GrantPct { get; set; }
    public decimal? GrantPaid { get; set; }
    public int Version { get; set; }
    public List<OaOutcomeRating> Ratings { get; set; } = [];

    public IEnumerable<RuleViolation> Validate() =>
        AcademicYears.Check(YearCode, "Assessment year").Concat(Check.Percentage(GrantPct, "Grant %")).Concat(Check.NotNegative(GrantPaid, "Grant paid"))
            .Concat(Check.NotNegative(Score, "Score"));

    /// <summary>Points per WG rating: fully 3, partially 2, unsuccessful 1 (an assumption; the sources give the 25-of-30 threshold only).</summary>
    public static int Points(OaRating rating) => rating switch { OaRating.Fully => 3, OaRating.Partially => 2, _ => 1 };

    /// <summary>The score of a set of ratings (10 outcomes rated 3/2/1 give the 2010-13 scale of 30 points).</summary>
    public static int ScoreOf(IEnumerable<OaRating> ratings) => ratings.Sum(Points);
}

public class OaOutcomeRating : IHasId
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public OaAssessment? Assessment { get; set; }
    public int OutcomeId { get; set; }
    public OaOutcome? Outcome { get; set; }
    public OaRating Rating { get; set; }

    /// <summary>Successful collaboration in an outcome: a collaborative outcome that WG did not rate unsuccessful.</summary>
    public static bool EvidencesCollaboration(bool collaborative, OaRating rating) => collaborative && rating != OaRating.Unsuccessful;

    /// <summary>A rating is of an outcome of the assessed agreement.</summary>
    public static RuleViolation? AgreementRule(int outcomeAgreementId, int assessmentAgreementId, string outcomeTheme) =>
        outcomeAgreementId == assessmentAgreementId ? null
            : new(RuleCodes.OaRatingOutcomeNotInAgreement, $"Outcome {outcomeTheme} belongs to another agreement than the assessment.");
}

public static partial class RuleCodes
{
    public const string OaPeriodOverlap = "OA_PERIOD_OVERLAP";
    public const string OaSignedAfterEnd = "OA_SIGNED_AFTER_END";
    public const string OaThemeDuplicate = "OA_THEME_DUPLICATE";
    public const string OaWeightTotal = "OA_WEIGHT_TOTAL";
    public const string OaTargetDuplicate = "OA_TARGET_DUPLICATE";
    public const string OaRatingDuplicate = "OA_RATING_DUPLICATE";
    public const string OaRatingOutcomeNotInAgreement = "OA_RATING_OUTCOME_NOT_IN_AGREEMENT";
    public const string OaGrantAboveMaximum = "OA_GRANT_ABOVE_MAXIMUM";
}
