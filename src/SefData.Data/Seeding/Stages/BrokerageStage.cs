using SefData.Data.Seeding.Generation;
using SefData.Domain;

namespace SefData.Data.Seeding;

public sealed partial class DemoDataGenerator
{
    private static readonly string[] BrokerageFocus =
    [
        "Leadership and self-evaluation", "Literacy across the curriculum", "Numeracy", "Quality of teaching",
        "Assessment and tracking", "Attendance", "eFSM learners' progress", "Governance", "Foundation Phase provision",
        "Welsh language", "Behaviour and well-being", "Curriculum planning",
    ];

    /// <summary>
    /// School-to-school support brokered by the recipient's challenge adviser in the months after the January
    /// publication: providers are green or yellow (mostly green, capacity A) in the same consortium and phase,
    /// recipients amber or red. A per-school popularity makes a few providers carry many partnerships.
    /// </summary>
    private async Task WriteBrokeragesAsync(CancellationToken ct)
    {
        var random = SeedRandom.For(Seed, "brokerage");
        var popularity = _schools.Select(_ => Math.Exp(0.8 * random.NextGaussian())).ToArray();
        var brokerages = new List<SupportBrokerage>();
        for (var year = CategorisationShares.FirstYear; year <= CategorisationShares.LastYear; year++)
        {
            var y = year;
            var inYear = _schools.Where(s => _state.Colour(s.Index, y) is not null).ToList();
            var providers = inYear.Where(s => _state.Colour(s.Index, y) is Colour.Green or Colour.Yellow)
                .GroupBy(s => (RegionalConsortium(s.LaCode, y), Phase(s)))
                .ToDictionary(g => g.Key, g => (Schools: g.ToList(), Picker: new WeightedPicker(g.Select(s => ProviderWeight(s, y) * popularity[s.Index]))));
            foreach (var recipient in inYear.Where(s => _state.Colour(s.Index, y) is Colour.Amber or Colour.Red))
            {
                var colour = _state.Colour(recipient.Index, y)!.Value;
                var count = colour == Colour.Red ? (random.Chance(0.4) ? 2 : 1) : (random.Chance(0.7) ? 1 : 0);
                if (!providers.TryGetValue((RegionalConsortium(recipient.LaCode, y), Phase(recipient)), out var pool)) continue;
                var used = new HashSet<int>();
                for (var k = 0; k < count; k++)
                {
                    var provider = pool.Schools[pool.Picker.Pick(random)];
                    if (!used.Add(provider.Index)) continue;
                    var start = new DateOnly(y + 1, 2, 2).AddDays(random.Next(0, 45));
                    var next = _state.Colour(recipient.Index, y + 1);
                    var (status, outcome) = BrokerageOutcome(random, y, colour, next);
                    brokerages.Add(new SupportBrokerage
                    {
                        Id = brokerages.Count + 1,
                        ProviderSchoolId = provider.Index + 1,
                        RecipientSchoolId = recipient.Index + 1,
                        BrokerPersonId = _state.Adviser(recipient.Index, y),
                        Focus = random.Pick(BrokerageFocus),
                        StartDate = start,
                        EndDate = status == BrokerageStatus.Cancelled && y == 2019 ? new DateOnly(2020, 3, 20) : new DateOnly(y + 1, 7, 17),
                        PlannedDays = colour == Colour.Red ? random.Next(8, 21) : random.Next(4, 13),
                        Status = status,
                        Outcome = outcome,
                        ProviderColour = ToColour(_state.Colour(provider.Index, y)!.Value),
                        RecipientColour = ToColour(colour),
                    });
                }
            }
        }
        await WriteAsync("brokerage", brokerages, ct);

        // About a third of partnerships wrote a joint action plan.
        var plans = brokerages.Where(_ => random.Chance(0.3)).Select(b => new ActionPlan
        {
            Id = ++_actionPlanId, Owner = ActionPlanOwner.Brokerage, BrokerageId = b.Id, Title = $"Support plan: {b.Focus}",
        }).ToList();
        await WriteAsync("brokerage", plans, ct);
        await WriteAsync("brokerage", plans.SelectMany(p => Enumerable.Range(1, 2).Select(k => new ActionObjective
        {
            Id = ++_actionObjectiveId, ActionPlanId = p.Id,
            Objective = k == 1 ? "Joint lesson observation and coaching" : "Review progress against the school development plan",
            Owner = k == 1 ? "Provider school lead" : "Recipient headteacher",
            SuccessCriteria = "Improved quality of teaching judged at the adviser's review",
        })), ct);
    }

    private double ProviderWeight(GenSchool s, int year) => (_state.Colour(s.Index, year), _state.Capacity(s.Index, year)) switch
    {
        (Colour.Green, 'A') => 3.0,
        (Colour.Green, _) => 1.2,
        (Colour.Yellow, 'A') => 0.6,
        _ => 0.15,
    };

    private static (BrokerageStatus, string) BrokerageOutcome(Random random, int year, Colour colour, Colour? next)
    {
        if (year == 2019)
            return random.Chance(0.4)
                ? (BrokerageStatus.Cancelled, "Stopped when schools closed in March 2020")
                : (BrokerageStatus.Completed, "Completed; categorisation was suspended for 2020/21");
        if (random.Chance(0.07)) return (BrokerageStatus.Cancelled, "Withdrawn before completion");
        if (next is null) return (BrokerageStatus.Completed, "Completed; the recipient school has since closed");
        return next < colour
            ? (BrokerageStatus.Completed, "Recipient moved up at least one colour the following year")
            : next == colour
                ? (BrokerageStatus.Completed, "Colour unchanged; self-evaluation and planning strengthened")
                : (BrokerageStatus.Completed, "No measurable impact; further support brokered");
    }
}
