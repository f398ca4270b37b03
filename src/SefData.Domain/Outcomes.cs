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

    public IEnumerable<RuleViolation> Validate()
    {
        foreach (var v in Check.Range(PeriodStart, PeriodEnd, "Outcome agreement period", strictlyAfter: true)) yield return v;
        foreach (var v in Check.NotNegative(MaxGrant, "Maximum grant")) yield return v;
    }

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

    public IEnumerable<RuleViolation> Validate() => Check.Required(Title, "Outcome title").Concat(Check.NotNegative(Weight, "Weight"));
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

    public IEnumerable<RuleViolation> Validate() => Check.Required(Description, "Outcome measure description");
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
        AcademicYears.Check(YearCode, "Assessment year").Concat(Check.Percentage(GrantPct, "Grant %")).Concat(Check.NotNegative(GrantPaid, "Grant paid"));
}

public class OaOutcomeRating : IHasId
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public OaAssessment? Assessment { get; set; }
    public int OutcomeId { get; set; }
    public OaOutcome? Outcome { get; set; }
    public OaRating Rating { get; set; }
}
