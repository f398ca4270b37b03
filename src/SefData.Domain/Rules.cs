using System.Globalization;
using System.Text.RegularExpressions;

namespace SefData.Domain;

/// <summary>A broken domain rule. <see cref="Code"/> is stable (clients switch on it); the message is for people.</summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string code, string message) : base(message)
    {
        Code = code;
        Violations = [new RuleViolation(code, message)];
    }

    /// <summary>All violations found in one save; <see cref="Code"/> is the first one's.</summary>
    public DomainRuleException(IReadOnlyList<RuleViolation> violations)
        : base(string.Join(" ", violations.Select(v => v.Message)))
    {
        Code = violations[0].Code;
        Violations = violations;
    }

    public string Code { get; }
    public IReadOnlyList<RuleViolation> Violations { get; }
}

/// <summary>One violated rule, as returned by the pure rule functions before anything is written.</summary>
public sealed record RuleViolation(string Code, string Message)
{
    public DomainRuleException ToException() => new(Code, Message);
}

/// <summary>Entities whose own fields obey rules that need no other rows.</summary>
public interface IValidatable
{
    IEnumerable<RuleViolation> Validate();
}

/// <summary>Updatable rows: <see cref="Version"/> is the optimistic-concurrency token, bumped on every update.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>Rows with a surrogate identity key.</summary>
public interface IHasId
{
    int Id { get; set; }
}

/// <summary>Stable rule codes (part of the public API: the GraphQL payload errors carry them).</summary>
public static partial class RuleCodes
{
    public const string AcademicYearFormat = "ACADEMIC_YEAR_FORMAT";
    public const string AcademicYearDates = "ACADEMIC_YEAR_DATES";
    public const string DateRange = "DATE_RANGE";
    public const string LaCodeFormat = "LA_CODE_FORMAT";
    public const string SchoolNumberFormat = "SCHOOL_NUMBER_FORMAT";
    public const string AgeRange = "AGE_RANGE";
    public const string Percentage = "PERCENTAGE";
    public const string NegativeNumber = "NEGATIVE_NUMBER";
    public const string MembershipOverlap = "MEMBERSHIP_OVERLAP";
    public const string StandardsGroupRange = "STANDARDS_GROUP_RANGE";
    public const string StandardsGroupNotPublished = "STANDARDS_GROUP_NOT_PUBLISHED";
    public const string CategorisationYear = "CATEGORISATION_YEAR";
    public const string CategorisationDuplicate = "CATEGORISATION_DUPLICATE";
    public const string CategorisationMatrix = "CATEGORISATION_MATRIX";
    public const string StageBackwards = "CATEGORISATION_STAGE_BACKWARDS";
    public const string PublishedWithoutDate = "CATEGORISATION_PUBLISHED_WITHOUT_DATE";
    /// <summary>Stages move one step at a time (was RecordingModule.StageSkip; same public code).</summary>
    public const string StageSkip = "CATEGORISATION_STAGE_SKIP";
    /// <summary>Only a draft's judgement and colour are edited directly (was RecordingModule.NotDraft; same public code).</summary>
    public const string NotDraft = "CATEGORISATION_NOT_DRAFT";
    /// <summary>Only moderation (the move to Moderated) changes the colour of an agreed categorisation.</summary>
    public const string ModerationOnly = "MODERATION_ONLY";
    /// <summary>A stage's own date (agreedDate, publishedDate) is given only with the move to that stage, and not in the future.</summary>
    public const string StageDate = "CATEGORISATION_STAGE_DATE";
    public const string TextTooLong = "TEXT_TOO_LONG";
    public const string EntraObjectIdFormat = "ENTRA_OBJECT_ID_FORMAT";
    public const string GradeNotInFramework = "ESTYN_GRADE_NOT_IN_FRAMEWORK";
    public const string AreaNotInFramework = "ESTYN_AREA_NOT_IN_FRAMEWORK";
    public const string InspectionSubject = "INSPECTION_SUBJECT";
    public const string DuplicateJudgement = "ESTYN_DUPLICATE_JUDGEMENT";
    public const string ThemeElements = "THEME_ELEMENTS";
    public const string BrokerageSameSchool = "BROKERAGE_SAME_SCHOOL";
    public const string BrokerageRedProvider = "BROKERAGE_RED_PROVIDER";
    public const string BrokerageProviderColour = "BROKERAGE_PROVIDER_COLOUR";
    public const string BrokerageRecipientColour = "BROKERAGE_RECIPIENT_COLOUR";
    public const string BrokerageLoadCap = "BROKERAGE_LOAD_CAP";
    public const string BrokerageStatusTransition = "BROKERAGE_STATUS_TRANSITION";
    public const string SelfLink = "SCHOOL_SELF_LINK";
    public const string MeasureSubject = "MEASURE_SUBJECT";
    public const string ConfidenceInterval = "CONFIDENCE_INTERVAL";
    public const string TargetOutsideAgreement = "TARGET_OUTSIDE_AGREEMENT";
    public const string ActionPlanOwner = "ACTION_PLAN_OWNER";
    public const string BarrierEscalation = "BARRIER_ESCALATION";
    public const string RatingImmutable = "SEP_RATING_IMMUTABLE";
    public const string RoleAssignment = "ROLE_ASSIGNMENT";
    public const string DuplicateChallengeAdviser = "CHALLENGE_ADVISER_DUPLICATE";
    public const string CyclePhase = "CYCLE_PHASE";
    public const string Required = "REQUIRED";
    public const string AspectNotInElement = "SEP_ASPECT_NOT_IN_ELEMENT";
    public const string ProfileDuplicate = "PROFILE_DUPLICATE";
    public const string MeasureValueDuplicate = "MEASURE_VALUE_DUPLICATE";
}

