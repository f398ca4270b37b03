using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SefData.Api.GraphQL.Core;
using SefData.Api.GraphQL.Organisation;
using SefData.Api.GraphQL.Recording;
using SefData.Data;
using SefData.Domain;
using SefData.GraphQL.Types;

namespace SefData.Api.GraphQL.Brokerage;

public enum RecipientIneligibility { NotFound, NotCategorised, NotAmberOrRed }
public enum BrokerageCloseOutcome { Completed, Cancelled }

public sealed record SupportCandidateList(School Recipient, SupportColour RecipientColour, string Year, string Focus, int Considered,
    IReadOnlyList<SupportCandidate> Candidates);

public sealed record RecipientNotEligible(RecipientIneligibility Reason, SupportColour? Colour, string Message);

public sealed record ProviderLoad(int SchoolId, int Brokerages);

public sealed record ColourDropAlert(SupportBrokerage Brokerage, SupportColour ProviderColourNow);

public sealed record BrokerageAlerts(string Year, IReadOnlyList<ColourDropAlert> ProviderColourDropped,
    IReadOnlyList<ProviderLoad> OverloadedProviders, IReadOnlyList<ProviderLoad> RepeatedProviders);

/// <summary>
/// School-to-school support: ranking providers for an amber or red school, the brokerage lifecycle (propose, agree,
/// start, review, close) and the challenge adviser's alerts.
/// </summary>
public sealed class BrokerageModule : ISchemaModule
{
    public void Configure(SchemaModuleContext context)
    {
        var b = context.Builder;
        b.Enum<BrokerageStatus>().Enum<SupportColour>().Enum<ImprovementCapacity>().Enum<RankFactor>()
            .Enum<RecipientIneligibility>().Enum<BrokerageCloseOutcome>();
        Types(b);
        Candidates(b);
        Alerts(b);
        Lifecycle(b);
        context.Nodes.Register("SupportBrokerage", async (db, keys, ct) =>
        {
            var ids = OrganisationModule.IntKeys(keys);
            return (await db.SupportBrokerages.Where(x => ids.Contains(x.Id)).ToListAsync(ct))
                .ToDictionary(x => x.Id.ToString(CultureInfo.InvariantCulture), x => (object)x);
        });
    }

    private static void Types(SchemaBuilder b)
    {
        b.Object<SupportBrokerage>(t => t
            .Implements("Node")
            .Description("School-to-school support brokered by a challenge adviser. Colours are snapshots taken at the proposal.")
            .Field("id", "ID!", ctx => NodeId.Encode("SupportBrokerage", ctx.Parent<SupportBrokerage>().Id))
            .Field("provider", "School!", f => f.Resolve(ctx => OrganisationModule.SchoolById(ctx, ctx.Parent<SupportBrokerage>().ProviderSchoolId)))
            .Field("recipient", "School!", f => f.Resolve(ctx => OrganisationModule.SchoolById(ctx, ctx.Parent<SupportBrokerage>().RecipientSchoolId)))
            .Field("broker", "Person", f => f.Resolve(ctx => ctx.Parent<SupportBrokerage>().BrokerPersonId is { } id
                ? OrganisationModule.PersonById(ctx, id) : Task.FromResult<Person?>(null)))
            .Field(x => x.Focus).Field(x => x.StartDate).Field(x => x.EndDate).Field(x => x.PlannedDays).Field(x => x.Status)
            .Field(x => x.Outcome, null, f => f.Description("The latest review note, then the outcome when closed."))
            .Field(x => x.ProviderColour, null, f => f.Description("The provider's colour when the brokerage was proposed."))
            .Field(x => x.RecipientColour, null, f => f.Description("The recipient's colour when the brokerage was proposed."))
            .Field(x => x.Version));

        b.Object("School", t => t
            .Field("brokeragesGiven", "[SupportBrokerage!]!", f => f
                .Description("Support this school provided, oldest first.")
                .Resolve(ctx => ctx.LoadGroupAsync<int, SupportBrokerage>("School.brokeragesGiven", ctx.Parent<School>().Id,
                    (db, keys, ct) => db.SupportBrokerages.Where(x => keys.Contains(x.ProviderSchoolId)).OrderBy(x => x.StartDate).ThenBy(x => x.Id).ToListAsync(ct),
                    x => x.ProviderSchoolId)))
            .Field("brokeragesReceived", "[SupportBrokerage!]!", f => f
                .Description("Support this school received, oldest first.")
                .Resolve(ctx => ctx.LoadGroupAsync<int, SupportBrokerage>("School.brokeragesReceived", ctx.Parent<School>().Id,
                    (db, keys, ct) => db.SupportBrokerages.Where(x => keys.Contains(x.RecipientSchoolId)).OrderBy(x => x.StartDate).ThenBy(x => x.Id).ToListAsync(ct),
                    x => x.RecipientSchoolId))));
    }

