namespace SefData.Data.Seeding.Generation;

// Plain records the generator produces. They are independent of the EF entities so the statistical logic can be
// tested on its own; SeedWriter maps them onto the domain model.

public enum SchoolSector { Nursery, Primary, Middle, Secondary, Special, Pru }

/// <summary>Welsh Government 2007 language categories.</summary>
public enum LanguageMedium { WelshMedium, DualStream, Transitional, BilingualA, BilingualB, BilingualC, BilingualCh, EnglishSignificantWelsh, EnglishMedium }

public enum Faith { None, ChurchInWales, RomanCatholic }

public enum SchoolOrigin { Established, Successor, Predecessor, Closed }

/// <summary>Support colour, best first (same order as the domain enum).</summary>
public enum Colour { Green, Yellow, Amber, Red }

public sealed class GenSchool
{
    public required int Index { get; init; }
    public required string LaCode { get; init; }
    public required string SchoolNumber { get; init; }
    public required string Establishment { get; init; }
    public required string NameEn { get; init; }
    public required string NameCy { get; init; }
    public required SchoolSector Sector { get; init; }
    public required int AgeLow { get; init; }
    public required int AgeHigh { get; init; }
    public required Faith Faith { get; init; }
    public required LanguageMedium Language { get; init; }
    public required DateOnly OpenDate { get; init; }
    public DateOnly? CloseDate { get; set; }
    /// <summary>Indexes of the schools this one replaced (amalgamation).</summary>
    public List<int> Predecessors { get; } = [];
    public int? Successor { get; set; }
    /// <summary>School-level eFSM percentage before yearly national drift.</summary>
    public required double EfsmBase { get; init; }
    public required int BasePupils { get; init; }
    public required SchoolOrigin Origin { get; init; }

    /// <summary>Open on the given date (open date inclusive, close date inclusive).</summary>
    public bool IsOpenOn(DateOnly date) => OpenDate <= date && (CloseDate is null || CloseDate >= date);

    /// <summary>Takes part in categorisation and has a year profile for the academic year starting in September of <paramref name="startYear"/>.</summary>
    public bool IsOpenInYear(int startYear) => IsOpenOn(new DateOnly(startYear + 1, 1, 15));

    public bool HasStandardsGroup => Sector is not (SchoolSector.Special or SchoolSector.Pru or SchoolSector.Nursery);
}

