using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Yaml;

namespace AsperaNative.Core.Tests.Yaml;

/// <summary>
/// The line reader of the block layout (YamlReader.Block.cs) against the general parser: whatever it accepts
/// must read exactly as YamlDotNet reads it, and what it leaves must be left whole.
/// </summary>
public class BlockYamlTests
{
    [Theory]
    [InlineData("---\nconfig:\n  version: 4.21.1\n")]
    [InlineData("---\nconfig:\n  version: 4.21.1\ndefault:\n  config: cli_default\n  aoc: my_aoc\ncli_default:\n  interactive: no\n  format: json\nmy_aoc:\n  url: https://sedemo.ibmaspera.com\n  username: someone@example.com\n  password: '@vault:my_aoc.password'\n  private_key: '@file:~/.aspera/ascli/my_key'\n  port: 33001\n  ratio: 1.5\n  empty:\n  hash: {}\n  list: []\n")]
    [InlineData("a:\n- x\n- 'y'\n- 3\nb:\n  - \"z\"\n  - yes\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("a:\n  b:\n    c:\n      d: 1\n  e: 2\nf: 3\n")]
    [InlineData("yes: 1\n010: 2\n1.5: 3\n~: 4\n'q': 5\n")]
    [InlineData("a: 'it''s'\nb: 'x: y # z'\nc: \"plain dq\"\nd: a#b\ne: http://x.y:8080/p?q=1\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("# comment\na: 1\n\n  # indented comment\nb:\n\n  c: 2\n")]
    [InlineData("a:    spaced\nb:   \nc: x\n")]
    [InlineData("t: 2024-01-02\nu: 2024-01-02 10:11:12\nv: 1:20\nw: 1:20.5\nx: .inf\ny: -.inf\nz: .NaN\ns: :sym\nn: 0x1F\no: 0b101\np: 1_000\nq: 1,000\nr: 1.5e3\nm: 1.\nl: 09\n")]
    [InlineData("a: NULL\nb: Off\nc: On\nd: ~\ne: null\nf: y\ng: n\n")]
    [InlineData("k: [1, 2]\n")]
    [InlineData("k: {a: 1}\n")]
    [InlineData("k: &x 1\nl: *x\n")]
    [InlineData("base: &b\n  x: 1\nd:\n  <<: *b\n")]
    [InlineData("k: |\n  text\n")]
    [InlineData("k: >\n  folded\n")]
    [InlineData("k: \"a\\tb\"\n")]
    [InlineData("k: !!str 12\n")]
    [InlineData("k: value # comment\n")]
    [InlineData("k: multi\n  line\n")]
    [InlineData("k: 'open\n  quote'\n")]
    [InlineData("- k: v\n  l: w\n")]
    [InlineData("- - x\n")]
    [InlineData("-\n  - x\n")]
    [InlineData("a: 1\n b: 2\n")]
    [InlineData("a:\n    b: 1\n  c: 2\n")]
    [InlineData(" a: 1\n")]
    [InlineData("a: 1\n---\nb: 2\n")]
    [InlineData("--- a\n")]
    [InlineData("%YAML 1.1\n---\na: 1\n")]
    [InlineData("a: 1\n...\n")]
    [InlineData("a:\tb\n")]
    [InlineData("a: b\r\nc: d\r\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a:b\n")]
    [InlineData("plain scalar\n")]
    [InlineData("a: -1\nb: -x\nc: @env:HOME\n")]
    [InlineData("a: 'x'y'\n")]
    [InlineData("a: trailing \n")]
    [InlineData("\"q\": 1\n")]
    [InlineData("? complex\n: key\n")]
    [InlineData("a: \u00e9t\u00e9 \u65e5\u672c\n")]
    [InlineData("a: \u0085x\n")]
    [InlineData("a: x\u2028y\n")]
    [InlineData("\ufeffa: 1\n")]
    [InlineData("")]
    [InlineData("---\n")]
    [InlineData("~\n")]
    public void Reads_as_the_general_parser_or_leaves_it(string yaml) => AssertSame(yaml);

    [Theory]
    [InlineData("---\nconfig:\n  version: 4.21.1\n")]
    [InlineData("a:\n- x\n- 'y'\nb:\n  - z\n")]
    [InlineData("a: 'it''s'\nb: \"dq\"\nc: {}\nd: []\ne:\n")]
    [InlineData("# comment\na: 1\n\nb:\n  c: 2\n")]
    public void The_layout_of_config_files_is_read_by_lines(string yaml)
    {
        Assert.True(YamlReader.TryParseBlock(yaml, out var document));
        Assert.Equal(Shown(YamlReader.ParseGeneral(yaml)), Shown(document));
    }

    [Fact]
    public void What_our_emitter_writes_is_read_by_lines()
    {
        var config = JsonNode.Parse("""
            {"config":{"version":"4.21.1"},"default":{"config":"p1"},"p1":{"url":"https://h:9092","username":"u","password":"@vault:x",
             "yes":"yes","num":"010","int":33001,"float":1.5,"flag":true,"nil":null,"list":["a","1",2,"- x","a: b"],"empty":{},"none":[],
             "quote":"it's","hash":"a #b","colon":"a: b","lead":" x","trail":"x ","dash":"-","at":"@x","multi":"a\nb","tab":"a\tb",
             "unicode":"\u00e9t\u00e9","date":"2024-01-02","sym":":s","inf":".inf"}}
            """);
        string yaml = YamlEmitter.Emit(config);
        AssertSame(yaml);
        Assert.True(YamlReader.TryParseBlock(yaml, out _) || yaml.Contains("|-") || yaml.Contains('"'), yaml);
    }

    [Fact]
    public void Random_documents_read_the_same_either_way()
    {
        var random = new Random(19);
        int accepted = 0;
        for (int n = 0; n < 3000; n++)
        {
            var sb = new StringBuilder();
            if (random.Next(2) == 0) sb.Append("---\n");
            WriteBlock(sb, random, 0, depth: 0);
            string yaml = sb.ToString();
            if (AssertSame(yaml)) accepted++;
        }
        // most random documents are in the layout: the comparison is not vacuous
        Assert.True(accepted > 1000, $"only {accepted} documents read by lines");
    }

    private static readonly string[] Keys = ["a", "key_1", "yes", "010", "1.5", "~", "http://x", "a b", "null", "k[0]", "x-y", "é", "'q'", "-k", "<<", "a #b", "a:b", ":s"];
    private static readonly string[] Scalars =
    [
        "", "plain", "4.21.1", "33001", "-1", "yes", "No", "OFF", "~", "null", "0x1F", "0b101", "017", "09", "1_000", "1,000", "1:20", "1:20.5",
        ".inf", "+.inf", "-.INF", ".NaN", ":sym", "2024-01-02", "2024-01-02 10:11:12", "2024-1-2", "1.5e3", "1.5e+3", "1.", ".", "+.", "-", "+",
        "'quoted'", "'it''s'", "'a: b # c'", "\"dq\"", "\"a\\nb\"", "{}", "[]", "[1, 2]", "{a: 1}", "a #c", "a#c", "a: b", "x:y", "@env:HOME",
        "'@env:HOME'", "~/x", "https://h.example.com:9092/path?x=1&y=2", "a b  c", "é日本", "*alias", "&anchor x", "!!str 1", "|", ">", "%x", "`x",
        "'open", "\"open", "trailing ", "?", "? x", ",x", "x,", "[x", "x]", "{x", "#", "- x", "-x", "--x", "...", "---",
    ];

    // mostly the first part of a pool (what config files hold), sometimes anything
    private static string Pick(string[] pool, Random random) => pool[random.Next(random.Next(5) == 0 ? pool.Length : pool.Length / 2)];

    private static void WriteBlock(StringBuilder sb, Random random, int indent, int depth)
    {
        bool sequence = random.Next(4) == 0;
        int entries = random.Next(1, 5);
        string pad = new(' ', indent);
        for (int i = 0; i < entries; i++)
        {
            if (random.Next(10) == 0) sb.Append(random.Next(2) == 0 ? "\n" : pad + "# note\n");
            if (sequence)
            {
                sb.Append(pad).Append("- ").Append(Pick(Scalars, random)).Append('\n');
                continue;
            }
            sb.Append(pad).Append(Pick(Keys, random)).Append(':');
            int kind = depth < 3 ? random.Next(6) : 0;
            if (kind <= 2) sb.Append(' ').Append(Pick(Scalars, random)).Append('\n');
            else if (kind == 3)
            {
                sb.Append('\n');
                WriteBlock(sb, random, indent + (random.Next(5) == 0 ? 4 : 2), depth + 1);
            }
            else
            {
                // a list at the indentation of its key, as Psych writes it, or indented
                sb.Append('\n');
                int at = random.Next(2) == 0 ? indent : indent + 2;
                for (int j = random.Next(1, 4); j > 0; j--)
                    sb.Append(' ', at).Append("- ").Append(Pick(Scalars, random)).Append('\n');
            }
        }
    }

    /// <summary>Both readers agree (same JSON, same error); true when the line reader took the document.</summary>
    private static bool AssertSame(string yaml)
    {
        string expected;
        try { expected = Shown(YamlReader.ParseGeneral(yaml)); }
        catch (CliException e) { expected = "error: " + e.Message; }
        catch (Exception e) { throw new Xunit.Sdk.XunitException($"the general parser fails with {e.GetType().Name} on:\n{yaml}"); }
        if (!YamlReader.TryParseBlock(yaml, out var document))
        {
            string viaParse;
            try { viaParse = Shown(YamlReader.Parse(yaml)); }
            catch (CliException e) { viaParse = "error: " + e.Message; }
            Assert.Equal(expected, viaParse);
            return false;
        }
        Assert.False(expected.StartsWith("error: "), $"the line reader took what the general parser refuses ({expected}):\n{yaml}");
        Assert.True(expected == Shown(document), $"differs from the general parser:\n{yaml}\nexpected {expected}\nactual   {Shown(document)}");
        return true;
    }

    // Ruby's inspect: keys in order, strings quoted, numbers as Ruby shows them (Infinity, NaN)
    private static string Shown(JsonNode? node) => Core.Values.RubyInspect.Inspect(node);
}