    // ---- Candidate ranking ---------------------------------------------------------------------------------------

    private static void Candidates(SchemaBuilder b)
    {
        b.Object<RankReason>(t => t.Description("One factor of a candidate's rank, with its contribution to the score.")
            .Field(x => x.Factor).Field(x => x.Detail).Field(x => x.Weight));
        b.Object<SupportCandidate>(t => t
            .Description("A school that could support the recipient, with the reasons for its rank.")
            .Field("school", "School!", ctx => ctx.Parent<SupportCandidate>().School)
            .Field(x => x.Colour).Field(x => x.Capacity)
            .Field(x => x.Score, null, f => f.Description("Sum of the reasons' weights."))
            .Field(x => x.Load, null, f => f.Description("Brokerages the school already provides in the year (not cancelled)."))
            .Field("reasons", "[RankReason!]!", ctx => ctx.Parent<SupportCandidate>().Reasons));
        b.Object<SupportCandidateList>(t => t
            .Description("Ranked candidates: green before yellow (yellow only as a fallback); within a colour by score, then lower load, then school number.")
            .Field("recipient", "School!", ctx => ctx.Parent<SupportCandidateList>().Recipient)
            .Field(x => x.RecipientColour)
            .Field("year", "AcademicYear!", ctx => ctx.Parent<SupportCandidateList>().Year)
            .Field(x => x.Focus)
            .Field(x => x.Considered, null, f => f.Description("Green or yellow schools considered (before `first`)."))
            .Field("candidates", "[SupportCandidate!]!", ctx => ctx.Parent<SupportCandidateList>().Candidates));
        b.Object<RecipientNotEligible>(t => t
            .Description("Support is brokered for amber or red schools: why this school gets no candidates in the year.")
            .Field(x => x.Reason).Field(x => x.Colour).Field(x => x.Message));
        b.Union("SupportCandidatesResult", u => u
            .Description("Candidates, or why there are none: the recipient is not amber/red that year, or the year has no categorisation.")
            .Members("SupportCandidateList", "RecipientNotEligible", "SeriesUnavailable"));

        b.Query(q => q.Field("supportCandidates", "SupportCandidatesResult!", f => f
            .Description("Schools that could support an amber or red school in a year, ranked, each with the reasons for its rank. " +
                "Green/yellow filtering runs in SQL; the reduced set is scored in memory (see Brokerage/Ranking.cs).")
            .Argument("recipient", "String!", a => a.Description("The school number or the School id."))
            .Argument("focus", "String!", a => a.Description("What the support is for, matched against key strengths offered and hub offers."))
            .Argument("year", "AcademicYear!")
            .Argument("first", "Int", 10)
            .Resolve(ctx =>
            {
                var recipient = ctx.GetArgument<string>("recipient")!;
                var focus = ctx.GetArgument<string>("focus")!;
                var year = ctx.GetArgument<string>("year")!;
                var first = Math.Clamp(ctx.GetArgument("first", 10), 0, 100);
                if (SeriesRules.Categorisation(year) is { } gap) return Task.FromResult<object>(gap);
                return ctx.Db((db, ct) => RankAsync(db, recipient, focus, year, first, ct));
            })));
    }

