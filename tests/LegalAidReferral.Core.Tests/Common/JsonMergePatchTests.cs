using System.Text.Json.Nodes;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Tests.Common;

public class JsonMergePatchTests
{
    [Theory]
    // Examples from RFC 7396, appendix A.
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Patch_follows_RFC_7396(string target, string patch, string expected)
    {
        var result = JsonMergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), result?.ToJsonString());
    }

    [Fact]
    public void Changed_paths_name_the_leaves_that_differ()
    {
        var before = JsonNode.Parse("""{"client":{"fullName":"A","aliases":[]},"household":null}""");
        var after = JsonNode.Parse("""{"client":{"fullName":"B","aliases":[]},"household":{"size":2}}""");

        Assert.Equal(["client.fullName", "household"], JsonMergePatch.ChangedPaths(before, after));
    }
}
