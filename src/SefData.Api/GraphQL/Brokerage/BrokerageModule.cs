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

public sealed record SupportCandidate(School School, SupportColour Colour, ImprovementCapacity? Capacity, int Score, int Load,
    IReadOnlyList<RankReason> Reasons);

public sealed record RecipientNotEligible(RecipientIneligibility Ineligibility, SupportColour? Colour, string Message);

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
            .Field(x => x.Ineligibility).Field(x => x.Colour).Field(x => x.Message));
        b.Union("SupportCandidatesResult", u => u
            .Description("Candidates, or why there are none: the recipient is not amber/red that year, or the year has no categorisation.")
            .Members("SupportCandidateList", "RecipientNotEligible", "SeriesUnavailable"));

        b.Query(q => q.Field("supportCandidates", "SupportCandidatesResult!", f => f
            .Description("Schools that could support an amber or red school in a year, ranked, each with the reasons for its rank. " +
                "Scored, ordered and limited in SQL; the reasons are computed for the returned rows only.")
            .Argument("recipient", "String!", a => a.Description("The school number or the School id."))
            .Argument("focus", "String!", a => a.Description("What the support is for, matched against key strengths offered and hub offers."))
            .Argument("year", "AcademicYear!")
            .Argument("first", "Int", 10, "How many candidates to return (at most 1000).")
            .Resolve(ctx =>
            {
                var recipient = ctx.GetArgument<string>("recipient")!;
                var focus = ctx.GetArgument<string>("focus")!;
                var year = ctx.GetArgument<string>("year")!;
                var first = Math.Clamp(ctx.GetArgument("first", 10), 0, 1000);
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
        var recipientConsortium = await ConsortiumAt(db, from).Where(m => m.LaCode == recipient.LaCode)
            .Select(m => m.ConsortiumCode).FirstOrDefaultAsync(ct);
        var pool = Pool(db, recipient.Id, year, from);
        var considered = await pool.CountAsync(ct);
        var top = await Scored(db, pool, recipient, recipientConsortium, BrokerageRanking.FocusPatterns(focus), year, from, to)
            .OrderBy(x => x.Tier).ThenByDescending(x => x.Score).ThenBy(x => x.Load).ThenBy(x => x.SchoolNumber)
            .Take(first)
            .Select(x => new { x.SchoolId, x.Load })
            .ToListAsync(ct);

        // Reasons only for the rows returned.
        var ids = top.Select(x => x.SchoolId).ToList();
        var rows = (await db.CategorisationResults.Where(c => c.YearCode == year && ids.Contains(c.SchoolId))
            .Select(c => new { School = c.School!, c.SupportColour, c.ImprovementCapacity }).ToListAsync(ct))
            .ToDictionary(r => r.School.Id);
        var laCodes = rows.Values.Select(r => r.School.LaCode).Distinct().ToList();
        var consortiumOf = (await ConsortiumAt(db, from).Where(m => laCodes.Contains(m.LaCode))
            .Select(m => new { m.LaCode, m.ConsortiumCode }).ToListAsync(ct))
            .GroupBy(m => m.LaCode).ToDictionary(g => g.Key, g => g.First().ConsortiumCode);
        var strengths = await OfferedStrengths(db, year).Where(k => ids.Contains(k.Cycle!.SchoolId))
            .Select(k => new { k.Cycle!.SchoolId, k.Text }).ToListAsync(ct);
        var strengthsOf = strengths.GroupBy(x => x.SchoolId).ToDictionary(g => g.Key, g => g.Select(x => x.Text).Distinct().OrderBy(x => x, StringComparer.Ordinal).ToList());
        var hubs = await HubOffers(db, from, to).Where(m => ids.Contains(m.SchoolId))
            .Select(m => new { m.SchoolId, m.Group!.Name, m.Group.Focus }).ToListAsync(ct);
        var hubsOf = hubs.GroupBy(x => x.SchoolId).ToDictionary(g => g.Key,
            g => g.Select(x => x.Focus is null ? x.Name : $"{x.Name} ({x.Focus})").OrderBy(x => x, StringComparer.Ordinal).ToList());

        var candidates = top.Select(t =>
        {
            var r = rows[t.SchoolId];
            var facts = new CandidateFacts(r.School, r.SupportColour, r.ImprovementCapacity, consortiumOf.GetValueOrDefault(r.School.LaCode),
                strengthsOf.GetValueOrDefault(t.SchoolId) ?? [], hubsOf.GetValueOrDefault(t.SchoolId) ?? [], t.Load);
            var reasons = BrokerageRanking.Reasons(recipient, recipientConsortium, focus, facts);
            return new SupportCandidate(r.School, r.SupportColour, r.ImprovementCapacity, reasons.Sum(x => x.Weight), t.Load, reasons);
        }).ToList();
        return new SupportCandidateList(recipient, colour.Value, year, focus, considered, candidates);
    }

    /// <summary>Green or yellow in the year, open at 1 September, not the recipient.</summary>
    private static IQueryable<CategorisationResult> Pool(SefDataDbContext db, int recipientId, string year, DateOnly from) =>
        db.CategorisationResults.Where(c => c.YearCode == year
            && (c.SupportColour == SupportColour.Green || c.SupportColour == SupportColour.Yellow)
            && c.SchoolId != recipientId && (c.School!.CloseDate == null || c.School.CloseDate >= from));

    private static IQueryable<ConsortiumMembership> ConsortiumAt(SefDataDbContext db, DateOnly date) =>
        db.ConsortiumMemberships.Where(m => m.ValidFrom <= date && (m.ValidTo == null || m.ValidTo >= date));

    /// <summary>Key strengths offered in improvement cycles up to the year (a strength stays known once shared).</summary>
    private static IQueryable<KeyStrength> OfferedStrengths(SefDataDbContext db, string year) =>
        db.KeyStrengths.Where(k => k.OfferedToOthers && string.Compare(k.Cycle!.YearCode, year) <= 0);

    /// <summary>Hub groups the school hosts, leads or provides for during the year.</summary>
    private static IQueryable<GroupMembership> HubOffers(SefDataDbContext db, DateOnly from, DateOnly to) =>
        db.GroupMemberships.Where(m => m.Group!.Type == GroupType.Hub
            && (m.Role == GroupRole.Host || m.Role == GroupRole.Lead || m.Role == GroupRole.Provider)
            && m.ValidFrom <= to && (m.ValidTo == null || m.ValidTo >= from));

    /// <summary>Member-initialised (not positional) so EF can order by its members after the projection.</summary>
    private sealed class ScoredCandidate
    {
        public int SchoolId { get; init; }
        public string SchoolNumber { get; init; } = "";
        public int Tier { get; init; }
        public int Score { get; init; }
        public int Load { get; init; }
    }

    /// <summary>
    /// <see cref="BrokerageRanking"/>'s score as one SQL expression per candidate: conditionals become CASE, the load
    /// is a correlated COUNT. The focus, strength, hub and consortium tests are uncorrelated <c>IN (subquery)</c>s,
    /// evaluated once per query rather than once per candidate (and so not at the mercy of the planner's join order
    /// when statistics are missing, as right after seeding). The focus patterns are a parameter, never SQL text.
    /// </summary>
    private static IQueryable<ScoredCandidate> Scored(SefDataDbContext db, IQueryable<CategorisationResult> pool, School recipient,
        string? recipientConsortium, IReadOnlyList<string> focusPatterns, string year, DateOnly from, DateOnly to)
    {
        var patterns = focusPatterns.ToList();
        var anyPattern = patterns.Count > 0;
        var (sector, la, language) = (recipient.Sector, recipient.LaCode, recipient.LanguageCategoryId);
        var strengthSchools = OfferedStrengths(db, year).Where(k => patterns.Any(p => k.Text.ToLower().Contains(p)))
            .Select(k => k.Cycle!.SchoolId);
        var hubSchools = HubOffers(db, from, to)
            .Where(m => patterns.Any(p => m.Group!.Name.ToLower().Contains(p) || (m.Group.Focus != null && m.Group.Focus.ToLower().Contains(p))))
            .Select(m => m.SchoolId);
        var consortiumLas = ConsortiumAt(db, from).Where(m => m.ConsortiumCode == recipientConsortium).Select(m => m.LaCode);
        var hasConsortium = recipientConsortium != null;
        return pool
            .Select(c => new
            {
                c.SchoolId,
                c.School!.SchoolNumber,
                Green = c.SupportColour == SupportColour.Green,
                Colour = c.SupportColour == SupportColour.Green
                    ? BrokerageRanking.GreenWeight + (c.ImprovementCapacity == ImprovementCapacity.A ? BrokerageRanking.CapacityAWeight : 0)
                    : BrokerageRanking.YellowWeight,
                Strength = anyPattern && strengthSchools.Contains(c.SchoolId) ? BrokerageRanking.StrengthWeight : 0,
                Hub = anyPattern && hubSchools.Contains(c.SchoolId) ? BrokerageRanking.HubWeight : 0,
                Sector = c.School.Sector == sector ? BrokerageRanking.SectorWeight : 0,
                Language = c.School.LanguageCategoryId != null && c.School.LanguageCategoryId == language ? BrokerageRanking.LanguageWeight : 0,
                Distance = c.School.LaCode == la ? BrokerageRanking.AuthorityWeight
                    : hasConsortium && consortiumLas.Contains(c.School.LaCode) ? BrokerageRanking.ConsortiumWeight : 0,
                Load = db.SupportBrokerages.Count(x => x.ProviderSchoolId == c.SchoolId && x.Status != BrokerageStatus.Cancelled
                    && x.StartDate >= from && x.StartDate <= to),
            })
            .Select(x => new ScoredCandidate
            {
                SchoolId = x.SchoolId, SchoolNumber = x.SchoolNumber, Tier = x.Green ? 0 : 1, Load = x.Load,
                Score = x.Colour + x.Strength + x.Hub + x.Sector + x.Language + x.Distance - BrokerageRanking.LoadPenalty * x.Load,
            });
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
        var overloaded = await LoadsAsync(db, from, to, above + 1, ct);
        var repeated = await LoadsAsync(db, new DateOnly(y - window + 1, 9, 1), to, repeatedAt, ct);
        return new(year, dropped.Select(d => new ColourDropAlert(d.x, d.SupportColour)).ToList(), overloaded, repeated);
    }

    /// <summary>Providers with at least <paramref name="atLeast"/> brokerages (not cancelled) starting in the period: GROUP BY ... HAVING in SQL.</summary>
    private static async Task<List<ProviderLoad>> LoadsAsync(SefDataDbContext db, DateOnly from, DateOnly to, int atLeast, CancellationToken ct)
    {
        var rows = await db.SupportBrokerages.Where(x => x.Status != BrokerageStatus.Cancelled && x.StartDate >= from && x.StartDate <= to)
            .GroupBy(x => x.ProviderSchoolId).Select(g => new { SchoolId = g.Key, N = g.Count() })
            .Where(g => g.N >= atLeast)
            .OrderByDescending(g => g.N).ThenBy(g => g.SchoolId)
            .ToListAsync(ct);
        return rows.Select(r => new ProviderLoad(r.SchoolId, r.N)).ToList();
    }

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
            var load = await GuardProviderLoadAsync(db, provider.Id, null, cap, ct);
            var brokerage = new SupportBrokerage
            {
                ProviderSchoolId = provider.Id, RecipientSchoolId = recipient.Id, BrokerPersonId = broker,
                Focus = input.Req<string>("focus"), StartDate = input.Req<DateOnly>("startDate"), PlannedDays = input.Req<decimal>("plannedDays"),
                Status = BrokerageStatus.Proposed, ProviderColour = providerColour, RecipientColour = recipientColour,
            };
            // The domain's own rules first (same school, focus, days), then the brokerage rules; all reported together.
            var violations = brokerage.Validate().ToList();
            if (provider.Id != recipient.Id)
                violations.AddRange(new[] { BrokerageRules.Provider(providerColour, year), BrokerageRules.Recipient(recipientColour, year), load }
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
        var cap = MaxOpen(ctx);
        return Mutations.RunAsync(ctx, "brokerage", async (db, ct) =>
        {
            var id = Mutations.IntKey(input.Req<string>("id"), "SupportBrokerage", "id");
            var x = Mutations.Found(await db.SupportBrokerages.AsTracking().FirstOrDefaultAsync(s => s.Id == id, ct), "brokerage", "id");
            Mutations.CheckVersion(db, x, input.Req<int>("version"));
            if (BrokerageRules.Move(x.Status, to, review) is { } v) throw v.ToException();
            if (!review && BrokerageRules.ChecksLoad(to) && await GuardProviderLoadAsync(db, x.ProviderSchoolId, x.Id, cap, ct) is { } overloaded)
                throw overloaded.ToException();
            x.Status = to;
            apply(x, input);
            await db.SaveChangesAsync(ct);
            return x;
        });
    }

    /// <summary>
    /// The load cap without a race, on any provider: the provider's School row is read (its version) before its open
    /// brokerages are counted, and the save bumps that version with <c>WHERE Version = the value read</c>. Every
    /// writer that can take the provider over the cap does the same, so of two concurrent writers the second matches
    /// no row and fails optimistic concurrency (a typed ConcurrencyError; nothing is written) instead of passing a
    /// stale count. Returns the cap violation, if any; the caller saves.
    /// </summary>
    private static async Task<RuleViolation?> GuardProviderLoadAsync(SefDataDbContext db, int providerId, int? exceptBrokerageId, int cap, CancellationToken ct)
    {
        var provider = await db.Schools.AsTracking().FirstAsync(s => s.Id == providerId, ct);
        var otherOpen = await db.SupportBrokerages.CountAsync(x => x.ProviderSchoolId == providerId && x.Id != exceptBrokerageId
            && (x.Status == BrokerageStatus.Proposed || x.Status == BrokerageStatus.Agreed || x.Status == BrokerageStatus.Active), ct);
        // Marks the row modified: SefDataDbContext bumps Version on save, guarded by the original value.
        db.Entry(provider).Property(s => s.Version).IsModified = true;
        return BrokerageRules.Load(otherOpen, cap);
    }
}