    private static async Task<object> RankAsync(SefDataDbContext db, string recipientRef, string focus, string year, int first, CancellationToken ct)
    {
        var number = Mutations.SchoolNumberOf(recipientRef);
        var recipient = number is null ? null : await db.Schools.FirstOrDefaultAsync(s => s.SchoolNumber == number, ct);
        if (recipient is null)
            return new RecipientNotEligible(RecipientIneligibility.NotFound, null, $"No school '{recipientRef}'.");
        var colour = await db.CategorisationResults.Where(c => c.SchoolId == recipient.Id && c.YearCode == year)
            .Select(c => (SupportColour?)c.SupportColour).FirstOrDefaultAsync(ct);
        if (colour is null)
            return new RecipientNotEligible(RecipientIneligibility.NotCategorised, null, $"The school has no categorisation for {year}.");
        if (colour is not (SupportColour.Amber or SupportColour.Red))
            return new RecipientNotEligible(RecipientIneligibility.NotAmberOrRed, colour,
                $"The school is {colour} in {year}; support is brokered for amber or red schools.");

        var (from, to) = BrokerageRules.Span(year);
        // The reduced set, in SQL: green or yellow that year, open, not the recipient.
        var pool = await db.CategorisationResults
            .Where(c => c.YearCode == year && (c.SupportColour == SupportColour.Green || c.SupportColour == SupportColour.Yellow)
                && c.SchoolId != recipient.Id && (c.School!.CloseDate == null || c.School.CloseDate >= from))
            .Select(c => new { School = c.School!, c.SupportColour, c.ImprovementCapacity })
            .ToListAsync(ct);
        var consortia = await db.ConsortiumMemberships.Where(m => m.ValidFrom <= from && (m.ValidTo == null || m.ValidTo >= from))
            .Select(m => new { m.LaCode, m.ConsortiumCode }).ToListAsync(ct);
        var consortiumOf = consortia.GroupBy(m => m.LaCode).ToDictionary(g => g.Key, g => g.First().ConsortiumCode);
        // Load: brokerages already given that year, counted in SQL.
        var loads = await db.SupportBrokerages
            .Where(x => x.Status != BrokerageStatus.Cancelled && x.StartDate >= from && x.StartDate <= to)
            .GroupBy(x => x.ProviderSchoolId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var loadOf = loads.ToDictionary(x => x.Key, x => x.N);
        var strengths = await db.KeyStrengths.Where(k => k.OfferedToOthers && k.Cycle!.YearCode == year)
            .Select(k => new { k.Cycle!.SchoolId, k.Text }).ToListAsync(ct);
        var strengthsOf = strengths.GroupBy(x => x.SchoolId).ToDictionary(g => g.Key, g => g.Select(x => x.Text).OrderBy(x => x, StringComparer.Ordinal).ToList());
        var hubs = await db.GroupMemberships
            .Where(m => m.Group!.Type == GroupType.Hub && (m.Role == GroupRole.Host || m.Role == GroupRole.Lead || m.Role == GroupRole.Provider)
                && m.ValidFrom <= to && (m.ValidTo == null || m.ValidTo >= from))
            .Select(m => new { m.SchoolId, m.Group!.Name, m.Group.Focus }).ToListAsync(ct);
        var hubsOf = hubs.GroupBy(x => x.SchoolId).ToDictionary(g => g.Key,
            g => g.Select(x => x.Focus is null ? x.Name : $"{x.Name} ({x.Focus})").OrderBy(x => x, StringComparer.Ordinal).ToList());

        var facts = pool.Select(p => new CandidateFacts(p.School, p.SupportColour, p.ImprovementCapacity,
            consortiumOf.GetValueOrDefault(p.School.LaCode), strengthsOf.GetValueOrDefault(p.School.Id) ?? [],
            hubsOf.GetValueOrDefault(p.School.Id) ?? [], loadOf.GetValueOrDefault(p.School.Id)));
        var ranked = Ranking.Rank(new RecipientFacts(recipient, colour.Value, consortiumOf.GetValueOrDefault(recipient.LaCode)), focus, facts);
        return new SupportCandidateList(recipient, colour.Value, year, focus, ranked.Count, ranked.Take(first).ToList());
    }

    // ---- Alerts --------------------------------------------------------------------------------------------------

    private static void Alerts(SchemaBuilder b)
    {
        b.Object<ProviderLoad>(t => t
            .Description("A provider and how many brokerages (not cancelled) it has in the period.")
            .Field("school", "School!", f => f.Resolve(ctx => OrganisationModule.SchoolById(ctx, ctx.Parent<ProviderLoad>().SchoolId)))
            .Field(x => x.Brokerages));
        b.Object<ColourDropAlert>(t => t
            .Description("A brokerage whose provider is now categorised worse than when it was proposed.")
            .Field("brokerage", "SupportBrokerage!", ctx => ctx.Parent<ColourDropAlert>().Brokerage)
            .Field(x => x.ProviderColourNow));
        b.Object<BrokerageAlerts>(t => t
            .Description("Challenge adviser alerts for a year (user story CA 4), aggregated in SQL.")
            .Field("year", "AcademicYear!", ctx => ctx.Parent<BrokerageAlerts>().Year)
            .Field("providerColourDropped", "[ColourDropAlert!]!", f => f
                .Description("Brokerages started in this or the previous year (not cancelled) whose provider's colour this year is worse than the snapshot.")
                .Resolve(ctx => ctx.Parent<BrokerageAlerts>().ProviderColourDropped))
            .Field("overloadedProviders", "[ProviderLoad!]!", f => f
                .Description("Providers with more brokerages starting this year than the cap.")
                .Resolve(ctx => ctx.Parent<BrokerageAlerts>().OverloadedProviders))
            .Field("repeatedProviders", "[ProviderLoad!]!", f => f
                .Description("Providers chosen at least `repeatedAt` times within the window of years ending this year.")
                .Resolve(ctx => ctx.Parent<BrokerageAlerts>().RepeatedProviders)));

        b.Query(q => q.Field("brokerageAlerts", "BrokerageAlerts!", f => f
            .Description("Brokerages at risk: provider's colour dropped, overloaded providers, providers used repeatedly.")
            .Argument("year", "AcademicYear!")
            .Argument("overloadedAbove", "Int", a => a.Description("Default: the configured cap on open brokerages per provider."))
            .Argument("repeatedAt", "Int", 3)
            .Argument("windowYears", "Int", 3)
            .Resolve(ctx =>
            {
                var year = ctx.GetArgument<string>("year")!;
                var above = ctx.GetArgument("overloadedAbove", MaxOpen(ctx));
                var repeatedAt = ctx.GetArgument("repeatedAt", 3);
                var window = Math.Max(1, ctx.GetArgument("windowYears", 3));
                return ctx.Db((db, ct) => AlertsAsync(db, year, above, repeatedAt, window, ct));
            })));
    }

    private static async Task<BrokerageAlerts> AlertsAsync(SefDataDbContext db, string year, int above, int repeatedAt, int window, CancellationToken ct)
    {
        var y = AcademicYears.StartYear(year);
        var (from, to) = BrokerageRules.Span(year);
        var previousFrom = from.AddYears(-1);
        var dropped = await (
            from x in db.SupportBrokerages
            join c in db.CategorisationResults on x.ProviderSchoolId equals c.SchoolId
            where c.YearCode == year && x.Status != BrokerageStatus.Cancelled && x.StartDate >= previousFrom && x.StartDate <= to
                && ((x.ProviderColour == SupportColour.Green && c.SupportColour != SupportColour.Green)
                    || (x.ProviderColour == SupportColour.Yellow && (c.SupportColour == SupportColour.Amber || c.SupportColour == SupportColour.Red))
                    || (x.ProviderColour == SupportColour.Amber && c.SupportColour == SupportColour.Red))
            orderby x.StartDate, x.Id
            select new { x, c.SupportColour }).ToListAsync(ct);
        var overloaded = await Loads(db, from, to).Where(g => g.Brokerages > above).ToListAsync(ct);
        var repeated = await Loads(db, new DateOnly(y - window + 1, 9, 1), to).Where(g => g.Brokerages >= repeatedAt).ToListAsync(ct);
        return new(year, dropped.Select(d => new ColourDropAlert(d.x, d.SupportColour)).ToList(),
            Order(overloaded), Order(repeated));
    }

    private static IQueryable<ProviderLoad> Loads(SefDataDbContext db, DateOnly from, DateOnly to) =>
        db.SupportBrokerages.Where(x => x.Status != BrokerageStatus.Cancelled && x.StartDate >= from && x.StartDate <= to)
            .GroupBy(x => x.ProviderSchoolId).Select(g => new ProviderLoad(g.Key, g.Count()));

    private static List<ProviderLoad> Order(List<ProviderLoad> loads) =>
        loads.OrderByDescending(l => l.Brokerages).ThenBy(l => l.SchoolId).ToList();

    private static int MaxOpen(IResolverContext ctx) =>
        ((IConfiguration?)ctx.Services.GetService(typeof(IConfiguration)))?.GetValue<int?>("Brokerage:MaxOpenPerProvider")
        ?? BrokerageRules.DefaultMaxOpenPerProvider;

    // ---- Lifecycle -----------------------------------------------------------------------------------------------

    private static void Lifecycle(SchemaBuilder b)
    {
        b.InputObject("ProposeBrokerageInput", i => i
            .Field("provider", "String!", a => a.Description("School number or School id; green or yellow in the year."))
            .Field("recipient", "String!", a => a.Description("School number or School id; amber or red in the year."))
            .Field("year", "AcademicYear!", a => a.Description("The categorisation year whose colours apply (snapshotted)."))
            .Field("focus", "String!").Field("startDate", "Date!").Field("plannedDays", "Decimal!")
            .Field("broker", "ID", a => a.Description("The challenge adviser (Person id) brokering it.")));
        b.InputObject("BrokerageVersionInput", i => i.Description("The brokerage and the version the client read.")
            .Field("id", "ID!").Field("version", "Int!"));
        b.InputObject("StartBrokerageInput", i => i.Field("id", "ID!").Field("version", "Int!")
            .Field("startDate", "Date", a => a.Description("When work actually starts; default: the planned start.")));
        b.InputObject("ReviewBrokerageInput", i => i.Field("id", "ID!").Field("version", "Int!").Field("note", "String!"));
        b.InputObject("CloseBrokerageInput", i => i.Field("id", "ID!").Field("version", "Int!")
            .Field("outcome", "BrokerageCloseOutcome!").Field("endDate", "Date!").Field("note", "String"));
        foreach (var name in new[] { "ProposeBrokerage", "AgreeBrokerage", "StartBrokerage", "ReviewBrokerage", "CloseBrokerage" })
            b.Payload(name, "brokerage", "SupportBrokerage", $"Result of {char.ToLowerInvariant(name[0])}{name[1..]}.");

        b.Mutation(m => m
            .Field("proposeBrokerage", "ProposeBrokeragePayload!", f => f
                .Description("Propose support: provider green or yellow and recipient amber or red in the year, provider under its cap of open brokerages; colours are snapshotted.")
                .Argument("input", "ProposeBrokerageInput!")
                .Resolve(ctx => Propose(ctx, Mutations.Input(ctx), MaxOpen(ctx))))
            .Field("agreeBrokerage", "AgreeBrokeragePayload!", f => f.Description("PROPOSED -> AGREED.")
                .Argument("input", "BrokerageVersionInput!")
                .Resolve(ctx => Move(ctx, BrokerageStatus.Agreed, (_, _) => { })))
            .Field("startBrokerage", "StartBrokeragePayload!", f => f.Description("AGREED -> ACTIVE.")
                .Argument("input", "StartBrokerageInput!")
                .Resolve(ctx => Move(ctx, BrokerageStatus.Active, (x, input) =>
                {
                    if (input.Opt<DateOnly?>("startDate") is { } d) x.StartDate = d;
                })))
            .Field("reviewBrokerage", "ReviewBrokeragePayload!", f => f.Description("Records a progress review of an ACTIVE brokerage (it stays ACTIVE).")
                .Argument("input", "ReviewBrokerageInput!")
                .Resolve(ctx => Move(ctx, BrokerageStatus.Active, (x, input) =>
                {
                    var note = input.Req<string>("note");
                    if (string.IsNullOrWhiteSpace(note)) throw new InputException(RuleCodes.Required, "A review needs a note.", "note");
                    x.Outcome = note;
                }, review: true)))
            .Field("closeBrokerage", "CloseBrokeragePayload!", f => f.Description("ACTIVE -> COMPLETED, or any open state -> CANCELLED.")
                .Argument("input", "CloseBrokerageInput!")
                .Resolve(ctx =>
                {
                    var input = Mutations.Input(ctx);
                    var to = input.Req<BrokerageCloseOutcome>("outcome") == BrokerageCloseOutcome.Completed ? BrokerageStatus.Completed : BrokerageStatus.Cancelled;
                    return Move(ctx, to, (x, i) =>
                    {
                        x.EndDate = i.Req<DateOnly>("endDate");
                        if (i.Opt<string>("note") is { } note) x.Outcome = note;
                    });
                })));
    }

    private static Task<Dictionary<string, object?>> Propose(IResolverContext ctx, Dictionary<string, object?> input, int cap) =>
        Mutations.RunAsync(ctx, "brokerage", async (db, ct) =>
        {
            var provider = await Mutations.SchoolAsync(db, input.Req<string>("provider"), "provider", ct);
            var recipient = await Mutations.SchoolAsync(db, input.Req<string>("recipient"), "recipient", ct);
            var year = input.Req<string>("year");
            int? broker = input.Opt<string>("broker") is { } bid ? Mutations.IntKey(bid, "Person", "broker") : null;
            if (broker is { } pid && !await db.People.AnyAsync(p => p.Id == pid, ct))
                throw new InputException(Mutations.UnknownCode, "No person with that id.", "broker");
            var colours = await db.CategorisationResults
                .Where(c => (c.SchoolId == provider.Id || c.SchoolId == recipient.Id) && c.YearCode == year)
                .Select(c => new { c.SchoolId, c.SupportColour }).ToListAsync(ct);
            SupportColour? providerColour = colours.Where(c => c.SchoolId == provider.Id).Select(c => (SupportColour?)c.SupportColour).FirstOrDefault();
            SupportColour? recipientColour = colours.Where(c => c.SchoolId == recipient.Id).Select(c => (SupportColour?)c.SupportColour).FirstOrDefault();
            var open = await db.SupportBrokerages.CountAsync(x => x.ProviderSchoolId == provider.Id
                && (x.Status == BrokerageStatus.Proposed || x.Status == BrokerageStatus.Agreed || x.Status == BrokerageStatus.Active), ct);
            var brokerage = new SupportBrokerage
            {
                ProviderSchoolId = provider.Id, RecipientSchoolId = recipient.Id, BrokerPersonId = broker,
                Focus = input.Req<string>("focus"), StartDate = input.Req<DateOnly>("startDate"), PlannedDays = input.Req<decimal>("plannedDays"),
                Status = BrokerageStatus.Proposed, ProviderColour = providerColour, RecipientColour = recipientColour,
            };
            // The domain's own rules first (same school, focus, days), then the brokerage rules; all reported together.
            var violations = brokerage.Validate().ToList();
            if (provider.Id != recipient.Id)
                violations.AddRange(new[] { BrokerageRules.Provider(providerColour, year), BrokerageRules.Recipient(recipientColour, year), BrokerageRules.Load(open, cap) }
                    .OfType<RuleViolation>());
            if (violations.Count > 0) throw new DomainRuleException(violations);
            db.SupportBrokerages.Add(brokerage);
            await db.SaveChangesAsync(ct);
            return brokerage;
        });

    private static Task<Dictionary<string, object?>> Move(IResolverContext ctx, BrokerageStatus to,
        Action<SupportBrokerage, Dictionary<string, object?>> apply, bool review = false)
    {
        var input = Mutations.Input(ctx);
        return Mutations.RunAsync(ctx, "brokerage", async (db, ct) =>
        {
            var id = Mutations.IntKey(input.Req<string>("id"), "SupportBrokerage", "id");
            var x = Mutations.Found(await db.SupportBrokerages.AsTracking().FirstOrDefaultAsync(s => s.Id == id, ct), "brokerage", "id");
            Mutations.CheckVersion(db, x, input.Req<int>("version"));
            // A review is the only ACTIVE -> ACTIVE move; starting an active brokerage again is not.
            if ((x.Status == to && !review) || (review && x.Status != BrokerageStatus.Active))
                throw new DomainRuleException(BrokerageRules.Transition, review
                    ? $"Only an active brokerage can be reviewed (it is {x.Status})."
                    : $"The brokerage is already {x.Status}.");
            if (BrokerageRules.Move(x.Status, to) is { } v) throw v.ToException();
            x.Status = to;
            apply(x, input);
            await db.SaveChangesAsync(ct);
            return x;
        });
    }
}
