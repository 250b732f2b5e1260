namespace AsperaNative.Pac.Tests;

public class JsStringAndRegexTests
{
    [Theory]
    [InlineData("'Hello'.indexOf('l')", "2")]
    [InlineData("'Hello'.indexOf('l', 3)", "3")]
    [InlineData("'Hello'.indexOf('z')", "-1")]
    [InlineData("'Hello'.lastIndexOf('l')", "3")]
    [InlineData("'Hello'.lastIndexOf('l', 2)", "2")]
    [InlineData("'www.example.com'.lastIndexOf('www.', 0)", "0")]
    [InlineData("'a.www.b'.lastIndexOf('www.', 0)", "-1")]
    [InlineData("'Hello'.substring(1, 3)", "el")]
    [InlineData("'Hello'.substring(3, 1)", "el")]
    [InlineData("'Hello'.substring(-2)", "Hello")]
    [InlineData("'http://x'.substring(0, 5)", "http:")]
    [InlineData("'Hello'.substr(1, 3)", "ell")]
    [InlineData("'Hello'.substr(-3)", "llo")]
    [InlineData("'Hello'.substr(-3, 2)", "ll")]
    [InlineData("'Hello'.slice(1, -1)", "ell")]
    [InlineData("'Hello'.slice(-3)", "llo")]
    [InlineData("'Hello'.slice(3, 1)", "")]
    [InlineData("'MiXeD'.toLowerCase()", "mixed")]
    [InlineData("'MiXeD'.toUpperCase()", "MIXED")]
    [InlineData("'a,b,,c'.split(',').length", "4")]
    [InlineData("'a,b,c'.split(',', 2).join('|')", "a|b")]
    [InlineData("'abc'.split('').join('|')", "a|b|c")]
    [InlineData("''.split(',').length", "1")]
    [InlineData("'abc'.split().length", "1")]
    [InlineData("'a1b2c3'.split(/\\d/).join('|')", "a|b|c|")]
    [InlineData("'a1b2'.split(/(\\d)/).join('|')", "a|1|b|2|")]
    [InlineData("'a, b,c'.split(/\\s*,\\s*/).join('|')", "a|b|c")]
    [InlineData("'abc'.charAt(1)", "b")]
    [InlineData("'abc'.charAt(5)", "")]
    [InlineData("'abc'.charCodeAt(0)", "97")]
    [InlineData("'a.b.c'.replace('.', '-')", "a-b.c")]
    [InlineData("'a.b.c'.replace(/\\./g, '-')", "a-b-c")]
    [InlineData("'John Smith'.replace(/(\\w+)\\s(\\w+)/, '$2, $1')", "Smith, John")]
    [InlineData("'abc'.replace('b', '[$&]')", "a[b]c")]
    [InlineData("'abc'.replace('b', \"$`$'\")", "aacc")]
    [InlineData("'x'.replace('x', '$$')", "$")]
    [InlineData("'abc'.replace(/b/, function (m) { return m.toUpperCase(); })", "aBc")]
    [InlineData("'a-b-c'.replace(/-(\\w)/g, function (m, c, i) { return c + i; })", "ab1c3")]
    [InlineData("'aaa'.replaceAll('a', 'b')", "bbb")]
    [InlineData("'abc123'.match(/\\d+/)[0]", "123")]
    [InlineData("'abc123'.match(/\\d+/).index", "3")]
    [InlineData("'a1b2c3'.match(/\\d/g).join()", "1,2,3")]
    [InlineData("'abc'.match(/\\d/)", "null")]
    [InlineData("'abc'.match('b')[0]", "b")]
    [InlineData("'abc'.search(/c/)", "2")]
    [InlineData("'abc'.startsWith('ab')", "true")]
    [InlineData("'abc'.startsWith('b', 1)", "true")]
    [InlineData("'abc'.endsWith('bc')", "true")]
    [InlineData("'abc'.endsWith('b', 2)", "true")]
    [InlineData("'  x \\n'.trim()", "x")]
    [InlineData("'abc'.includes('b')", "true")]
    [InlineData("'ab'.repeat(3)", "ababab")]
    [InlineData("'5'.padStart(3, '0')", "005")]
    [InlineData("'a'.concat('b', 1)", "ab1")]
    [InlineData("'\\x41\\u0042\\t'.length", "3")]
    public void StringMethods(string expression, string expected) => Assert.Equal(expected, JsTestHost.Eval(expression));

    [Theory]
    [InlineData("/^\\d+$/.test('123')", "true")]
    [InlineData("/^\\d+$/.test('12a')", "false")]
    [InlineData("/ABC/i.test('xabcx')", "true")]
    [InlineData("/^a.c$/.test('a\\nc')", "false")]
    [InlineData("/^b$/m.test('a\\nb')", "true")]
    [InlineData("/^a$/.test('a\\n')", "false")]
    [InlineData("/(\\d+)-(\\d+)/.exec('x 10-20 y')[2]", "20")]
    [InlineData("/(\\d+)-(\\d+)/.exec('x 10-20 y').index", "2")]
    [InlineData("/(a)|(b)/.exec('b')[1]", "undefined")]
    [InlineData("/x/.exec('abc')", "null")]
    [InlineData("new RegExp('^www\\\\.').test('www.x')", "true")]
    [InlineData("new RegExp('a+', 'g').source", "a+")]
    [InlineData("new RegExp(/ab/i).test('AB')", "true")]
    [InlineData("String(/a\\/b/g)", "/a\\/b/g")]
    [InlineData("/[^]/.test('\\n')", "true")]
    [InlineData("/\\//.test('a/b')", "true")]
    [InlineData("/[/]/.test('/')", "true")]
    [InlineData("/(?:www\\.)?example\\.(com|org)$/.exec('www.example.org')[1]", "org")]
    [InlineData("/\\bfoo\\b/.test('a foo b')", "true")]
    [InlineData("/\\w+/.exec('h\u00e9llo')[0]", "h")]
    [InlineData("/a{2,}/.test('caab')", "true")]
    [InlineData("/^(\\w+)\\1$/.test('abab')", "true")]
    [InlineData("/a.c/s.test('a\\nc')", "true")]
    [InlineData("/a/g.global && !/a/.global", "true")]
    public void RegularExpressions(string expression, string expected) => Assert.Equal(expected, JsTestHost.Eval(expression));

    [Fact]
    public void GlobalExecWalksTheMatches()
        => Assert.Equal("112335", JsTestHost.Body("var re = /\\d/g, s = '', m; while ((m = re.exec('a1b2c3')) != null) s += m[0] + m.index; return s;"));

    [Fact]
    public void RegexAfterAnOperatorAndDivisionAfterAValue()
        => Assert.Equal("1 2 true true", JsTestHost.Body("var a = 10, b = 2, g = 5; var x = 4 / 2; var r = /2/.test('12');\nif (r) r = /a/g.test('a')\nreturn a / b / g + ' ' + x + ' ' + r + ' ' + (a /2/ 2 == 2.5);"));

    [Fact]
    public void BadPatternIsASyntaxError()
    {
        var e = Assert.Throws<AsperaNative.Pac.Js.JsThrow>(() => JsTestHost.Eval("/(/.test('x')"));
        Assert.Contains("Invalid regular expression", e.Message);
        Assert.StartsWith("SyntaxError: ", e.Message);
    }
}
