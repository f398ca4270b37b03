using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using SefData.Data;

namespace SefData.Migrations;

/// <summary>
/// Reference data, as literal values: this migration is the record of what was loaded and why.
/// Tags follow DOMAIN.md: [S: seed file], [P: public source], [K: unverified background knowledge], [I: inference].
/// Unverified facts keep IsVerified = false (or LaCodeVerified = false) and say so in a note.
/// Enum columns hold the C# enum names (the model stores enums as strings).
/// Identity tables are seeded without their Id so each provider's identity sequence stays in step.
/// </summary>
[DbContext(typeof(SefDataDbContext))]
[Migration("20261122060100_ReferenceData")]
public sealed class ReferenceData : Migration
{
    private static readonly DateOnly AdewFrom = new(2008, 9, 1);
    private static readonly DateOnly AdewTo = new(2012, 8, 31);
    private static readonly DateOnly RegionalFrom = new(2012, 9, 1);
    private static readonly DateOnly ErwTo = new(2021, 8, 31);
    private static readonly DateOnly Changes2021 = new(2021, 9, 1);
    private static readonly DateOnly Transition2025 = new(2025, 8, 31);

    /// <summary>
    /// InsertData needs each column's type mapping. With no generated snapshot, the model for the provider running
    /// the migration supplies it, so no store type is written here. The seeded tables must therefore still have these
    /// columns in the current model; a later migration that changes one must freeze this migration's target model.
    /// </summary>
    public override IModel TargetModel => _targetModel ??= BuildModelFor(ActiveProvider);

    private IModel? _targetModel;

