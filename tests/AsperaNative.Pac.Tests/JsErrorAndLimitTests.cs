using System.Diagnostics;
using AsperaNative.Core.Errors;
using AsperaNative.Pac.Js;

namespace AsperaNative.Pac.Tests;

public class JsErrorAndLimitTests
{
    private const string Main = "function FindProxyForURL(url, host) {";

    [Theory]
    [InlineData(Main + " return 'DIRECT' ", "SyntaxError: Unexpected end of input, expected '}' (line 1, column 55)")]
    [InlineData(Main + " return ) }", "SyntaxError: Unexpected token ')' (line 1, column 46)")]
    [InlineData("var 1x = 2;", "SyntaxError: Invalid or unexpected token (line 1, column 5)")]
    [InlineData("var x = 1x;", "SyntaxError: Invalid or unexpected token (line 1, column 9)")]
    [InlineData("var s = 'unterminated;", "SyntaxError: Unterminated string (line 1, column 9)")]
    [InlineData("/* never closed", "SyntaxError: Unterminated comment (line 1, column 1)")]
    [InlineData("x = = 1", "SyntaxError: Unexpected token '=' (line 1, column 5)")]
    [InlineData("a + 1 = 2", "SyntaxError: Invalid left-hand side in assignment (line 1, column 7)")]
    [InlineData("if (a) { } else else", "SyntaxError: Unexpected token 'else' (line 1, column 17)")]
    [InlineData("var a = @;", "SyntaxError: Unexpected character '@' (line 1, column 9)")]
    [InlineData("\n\n  return )", "SyntaxError: Unexpected token ')' (line 3, column 10)")]
    [InlineData("var a = 1 var b = 2", "SyntaxError: Unexpected token 'var' (line 1, column 11)")]
    [InlineData("var r = /abc", "SyntaxError: Unterminated regular expression (line 1, column 9)")]
    [InlineData("function (a) {}", "SyntaxError: Unexpected token '(', expected an identifier (line 1, column 10)")]
    [InlineData("switch (x) { default: 1; default: 2; }", "SyntaxError: Unexpected token 'default', more than one default clause (line 1, column 26)")]
    public void SyntaxErrorsNameThePlace(string script, string message)
    {
        var e = Assert.Throws<CliException>(() => JsTestHost.Pac(script).FindProxyForUrl(new Uri("http://x/")));
        Assert.Equal("PAC: " + message, e.Message);
        Assert.Equal("Other(RuntimeError)", e.Kind);
    }

    [Theory]
    [InlineData(Main + " return undefinedThing(); }", "PAC: ReferenceError: undefinedThing is not defined")]
    [InlineData(Main + " return host.foo(); }", "PAC: TypeError: host.foo is not a function")]
    [InlineData(Main + " var o = null; return o.x; }", "PAC: TypeError: Cannot read properties of null (reading 'x')")]
    [InlineData(Main + " var o; o.x = 1; }", "PAC: TypeError: Cannot set properties of undefined (setting 'x')")]
    [InlineData(Main + " throw 'custom failure'; }", "PAC: custom failure")]
    [InlineData(Main + " throw new Error('with object'); }", "PAC: Error: with object")]
    [InlineData("function findProxyForUrl(url, host) { return 'DIRECT'; }", "PAC: ReferenceError: FindProxyForURL is not defined")]
    [InlineData("var FindProxyForURL = 'DIRECT';", "PAC: TypeError: FindProxyForURL is not a function")]
    [InlineData("missing();", "PAC: ReferenceError: missing is not defined")]
    public void RuntimeErrorsAreOneClearMessage(string script, string message)
        => Assert.Equal(message, Assert.Throws<CliException>(() => JsTestHost.Pac(script).FindProxyForUrl(new Uri("http://x/"))).Message);

    [Theory]
    [InlineData("while (true) {}")]
    [InlineData("for (;;);")]
    [InlineData("do { } while (1)")]
    [InlineData("var i = 0; while (i < 10) { i = i; }")]
    [InlineData("try { while (true) {} } catch (e) { return 'caught'; }")]
    public void EndlessLoopsStop(string body)
    {
        var e = Assert.Throws<JsLimitException>(() => JsTestHost.Body(body, stepLimit: 10_000));
        Assert.Equal("script stopped after 10000 steps: endless loop?", e.Message);
    }

    [Fact]
    public void EndlessLoopInAPacFileStopsWithTheDefaultBudget()
    {
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<CliException>(() => JsTestHost.Pac(Main + " var n = 0; while (true) { n++; } }").FindProxyForUrl(new Uri("http://x/")));
        Assert.StartsWith("PAC: script stopped after", e.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Fact]
    public void EndlessLoopAtLoadTimeStops()
        => Assert.StartsWith("PAC: script stopped after", Assert.Throws<CliException>(() => JsTestHost.Pac("for (;;) {}").FindProxyForUrl(new Uri("http://x/"))).Message);

    [Fact]
    public void RunawayRecursionStops()
    {
        var e = Assert.Throws<CliException>(() => JsTestHost.Pac(Main + " function f(n) { return f(n + 1); } return f(0); }").FindProxyForUrl(new Uri("http://x/")));
        Assert.Equal("PAC: RangeError: Maximum call stack size exceeded", e.Message);
    }

    [Fact]
    public void RunawayStringStops()
        => Assert.Equal("RangeError: Invalid string length", Assert.Throws<JsLimitException>(() => JsTestHost.Body("var s = 'x'; while (true) s += s;")).Message);

    [Fact]
    public void HugeArrayStops()
        => Assert.Equal("RangeError: Invalid array length", Assert.Throws<JsLimitException>(() => JsTestHost.Body("var a = []; a[2e7] = 1;")).Message);

    [Fact]
    public void DeepNestingIsASyntaxErrorNotACrash()
    {
        string source = "var x = " + new string('(', 5000) + "1" + new string(')', 5000) + ";";
        Assert.Contains("Code nested too deeply", Assert.Throws<JsSyntaxException>(() => JsTestHost.Create().Run(source)).Message);
    }
}
