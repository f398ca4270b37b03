using Microsoft.EntityFrameworkCore;
using SefData.Api.GraphQL.Core;
using SefData.Domain;
using SefData.GraphQL.Data;
using SefData.GraphQL.Types;

namespace SefData.Api.GraphQL.Organisation;

/// <summary>The root value of <c>wales</c> (aggregates modules extend the Wales type).</summary>
public sealed class WalesRoot
{
    public static readonly WalesRoot Instance = new();
}

/// <summary>
/// Who and where: schools, local authorities, consortia (with dated memberships), collaboration groups, people.
/// Types: School, LocalAuthority, Consortium, ConsortiumMembership, SchoolLink, SchoolYearProfile, LanguageCategory,
/// CollaborationGroup, GroupMembership, Person, AdviserAssignment, Wales.
/// </summary>
public sealed class OrganisationModule : ISchemaModule
{
    public void Configure(SchemaModuleContext context)
    {
        var b = context.Builder;
        b.Enum<Sector>().Enum<ConsortiumKind>().Enum<FactSource>().Enum<SchoolLinkKind>().Enum<PilotModel>()
            .Enum<GroupType>().Enum<GroupRole>().Enum<SupportColour>().Enum<FollowUpCategory>();
        b.InputObject("SchoolConsortiumFilterInput", i => i
                .Description("Schools whose local authority belonged to the consortium on a date.")
                .Field("code", "String!").Field("asOf", "Date", a => a.Description("Default: today.")))
            .InputObject("SchoolColourFilterInput", i => i
                .Description("Schools whose support category in the year is one of the colours.")
                .Field("year", "AcademicYear!").Field("in", "[SupportColour!]!"))
            .InputObject("SchoolFollowUpFilterInput", i => i
                .Description("Schools with an Estyn follow-up current on the date (optionally only these categories).")
                .Field("asOf", "Date", a => a.Description("Default: today.")).Field("in", "[FollowUpCategory!]"))
            .InputObject("SchoolEfsmFilterInput", i => i
                .Description("Schools whose % eFSM in the year's profile is in [gte, lt).")
                .Field("year", "AcademicYear!").Field("gte", "Decimal").Field("lt", "Decimal"));

        School(b);
        LocalAuthority(b);
        Consortium(b);
        Groups(b);
        People(b);
        b.Object<WalesRoot>(t => t
            .Description("Wales as a whole.")
            .Field("name", "String!", ctx => ctx.Localise("Wales", "Cymru"))
            .Field("nameEn", "String!", _ => "Wales")
            .Field("nameCy", "String!", _ => "Cymru")
            .Field("localAuthorities", "[LocalAuthority!]!", ctx => AllAuthorities(ctx))
            .Field("consortia", "[Consortium!]!", f => f.Argument("asOf", "Date").Resolve(ctx => ConsortiaAsOf(ctx))),
            "Wales");

        b.Connection("Query", "schools", OrganisationData.School, ctx => ctx.DbSet<School>(), o =>
            o.Description = "Schools, filtered and sorted in the database. Default page 50, maximum 500.");
        b.Query(q => q
            .Field("school", "School", f => f
                .Description("A school by its 7-digit number (LA code + establishment number).")
                .Argument("schoolNumber", "String!")
                .Resolve(ctx =>
                {
                    var number = ctx.GetArgument<string>("schoolNumber")!;
                    return ctx.Db((db, ct) => db.Schools.FirstOrDefaultAsync(s => s.SchoolNumber == number, ct));
                }))
            .Field("localAuthorities", "[LocalAuthority!]!", f => f.Description("All 22 local authorities, by English name.").Resolve(ctx => AllAuthorities(ctx)))
            .Field("localAuthority", "LocalAuthority", f => f
                .Argument("laCode", "String!")
                .Resolve(ctx =>
                {
                    var code = ctx.GetArgument<string>("laCode")!;
                    return ctx.Db((db, ct) => db.LocalAuthorities.FirstOrDefaultAsync(l => l.LaCode == code, ct));
                }))
            .Field("consortia", "[Consortium!]!", f => f
                .Description("Consortia; with asOf, only those in existence on that date.")
                .Argument("asOf", "Date")
                .Resolve(ctx => ConsortiaAsOf(ctx)))
            .Field("consortium", "Consortium", f => f
                .Argument("code", "String!")
                .Resolve(ctx =>
                {
                    var code = ctx.GetArgument<string>("code")!;
                    return ctx.Db((db, ct) => db.Consortia.FirstOrDefaultAsync(c => c.Code == code, ct));
                }))
            .Field("wales", "Wales!", _ => WalesRoot.Instance));

        context.Nodes.Register("School", async (db, keys, ct) =>
            (await db.Schools.Where(s => keys.Contains(s.SchoolNumber)).ToListAsync(ct)).ToDictionary(s => s.SchoolNumber, s => (object)s));
        context.Nodes.Register("LocalAuthority", async (db, keys, ct) =>
            (await db.LocalAuthorities.Where(l => keys.Contains(l.LaCode)).ToListAsync(ct)).ToDictionary(l => l.LaCode, l => (object)l));
        context.Nodes.Register("Consortium", async (db, keys, ct) =>
            (await db.Consortia.Where(c => keys.Contains(c.Code)).ToListAsync(ct)).ToDictionary(c => c.Code, c => (object)c));
        context.Nodes.Register("CollaborationGroup", async (db, keys, ct) =>
        {
            var ids = IntKeys(keys);
            return (await db.CollaborationGroups.Where(g => ids.Contains(g.Id)).ToListAsync(ct)).ToDictionary(g => g.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), g => (object)g);
        });
        context.Nodes.Register("Person", async (db, keys, ct) =>
        {
            var ids = IntKeys(keys);
            return (await db.People.Where(p => ids.Contains(p.Id)).ToListAsync(ct)).ToDictionary(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p => (object)p);
        });
    }

    /// <summary>Integer keys of node ids; malformed ones are dropped (they load as null).</summary>
    public static List<int> IntKeys(IEnumerable<string> keys) =>
        keys.Select(k => int.TryParse(k, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) ? (int?)i : null)
            .OfType<int>().ToList();

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static Task<List<LocalAuthority>> AllAuthorities(IResolverContext ctx) =>
        ctx.Db((db, ct) => db.LocalAuthorities.OrderBy(l => l.NameEn).ToListAsync(ct));

    private static Task<List<Consortium>> ConsortiaAsOf(IResolverContext ctx)
    {
        var asOf = ctx.GetArgument<DateOnly?>("asOf");
        return ctx.Db((db, ct) =>
        {
            var q = db.Consortia.AsQueryable();
            if (asOf is { } d) q = q.Where(c => c.ValidFrom <= d && (c.ValidTo == null || c.ValidTo >= d));
            return q.OrderBy(c => c.Name).ToListAsync(ct);
        });
    }

    /// <summary>The LA's consortium on a date, batched over all LAs asked at that date.</summary>
    public static Task<ConsortiumMembership?> MembershipAsOf(IResolverContext ctx, string laCode, DateOnly asOf) =>
        ctx.LoadOneAsync<string, ConsortiumMembership>("LocalAuthority.membership@" + asOf.ToString("O"), laCode,
            (db, keys, ct) => db.ConsortiumMemberships.Include(m => m.Consortium)
                .Where(m => keys.Contains(m.LaCode) && m.ValidFrom <= asOf && (m.ValidTo == null || m.ValidTo >= asOf)).ToListAsync(ct),
            m => m.LaCode);

    public static Task<LocalAuthority?> AuthorityByCode(IResolverContext ctx, string laCode) =>
        ctx.LoadOneAsync<string, LocalAuthority>("LocalAuthority.byCode", laCode,
            (db, keys, ct) => db.LocalAuthorities.Where(l => keys.Contains(l.LaCode)).ToListAsync(ct), l => l.LaCode);

    /// <summary>Schools by id, batched (for fields that hold a school id: brokerages, memberships, links).</summary>
    public static Task<School?> SchoolById(IResolverContext ctx, int id) =>
        ctx.LoadOneAsync<int, School>("School.byId", id,
            (db, keys, ct) => db.Schools.Where(s => keys.Contains(s.Id)).ToListAsync(ct), s => s.Id);

    public static Task<Person?> PersonById(IResolverContext ctx, int id) =>
        ctx.LoadOneAsync<int, Person>("Person.byId", id,
            (db, keys, ct) => db.People.Where(p => keys.Contains(p.Id)).ToListAsync(ct), p => p.Id);

    private static void School(SchemaBuilder b)
    {
        b.Object<School>(t => t
            .Implements("Node")
            .Description("A maintained school, identified by its 7-digit number. Amalgamations create new numbers: see predecessors/successors.")
            .Field("id", "ID!", ctx => NodeId.Encode("School", ctx.Parent<School>().SchoolNumber))
            .Field(s => s.SchoolNumber)
            .Field(s => s.EstablishmentNumber)
            .LocalisedName(s => s.NameEn, s => s.NameCy)
            .Field(s => s.Sector)
            .Field(s => s.LaCode)
            .Field("localAuthority", "LocalAuthority!", f => f.Resolve(ctx => AuthorityByCode(ctx, ctx.Parent<School>().LaCode)))
            .Field("consortium", "Consortium", f => f
                .Description("The consortium of the school's LA on the date (default today); null when it had none.")
                .Argument("asOf", "Date")
                .Resolve(async ctx => (await MembershipAsOf(ctx, ctx.Parent<School>().LaCode, ctx.GetArgument<DateOnly?>("asOf") ?? Today))?.Consortium))
            .Field("languageCategory", "LanguageCategory", f => f
                .Description("The current language category (each year's is on profiles).")
                .Resolve(ctx => ctx.Parent<School>().LanguageCategoryId is { } id ? LanguageCategoryById(ctx, id) : Task.FromResult<LanguageCategory?>(null)))
            .Field(s => s.AgeLow).Field(s => s.AgeHigh).Field(s => s.Faith)
            .Field(s => s.OpenDate).Field(s => s.CloseDate)
            .Field("isOpen", "Boolean!", f => f
                .Description("Open on the date (default today): opened on or before it and not yet closed.")
                .Argument("asOf", "Date")
                .Resolve(ctx =>
                {
                    var s = ctx.Parent<School>();
                    var d = ctx.GetArgument<DateOnly?>("asOf") ?? Today;
                    return (s.OpenDate is null || s.OpenDate <= d) && (s.CloseDate is null || s.CloseDate > d);
                }))
            .Field(s => s.Version)
            .Field("predecessors", "[SchoolLink!]!", f => f
                .Description("Schools this one replaced (amalgamation, federation...).")
                .Resolve(ctx => ctx.LoadGroupAsync<int, SchoolLink>("School.predecessors", ctx.Parent<School>().Id,
                    (db, keys, ct) => db.SchoolLinks.Include(l => l.Predecessor).Include(l => l.Successor)
                        .Where(l => keys.Contains(l.SuccessorSchoolId)).OrderBy(l => l.Id).ToListAsync(ct), l => l.SuccessorSchoolId)))
            .Field("successors", "[SchoolLink!]!", f => f
                .Description("Schools that replaced this one.")
                .Resolve(ctx => ctx.LoadGroupAsync<int, SchoolLink>("School.successors", ctx.Parent<School>().Id,
                    (db, keys, ct) => db.SchoolLinks.Include(l => l.Predecessor).Include(l => l.Successor)
                        .Where(l => keys.Contains(l.PredecessorSchoolId)).OrderBy(l => l.Id).ToListAsync(ct), l => l.PredecessorSchoolId)))
            .Field("profiles", "[SchoolYearProfile!]!", f => f
                .Description("Per-year facts (pupils, % eFSM, language category...), oldest first.")
                .Resolve(ctx => ctx.LoadGroupAsync<int, SchoolYearProfile>("School.profiles", ctx.Parent<School>().Id,
                    (db, keys, ct) => db.SchoolYearProfiles.Where(p => keys.Contains(p.SchoolId)).OrderBy(p => p.YearCode).ToListAsync(ct), p => p.SchoolId)))
            .Field("profile", "SchoolYearProfile", f => f
                .Argument("year", "AcademicYear!")
                .Resolve(ctx =>
                {
                    var year = ctx.GetArgument<string>("year")!;
                    return ctx.LoadOneAsync<int, SchoolYearProfile>("School.profile@" + year, ctx.Parent<School>().Id,
                        (db, keys, ct) => db.SchoolYearProfiles.Where(p => keys.Contains(p.SchoolId) && p.YearCode == year).ToListAsync(ct), p => p.SchoolId);
                }))
            .Field("challengeAdvisers", "[AdviserAssignment!]!", f => f
                .Description("The school's challenge adviser in each year, oldest first.")
                .Resolve(ctx => ctx.LoadGroupAsync<int, RoleAssignment>("School.challengeAdvisers", ctx.Parent<School>().Id,
                    (db, keys, ct) => db.RoleAssignments.Include(r => r.Person)
                        .Where(r => r.Role == RoleKind.ChallengeAdviser && r.SchoolId != null && keys.Contains(r.SchoolId.Value))
                        .OrderBy(r => r.YearCode).ThenBy(r => r.ValidFrom).ToListAsync(ct), r => r.SchoolId!.Value)))
            .Field("challengeAdviser", "AdviserAssignment", f => f
                .Description("The challenge adviser for the academic year; null when none was assigned.")
                .Argument("year", "AcademicYear!")
                .Resolve(ctx =>
                {
                    var year = ctx.GetArgument<string>("year")!;
                    return ctx.LoadOneAsync<int, RoleAssignment>("School.challengeAdviser@" + year, ctx.Parent<School>().Id,
                        (db, keys, ct) => db.RoleAssignments.Include(r => r.Person)
                            .Where(r => r.Role == RoleKind.ChallengeAdviser && r.YearCode == year && r.SchoolId != null && keys.Contains(r.SchoolId.Value))
                            .OrderByDescending(r => r.ValidFrom).ToListAsync(ct), r => r.SchoolId!.Value);
                }))
            .Field("collaborationMemberships", "[GroupMembership!]!", f => f
                .Description("Collaboration group memberships; with asOf, only those current on that date.")
                .Argument("asOf", "Date")
                .Resolve(ctx =>
                {
                    var asOf = ctx.GetArgument<DateOnly?>("asOf");
                    return ctx.LoadGroupAsync<int, GroupMembership>("School.memberships@" + asOf?.ToString("O"), ctx.Parent<School>().Id, (db, keys, ct) =>
                    {
                        var q = db.GroupMemberships.Include(m => m.Group).Where(m => keys.Contains(m.SchoolId));
                        if (asOf is { } d) q = q.Where(m => m.ValidFrom <= d && (m.ValidTo == null || m.ValidTo >= d));
                        return q.OrderBy(m => m.ValidFrom).ThenBy(m => m.Id).ToListAsync(ct);
                    }, m => m.SchoolId);
                })));

        b.Object<SchoolLink>(t => t
            .Description("A predecessor/successor link between two school numbers.")
            .Field("predecessor", "School!", ctx => ctx.Parent<SchoolLink>().Predecessor)
            .Field("successor", "School!", ctx => ctx.Parent<SchoolLink>().Successor)
            .Field(l => l.Kind).Field(l => l.EffectiveDate));

        b.Object<SchoolYearProfile>(t => t
            .Description("One school's facts for one academic year.")
            .Field("year", "AcademicYear!", ctx => ctx.Parent<SchoolYearProfile>().YearCode)
            .Field(p => p.Pupils)
            .Field(p => p.PctEfsm).Field(p => p.PctAln).Field(p => p.PctMat)
            .Field("languageCategory", "LanguageCategory", f => f.Resolve(ctx =>
                ctx.Parent<SchoolYearProfile>().LanguageCategoryId is { } id ? LanguageCategoryById(ctx, id) : Task.FromResult<LanguageCategory?>(null)))
            .Field(p => p.IsPioneer).Field(p => p.SefPilot).Field(p => p.PilotModel)
            .Field(p => p.Version));

        b.Object<LanguageCategory>(t => t
            .Description("A language category in a versioned code list (2007 definitions, 2021 numbered scheme).")
            .Field(l => l.Id, "String!").Field(l => l.Scheme).Field(l => l.Code).Field(l => l.NameEn).Field(l => l.IsVerified));
    }

    private static Task<LanguageCategory?> LanguageCategoryById(IResolverContext ctx, string id) =>
        ctx.LoadOneAsync<string, LanguageCategory>("LanguageCategory.byId", id,
            (db, keys, ct) => db.LanguageCategories.Where(l => keys.Contains(l.Id)).ToListAsync(ct), l => l.Id);

    private static void LocalAuthority(SchemaBuilder b)
    {
        b.Object<LocalAuthority>(t => t
            .Implements("Node")
            .Description("One of the 22 Welsh local authorities.")
            .Field("id", "ID!", ctx => NodeId.Encode("LocalAuthority", ctx.Parent<LocalAuthority>().LaCode))
            .Field(l => l.LaCode)
            .LocalisedName(l => l.NameEn, l => l.NameCy, welshRequired: true)
            .Field(l => l.LaCodeVerified)
            .Field("schools", "[School!]!", f => f
                .Description("The LA's schools by number; with openOn, only those open on that date. For filters and paging use Query.schools(where: { laCode: ... }).")
                .Argument("openOn", "Date")
                .Resolve(ctx =>
                {
                    var openOn = ctx.GetArgument<DateOnly?>("openOn");
                    return ctx.LoadGroupAsync<string, School>("LocalAuthority.schools@" + openOn?.ToString("O"), ctx.Parent<LocalAuthority>().LaCode, (db, keys, ct) =>
                    {
                        var q = db.Schools.Where(s => keys.Contains(s.LaCode));
                        if (openOn is { } d) q = q.Where(s => (s.OpenDate == null || s.OpenDate <= d) && (s.CloseDate == null || s.CloseDate > d));
                        return q.OrderBy(s => s.SchoolNumber).ToListAsync(ct);
                    }, s => s.LaCode);
                }))
            .Field("consortium", "Consortium", f => f
                .Description("The consortium the LA belonged to on the date (default today); null when none (e.g. Neath Port Talbot from 2021).")
                .Argument("asOf", "Date")
                .Resolve(async ctx => (await MembershipAsOf(ctx, ctx.Parent<LocalAuthority>().LaCode, ctx.GetArgument<DateOnly?>("asOf") ?? Today))?.Consortium))
            .Field("consortiumHistory", "[ConsortiumMembership!]!", f => f
                .Description("Every consortium membership, oldest first.")
                .Resolve(ctx => ctx.LoadGroupAsync<string, ConsortiumMembership>("LocalAuthority.consortiumHistory", ctx.Parent<LocalAuthority>().LaCode,
                    (db, keys, ct) => db.ConsortiumMemberships.Include(m => m.Consortium).Where(m => keys.Contains(m.LaCode))
                        .OrderBy(m => m.ValidFrom).ToListAsync(ct), m => m.LaCode))));

        b.Object<ConsortiumMembership>(t => t
            .Description("An LA in a consortium over an inclusive date range (validTo null = still current).")
            .Field("localAuthority", "LocalAuthority!", f => f.Resolve(ctx => AuthorityByCode(ctx, ctx.Parent<ConsortiumMembership>().LaCode)))
            .Field("consortium", "Consortium!", f => f.Resolve(ctx =>
                ctx.Parent<ConsortiumMembership>().Consortium is { } c ? Task.FromResult<Consortium?>(c) : ConsortiumByCode(ctx, ctx.Parent<ConsortiumMembership>().ConsortiumCode)))
            .Field(m => m.ValidFrom).Field(m => m.ValidTo).Field(m => m.Source).Field(m => m.IsVerified).Field(m => m.Note).Field(m => m.Version));
    }

    public static Task<Consortium?> ConsortiumByCode(IResolverContext ctx, string code) =>
        ctx.LoadOneAsync<string, Consortium>("Consortium.byCode", code,
            (db, keys, ct) => db.Consortia.Where(c => keys.Contains(c.Code)).ToListAsync(ct), c => c.Code);

    private static void Consortium(SchemaBuilder b) =>
        b.Object<Consortium>(t => t
            .Implements("Node")
            .Description("A regional consortium or partnership (ADEW consortia to 2012, regional services from 2012, partnerships from 2021).")
            .Field("id", "ID!", ctx => NodeId.Encode("Consortium", ctx.Parent<Consortium>().Code))
            .Field(c => c.Code)
            .Field(c => c.Name)
            .Field(c => c.Kind).Field(c => c.ValidFrom).Field(c => c.ValidTo).Field(c => c.IsVerified).Field(c => c.Note)
            .Field("memberships", "[ConsortiumMembership!]!", f => f
                .Description("Member LAs over time; with asOf, only memberships current on that date.")
                .Argument("asOf", "Date")
                .Resolve(ctx =>
                {
                    var asOf = ctx.GetArgument<DateOnly?>("asOf");
                    return ctx.LoadGroupAsync<string, ConsortiumMembership>("Consortium.memberships@" + asOf?.ToString("O"), ctx.Parent<Consortium>().Code, (db, keys, ct) =>
                    {
                        var q = db.ConsortiumMemberships.Where(m => keys.Contains(m.ConsortiumCode));
                        if (asOf is { } d) q = q.Where(m => m.ValidFrom <= d && (m.ValidTo == null || m.ValidTo >= d));
                        return q.OrderBy(m => m.ValidFrom).ThenBy(m => m.LaCode).ToListAsync(ct);
                    }, m => m.ConsortiumCode);
                }))
            .Field("localAuthorities", "[LocalAuthority!]!", f => f
                .Description("Member LAs on the date (default today).")
                .Argument("asOf", "Date")
                .Resolve(ctx =>
                {
                    var asOf = ctx.GetArgument<DateOnly?>("asOf") ?? Today;
                    return ctx.LoadGroupAsync<string, ConsortiumMembership>("Consortium.localAuthorities@" + asOf.ToString("O"), ctx.Parent<Consortium>().Code,
                        (db, keys, ct) => db.ConsortiumMemberships.Include(m => m.LocalAuthority)
                            .Where(m => keys.Contains(m.ConsortiumCode) && m.ValidFrom <= asOf && (m.ValidTo == null || m.ValidTo >= asOf))
                            .OrderBy(m => m.LocalAuthority!.NameEn).ToListAsync(ct), m => m.ConsortiumCode)
                        .ContinueWith(t => t.Result.Select(m => m.LocalAuthority!).ToList(), TaskScheduler.Default);
                })));

    private static void Groups(SchemaBuilder b)
    {
        b.Object<CollaborationGroup>(t => t
            .Implements("Node")
            .Description("A collaboration group (SEF network, PLC, hub, pathfinder pair, peer enquiry...).")
            .Field("id", "ID!", ctx => NodeId.Encode("CollaborationGroup", ctx.Parent<CollaborationGroup>().Id))
            .Field(g => g.Type).Field(g => g.Name).Field(g => g.Focus)
            .Field("consortium", "Consortium", f => f.Resolve(ctx =>
                ctx.Parent<CollaborationGroup>().ConsortiumCode is { } c ? ConsortiumByCode(ctx, c) : Task.FromResult<Consortium?>(null)))
            .Field(g => g.Budget).Field(g => g.ValidFrom).Field(g => g.ValidTo).Field(g => g.Version)
            .Field("members", "[GroupMembership!]!", f => f
                .Description("Memberships over time, oldest first; with asOf, only those current on that date.")
                .Argument("asOf", "Date")
                .Resolve(ctx =>
                {
                    var asOf = ctx.GetArgument<DateOnly?>("asOf");
                    return ctx.LoadGroupAsync<int, GroupMembership>("CollaborationGroup.members@" + asOf?.ToString("O"), ctx.Parent<CollaborationGroup>().Id, (db, keys, ct) =>
                    {
                        var q = db.GroupMemberships.Where(m => keys.Contains(m.GroupId));
                        if (asOf is { } d) q = q.Where(m => m.ValidFrom <= d && (m.ValidTo == null || m.ValidTo >= d));
                        return q.OrderBy(m => m.ValidFrom).ThenBy(m => m.Id).ToListAsync(ct);
                    }, m => m.GroupId);
                })));

        b.Object<GroupMembership>(t => t
            .Description("A school in a collaboration group over an inclusive date range.")
            .Field("group", "CollaborationGroup!", f => f.Resolve(ctx =>
            {
                var m = ctx.Parent<GroupMembership>();
                return m.Group is { } g ? Task.FromResult<CollaborationGroup?>(g)
                    : ctx.LoadOneAsync<int, CollaborationGroup>("CollaborationGroup.byId", m.GroupId,
                        (db, keys, ct) => db.CollaborationGroups.Where(x => keys.Contains(x.Id)).ToListAsync(ct), x => x.Id);
            }))
            .Field("school", "School!", f => f.Resolve(ctx => SchoolById(ctx, ctx.Parent<GroupMembership>().SchoolId)))
            .Field(m => m.Role).Field(m => m.ValidFrom).Field(m => m.ValidTo).Field(m => m.Version));
    }

    private static void People(SchemaBuilder b)
    {
        b.Object<Person>(t => t
            .Implements("Node")
            .Description("A person in a role (challenge adviser, facilitator, headteacher...).")
            .Field("id", "ID!", ctx => NodeId.Encode("Person", ctx.Parent<Person>().Id))
            .Field(p => p.GivenName).Field(p => p.FamilyName)
            .Field("name", "String!", ctx => $"{ctx.Parent<Person>().GivenName} {ctx.Parent<Person>().FamilyName}".Trim()));

        b.Object<RoleAssignment>(t => t
            .Description("A challenge adviser's assignment to a school for an academic year.")
            .Field("person", "Person!", f => f.Resolve(ctx =>
                ctx.Parent<RoleAssignment>().Person is { } p ? Task.FromResult<Person?>(p) : PersonById(ctx, ctx.Parent<RoleAssignment>().PersonId)))
            .Field("year", "AcademicYear", ctx => ctx.Parent<RoleAssignment>().YearCode)
            .Field(r => r.ValidFrom).Field(r => r.ValidTo).Field(r => r.AllocatedDays),
            "AdviserAssignment");
    }
}
