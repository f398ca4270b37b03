using SefData.Data.Seeding.Generation;
using SefData.Domain;

namespace SefData.Data.Seeding;

public sealed partial class DemoDataGenerator
{
    private sealed record PlannedJudgement(string Area, string Grade);

    private sealed record PlannedInspection(
        DateOnly Start, DateOnly Published, string Framework, List<PlannedJudgement> Judgements,
        FollowUpCategory FollowUp, DateOnly? FollowUpRemoved, int[] Recommendations);

    private static readonly DateOnly CovidPauseStart = new(2020, 3, 16);
    private static readonly DateOnly CovidPauseEnd = new(2021, 11, 1);

    private static readonly string[] RecommendationTexts =
    [
        "Raise standards in literacy across the curriculum, particularly in extended writing.",
        "Improve pupils' numeracy skills and their application in subjects other than mathematics.",
        "Strengthen self-evaluation so that it focuses sharply on pupils' standards and progress.",
        "Ensure that improvement planning sets measurable targets and is monitored rigorously.",
        "Improve the consistency of the quality of teaching and assessment.",
        "Narrow the gap in performance between pupils eligible for free school meals and their peers.",
        "Improve attendance and reduce persistent absence.",
        "Develop pupils' Welsh language skills across the school.",
        "Strengthen the role of governors in challenging the school's performance.",
        "Improve the quality of feedback so that pupils know how to improve their work.",
        "Ensure that more able pupils are challenged consistently.",
        "Develop pupils' information and communication technology skills across the curriculum.",
        "Address the health and safety issues identified during the inspection.",
        "Improve provision for pupils with additional learning needs.",
        "Strengthen leadership at all levels, including the accountability of middle leaders.",
        "Improve the quality and use of tracking data to plan for pupils' progress.",
        "Develop pupils' independent learning skills.",
        "Share the school's good practice in leadership with other schools.",
    ];

    /// <summary>
    /// Framework in force on a date: the latest one that had started (reference ValidFrom, or the brief's dates
    /// where the reference leaves it open). Ungraded inspections only start after the COVID pause in any case.
    /// </summary>
    private string FrameworkOn(DateOnly date)
    {
        (string Code, DateOnly From)[] order =
        [
            ("PRE2010", DateOnly.MinValue), ("CIF2010", new(2010, 9, 1)), ("CIF2017", new(2017, 9, 1)),
            ("UNGRADED2022", new(2022, 1, 1)), ("FRAMEWORK2024", new(2024, 9, 1)),
        ];
        string? current = null;
        foreach (var (code, fallback) in order)
        {
            var framework = _reference.Frameworks.FirstOrDefault(f => f.Code == code);
            if (framework is not null && date >= (framework.ValidFrom ?? fallback)) current = code;
        }
        return current ?? throw new InvalidOperationException($"No Estyn framework in the reference data covers {date:yyyy-MM-dd}.");
    }

    /// <summary>
    /// One school's inspections on a six-to-seven-year cycle from 2004, shifted by the COVID pause, each with
    /// judgements read from the latent score, a follow-up category and a few recommendations. Replayable: the
    /// random source is the school's own, so each table streams without keeping the plans in memory.
    /// </summary>
    private List<PlannedInspection> PlanInspections(GenSchool s)
    {
        var random = SeedRandom.For(Seed, "inspections", s.Index);
        var plans = new List<PlannedInspection>();
        var date = s.OpenDate < new DateOnly(2004, 9, 1)
            ? new DateOnly(2004, 9, 1).AddDays(random.Next(0, 6 * 365))
            : s.OpenDate.AddMonths(random.Next(18, 37));
        var last = s.CloseDate is { } close && close < AsAt ? close : AsAt;
        while (true)
        {
            date = TermMonday(date);
            if (date >= CovidPauseStart && date < CovidPauseEnd) date = TermMonday(date.AddDays(CovidPauseEnd.DayNumber - CovidPauseStart.DayNumber));
            if (date > last) break;

            var framework = FrameworkOn(date);
            var year = date.Month >= 9 ? date.Year : date.Year - 1;
            var z = _quality.Score(s.Index, year);
            var published = date.AddDays(7 * random.Next(7, 11) + 4);
            var judgements = new List<PlannedJudgement>();
            var ranks = new List<(EstynAreaKind Kind, int Rank)>();
            var graded = _reference.Frameworks.First(f => f.Code == framework).IsGraded;
            var grades = _reference.Grades.Where(g => g.FrameworkCode == framework).OrderBy(g => g.Rank).ToList();
            if (graded && grades.Count > 0)
            {
                foreach (var area in _reference.Areas.Where(a => a.FrameworkCode == framework))
                {
                    var score = area.Kind == EstynAreaKind.OverallJudgement ? 0.9 * z + 0.44 * random.NextGaussian() : 0.8 * z + 0.6 * random.NextGaussian();
                    var rank = GradeRank(score, grades.Count);
                    judgements.Add(new PlannedJudgement(area.Code, grades[rank - 1].Code));
                    ranks.Add((area.Kind, rank));
                }
            }
            var (followUp, months) = FollowUpFor(framework, graded, grades.Count, ranks, z, random);
            DateOnly? removed = followUp == FollowUpCategory.None ? null : published.AddMonths(months + random.Next(0, 4));
            if (removed > AsAt) removed = null;
            var recommendations = Enumerable.Range(0, RecommendationTexts.Length).OrderBy(_ => random.Next()).Take(random.Next(2, 5)).ToArray();
            plans.Add(new PlannedInspection(date, published, framework, judgements, followUp, removed, recommendations));

            // Six-to-seven-year cycle (Estyn: six years; CIF 2017: a seven-year period).
            date = date.AddDays(random.Next(6 * 365, 7 * 365 + 60));
        }
        return plans;
    }