/// <summary>Academic year codes "2014/15": the second part is the first year + 1 (mod 100, so "1999/00" is valid).</summary>
public static partial class AcademicYears
{
    [GeneratedRegex(@"^(\d{4})/(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool TryParse(string? code, out int startYear)
    {
        startYear = 0;
        if (code is null) return false;
        var m = Pattern().Match(code);
        if (!m.Success) return false;
        var first = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var second = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (second != (first + 1) % 100) return false;
        startYear = first;
        return true;
    }

    public static string Format(int startYear) =>
        string.Create(CultureInfo.InvariantCulture, $"{startYear:D4}/{(startYear + 1) % 100:D2}");

    /// <summary>Start year of a valid code; throws the typed rule exception otherwise.</summary>
    public static int StartYear(string code) =>
        TryParse(code, out var y) ? y : throw FormatViolation(code, "year").ToException();

    public static RuleViolation FormatViolation(string? code, string field) =>
        new(RuleCodes.AcademicYearFormat,
            $"{field} '{code}' is not an academic year: expected 'YYYY/YY' with consecutive years, e.g. '2014/15'.");

    public static IEnumerable<RuleViolation> Check(string? code, string field)
    {
        if (!TryParse(code, out _)) yield return FormatViolation(code, field);
    }

    /// <summary>Compare two valid codes by their start year.</summary>
    public static int Compare(string a, string b) => StartYear(a).CompareTo(StartYear(b));
}

/// <summary>Pure helpers shared by the entity rules.</summary>
public static class Check
{
    /// <summary>Inclusive date ranges; a null end is open.</summary>
    public static bool Overlaps(DateOnly aFrom, DateOnly? aTo, DateOnly bFrom, DateOnly? bTo) =>
        aFrom <= (bTo ?? DateOnly.MaxValue) && bFrom <= (aTo ?? DateOnly.MaxValue);

    public static bool Covers(DateOnly from, DateOnly? to, DateOnly date) => from <= date && (to is null || date <= to);

    public static IEnumerable<RuleViolation> Range(DateOnly from, DateOnly? to, string what, bool strictlyAfter = false)
    {
        if (to is { } end && (strictlyAfter ? end <= from : end < from))
            yield return new(RuleCodes.DateRange,
                $"{what}: end date {end:yyyy-MM-dd} must be {(strictlyAfter ? "after" : "on or after")} start date {from:yyyy-MM-dd}.");
    }

    public static IEnumerable<RuleViolation> Percentage(decimal? value, string what)
    {
        if (value is < 0 or > 100)
            yield return new(RuleCodes.Percentage, $"{what} must be between 0 and 100 (was {value}).");
    }

    public static IEnumerable<RuleViolation> NotNegative(decimal? value, string what)
    {
        if (value < 0) yield return new(RuleCodes.NegativeNumber, $"{what} must not be negative (was {value}).");
    }

    public static IEnumerable<RuleViolation> Required(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) yield return new(RuleCodes.Required, $"{what} is required.");
    }

    public static IEnumerable<RuleViolation> MaxLength(string? value, int maxLength, string what)
    {
        if (value is { Length: var n } && n > maxLength)
            yield return new(RuleCodes.TextTooLong, $"{what} is limited to {maxLength} characters (was {n}).");
    }

    public static bool IsDigits(string? s, int length) => s is not null && s.Length == length && s.All(char.IsAsciiDigit);
}
