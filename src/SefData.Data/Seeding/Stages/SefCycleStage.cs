using SefData.Data.Seeding.Generation;
using SefData.Domain;

namespace SefData.Data.Seeding;

public sealed partial class DemoDataGenerator
{
    private static readonly string[] JoinReasons =
    [
        "Headteacher contributed to developing the SEF", "Volunteered", "Encouraged by the local authority",
        "Targeted: Estyn inspection imminent", "Targeted: coasting performance", "Targeted: leadership capacity",
    ];

    private static readonly string[] Strengths =
    [
        "Distributed leadership with clear roles for middle leaders", "Consistent assessment for learning across classes",
        "Strong partnership with parents and the local community", "Well-established cluster transition work",
        "Effective use of pupil data to target intervention", "Outstanding provision for bilingual learners",
    ];

    private static readonly (BarrierScope Scope, string Text)[] BarrierTexts =
    [
        (BarrierScope.Internal, "Limited time for staff to work together"),
        (BarrierScope.Internal, "Inconsistent use of pupil tracking data"),
        (BarrierScope.Local, "Supply cover funding insufficient for release time"),
        (BarrierScope.Local, "Late arrival of the school data profile from the local authority"),
        (BarrierScope.National, "Competing national initiatives and paperwork"),
        (BarrierScope.National, "Uncertainty over grant funding beyond the pilot year"),
    ];

    /// <summary>Primary schools' themes leaned on improvement and accountability; secondaries' on leadership (swamwac counts).</summary>
    private static readonly double[] PrimaryElementWeights = [3, 7, 3, 2, 3, 11];
    private static readonly double[] SecondaryElementWeights = [8, 3, 3, 3, 1, 5];

