using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Tests.Types;

public class SmallApiTests
{
    [Fact]
    public void Response_path_lists_keys_root_first()
    {
        var path = new ResponsePath(null, "schools", "Query").Append(3).Append("name", "School");
        Assert.Equal(["schools", 3, "name"], path.ToList());
        Assert.Equal("School", path.TypeName);
        Assert.Equal("schools.3.name", path.ToString());
        Assert.Throws<ArgumentException>(() => new ResponsePath(null, 1.5));
    }

    [Fact]
    public void Type_info_can_start_from_an_initial_type()
    {
        var schema = SchemaBuilder.BuildSchema("type Query { a(x: In): Int } input In { b: [Int] }");
        var typeInfo = new TypeInfo(schema, schema.GetType("In"));
        Assert.Same(schema.GetType("In"), typeInfo.InputType);
        Assert.Null(typeInfo.ParentType);
        var value = (ObjectValueNode)Parser.ParseValue("{b: [1]}");
        typeInfo.Enter(value);
        typeInfo.Enter(value.Fields[0]);
        Assert.Equal("[Int]", typeInfo.InputType!.ToString());
        typeInfo.Enter(value.Fields[0].Value);
        Assert.Same(ScalarType.Int, typeInfo.InputType);
        Assert.Equal("[Int]", typeInfo.ParentInputType!.ToString());
        typeInfo.Leave(value.Fields[0].Value);
        typeInfo.Leave(value.Fields[0]);
        typeInfo.Leave(value);
        Assert.Same(schema.GetType("In"), typeInfo.InputType);
    }

    [Fact]
    public void Suggestions_rank_like_graphql_js()
    {
        Assert.Equal(["name", "names"], Suggestions.SuggestionList("nmae", ["id", "name", "names", "title"]));
        Assert.Equal(["item2", "item10"], Suggestions.SuggestionList("item", ["item10", "item2"]));
        Assert.Equal(" Did you mean \"a\", \"b\", \"c\", \"d\", or \"e\"?", Suggestions.DidYouMean(["a", "b", "c", "d", "e", "f"]));
        Assert.Equal(" Did you mean the enum value \"A\" or \"B\"?", Suggestions.DidYouMean("the enum value", ["A", "B"]));
        Assert.Equal("", Suggestions.DidYouMean([]));
    }

    [Fact]
    public void Json_strings_match_json_stringify()
    {
        var value = new Dictionary<string, object?>
        {
            ["n"] = 1e21, ["f"] = 0.1, ["i"] = 3, ["s"] = "é\"\n", ["b"] = false, ["l"] = new List<object?> { null, double.NaN },
        };
        Assert.Equal("{\"n\":1e+21,\"f\":0.1,\"i\":3,\"s\":\"é\\\"\\n\",\"b\":false,\"l\":[null,null]}", JsonValues.ToJsonString(value));
    }
}
