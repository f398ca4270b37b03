using SefData.Data.Seeding.Generation;
using SefData.Domain;

namespace SefData.Data.Seeding;

public sealed partial class DemoDataGenerator
{
    // 2010-13: ten strategic themes from One Wales; 2013-16: five Programme for Government outcomes (Vale of Glamorgan's set).
    private static readonly (string Code, string Title, string Measure)[] Themes2010 =
    [
        ("OW01", "A strong and prosperous economy", "Young people not in education, employment or training (%)"),
        ("OW02", "Education: raising standards in schools", "Pupils achieving the Level 2 threshold including English/Welsh and mathematics (%)"),
        ("OW03", "Health and well-being", "Children up to date with immunisations (%)"),
        ("OW04", "Safer communities", "Repeat incidents of domestic abuse"),
        ("OW05", "Affordable, decent housing", "Additional affordable homes delivered"),
        ("OW06", "Environment and sustainability", "Municipal waste recycled or composted (%)"),
        ("OW07", "Welsh language and culture", "Pupils assessed in Welsh at the end of Key Stage 2 (%)"),
        ("OW08", "Children and young people", "Looked-after children with a personal education plan (%)"),
        ("OW09", "Living longer, living better", "Older people supported to live at home (per 1,000)"),
        ("OW10", "Tackling poverty", "Households in fuel poverty supported"),
    ];

    private static readonly (string Code, string Title, string Measure)[] Outcomes2013 =
    [
        ("PFG1", "Growth and sustainable jobs", "Business start-ups supported"),
        ("PFG2", "School attainment", "Pupils achieving the Level 2 threshold including English/Welsh and mathematics (%)"),
        ("PFG3", "Older people live independently", "Older people supported in the community (per 1,000)"),
        ("PFG4", "Social housing", "Social housing meeting the Welsh Housing Quality Standard (%)"),
        ("PFG5", "Landfill", "Municipal waste sent to landfill (%)"),
    ];

    private async Task WriteOutcomeAgreementsAsync(CancellationToken ct)
    {
        var random = SeedRandom.For(Seed, "outcome-agreements");
        var agreements = new List<OutcomeAgreement>();
        var outcomes = new List<OaOutcome>();
        var measures = new List<OaMeasure>();
        var targets = new List<OaTarget>();
        var assessments = new List<OaAssessment>();
        var ratings = new List<OaOutcomeRating>();

        foreach (var la in _reference.Authorities)
        {
            var size = WalesProfile.Find(la.LaCode, la.NameEn)?.Schools ?? 60;
            foreach (var (first, themes, fullAt) in new[] { (2010, Themes2010, 25), (2013, Outcomes2013, 0) })
            {
                var maxGrant = Math.Round((1_200_000m + 300_000m * Math.Min(1, (size - 26) / 96m)) / 1000) * 1000;
                var agreement = new OutcomeAgreement
                {
                    Id = agreements.Count + 1, LaCode = la.LaCode,
                    PeriodStart = new DateOnly(first, 4, 1), PeriodEnd = new DateOnly(first + 3, 3, 31),
                    SignedDate = new DateOnly(first, 6, 1).AddDays(random.Next(0, 60)), MaxGrant = maxGrant,
                };
                agreements.Add(agreement);
                var firstOutcome = outcomes.Count;
                foreach (var (code, title, measureText) in themes)
                {
                    var outcome = new OaOutcome
                    {
                        Id = outcomes.Count + 1, AgreementId = agreement.Id, ThemeCode = code, Title = title,
                        // 2010-13: full grant also needed successful collaboration in most outcomes.
                        Collaborative = first == 2010 ? random.Chance(0.9) : random.Chance(0.4),
                        Weight = first == 2010 ? 10m : 14m,
                    };
                    outcomes.Add(outcome);
                    var attainment = measureText.StartsWith("Pupils achieving the Level 2", StringComparison.Ordinal);
                    var baseline = attainment ? 45 + 15 * random.NextDouble() : 20 + 60 * random.NextDouble();
                    var measure = new OaMeasure
                    {
                        Id = measures.Count + 1, OutcomeId = outcome.Id, Description = measureText,
                        MeasureCode = attainment && _reference.Measures.Any(m => m.Code == "L2_INCL") ? "L2_INCL" : null,
                        Baseline = Math.Round((decimal)baseline, 1),
                    };
                    measures.Add(measure);
                    for (var k = 0; k < 3; k++)
                        targets.Add(new OaTarget
                        {
                            Id = targets.Count + 1, OaMeasureId = measure.Id, YearCode = Year(first + k),
                            Value = Math.Round((decimal)(baseline * (1 + 0.03 * (k + 1))), 1),
                        });
                }

                for (var k = 0; k < 3; k++)
                {
                    var assessment = new OaAssessment { Id = assessments.Count + 1, AgreementId = agreement.Id, YearCode = Year(first + k) };
                    var score = 0;
                    for (var o = firstOutcome; o < outcomes.Count; o++)
                    {
                        var roll = random.NextDouble();
                        var rating = roll < 0.62 ? OaRating.Fully : roll < 0.94 ? OaRating.Partially : OaRating.Unsuccessful;
                        score += rating switch { OaRating.Fully => 3, OaRating.Partially => 2, _ => 1 };
                        ratings.Add(new OaOutcomeRating { Id = ratings.Count + 1, AssessmentId = assessment.Id, OutcomeId = outcomes[o].Id, Rating = rating });
                    }
                    // 2010-13: full grant at 25 of 30 points, pro rata below [I]. 2013-16: outcomes are 70%, corporate health 30%.
                    decimal pct = first == 2010
                        ? score >= fullAt ? 100m : Math.Round(100m * score / 30, 1)
                        : Math.Round(70m * score / 15 + 30m * (decimal)(0.7 + 0.3 * random.NextDouble()), 1);
                    assessment.Score = score;
                    assessment.GrantPct = pct;
                    assessment.GrantPaid = Math.Round(maxGrant * pct / 100, 0);
                    assessment.SelfAssessment = pct >= 90 ? "Good progress against most outcomes" : "Mixed progress; some targets missed";
                    assessments.Add(assessment);
                }
            }
        }
        await WriteAsync("outcome agreements", agreements, ct);
        await WriteAsync("outcome agreements", outcomes, ct);
        await WriteAsync("outcome agreements", measures, ct);
        await WriteAsync("outcome agreements", targets, ct);
        await WriteAsync("outcome agreements", assessments, ct);
        await WriteAsync("outcome agreements", ratings, ct);
    }
}
