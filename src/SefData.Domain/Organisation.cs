namespace SefData.Domain;

public enum ConsortiumKind { AdewConsortium, RegionalService, Partnership }
public enum FactSource { Seed, Public }
public enum Sector { Nursery, Primary, Middle, Secondary, Special, Pru }
public enum PilotModel { Associate, ImprovementFacilitator }
public enum SchoolLinkKind { Amalgamation, Federation, Replacement, Other }

/// <summary>Reference row: "2014/15" runs 1 Sep 2014 - 31 Aug 2015.</summary>
public class AcademicYear : IValidatable
{
    public string Code { get; set; } = "";
    public int StartYear { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>January PLASC census date; unknown unless loaded.</summary>
    public DateOnly? CensusDate { get; set; }

    public static AcademicYear For(int startYear) => new()
    {
        Code = AcademicYears.Format(startYear),
        StartYear = startYear,
        StartDate = new DateOnly(startYear, 9, 1),
        EndDate = new DateOnly(startYear + 1, 8, 31),
    };

    public IEnumerable<RuleViolation> Validate()
    {
        if (!AcademicYears.TryParse(Code, out var start))
        {
            yield return AcademicYears.FormatViolation(Code, "Academic year");
            yield break;
        }
        if (start != StartYear || StartDate.Year != start || EndDate.Year != start + 1)
            yield return new(RuleCodes.AcademicYearDates,
                $"Academic year {Code}: start year, start date ({StartDate:yyyy-MM-dd}) and end date ({EndDate:yyyy-MM-dd}) must match the code.");
    }
}

public class LocalAuthority : IValidatable
{
    public string LaCode { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string NameCy { get; set; } = "";
    /// <summary>False where the LA code could not be confirmed against a public source (DOMAIN.md 3(e) [K]).</summary>
    public bool LaCodeVerified { get; set; }
    /// <summary>Consortium memberships over time (inverse navigation: lets queries filter schools by consortium as at a date).</summary>
    public List<ConsortiumMembership> ConsortiumMemberships { get; set; } = [];

    public IEnumerable<RuleViolation> Validate()
    {
        if (!Check.IsDigits(LaCode, 3))
            yield return new(RuleCodes.LaCodeFormat, $"LA code '{LaCode}' must be exactly 3 digits.");
        foreach (var v in Check.Required(NameEn, "LA English name")) yield return v;
        foreach (var v in Check.Required(NameCy, "LA Welsh name")) yield return v;
    }
}

/// <summary>Reference row keyed by its short code (NW, SWAMWAC, CSW, SEW, GWE, ERW, CSC, EAS, PARTNERIAETH, POWYS_CEREDIGION).</summary>
public class Consortium : IValidatable
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public ConsortiumKind Kind { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public bool IsVerified { get; set; }
    public string? Note { get; set; }
    public List<ConsortiumMembership> Memberships { get; set; } = [];

    public IEnumerable<RuleViolation> Validate() => Check.Range(ValidFrom, ValidTo, $"Consortium {Code}");
}

/// <summary>An LA in a consortium over an inclusive date range. An LA has at most one membership on any date.</summary>
public class ConsortiumMembership : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public string LaCode { get; set; } = "";
    public LocalAuthority? LocalAuthority { get; set; }
    public string ConsortiumCode { get; set; } = "";
    public Consortium? Consortium { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public FactSource Source { get; set; }
    public bool IsVerified { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }

    public IEnumerable<RuleViolation> Validate() => Check.Range(ValidFrom, ValidTo, $"Membership of LA {LaCode} in {ConsortiumCode}");

    /// <summary>The first other membership of the same LA whose dates overlap this one, if any.</summary>
    public static RuleViolation? Overlap(ConsortiumMembership candidate, IEnumerable<ConsortiumMembership> sameLa)
    {
        var clash = sameLa.FirstOrDefault(o => !ReferenceEquals(o, candidate) && o.LaCode == candidate.LaCode
            && Check.Overlaps(candidate.ValidFrom, candidate.ValidTo, o.ValidFrom, o.ValidTo));
        return clash is null ? null : new(RuleCodes.MembershipOverlap,
            $"LA {candidate.LaCode} would belong to two consortia at once: {candidate.ConsortiumCode} from {candidate.ValidFrom:yyyy-MM-dd} "
            + $"overlaps {clash.ConsortiumCode} {clash.ValidFrom:yyyy-MM-dd}..{(clash.ValidTo is { } t ? t.ToString("yyyy-MM-dd") : "open")}.");
    }
}

/// <summary>Versioned code list: the 2007 language categories and the 2021 numbered ones are separate schemes.</summary>
public class LanguageCategory
{
    public string Id { get; set; } = "";
    public string Scheme { get; set; } = "";
    public string Code { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int SortOrder { get; set; }
    public bool IsVerified { get; set; }
    public string? Note { get; set; }
}

public class School : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    /// <summary>LA code + establishment number (7 digits).</summary>
    public string SchoolNumber { get; set; } = "";
    public string LaCode { get; set; } = "";
    public LocalAuthority? LocalAuthority { get; set; }
    public string EstablishmentNumber { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string? NameCy { get; set; }
    public Sector Sector { get; set; }
    public string? LanguageCategoryId { get; set; }
    public LanguageCategory? LanguageCategory { get; set; }
    public int? AgeLow { get; set; }
    public int? AgeHigh { get; set; }
    public string? Faith { get; set; }
    public DateOnly? OpenDate { get; set; }
    public DateOnly? CloseDate { get; set; }
    public int Version { get; set; }
    public List<SchoolYearProfile> Profiles { get; set; } = [];
    public List<CategorisationResult> Categorisations { get; set; } = [];
    /// <summary>Inverse navigations used by query filters (follow-up status, group membership).</summary>
    public List<Inspection> Inspections { get; set; } = [];
    public List<GroupMembership> GroupMemberships { get; set; } = [];

    public IEnumerable<RuleViolation> Validate()
    {
        if (!Check.IsDigits(LaCode, 3))
            yield return new(RuleCodes.LaCodeFormat, $"LA code '{LaCode}' must be exactly 3 digits.");
        if (!Check.IsDigits(EstablishmentNumber, 4) || SchoolNumber != LaCode + EstablishmentNumber)
            yield return new(RuleCodes.SchoolNumberFormat,
                $"School number '{SchoolNumber}' must be the LA code '{LaCode}' followed by the 4-digit establishment number '{EstablishmentNumber}'.");
        foreach (var v in Check.Required(NameEn, "School English name")) yield return v;
        if (AgeLow is < 0 || AgeHigh is < 0 || AgeLow > AgeHigh)
            yield return new(RuleCodes.AgeRange, $"School {SchoolNumber}: age range {AgeLow}-{AgeHigh} is not valid.");
        if (OpenDate is { } open)
            foreach (var v in Check.Range(open, CloseDate, $"School {SchoolNumber}", strictlyAfter: true)) yield return v;
    }
}

/// <summary>Predecessor/successor link (amalgamations create new numbers).</summary>
public class SchoolLink : IHasId, IValidatable
{
    public int Id { get; set; }
    public int PredecessorSchoolId { get; set; }
    public School? Predecessor { get; set; }
    public int SuccessorSchoolId { get; set; }
    public School? Successor { get; set; }
    public SchoolLinkKind Kind { get; set; }
    public DateOnly? EffectiveDate { get; set; }

