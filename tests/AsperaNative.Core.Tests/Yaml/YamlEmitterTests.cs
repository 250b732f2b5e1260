using System.Text.Json.Nodes;
using AsperaNative.Core.Yaml;

namespace AsperaNative.Core.Tests.Yaml;

/// <summary>Layouts of Ruby's <c>to_yaml</c> (Psych 5 over libyaml 0.2.5), from recorded ascli output and Psych's rules.</summary>
public class YamlEmitterTests
{
    [Theory]
    [InlineData("\"hello\"", "--- hello\n")]
    [InlineData("123", "--- 123\n")]
    [InlineData("-0.25", "--- -0.25\n")]
    [InlineData("{}", "--- {}\n")]
    [InlineData("[]", "--- []\n")]
    [InlineData("\"\"", "--- ''\n")]
    [InlineData("true", "--- true\n")]
    [InlineData("[{\"id\":1,\"name\":\"alpha\",\"x\":{\"y\":1}},{\"id\":2,\"name\":\"beta\",\"extra\":true}]",
        "---\n- id: 1\n  name: alpha\n  x:\n    \"y\": 1\n- id: 2\n  name: beta\n  extra: true\n")]
    [InlineData("{\"i\":12345678901234567890,\"f\":1.0,\"e\":1e3,\"n\":-0.5,\"z\":0,\"neg\":-42}",
        "---\ni: 12345678901234567890\nf: 1.0\ne: 1000.0\n\"n\": -0.5\nz: 0\nneg: -42\n")]
    [InlineData("{\"p1\":{\"a_b_c\":{\"x\":[1,2]}}}", "---\np1:\n  a_b_c:\n    x:\n    - 1\n    - 2\n")]
    [InlineData("{\"demo\":{\"nothing\":null}}", "---\ndemo:\n  nothing:\n")]
    [InlineData("{\"k\":\"@file:k.txt\",\"port\":\"33001\",\"y\":\"n\",\"e\":{},\"l\":[]}",
        "---\nk: \"@file:k.txt\"\nport: '33001'\n\"y\": \"n\"\ne: {}\nl: []\n")]
    [InlineData("{\"a\":\"yes\",\"b\":\"no\",\"c\":\"true\",\"d\":\"~\",\"e\":\"null\",\"f\":\"1.5\",\"g\":\"1.5e3\",\"h\":\"010\",\"i\":\"09\",\"j\":\"4.21.1\"}",
        "---\na: 'yes'\nb: 'no'\nc: 'true'\nd: \"~\"\ne: 'null'\nf: '1.5'\ng: 1.5e3\nh: '010'\ni: '09'\nj: 4.21.1\n")]
    [InlineData("{\"s\":\"🔑\",\"c\":\"日本語\",\"m\":\"a🔑\"}", "---\ns: \"\\U0001F511\"\nc: 日本語\nm: \"a\\U0001F511\"\n")]
    [InlineData("{\"t\":\"line1\\nline2\"}", "---\nt: |-\n  line1\n  line2\n")]
    [InlineData("{\"t\":\"line1\\nline2\\n\"}", "---\nt: |\n  line1\n  line2\n")]
    [InlineData("\"line1\\nline2\"", "--- |-\n  line1\n  line2\n")]
    [InlineData("[\"a\\nb\",null,[1,[2,3]],{\"k\":[{\"z\":1}]}]", "---\n- |-\n  a\n  b\n-\n- - 1\n  - - 2\n    - 3\n- k:\n  - z: 1\n")]
    [InlineData("{\"a\":\"x: y\",\"b\":\"x #y\",\"c\":\"trail \",\"d\":\"it's\",\"e\":\"-x\",\"f\":\"\\\"q\\\"\",\"g\":\"tab\\there\"}",
        "---\na: 'x: y'\nb: 'x #y'\nc: 'trail '\nd: it's\ne: \"-x\"\nf: '\"q\"'\ng: \"tab\\there\"\n")]
    public void EmitsAsPsych(string json, string expected)
        => Assert.Equal(expected, YamlEmitter.Emit(JsonNode.Parse(json)));

    [Fact]
    public void FoldsLongPlainLinesAt80Columns()
    {
        string words = string.Join(' ', Enumerable.Repeat("word", 30));
        var yaml = YamlEmitter.Emit(new JsonObject { ["description"] = words });
        Assert.Equal("---\ndescription: " + string.Join(' ', Enumerable.Repeat("word", 14)) + "\n  "
            + string.Join(' ', Enumerable.Repeat("word", 16)) + "\n", yaml);
    }
}