    private static IModel BuildModelFor(string? activeProvider)
    {
        var provider = activeProvider switch
        {
            "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProvider.Sqlite,
            "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.Postgres,
            _ => throw new NotSupportedException($"No SefData model for provider '{activeProvider}'."),
        };
        // The connection string is never opened: the context only builds its model.
        using var db = SefDataDb.Create(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost");
        return db.GetService<IDesignTimeModel>().Model;
    }

    protected override void Up(MigrationBuilder mb)
    {
        AcademicYears(mb);
        LocalAuthorities(mb);
        Consortia(mb);
        SefStructure(mb);
        Estyn(mb);
        Categorisation(mb);
        Measures(mb);
        LanguageCategories(mb);
    }

    private static void AcademicYears(MigrationBuilder mb) =>
        // 1 September to 31 August; census dates are left for the data loads.
        mb.InsertData("AcademicYears", ["Code", "StartYear", "StartDate", "EndDate"], new object[,]
        {
            { "2008/09", 2008, new DateOnly(2008, 9, 1), new DateOnly(2009, 8, 31) },
            { "2009/10", 2009, new DateOnly(2009, 9, 1), new DateOnly(2010, 8, 31) },
            { "2010/11", 2010, new DateOnly(2010, 9, 1), new DateOnly(2011, 8, 31) },
            { "2011/12", 2011, new DateOnly(2011, 9, 1), new DateOnly(2012, 8, 31) },
            { "2012/13", 2012, new DateOnly(2012, 9, 1), new DateOnly(2013, 8, 31) },
            { "2013/14", 2013, new DateOnly(2013, 9, 1), new DateOnly(2014, 8, 31) },
            { "2014/15", 2014, new DateOnly(2014, 9, 1), new DateOnly(2015, 8, 31) },
            { "2015/16", 2015, new DateOnly(2015, 9, 1), new DateOnly(2016, 8, 31) },
            { "2016/17", 2016, new DateOnly(2016, 9, 1), new DateOnly(2017, 8, 31) },
            { "2017/18", 2017, new DateOnly(2017, 9, 1), new DateOnly(2018, 8, 31) },
            { "2018/19", 2018, new DateOnly(2018, 9, 1), new DateOnly(2019, 8, 31) },
            { "2019/20", 2019, new DateOnly(2019, 9, 1), new DateOnly(2020, 8, 31) },
            { "2020/21", 2020, new DateOnly(2020, 9, 1), new DateOnly(2021, 8, 31) },
            { "2021/22", 2021, new DateOnly(2021, 9, 1), new DateOnly(2022, 8, 31) },
            { "2022/23", 2022, new DateOnly(2022, 9, 1), new DateOnly(2023, 8, 31) },
            { "2023/24", 2023, new DateOnly(2023, 9, 1), new DateOnly(2024, 8, 31) },
            { "2024/25", 2024, new DateOnly(2024, 9, 1), new DateOnly(2025, 8, 31) },
            { "2025/26", 2025, new DateOnly(2025, 9, 1), new DateOnly(2026, 8, 31) },
        });

    private static void LocalAuthorities(MigrationBuilder mb) =>
        // The 22 principal councils since 1 April 1996 [P]. Welsh names: FOIwiki "Unitary authority (Wales)" list [P]
        // (where the Welsh form equals the English, it is repeated).
        // LA codes follow the Welsh Government numbering 660-681. Only 673 (Vale of Glamorgan) was confirmed, by the
        // Vale's Section 52 budget statement 2019-20 ("LEA Code: 673") [P: docslib.org/doc/2740348]; the others are
        // DOMAIN.md 3(e) [K] and stay LaCodeVerified = false until checked.
        mb.InsertData("LocalAuthorities", ["LaCode", "NameEn", "NameCy", "LaCodeVerified"], new object[,]
        {
            { "660", "Isle of Anglesey", "Ynys Môn", false },
            { "661", "Gwynedd", "Gwynedd", false },
            { "662", "Conwy", "Conwy", false },
            { "663", "Denbighshire", "Sir Ddinbych", false },
            { "664", "Flintshire", "Sir y Fflint", false },
            { "665", "Wrexham", "Wrecsam", false },
            { "666", "Powys", "Powys", false },
            { "667", "Ceredigion", "Ceredigion", false },
            { "668", "Pembrokeshire", "Sir Benfro", false },
            { "669", "Carmarthenshire", "Sir Gaerfyrddin", false },
            { "670", "Swansea", "Abertawe", false },
            { "671", "Neath Port Talbot", "Castell-nedd Port Talbot", false },
            { "672", "Bridgend", "Pen-y-bont ar Ogwr", false },
            { "673", "Vale of Glamorgan", "Bro Morgannwg", true },
            { "674", "Rhondda Cynon Taf", "Rhondda Cynon Taf", false },
            { "675", "Merthyr Tydfil", "Merthyr Tudful", false },
            { "676", "Caerphilly", "Caerffili", false },
            { "677", "Blaenau Gwent", "Blaenau Gwent", false },
            { "678", "Torfaen", "Tor-faen", false },
            { "679", "Monmouthshire", "Sir Fynwy", false },
            { "680", "Newport", "Casnewydd", false },
            { "681", "Cardiff", "Caerdydd", false },
        });

    private static void Consortia(MigrationBuilder mb)
    {
        string[] columns = ["Code", "Name", "Kind", "ValidFrom", "ValidTo", "IsVerified", "Note"];
        mb.InsertData("Consortia", columns, new object[,]
        {
            // The four ADEW consortia of the 2008-09 SEF pilot [S: 000_f58358ee1aeaafe8.txt fn 1; 002_298fcbcd7fda32dd.txt].
            // The seeds describe 2008-09; the end date is the 2012 move to regional services [I].
            { "NW", "North Wales", "AdewConsortium", AdewFrom, AdewTo, true,
                "North West (Gwynedd, Ynys Môn, Conwy) + North East (Denbighshire, Flintshire, Wrexham) [S: 000 §5.6-5.9]. End date inferred [I]." },
            { "SWAMWAC", "South West and Mid Wales Consortium", "AdewConsortium", AdewFrom, AdewTo, true,
                "Its six LAs had worked together since 2000 [S: 000 §5.6]; 635 schools [S: 001]. Start = the pilot year described; end date inferred [I]." },
            { "CSW", "Central South Wales", "AdewConsortium", AdewFrom, AdewTo, true,
                "ESIS served Bridgend, Caerphilly, Merthyr and RCT; the Vale was in the consortium but not ESIS [S: 000 §5.6-5.9]. End date inferred [I]." },
            { "SEW", "South East Wales", "AdewConsortium", AdewFrom, AdewTo, true,
                "Torfaen was a member but did not take part in the pilot [S: 000 §5.6-5.9]. End date inferred [I]." },
            // Regional school improvement services from September 2012 [P: WG statement 16 Apr 2013].
            { "GWE", "GwE (North Wales)", "RegionalService", RegionalFrom, Transition2025, false,
                "End date unverified: the 2024-25 School Improvement Partnership Programme moved school improvement to LA-led arrangements [P/K]." },
            { "ERW", "ERW (Education through Regional Working)", "RegionalService", RegionalFrom, ErwTo, true,
                "Ended 31 Aug 2021 [P: Senedd WQ83108]." },
            { "CSC", "Central South Consortium Joint Education Service", "RegionalService", RegionalFrom, Transition2025, false,
                "End date unverified (2025 transition) [P/K]." },
            { "EAS", "Education Achievement Service (South East Wales)", "RegionalService", RegionalFrom, Transition2025, false,
                "End date unverified (2025 transition) [P/K]." },
            // The 2021 changes [P: WQ83108].
            { "PARTNERIAETH", "Partneriaeth", "Partnership", Changes2021, Transition2025, false,
                "From 1 Sep 2021 [P: WQ83108]; the name is [K]; end date unverified." },
            { "POWYS_CEREDIGION", "Powys and Ceredigion partnership", "Partnership", Changes2021, Transition2025, false,
                "From 1 Sep 2021, for specified functions [P]; end date unverified." },
        });

        // Memberships, one InsertData per consortium. Inconsistencies in the seeds, kept as notes rather than data:
        // - 000_f58358ee1aeaafe8.txt footnote 11 lists North Wales without Conwy (21 LAs); footnote 1, 002 and 000 §5.9
        //   include it, so Conwy is a member here.
        // - footnote 11 spells Torfaen "Torfean"; Torfaen was a South East Wales member but did not take part in the pilot.
        // - the seeds put Caerphilly in Central South and Cardiff in South East: right before 2012, swapped from 2012
        //   [P: Vale of Glamorgan cabinet 29 Nov 2011; WG statement 16 Apr 2013].
        Members(mb, "NW", AdewFrom, AdewTo, "Seed", true, "[S: 000 fn 1] (fn 11 omits Conwy)", "660", "661", "662", "663", "664", "665");
        Members(mb, "SWAMWAC", AdewFrom, AdewTo, "Seed", true, "[S: 000 fn 1; 001]", "666", "667", "668", "669", "670", "671");
        Members(mb, "CSW", AdewFrom, AdewTo, "Seed", true, "[S: 000 fn 1] Caerphilly here before 2012", "672", "673", "674", "675", "676");
        Members(mb, "SEW", AdewFrom, AdewTo, "Seed", true, "[S: 000 fn 1] (fn 11: \"Torfean\"; Torfaen not in the pilot)", "677", "678", "679", "680", "681");
        Members(mb, "GWE", RegionalFrom, Transition2025, "Public", false, "[P] end date unverified", "660", "661", "662", "663", "664", "665");
        Members(mb, "ERW", RegionalFrom, ErwTo, "Public", true,
            "[P: WQ83108] NPT voted to leave around 2019 and Ceredigion withdrew before 2021 [P]; exact dates unverified, so kept to 31 Aug 2021",
            "666", "667", "668", "669", "670", "671");
        Members(mb, "CSC", RegionalFrom, Transition2025, "Public", false, "[P] Cardiff joins from 2012; end date unverified", "672", "673", "674", "675", "681");
        Members(mb, "EAS", RegionalFrom, Transition2025, "Public", false, "[P] Caerphilly joins from 2012; end date unverified", "676", "677", "678", "679", "680");
        Members(mb, "PARTNERIAETH", Changes2021, Transition2025, "Public", false, "[P: WQ83108] end date unverified", "668", "669", "670");
        Members(mb, "POWYS_CEREDIGION", Changes2021, Transition2025, "Public", false, "[P] end date unverified", "666", "667");
        // Neath Port Talbot: no consortium from 1 Sep 2021 [P], so no row.
    }

    private static void Members(MigrationBuilder mb, string consortium, DateOnly from, DateOnly to, string source, bool verified, string note,
        params string[] laCodes)
    {
        var values = new object[laCodes.Length, 8];
        for (var i = 0; i < laCodes.Length; i++)
        {
            values[i, 0] = laCodes[i];
            values[i, 1] = consortium;
            values[i, 2] = from;
            values[i, 3] = to;
            values[i, 4] = source;
            values[i, 5] = verified;
            values[i, 6] = note;
            values[i, 7] = 0;
        }
        mb.InsertData("ConsortiumMemberships", ["LaCode", "ConsortiumCode", "ValidFrom", "ValidTo", "Source", "IsVerified", "Note", "Version"], values);
    }

    private static void SefStructure(MigrationBuilder mb)
    {
        // Six elements [S: 000 fn 9, 001, 003]; five core themes [S: 000 fn 8, citing p. 12 of the red book].
        // Aspects (3-4 per element) are in no seed and are not loaded.
        mb.InsertData("SefElements", ["Code", "Number", "NameEn"], new object[,]
        {
            { "LEADERSHIP", 1, "Leadership" },
            { "CURRICULUM_TEACHING", 2, "Curriculum and teaching" },
            { "WORKING_WITH_OTHERS", 3, "Working with others" },
            { "NETWORKS_OF_PRACTICE", 4, "Networks of professional practice" },
            { "INTERVENTION_SUPPORT", 5, "Intervention and support" },
            { "IMPROVEMENT_ACCOUNTABILITY", 6, "Improvement and accountability" },
        });
        mb.InsertData("SefThemes", ["Code", "Number", "NameEn"], new object[,]
        {
            { "SYSTEMS_THINKING", 1, "Systems thinking" },
            { "BILINGUALISM", 2, "Bilingualism" },
            { "HIGH_PERFORMANCE_CULTURE", 3, "High performance culture" },
            { "EQUALITY", 4, "Equality" },
            { "SUPPORTIVE_INTERDEPENDENT", 5, "Supportive and interdependent" },
        });
    }

    private static void Estyn(MigrationBuilder mb)
    {
        string[] columns = ["Code", "NameEn", "ValidFrom", "ValidTo", "IsGraded", "IsVerified", "Note"];
        mb.InsertData("EstynFrameworks", columns, new object[,]
        {
            { "PRE2010", "Common Inspection Framework before 2010", new DateOnly(2004, 9, 1), new DateOnly(2010, 8, 31), true, false,
                "7 key questions, six-year cycle [S: 000 Table 4.2]; the 1-5 scale and the 2004 start are [K]." },
            { "CIF2010", "Common Inspection Framework 2010", new DateOnly(2010, 9, 1), new DateOnly(2017, 8, 31), true, true,
                "KQ1-3 plus overall judgements current performance and prospects for improvement [P: Estyn report front matter; Vale of Glamorgan 2012]." },
        });
        mb.InsertData("EstynFrameworks", ["Code", "NameEn", "ValidFrom", "IsGraded", "IsVerified", "Note"], new object[,]
        {
            { "CIF2017", "Common Inspection Framework 2017", new DateOnly(2017, 9, 1), true, true,
                "Five inspection areas, schools and PRUs from Sep 2017 [P: estyn.gov.wales]; graded inspections stopped with the COVID pause (end date not recorded)." },
            { "UNGRADED2022", "Inspections without summative grades (2022)", new DateOnly(2022, 1, 1), false, false,
                "Resumed without grades from early 2022 [P]; the exact start day is unverified." },
            { "FRAMEWORK2024", "Inspection arrangements from September 2024", new DateOnly(2024, 9, 1), false, true,
                "Two contacts per six years, no grades [P]." },
        });

        mb.InsertData("EstynAreas", ["FrameworkCode", "Code", "Kind", "NameEn", "SortOrder"], new object[,]
        {
            // Pre-2010: the seeds count seven key questions but do not word them [S: 000].
            { "PRE2010", "KQ1", "KeyQuestion", "Key question 1 (wording not in the seeds)", 1 },
            { "PRE2010", "KQ2", "KeyQuestion", "Key question 2 (wording not in the seeds)", 2 },
            { "PRE2010", "KQ3", "KeyQuestion", "Key question 3 (wording not in the seeds)", 3 },
            { "PRE2010", "KQ4", "KeyQuestion", "Key question 4 (wording not in the seeds)", 4 },
            { "PRE2010", "KQ5", "KeyQuestion", "Key question 5 (wording not in the seeds)", 5 },
            { "PRE2010", "KQ6", "KeyQuestion", "Key question 6 (wording not in the seeds)", 6 },
            { "PRE2010", "KQ7", "KeyQuestion", "Key question 7 (wording not in the seeds)", 7 },
            { "CIF2010", "KQ1", "KeyQuestion", "How good are outcomes?", 1 },
            { "CIF2010", "KQ2", "KeyQuestion", "How good is provision?", 2 },
            { "CIF2010", "KQ3", "KeyQuestion", "How good are leadership and management?", 3 },
            { "CIF2010", "CURRENT_PERFORMANCE", "OverallJudgement", "Current performance", 4 },
            // For LA inspections the second overall judgement is worded "capacity to improve" [P].
            { "CIF2010", "PROSPECTS", "OverallJudgement", "Prospects for improvement", 5 },
            { "CIF2017", "IA1", "InspectionArea", "Standards", 1 },
            { "CIF2017", "IA2", "InspectionArea", "Wellbeing and attitudes to learning", 2 },
            { "CIF2017", "IA3", "InspectionArea", "Teaching and learning experiences", 3 },
            { "CIF2017", "IA4", "InspectionArea", "Care, support and guidance", 4 },
            { "CIF2017", "IA5", "InspectionArea", "Leadership and management", 5 },
        });

        mb.InsertData("EstynGrades", ["FrameworkCode", "Code", "Label", "Description", "Rank", "IsVerified"], new object[,]
        {
            // [K] unverified: DOMAIN.md 3(b) records only "grades 1-5" for the pre-2010 framework.
            { "PRE2010", "G1", "Grade 1", "Unverified [K]: best grade of five", 1, false },
            { "PRE2010", "G2", "Grade 2", "Unverified [K]", 2, false },
            { "PRE2010", "G3", "Grade 3", "Unverified [K]", 3, false },
            { "PRE2010", "G4", "Grade 4", "Unverified [K]", 4, false },
            { "PRE2010", "G5", "Grade 5", "Unverified [K]: lowest grade of five", 5, false },
            // CIF 2010 [P: Estyn report front matter].
            { "CIF2010", "EXCELLENT", "Excellent", "Many strengths, including significant examples of sector-leading practice", 1, true },
            { "CIF2010", "GOOD", "Good", "Many strengths and no important areas requiring significant improvement", 2, true },
            { "CIF2010", "ADEQUATE", "Adequate", "Strengths outweigh areas for improvement", 3, true },
            { "CIF2010", "UNSATISFACTORY", "Unsatisfactory", "Important areas for improvement outweigh strengths", 4, true },
        });
        // CIF 2017 has its own wording for the lower two grades [P: estyn.gov.wales]; descriptors were not retrieved.
        // UNGRADED2022 and FRAMEWORK2024 have no grades, so no judgement can be recorded against them.
        mb.InsertData("EstynGrades", ["FrameworkCode", "Code", "Label", "Rank", "IsVerified"], new object[,]
        {
            { "CIF2017", "EXCELLENT", "Excellent", 1, true },
            { "CIF2017", "GOOD", "Good", 2, true },
            { "CIF2017", "ADEQUATE_NEEDS_IMPROVEMENT", "Adequate and needs improvement", 3, true },
            { "CIF2017", "UNSATISFACTORY_URGENT", "Unsatisfactory and needs urgent improvement", 4, true },
        });
    }

    private static void Categorisation(MigrationBuilder mb)
    {
        // National School Categorisation System colours [P: parentkind; gov.wales].
        mb.InsertData("CategorisationColours", ["Code", "NameEn", "Meaning", "Rank"], new object[,]
        {
            { "Green", "Green", "Highly effective school; leads and supports others", 1 },
            { "Yellow", "Yellow", "Effective school", 2 },
            { "Amber", "Amber", "In need of improvement", 3 },
            { "Red", "Red", "In need of greatest improvement; intensive support", 4 },
        });
        // Support days "up to" per colour [P: parentkind] - verify against WG guidance (e.g. no. 245/2019).
        const string daysNote = "Up to this many days [P: parentkind]; verify against WG guidance (e.g. no. 245/2019).";
        mb.InsertData("SupportDaysRules", ["Colour", "ValidFromYearCode", "MaxDays", "IsVerified", "Note"], new object[,]
        {
            { "Green", "2014/15", 4, false, daysNote },
            { "Yellow", "2014/15", 10, false, daysNote },
            { "Amber", "2014/15", 15, false, daysNote },
            { "Red", "2014/15", 25, false, daysNote },
        });
        // The (standards group, capacity) -> colour matrix is in WG guidance that was not retrieved. Only one cell is
        // known [P: school sites]; the others are deliberately absent rather than guessed.
        mb.InsertData("CategorisationMatrix", ["ValidFromYearCode", "StandardsGroup", "Capacity", "Colour", "IsVerified", "Note"], new object[,]
        {
            { "2014/15", 1, "A", "Green", true, "1A = green [P: school sites]; the rest of the matrix is not retrieved." },
        });
    }

    private static void Measures(MigrationBuilder mb) =>
        // Measures in use [P: DOMAIN.md 3(c)]; CSI and its definition are [K].
        mb.InsertData("Measures", ["Code", "NameEn", "Unit", "HigherIsBetter", "MethodologyVersion", "IsVerified", "Note"], new object[,]
        {
            { "L2_INCL", "KS4 Level 2 inclusive (5 A*-C incl. English/Welsh and maths)", "percent", true, "pre-2019", true, "[P]" },
            { "CAPPED8", "KS4 capped points score (best 8)", "points", true, "pre-2019", true, "[P]" },
            { "CAPPED9", "KS4 Capped 9 points score", "points", true, "2019-interim", true, "2019 interim measures [P]" },
            { "LITERACY", "KS4 literacy points (interim measure)", "points", true, "2019-interim", true, "[P]" },
            { "NUMERACY", "KS4 numeracy points (interim measure)", "points", true, "2019-interim", true, "[P]" },
            { "SCIENCE", "KS4 science points (interim measure)", "points", true, "2019-interim", true, "[P]" },
            { "SKILLS_CHALLENGE", "Skills Challenge Certificate points (interim measure)", "points", true, "2019-interim", true, "[P]" },
            { "CSI", "Core subject indicator", "percent", true, "v1", false, "Unverified [K]: not in DOMAIN.md's public list." },
            { "ATTENDANCE", "Attendance", "percent", true, "v1", true, "Used in standards-group data [P]" },
            { "FFT_PROGRESS", "FFT progress KS2 to KS4 against similar pupils", "score", true, "v1", true, "Prior attainment, gender, month of birth; supplied through LAs [P]" },
            { "VA_POST16", "Post-16 value added", "score", true, "v1", true, "WG post-16 value-added indicators [P]" },
        });

    private static void LanguageCategories(MigrationBuilder mb) =>
        // 2007 definitions [P: DataMap Wales]. The 2021 numbered categories are [K] and not loaded until verified.
        mb.InsertData("LanguageCategories", ["Id", "Scheme", "Code", "NameEn", "SortOrder", "IsVerified"], new object[,]
        {
            { "2007:WM", "2007", "WM", "Welsh medium", 1, true },
            { "2007:DS", "2007", "DS", "Dual stream", 2, true },
            { "2007:T", "2007", "T", "Transitional", 3, true },
            { "2007:2A", "2007", "2A", "Bilingual (category A)", 4, true },
            { "2007:2B", "2007", "2B", "Bilingual (category B)", 5, true },
            { "2007:2C", "2007", "2C", "Bilingual (category C)", 6, true },
            { "2007:2CH", "2007", "2CH", "Bilingual (category Ch)", 7, true },
            { "2007:EW", "2007", "EW", "English with significant Welsh", 8, true },
            { "2007:EM", "2007", "EM", "English medium", 9, true },
        });

    protected override void Down(MigrationBuilder mb)
    {
        foreach (var table in new[]
                 {
                     "LanguageCategories", "Measures", "CategorisationMatrix", "SupportDaysRules", "CategorisationColours", "EstynGrades",
                     "EstynAreas", "EstynFrameworks", "SefThemes", "SefElements", "ConsortiumMemberships", "Consortia", "LocalAuthorities",
                     "AcademicYears",
                 })
            mb.Sql($"DELETE FROM \"{table}\"");
    }
}
