using System.Linq.Expressions;
using SefData.Api.GraphQL.Core;
using SefData.Domain;
using SefData.GraphQL.Data;

namespace SefData.Api.GraphQL.Organisation;

/// <summary>
/// The filter/sort maps of the organisation types. Entities are loaded whole (no column projection): rows are
/// narrow, and every module's resolvers can rely on all scalar columns of a School or LocalAuthority parent.
/// </summary>
public static class OrganisationData
{
    public static readonly DataObject<LocalAuthority> LocalAuthority = new DataObject<LocalAuthority>("LocalAuthority", x => x.LaCode)
        .Field("laCode", x => x.LaCode)
        .Field("nameEn", x => x.NameEn)
        .Field("nameCy", x => x.NameCy)
        .NoProjection();

    public static readonly DataObject<School> School = new DataObject<School>("School", s => s.Id)
        .Field("schoolNumber", s => s.SchoolNumber)
        // `name` filters and sorts on the English name (the Welsh name is optional); use nameCy for Welsh.
        .Field("name", s => s.NameEn)
        .Field("nameEn", s => s.NameEn)
        .Field("nameCy", s => s.NameCy)
        .Field("laCode", s => s.LaCode)
        .Field("sector", s => s.Sector)
        .Field("languageCategory", s => s.LanguageCategoryId)
        .Field("openDate", s => s.OpenDate)
        .Field("closeDate", s => s.CloseDate)
        .Field("ageLow", s => s.AgeLow)
        .Field("ageHigh", s => s.AgeHigh)
        .Object("localAuthority", s => s.LocalAuthority, LocalAuthority)
        .Custom("openOn", "Date", OpenOn)
        .Custom("consortium", "SchoolConsortiumFilterInput", InConsortium)
        .Custom("colour", "SchoolColourFilterInput", Colour)
        .Custom("followUp", "SchoolFollowUpFilterInput", FollowUp)
        .Custom("efsm", "SchoolEfsmFilterInput", Efsm)
        .NoProjection();

    private static Expression<Func<School, bool>> OpenOn(object value)
    {
        var date = (DateOnly)value;
        return s => (s.OpenDate == null || s.OpenDate <= date) && (s.CloseDate == null || s.CloseDate > date);
    }

    /// <summary>The school's LA belonged to the consortium on the date (memberships are dated; an LA has at most one at a time).</summary>
    private static Expression<Func<School, bool>> InConsortium(object value)
    {
        var code = Predicates.Get<string>(value, "code")!;
        var asOf = Predicates.Get<DateOnly?>(value, "asOf") ?? DateOnly.FromDateTime(DateTime.UtcNow);
        return s => s.LocalAuthority!.ConsortiumMemberships.Any(m =>
            m.ConsortiumCode == code && m.ValidFrom <= asOf && (m.ValidTo == null || m.ValidTo >= asOf));
    }

    /// <summary>The school's support colour in the year is one of <c>in</c>.</summary>
    private static Expression<Func<School, bool>> Colour(object value)
    {
        var year = Predicates.Get<string>(value, "year")!;
        var colours = Predicates.GetList<SupportColour>(value, "in");
        var inYear = Predicates.And<CategorisationResult>(c => c.YearCode == year, Predicates.AnyOf<CategorisationResult, SupportColour>(c => c.SupportColour, colours));
        return Predicates.Has<School, CategorisationResult>(s => s.Categorisations, inYear);
    }

    /// <summary>
    /// An Estyn follow-up was current on <c>asOf</c> (started on or before it, not removed by then), optionally of the
    /// given categories; NONE rows (no follow-up) never count.
    /// </summary>
    private static Expression<Func<School, bool>> FollowUp(object value)
    {
        var asOf = Predicates.Get<DateOnly?>(value, "asOf") ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var categories = Predicates.GetList<FollowUpCategory>(value, "in");
        Expression<Func<FollowUp, bool>> current = f => f.Category != FollowUpCategory.None && f.StartDate <= asOf && (f.RemovedDate == null || f.RemovedDate > asOf);
        if (categories.Count > 0) current = Predicates.And(current, Predicates.AnyOf<FollowUp, FollowUpCategory>(f => f.Category, categories));
        var inInspection = Predicates.Has<Inspection, FollowUp>(i => i.FollowUps, current);
        return Predicates.Has<School, Inspection>(s => s.Inspections, inInspection);
    }

    /// <summary>% eFSM in the year's profile within [gte, lt).</summary>
    private static Expression<Func<School, bool>> Efsm(object value)
    {
        var year = Predicates.Get<string>(value, "year")!;
        var gte = Predicates.Get<decimal?>(value, "gte");
        var lt = Predicates.Get<decimal?>(value, "lt");
        Expression<Func<SchoolYearProfile, bool>> p = x => x.YearCode == year && x.PctEfsm != null;
        if (gte is { } lo) p = Predicates.And<SchoolYearProfile>(p, x => x.PctEfsm >= lo);
        if (lt is { } hi) p = Predicates.And<SchoolYearProfile>(p, x => x.PctEfsm < hi);
        return Predicates.Has<School, SchoolYearProfile>(s => s.Profiles, p);
    }
}
