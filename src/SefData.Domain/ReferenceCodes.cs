namespace SefData.Domain;

/// <summary>
/// Codes of the reference rows seeded by the ReferenceData migration, for code that writes facts (the generator, the
/// API). A test checks every constant here exists in a migrated database.
/// </summary>
public static class ReferenceCodes
{
    public static class Consortia
    {
        public const string NorthWales = "NW", Swamwac = "SWAMWAC", CentralSouthWales = "CSW", SouthEastWales = "SEW";
        public const string GwE = "GWE", Erw = "ERW", Csc = "CSC", Eas = "EAS";
        public const string Partneriaeth = "PARTNERIAETH", PowysCeredigion = "POWYS_CEREDIGION";
        public static readonly string[] All = [NorthWales, Swamwac, CentralSouthWales, SouthEastWales, GwE, Erw, Csc, Eas, Partneriaeth, PowysCeredigion];
    }

    public static class EstynFrameworks
    {
        public const string Pre2010 = "PRE2010", Cif2010 = "CIF2010", Cif2017 = "CIF2017", Ungraded2022 = "UNGRADED2022", Framework2024 = "FRAMEWORK2024";
        public static readonly string[] All = [Pre2010, Cif2010, Cif2017, Ungraded2022, Framework2024];
    }

    /// <summary>Judged areas per framework.</summary>
    public static class EstynAreas
    {
        public static readonly string[] Pre2010 = ["KQ1", "KQ2", "KQ3", "KQ4", "KQ5", "KQ6", "KQ7"];
        public static readonly string[] Cif2010 = ["KQ1", "KQ2", "KQ3", "CURRENT_PERFORMANCE", "PROSPECTS"];
        public static readonly string[] Cif2017 = ["IA1", "IA2", "IA3", "IA4", "IA5"];
    }

    /// <summary>Grades per framework, best first.</summary>
    public static class EstynGrades
    {
        public static readonly string[] Pre2010 = ["G1", "G2", "G3", "G4", "G5"];
        public static readonly string[] Cif2010 = ["EXCELLENT", "GOOD", "ADEQUATE", "UNSATISFACTORY"];
        public static readonly string[] Cif2017 = ["EXCELLENT", "GOOD", "ADEQUATE_NEEDS_IMPROVEMENT", "UNSATISFACTORY_URGENT"];
    }

    public static class SefElements
    {
        public const string Leadership = "LEADERSHIP", CurriculumTeaching = "CURRICULUM_TEACHING", WorkingWithOthers = "WORKING_WITH_OTHERS",
            NetworksOfPractice = "NETWORKS_OF_PRACTICE", InterventionSupport = "INTERVENTION_SUPPORT", ImprovementAccountability = "IMPROVEMENT_ACCOUNTABILITY";
        public static readonly string[] All = [Leadership, CurriculumTeaching, WorkingWithOthers, NetworksOfPractice, InterventionSupport, ImprovementAccountability];
    }

    public static class SefThemes
    {
        public static readonly string[] All = ["SYSTEMS_THINKING", "BILINGUALISM", "HIGH_PERFORMANCE_CULTURE", "EQUALITY", "SUPPORTIVE_INTERDEPENDENT"];
    }

    public static class Measures
    {
        public const string L2Incl = "L2_INCL", Capped8 = "CAPPED8", Capped9 = "CAPPED9", Literacy = "LITERACY", Numeracy = "NUMERACY",
            Science = "SCIENCE", SkillsChallenge = "SKILLS_CHALLENGE", Csi = "CSI", Attendance = "ATTENDANCE", FftProgress = "FFT_PROGRESS",
            VaPost16 = "VA_POST16";
        public static readonly string[] All = [L2Incl, Capped8, Capped9, Literacy, Numeracy, Science, SkillsChallenge, Csi, Attendance, FftProgress, VaPost16];
    }

    /// <summary>2007 language categories (ids of LanguageCategories).</summary>
    public static class LanguageCategories2007
    {
        public const string WelshMedium = "2007:WM", DualStream = "2007:DS", Transitional = "2007:T", BilingualA = "2007:2A", BilingualB = "2007:2B",
            BilingualC = "2007:2C", BilingualCh = "2007:2CH", EnglishWithSignificantWelsh = "2007:EW", EnglishMedium = "2007:EM";
        public static readonly string[] All = [WelshMedium, DualStream, Transitional, BilingualA, BilingualB, BilingualC, BilingualCh, EnglishWithSignificantWelsh, EnglishMedium];
    }

    /// <summary>LA codes 660-681 in seeding order.</summary>
    public static readonly string[] LaCodes = Enumerable.Range(660, 22).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>First and last seeded academic years.</summary>
    public const string FirstYear = "2008/09", LastYear = "2025/26";
}