    public IEnumerable<RuleViolation> Validate()
    {
        if ((Predecessor is not null && ReferenceEquals(Predecessor, Successor))
            || (PredecessorSchoolId != 0 && PredecessorSchoolId == SuccessorSchoolId))
            yield return new(RuleCodes.SelfLink, "A school cannot be its own predecessor or successor.");
    }
}

/// <summary>Time-varying school facts, one row per school per academic year.</summary>
public class SchoolYearProfile : IHasId, IVersioned, IValidatable
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public string YearCode { get; set; } = "";
    public AcademicYear? Year { get; set; }
    public int? Pupils { get; set; }
    public decimal? PctEfsm { get; set; }
    public decimal? PctAln { get; set; }
    public decimal? PctMat { get; set; }
    public string? LanguageCategoryId { get; set; }
    public LanguageCategory? LanguageCategory { get; set; }
    public bool IsPioneer { get; set; }
    public bool SefPilot { get; set; }
    public PilotModel? PilotModel { get; set; }
    public int Version { get; set; }

    public IEnumerable<RuleViolation> Validate()
    {
        foreach (var v in AcademicYears.Check(YearCode, "Profile year")) yield return v;
        foreach (var v in Check.NotNegative(Pupils, "Pupils")) yield return v;
        foreach (var v in Check.Percentage(PctEfsm, "% eFSM")) yield return v;
        foreach (var v in Check.Percentage(PctAln, "% ALN")) yield return v;
        foreach (var v in Check.Percentage(PctMat, "% MAT")) yield return v;
    }
}
