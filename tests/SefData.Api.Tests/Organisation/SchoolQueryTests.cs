using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SefData.Api.GraphQL.Core;
using SefData.Api.Tests.Infrastructure;
using SefData.Domain;

namespace SefData.Api.Tests.Organisation;

/// <summary>"Who is this school": number, names in both languages, LA, consortium as at a date, node ids.</summary>
public abstract class SchoolQueryTests(ApiHost host)
{
    private const string SchoolQuery = """
        query($n: String!, $asOf: Date!) {
          school(schoolNumber: $n) {
            id schoolNumber name nameEn nameCy sector
            localAuthority { laCode name }
            consortium(asOf: $asOf) { code }
          }
        }
        """;

    [Fact]
    public async Task School_by_number_answers_who_it_is()
    {
        await using var db = host.NewDbContext();
        var school = await db.Schools.Include(s => s.LocalAuthority).Where(s => s.NameCy != null).OrderBy(s => s.Id).FirstAsync(TestContext.Current.CancellationToken);
        var asOf = new DateOnly(2019, 1, 31);
        var expectedConsortium = await db.ConsortiumMemberships
            .Where(m => m.LaCode == school.LaCode && m.ValidFrom <= asOf && (m.ValidTo == null || m.ValidTo >= asOf))
            .Select(m => m.ConsortiumCode).SingleOrDefaultAsync(TestContext.Current.CancellationToken);

        using var json = await host.PostGraphQLAsync(SchoolQuery, new { n = school.SchoolNumber, asOf = "2019-01-31" });
        var s = GraphQLAssert.NoErrors(json).GetProperty("school");
        Assert.Equal(school.SchoolNumber, s.GetProperty("schoolNumber").GetString());
        Assert.Equal(school.NameEn, s.GetProperty("name").GetString());
        Assert.Equal(school.NameEn, s.GetProperty("nameEn").GetString());
        Assert.Equal(school.NameCy, s.GetProperty("nameCy").GetString());
        Assert.Equal(school.Sector.ToString().ToUpperInvariant(), s.GetProperty("sector").GetString());
        Assert.Equal(school.LaCode, s.GetProperty("localAuthority").GetProperty("laCode").GetString());
        Assert.Equal(school.LocalAuthority!.NameEn, s.GetProperty("localAuthority").GetProperty("name").GetString());
        var consortium = s.GetProperty("consortium");
        Assert.Equal(expectedConsortium, consortium.ValueKind == JsonValueKind.Null ? null : consortium.GetProperty("code").GetString());
        Assert.True(NodeId.TryDecode(s.GetProperty("id").GetString(), out var type, out var key));
        Assert.Equal(("School", school.SchoolNumber), (type, key));
    }

    [Theory]
    [InlineData("cy", true)]
    [InlineData("cy-GB,en;q=0.8", true)]
    [InlineData("en-GB,cy;q=0.5", false)]
    [InlineData("fr,de", false)]
    [InlineData(null, false)]
    public async Task Name_follows_accept_language(string? acceptLanguage, bool welsh)
    {
        await using var db = host.NewDbContext();
        var school = await db.Schools.Include(s => s.LocalAuthority).Where(s => s.NameCy != null).OrderBy(s => s.Id).FirstAsync(TestContext.Current.CancellationToken);
        using var json = await host.PostGraphQLAsync(SchoolQuery, new { n = school.SchoolNumber, asOf = "2019-01-31" }, acceptLanguage);
        var s = GraphQLAssert.NoErrors(json).GetProperty("school");
        Assert.Equal(welsh ? school.NameCy : school.NameEn, s.GetProperty("name").GetString());
        Assert.Equal(welsh ? school.LocalAuthority!.NameCy : school.LocalAuthority!.NameEn, s.GetProperty("localAuthority").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Unknown_school_is_null()
    {
        using var json = await host.PostGraphQLAsync(SchoolQuery, new { n = "0000000", asOf = "2019-01-31" });
        Assert.Equal(JsonValueKind.Null, GraphQLAssert.NoErrors(json).GetProperty("school").ValueKind);
    }

    [Fact]
    public async Task Node_and_nodes_load_by_global_id_in_order()
    {
        await using var db = host.NewDbContext();
        var schools = await db.Schools.OrderBy(s => s.Id).Take(3).ToListAsync(TestContext.Current.CancellationToken);
        var la = await db.LocalAuthorities.OrderBy(l => l.LaCode).FirstAsync(TestContext.Current.CancellationToken);
        var ids = schools.Select(s => NodeId.Encode("School", s.SchoolNumber)).Append(NodeId.Encode("LocalAuthority", la.LaCode))
            .Append(NodeId.Encode("School", "0000000")).ToList();
        using var json = await host.PostGraphQLAsync("""
            query($ids: [ID!]!, $one: ID!) {
              nodes(ids: $ids) { __typename id ... on School { schoolNumber } ... on LocalAuthority { laCode } }
              node(id: $one) { ... on School { schoolNumber } }
            }
            """, new { ids, one = ids[1] });
        var data = GraphQLAssert.NoErrors(json);
        var nodes = data.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(5, nodes.Count);
        for (var i = 0; i < 3; i++) Assert.Equal(schools[i].SchoolNumber, nodes[i].GetProperty("schoolNumber").GetString());
        Assert.Equal(la.LaCode, nodes[3].GetProperty("laCode").GetString());
        Assert.Equal(JsonValueKind.Null, nodes[4].ValueKind);
        Assert.Equal(schools[1].SchoolNumber, data.GetProperty("node").GetProperty("schoolNumber").GetString());
        for (var i = 0; i < 4; i++) Assert.Equal(ids[i], nodes[i].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Nodes_refuses_more_than_fifty_ids_and_bad_ids()
    {
        var ids = Enumerable.Range(0, NodeRegistry.MaxNodes + 1).Select(i => NodeId.Encode("School", i.ToString("D7"))).ToList();
        using var tooMany = await host.PostGraphQLAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });
        Assert.Contains(NodeRegistry.TooManyIdsCode, GraphQLAssert.ErrorCodes(tooMany));
        using var bad = await host.PostGraphQLAsync("{ node(id: \"not-an-id\") { id } }");
        Assert.Contains(NodeRegistry.InvalidIdCode, GraphQLAssert.ErrorCodes(bad));
    }

    [Theory]
    [InlineData("2018/19", true)]
    [InlineData("1999/00", true)]
    [InlineData("2018/20", false)]
    [InlineData("2018-19", false)]
    public async Task AcademicYear_scalar_is_validated(string year, bool valid)
    {
        await using var db = host.NewDbContext();
        var number = await db.Schools.OrderBy(s => s.Id).Select(s => s.SchoolNumber).FirstAsync(TestContext.Current.CancellationToken);
        var (status, json) = await host.SendAsync("query($n: String!, $y: AcademicYear!) { school(schoolNumber: $n) { profile(year: $y) { year } } }",
            new { n = number, y = year }, null, null, assertOk: false);
        using (json)
        {
            if (valid) GraphQLAssert.NoErrors(json);
            else
            {
                Assert.NotEqual(System.Net.HttpStatusCode.OK, status);
                Assert.Contains("AcademicYear", json.RootElement.GetProperty("errors")[0].GetProperty("message").GetString());
            }
        }
    }
}

public sealed class SchoolQueryTestsSqlite(SqliteApiHost host) : SchoolQueryTests(host);
public sealed class SchoolQueryTestsPostgres(PostgresApiHost host) : SchoolQueryTests(host);
