namespace AsperaNative.Pac.Tests;

public class JsStatementTests
{
    public static TheoryData<string, string> Programs => new()
    {
        { "x = 5; var x; return x;", "5" },
        { "return f(); function f() { return 'hoisted'; }", "hoisted" },
        { "var n = 7; if (n > 10) return 'big'; else if (n > 5) return 'medium'; else return 'small';", "medium" },
        { "var s = 0; for (var i = 0; i < 10; i++) s += i; return s;", "45" },
        { "var s = 0; for (let i = 0, j = 10; i < j; i++, j--) s++; return s;", "5" },
        { "var k = []; for (var p in {a: 1, b: 2}) k.push(p); return k.join();", "a,b" },
        { "var k = []; for (var i in ['x', 'y', 'z']) k.push(i); return k.join();", "0,1,2" },
        { "var s = 0; for (const v of [1, 2, 3]) s += v; return s;", "6" },
        { "var o = {}, k; for (k in {q: 1}) o.last = k; return o.last;", "q" },
        { "var i = 0; while (true) { i++; if (i < 3) continue; break; } return i;", "3" },
        { "var i = 0; do { i += 2; } while (i < 7); return i;", "8" },
        { "var i = 10; do i++; while (false) return i;", "11" },
        { "var r = ''; switch (2) { case 1: r += 'one'; case 2: r += 'two'; case 3: r += 'three'; break; default: r += 'other'; } return r;", "twothree" },
        { "switch ('zz') { case 'a': return 'a'; default: return 'default'; case 'b': return 'b'; }", "default" },
        { "switch ('1') { case 1: return 'loose'; case '1': return 'strict'; }", "strict" },
        { "var n = 0; outer: for (var i = 0; i < 5; i++) { for (var j = 0; j < 5; j++) { if (j == 2) continue outer; if (i == 3) break outer; n++; } } return n;", "6" },
        { "function counter() { var c = 0; return function () { return ++c; }; } var f = counter(); f(); f(); return f();", "3" },
        { "let x = 1; { let x = 2; } return x;", "1" },
        { "var fs = []; for (let v of [1, 2]) fs.push(function () { return v; }); return fs[0]() + fs[1]();", "3" },
        { "var fs = []; for (let i = 0; i < 3; i++) fs.push(function () { return i; }); return fs.map(function (f) { return f(); }).join();", "0,1,2" },
        { "var fs = []; for (var i = 0; i < 3; i++) fs.push(function () { return i; }); return fs.map(function (f) { return f(); }).join();", "3,3,3" },
        { "try { undefinedFn(); } catch (e) { return e.name + ':' + e.message; }", "ReferenceError:undefinedFn is not defined" },
        { "var log = ''; try { log += 'a'; throw 'x'; } catch (e) { log += e; } finally { log += 'f'; } return log;", "axf" },
        { "function f() { try { return 'try'; } finally { log = 'finally ran'; } } var log; var r = f(); return r + ', ' + log;", "try, finally ran" },
        { "try { null.x; } catch (e) { return e instanceof TypeError; }", "true" },
        { "try { throw new Error('mine'); } catch (e) { return String(e); }", "Error: mine" },
        { "var a = 1\nvar b = 2\nreturn a + b", "3" },
        { "var a = 1 // one\r\nvar b = 2 // two\rreturn a + b", "3" },
        { "return\n42", "undefined" },
        { "var a = 1, b = 1\na\n++b\nreturn a + ',' + b", "1,2" },
        { "var s = 'a'; s += 'b'; s += 1; var n = 10; n -= 3; n *= 2; n /= 7; n %= 3; n <<= 2; n |= 1; return s + n;", "ab19" },
        { "var i = 5; var a = i++; var b = ++i; var c = i--; return [a, b, c, i].join();", "5,7,7,6" },
        { "var o = {n: 1}; o.n++; o['n'] += 2; --o.n; return o.n;", "3" },
        { "var a = []; a[2] = 'x'; return a.length + a.join('-');", "3--x" },
        { "var a = [1, 2, 3]; a.length = 1; return a.join();", "1" },
        { "var o = { v: 3, get: function () { return this.v; } }; return o.get();", "3" },
        { "var o = { v: 4, get() { return this.v * 2; } }; return o.get();", "8" },
        { "function P(x) { this.x = x; } P.prototype.twice = function () { return this.x * 2; }; var p = new P(21); return p.twice() + ' ' + (p instanceof P);", "42 true" },
        { "// line comment\n/* block\ncomment */ return 1; // trailing", "1" },
        { "const c = 'k'; var o = {}; o[c] = 1; delete o.k; return 'k' in o;", "false" },
        { "var f = function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }; return f(5);", "120" },
        { "if (true) return /a/.test('a');", "true" },
        { "var t = typeof undeclared === 'undefined'; undeclaredGlobal = 3; return t + ' ' + undeclaredGlobal;", "true 3" },
        { "function outer() { return inner(); function inner() { return 'nested'; } } return outer();", "nested" },
        { ";;; { } return 'empty statements';", "empty statements" },
        { "var x = 1;\nvar y = x\n++x\nreturn x + ',' + y", "2,1" },
    };

    [Theory]
    [MemberData(nameof(Programs))]
    public void Runs(string body, string expected) => Assert.Equal(expected, JsTestHost.Body(body));

    [Fact]
    public void ConstCannotBeReassigned()
    {
        var e = Assert.Throws<AsperaNative.Pac.Js.JsThrow>(() => JsTestHost.Body("const c = 1; c = 2;"));
        Assert.Equal("TypeError: Assignment to constant variable.", e.Message);
    }

    [Fact]
    public void GlobalsPersistBetweenCalls()
    {
        var js = JsTestHost.Create();
        js.Run("var calls = 0; function next() { return ++calls; }");
        js.CallGlobal("next");
        Assert.Equal(2.0, js.CallGlobal("next"));
    }
}