    /// <summary>The next Monday in term time (no inspections from mid-July to mid-September).</summary>
    private static DateOnly TermMonday(DateOnly date)
    {
        if (date.Month == 8 || (date.Month == 7 && date.Day > 15)) date = new DateOnly(date.Year, 9, 15);
        while (date.DayOfWeek != DayOfWeek.Monday) date = date.AddDays(1);
        return date;
    }

    /// <summary>Grade rank (1 = best) from a standard-normal score: about 10/58/28/4% on four-point scales.</summary>
    private static int GradeRank(double score, int grades)
    {
        double[] cumulative = grades switch
        {
            4 => [0.10, 0.68, 0.96],
            5 => [0.15, 0.70, 0.95, 0.99],
            _ => Enumerable.Range(1, grades - 1).Select(k => (double)k / grades).ToArray(),
        };
        for (var k = 0; k < cumulative.Length; k++)
            if (score >= NormalQuantile.Of(1 - cumulative[k])) return k + 1;
        return grades;
    }

    /// <summary>Follow-up category per framework and how many months it usually lasts.</summary>
    private static (FollowUpCategory, int Months) FollowUpFor(string framework, bool graded, int gradeCount, List<(EstynAreaKind Kind, int Rank)> ranks, double z, Random random)
    {
        var roll = random.NextDouble();
        if (!graded || ranks.Count == 0)
        {
            // Ungraded reports still place schools in follow-up.
            return z switch
            {
                < -2.3 => (FollowUpCategory.SpecialMeasures, 24),
                < -1.9 => (FollowUpCategory.SignificantImprovement, 15),
                < -1.3 when roll < 0.6 => (FollowUpCategory.EstynReview, 12),
                _ => (FollowUpCategory.None, 0),
            };
        }
        var overall = ranks.Where(r => r.Kind == EstynAreaKind.OverallJudgement).Select(r => r.Rank).ToList();
        var judged = overall.Count > 0 ? overall : ranks.Select(r => r.Rank).ToList();
        var worst = judged.Max();
        var failing = judged.Count(r => r == gradeCount);
        // Statutory categories are rare (about 1% special measures, 3% significant improvement): they need both
        // failing judgements and a genuinely weak school, not one unlucky grade.
        if (worst == gradeCount && failing >= 2 && z < -1.9) return (FollowUpCategory.SpecialMeasures, 24);
        // On the five-point pre-2010 scale "failing" means two or more grades of 4 or 5.
        var weak = framework == "PRE2010" ? judged.Count(r => r >= gradeCount - 1) >= 2 : worst == gradeCount;
        if (weak && z < -1.5) return (FollowUpCategory.SignificantImprovement, 15);
        switch (framework)
        {
            case "PRE2010":
                if (judged.Count(r => r >= 3) >= 3 && roll < 0.5) return (FollowUpCategory.LaMonitoring, 12);
                return (FollowUpCategory.None, 0);
            case "CIF2010":
                if (worst >= gradeCount - 1) return roll < 0.5 ? (FollowUpCategory.EstynMonitoring, 14) : (FollowUpCategory.LaMonitoring, 12);
                if (ranks.Any(r => r.Rank >= gradeCount - 1) && roll < 0.15) return (FollowUpCategory.LaMonitoring, 12);
                return (FollowUpCategory.None, 0);
            default:
                if (worst >= gradeCount - 1 && roll < 0.45) return (FollowUpCategory.EstynReview, 12);
                return (FollowUpCategory.None, 0);
        }
    }

    private async Task WriteInspectionsAsync(CancellationToken ct)
    {
        // Inspection ids are handed out school by school in plan order; the child streams replay the plans in the
        // same order and so arrive at the same ids.
        IEnumerable<(int Id, GenSchool School, PlannedInspection Plan)> All()
        {
            var id = 0;
            foreach (var s in _schools)
                foreach (var plan in PlanInspections(s))
                    yield return (++id, s, plan);
        }

        await WriteAsync("inspections", All().Select(x => new Inspection
        {
            Id = x.Id, Subject = InspectionSubject.School, SchoolId = x.School.Index + 1, FrameworkCode = x.Plan.Framework,
            Type = InspectionType.Core, StartDate = x.Plan.Start, PublishedDate = x.Plan.Published,
        }), ct);

        var judgementId = 0;
        await WriteAsync("inspections", All().SelectMany(x => x.Plan.Judgements.Select(j =>
        {
            Ensure(InspectionJudgement.FrameworkRule(x.Plan.Framework, j.Area, j.Grade, _reference.Areas, _reference.Grades).FirstOrDefault());
            return new InspectionJudgement { Id = ++judgementId, InspectionId = x.Id, FrameworkCode = x.Plan.Framework, AreaCode = j.Area, GradeCode = j.Grade };
        })), ct);

        var followUpId = 0;
        await WriteAsync("inspections", All().Where(x => x.Plan.FollowUp != FollowUpCategory.None).Select(x => new FollowUp
        {
            Id = ++followUpId, InspectionId = x.Id, Category = x.Plan.FollowUp, StartDate = x.Plan.Published, RemovedDate = x.Plan.FollowUpRemoved,
        }), ct);

        var recommendationId = 0;
        await WriteAsync("inspections", All().SelectMany(x => x.Plan.Recommendations.Select((r, i) => new Recommendation
        {
            Id = ++recommendationId, InspectionId = x.Id, Sequence = i + 1, Text = RecommendationTexts[r],
        })), ct);
    }
}
