namespace SefData.Domain;

public enum ImprovementCapacity { A, B, C, D }
public enum SupportColour { Green, Yellow, Amber, Red }
public enum CategorisationStage { Draft, Agreed, Moderated, Verified, Published }
public enum InspectionSubject { School, LocalAuthority }
public enum InspectionType { Core, Monitoring, Interim }
public enum EstynAreaKind { KeyQuestion, OverallJudgement, InspectionArea }
public enum FollowUpCategory { None, LaMonitoring, EstynMonitoring, EstynReview, SignificantImprovement, SpecialMeasures }

/// <summary>Reference: the four support colours.</summary>
public class CategorisationColour
{
    public SupportColour Code { get; set; }
    public string NameEn { get; set; } = "";
    public string Meaning { get; set; } = "";
    public int Rank { get; set; }
}

/// <summary>Versioned reference: maximum support days per colour from an academic year on.</summary>
public class SupportDaysRule
{
    public SupportColour Colour { get; set; }
    public string ValidFromYearCode { get; set; } = "";
    public int MaxDays { get; set; }
    public bool IsVerified { get; set; }
    public string? Note { get; set; }
}

/// <summary>Versioned reference: (standards group, capacity) -> colour. Only known cells are stored.</summary>
public class CategorisationMatrixCell : IHasId
{
    public int Id { get; set; }
    public string ValidFromYearCode { get; set; } = "";
    public int? StandardsGroup { get; set; }
    public ImprovementCapacity Capacity { get; set; }
    public SupportColour Colour { get; set; }
    public bool IsVerified { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// National School Categorisation result: at most one per school per academic year (2014/15 - 2019/20).
/// The stage workflow (who moved it, when, why) is in CategorisationWorkflow.cs.
/// </summary>
public partial class CategorisationResult : IHasId, IVersioned, IValidatable
{
    public const string FirstYear = "2014/15";
    public const string LastYear = "2019/20";
    /// <summary>From this year WG no longer calculated or published the standards group.</summary>
    public const string NoStandardsGroupFrom = "2017/18";

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public string YearCode { get; set; } = "";
    public AcademicYear? Year { get; set; }
    public int? StandardsGroup { get; set; }
    public ImprovementCapacity? ImprovementCapacity { get; set; }
    public SupportColour SupportColour { get; set; }
    public CategorisationStage Stage { get; set; }
    public DateOnly? PublishedDate { get; set; }
    /// <summary>Derived on save from the versioned support-days table.</summary>
    public int? SupportDays { get; set; }
    public int? AdviserPersonId { get; set; }
    public Person? Adviser { get; set; }
    /// <summary>Step 2's evidence: what the adviser's capacity judgement rests on (self-evaluation, leadership, teaching).</summary>
    public string? CapacityEvidence { get; set; }
    /// <summary>When the draft colour was agreed with the head and governors (set by the move to Agreed).</summary>
    public DateOnly? AgreedDate { get; set; }
    public int Version { get; set; }
    /// <summary>Stage moves recorded through <see cref="MoveStage"/>, oldest first when loaded in order.</summary>
    public List<CategorisationStageChange> StageHistory { get; set; } = [];

    public IEnumerable<RuleViolation> Validate()
    {
        if (!AcademicYears.TryParse(YearCode, out var year))
        {
            yield return AcademicYears.FormatViolation(YearCode, "Categorisation year");
            yield break;
        }
        if (year < AcademicYears.StartYear(FirstYear) || year > AcademicYears.StartYear(LastYear))
            yield return new(RuleCodes.CategorisationYear,
                $"Categorisation ran from {FirstYear} to {LastYear} (suspended 2020/21, then ended); {YearCode} is outside.");
        if (StandardsGroup is { } g and (< 1 or > 4))
            yield return new(RuleCodes.StandardsGroupRange, $"Standards group must be 1-4 (was {g}).");
        if (StandardsGroup is not null && year >= AcademicYears.StartYear(NoStandardsGroupFrom))
            yield return new(RuleCodes.StandardsGroupNotPublished,
                $"No standards group was calculated from {NoStandardsGroupFrom}; {YearCode} must leave it empty.");
        if (Stage == CategorisationStage.Published && PublishedDate is null)
            yield return new(RuleCodes.PublishedWithoutDate, "A published categorisation needs its publication date.");
        foreach (var v in Check.MaxLength(CapacityEvidence, CapacityEvidenceMaxLength, "Capacity evidence")) yield return v;
        if (AgreedDate is not null && Stage == CategorisationStage.Draft)
            yield return new(RuleCodes.StageDate, "A draft has not been agreed yet, so it has no agreement date.");
        if (AgreedDate is { } agreed)
            foreach (var v in Check.Range(agreed, PublishedDate, "Categorisation publication after agreement")) yield return v;
    }

    /// <summary>Special schools and PRUs get a colour but no standards group.</summary>
    public static RuleViolation? SectorRule(CategorisationResult r, Sector sector) =>
        r.StandardsGroup is not null && sector is Sector.Special or Sector.Pru
            ? new(RuleCodes.StandardsGroupNotPublished, $"{sector} schools have no standards group.")
            : null;

    /// <summary>The workflow only moves forward (draft -> agreed -> moderated -> verified -> published).</summary>
    public static RuleViolation? StageRule(CategorisationStage from, CategorisationStage to) =>
        to < from ? new(RuleCodes.StageBackwards, $"Categorisation stage cannot go back from {from} to {to}.") : null;

    /// <summary>
    /// Where the versioned matrix has a cell for (standards group, capacity) in force for the year, the colour must be
    /// that cell's. Cells not in the table (most of them: the WG matrix was not retrieved) do not constrain.
    /// </summary>
    public static RuleViolation? MatrixRule(CategorisationResult r, IEnumerable<CategorisationMatrixCell> matrix)
    {
        if (r.StandardsGroup is not { } group || r.ImprovementCapacity is not { } capacity) return null;
        var cell = matrix.Where(c => c.StandardsGroup == group && c.Capacity == capacity && AcademicYears.Compare(c.ValidFromYearCode, r.YearCode) <= 0)
            .OrderByDescending(c => AcademicYears.StartYear(c.ValidFromYearCode)).FirstOrDefault();
        return cell is null || cell.Colour == r.SupportColour ? null
            : new(RuleCodes.CategorisationMatrix,
                $"Standards group {group} with capacity {capacity} gives {cell.Colour} from {cell.ValidFromYearCode}, not {r.SupportColour}.");
    }

    /// <summary>Support days for a colour in a year: the latest rule that started on or before the year.</summary>
    public static int? SupportDaysFor(SupportColour colour, string yearCode, IEnumerable<SupportDaysRule> rules) =>
        rules.Where(r => r.Colour == colour && AcademicYears.Compare(r.ValidFromYearCode, yearCode) <= 0)
            .OrderByDescending(r => AcademicYears.StartYear(r.ValidFromYearCode))
            .Select(r => (int?)r.MaxDays).FirstOrDefault();
}

/// <summary>Estyn framework (PRE2010, CIF2010, CIF2017, UNGRADED2022, FRAMEWORK2024).</summary>
public class EstynFramework
{
    public string Code { get; set; } = "";
    public string NameEn { get; set; } = "";
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public bool IsGraded { get; set; }
    public bool IsVerified { get; set; }
    public string? Note { get; set; }
    public List<EstynArea> Areas { get; set; } = [];
    public List<EstynGrade> Grades { get; set; } = [];
}

/// <summary>A judged area of a framework: key question, overall judgement or inspection area.</summary>
public class EstynArea
{
    public string FrameworkCode { get; set; } = "";
    public string Code { get; set; } = "";
    public EstynAreaKind Kind { get; set; }
    public string NameEn { get; set; } = "";
    public int SortOrder { get; set; }
}

/// <summary>A grade on a framework's scale, with its exact wording.</summary>
public class EstynGrade
{
    public string FrameworkCode { get; set; } = "";
    public string Code { get; set; } = "";
    public string Label { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>1 = best.</summary>
    public int Rank { get; set; }
    public bool IsVerified { get; set; }
}

public class Inspection : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public InspectionSubject Subject { get; set; }
    public int? SchoolId { get; set; }
    public School? School { get; set; }
    public string? LaCode { get; set; }
    public LocalAuthority? LocalAuthority { get; set; }
    public string FrameworkCode { get; set; } = "";
    public EstynFramework? Framework { get; set; }
    public InspectionType Type { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? PublishedDate { get; set; }
    public int Version { get; set; }
    public List<InspectionJudgement> Judgements { get; set; } = [];
    public List<FollowUp> FollowUps { get; set; } = [];
    public List<Recommendation> Recommendations { get; set; } = [];

    public IEnumerable<RuleViolation> Validate()
    {
        var hasSchool = SchoolId is not null || School is not null;
        var hasLa = LaCode is not null || LocalAuthority is not null;
        if (Subject == InspectionSubject.School ? !hasSchool || hasLa : hasSchool || !hasLa)
            yield return new(RuleCodes.InspectionSubject, $"A {Subject} inspection names exactly its {Subject} and nothing else.");
        foreach (var v in Check.Range(StartDate, PublishedDate, "Inspection publication")) yield return v;
    }
}

/// <summary>One judgement. FrameworkCode repeats the inspection's so the database can check area and grade belong to it.</summary>
public class InspectionJudgement : IHasId
{
    public int Id { get; set; }
    public int InspectionId { get; set; }
    public Inspection? Inspection { get; set; }
    public string FrameworkCode { get; set; } = "";
    public string AreaCode { get; set; } = "";
    public EstynArea? Area { get; set; }
    public string GradeCode { get; set; } = "";
    public EstynGrade? Grade { get; set; }

    /// <summary>Area and grade must exist in the inspection's framework.</summary>
    public static IEnumerable<RuleViolation> FrameworkRule(string frameworkCode, string areaCode, string gradeCode,
        IEnumerable<EstynArea> frameworkAreas, IEnumerable<EstynGrade> frameworkGrades)
    {
        if (!frameworkAreas.Any(a => a.FrameworkCode == frameworkCode && a.Code == areaCode))
            yield return new(RuleCodes.AreaNotInFramework, $"Area '{areaCode}' does not exist in Estyn framework {frameworkCode}.");
        if (!frameworkGrades.Any(g => g.FrameworkCode == frameworkCode && g.Code == gradeCode))
            yield return new(RuleCodes.GradeNotInFramework, $"Grade '{gradeCode}' does not exist in Estyn framework {frameworkCode}.");
    }
}

public class FollowUp : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public int InspectionId { get; set; }
    public Inspection? Inspection { get; set; }
    public FollowUpCategory Category { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? RemovedDate { get; set; }
    public int Version { get; set; }

    public IEnumerable<RuleViolation> Validate() => Check.Range(StartDate, RemovedDate, $"Follow-up {Category}");
}

public class Recommendation : IHasId, IValidatable
{
    public int Id { get; set; }
    public int InspectionId { get; set; }
    public Inspection? Inspection { get; set; }
    public int Sequence { get; set; }
    public string Text { get; set; } = "";

    public IEnumerable<RuleViolation> Validate() => Check.Required(Text, "Recommendation text");
}