    /// <summary>The 2008-09 pilot cycle: SEP, themes, strengths, barriers, action plan, mid-term and final review with a repeat SEP.</summary>
    private async Task WriteSefCycleAsync(CancellationToken ct)
    {
        if (_reference.Elements.Count < 2) return;
        var random = SeedRandom.For(Seed, "sef-cycle");
        var elements = _reference.Elements;
        var evaluations = new List<SelfEvaluation>();
        var sepRatings = new List<SepRating>();
        var cycles = new List<ImprovementCycle>();
        var themes = new List<ThemeForImprovement>();
        var themeElements = new List<ThemeElement>();
        var strengths = new List<KeyStrength>();
        var barriers = new List<BarrierToEffectiveness>();
        var plans = new List<ActionPlan>();
        var objectives = new List<ActionObjective>();
        var reviews = new List<Review>();

        SelfEvaluation Evaluate(int school, DateOnly date, int[] levels)
        {
            var e = new SelfEvaluation
            {
                Id = evaluations.Count + 1, SchoolId = school + 1, YearCode = "2008/09", Tool = EvaluationTool.Sep, Date = date,
                Scope = EvaluationScope.Full, Participants = random.Chance(0.5) ? "SLT,STAFF,GOVERNORS" : "SLT,STAFF,GOVERNORS,PUPILS",
            };
            evaluations.Add(e);
            for (var k = 0; k < elements.Count; k++)
                sepRatings.Add(new SepRating
                {
                    Id = sepRatings.Count + 1, SelfEvaluationId = e.Id, ElementCode = elements[k].Code, Level = (SepLevel)levels[k], RatedOn = date,
                });
            return e;
        }

        foreach (var school in _state.PilotSchools.Order())
        {
            var s = _schools[school];
            var swamwac = IsSwamwac(s);
            var z = _quality.Score(school, 2008);
            var first = elements.Select(_ => Math.Clamp((int)Math.Round(0.8 + 0.6 * z + 0.6 * random.NextGaussian()), 0, 3)).ToArray();
            Evaluate(school, new DateOnly(2008, 10, 1).AddDays(random.Next(0, 28)), first);

            var phase = random.Chance(0.9) ? 5 : 4;
            var cycle = new ImprovementCycle
            {
                Id = cycles.Count + 1, SchoolId = school + 1, YearCode = "2008/09",
                Model = swamwac ? CycleModel.ImprovementFacilitator : CycleModel.Associate,
                FacilitatorPersonId = _state.PilotFacilitator.TryGetValue(school, out var f) ? f : null,
                LinkAdviserPersonId = _state.Adviser(school, 2008), Phase = phase, JoinReason = random.Pick(JoinReasons),
            };
            cycles.Add(cycle);

            var weights = s.Sector == SchoolSector.Primary ? PrimaryElementWeights : SecondaryElementWeights;
            var firstTheme = themes.Count;
            for (var t = random.Next(1, 4); t > 0; t--)
            {
                var chosen = new SortedSet<int>();
                var span = Math.Min(random.Next(2, 4), Math.Min(weights.Length, elements.Count));
                while (chosen.Count < span) chosen.Add(random.PickWeighted(weights.AsSpan(0, Math.Min(weights.Length, elements.Count))));
                var theme = new ThemeForImprovement
                {
                    Id = themes.Count + 1, CycleId = cycle.Id,
                    Title = $"Improve {elements[chosen.Min].NameEn.ToLowerInvariant()} through {elements[chosen.Max].NameEn.ToLowerInvariant()}",
                    Objectives = "Agreed at the dialogue meeting; reviewed at mid-term",
                };
                themes.Add(theme);
                themeElements.AddRange(chosen.Select(k => new ThemeElement { ThemeId = theme.Id, ElementCode = elements[k].Code }));
                Ensure(ThemeForImprovement.SpanRule(theme.Title, chosen.Select(k => elements[k].Code)));
            }
            for (var k = random.Next(1, 4); k > 0; k--)
                strengths.Add(new KeyStrength
                {
                    Id = strengths.Count + 1, CycleId = cycle.Id, ElementCode = random.Pick(elements).Code,
                    Text = random.Pick(Strengths), OfferedToOthers = random.Chance(0.6),
                });
            for (var k = random.Next(1, 4); k > 0; k--)
            {
                var (scope, text) = random.Pick(BarrierTexts);
                EscalationTarget? escalated = scope == BarrierScope.Internal || random.Chance(0.4) ? null
                    : scope == BarrierScope.National ? EscalationTarget.WelshGovernment
                    : random.Chance(0.6) ? EscalationTarget.LocalAuthority : EscalationTarget.Consortium;
                barriers.Add(new BarrierToEffectiveness
                {
                    Id = barriers.Count + 1, CycleId = cycle.Id, Scope = scope, Description = text, EscalatedTo = escalated,
                    EscalatedOn = escalated is null ? null : new DateOnly(2008, 11, 3).AddDays(random.Next(0, 40)),
                    Response = escalated is not null && random.Chance(0.6) ? "Acknowledged; addressed in the following year's plan" : null,
                });
            }

            var plan = new ActionPlan { Id = ++_actionPlanId, Owner = ActionPlanOwner.Cycle, CycleId = cycle.Id, Title = $"SEF action plan 2008-09: {s.NameEn}" };
            plans.Add(plan);
            foreach (var theme in themes.GetRange(firstTheme, themes.Count - firstTheme))
                objectives.Add(new ActionObjective
                {
                    Id = ++_actionObjectiveId, ActionPlanId = plan.Id, Objective = theme.Title,
                    Steps = "Audit current practice; joint planning; learning visits within the network",
                    Milestones = "Mid-term review by March 2009", Owner = "Headteacher", Resources = "Network funding and release time",
                    SuccessCriteria = "Higher SEP rating for the elements concerned", Monitoring = "Facilitator log and link adviser visit",
                    DueDate = new DateOnly(2009, 7, 10),
                });

            reviews.Add(new Review
            {
                Id = reviews.Count + 1, CycleId = cycle.Id, Kind = ReviewKind.MidTerm, Date = new DateOnly(2009, 3, 2).AddDays(random.Next(0, 25)),
                Summary = "Actions on track; network meetings held",
            });
            if (phase == 5)
            {
                // A lower re-rating can mean sharper self-knowledge, not decline, so ratings move both ways.
                var repeat = first.Select(l => Math.Clamp(l + (random.NextDouble() switch { < 0.1 => -1, < 0.55 => 0, _ => 1 }), 0, 3)).ToArray();
                var again = Evaluate(school, new DateOnly(2009, 7, 1).AddDays(random.Next(0, 14)), repeat);
                reviews.Add(new Review
                {
                    Id = reviews.Count + 1, CycleId = cycle.Id, Kind = ReviewKind.Final, Date = again.Date, RepeatSelfEvaluationId = again.Id,
                    ImpactCategories = random.Chance(0.5) ? "capacity,systems development" : "direct performance,capacity,values-driven",
                    Summary = "Summative report completed; lessons shared with the network",
                });
            }
        }

        await WriteAsync("sef cycle", evaluations, ct);
        await WriteAsync("sef cycle", sepRatings, ct);
        await WriteAsync("sef cycle", cycles, ct);
        await WriteAsync("sef cycle", themes, ct);
        await WriteAsync("sef cycle", themeElements, ct);
        await WriteAsync("sef cycle", strengths, ct);
        await WriteAsync("sef cycle", barriers, ct);
        await WriteAsync("sef cycle", plans, ct);
        await WriteAsync("sef cycle", objectives, ct);
        await WriteAsync("sef cycle", reviews, ct);

        // Associates and Improvement Facilitators logged their visits to the consortium.
        var logId = 0;
        await WriteAsync("sef cycle", cycles.Where(c => c.FacilitatorPersonId is not null).SelectMany(c =>
            Enumerable.Range(0, random.Next(4, 9)).Select(_ => new DateOnly(2008, 9, 15).AddDays(random.Next(0, 290))).Order()
                .Select(date => new ActivityLog
                {
                    Id = ++logId, PersonId = c.FacilitatorPersonId!.Value, SchoolId = c.SchoolId,
                    Date = date.DayOfWeek switch { DayOfWeek.Saturday => date.AddDays(2), DayOfWeek.Sunday => date.AddDays(1), _ => date },
                    Hours = random.Next(4, 15) / 2m, Note = c.Model == CycleModel.ImprovementFacilitator ? "Improvement Facilitator visit" : "Associate visit",
                })).ToList(), ct);
    }
}
