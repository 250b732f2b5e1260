using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text.RegularExpressions;

namespace AsperaNative.Pac.Js;

/// <summary>
/// Walks the syntax tree. Statements are here, expressions in Interpreter.Expressions.cs.
/// Every statement and loop turn costs one step of a budget reset at each entry point, and calls
/// are bounded in depth, so that no script can hang or crash the command line.
/// Not thread-safe: one script run at a time.
/// </summary>
internal sealed partial class Interpreter
{
    /// <summary>Far above what any proxy choice needs, yet reached within a second or so.</summary>
    public const long DefaultStepLimit = 10_000_000;

    public const int MaxCallDepth = 256;

    private enum Completion { Normal, Return, Break, Continue }

    private readonly Dictionary<(string Pattern, string Flags), Regex> _regexCache = [];
    private long _steps;
    private int _depth;
    private object? _returnValue;
    private string? _jumpLabel;

    public Interpreter(TimeProvider? time = null)
    {
        Time = time ?? TimeProvider.System;
        Global.Declare(Scope.ThisName, Undefined.Value);
        Builtins.Install(this);
    }

    public Scope Global { get; } = new(null);

    /// <summary>The clock of <c>new Date()</c> and of the PAC time functions.</summary>
    public TimeProvider Time { get; }

    public long StepLimit { get; init; } = DefaultStepLimit;

    public void Define(string name, NativeFunction function) => Global.Declare(name, new JsNative(name, function));

    /// <summary>Parses and runs a whole script in the global scope.</summary>
    public void Run(string source)
    {
        var program = Parser.Parse(source);
        _steps = 0;
        RunBody(program.Code, Global);
    }

    /// <summary>Calls a global function by name, e.g. <c>FindProxyForURL</c>.</summary>
    public object? CallGlobal(string name, params object?[] arguments)
    {
        _steps = 0;
        var function = Global.Find(name)?.Value ?? throw ReferenceError($"{name} is not defined");
        return function is JsFunction ? Call(function, Undefined.Value, arguments) : throw TypeError($"{name} is not a function");
    }

    public object? Call(object? function, object? self, object?[] arguments)
    {
        if (function is not JsFunction f) throw TypeError($"{JsConvert.TypeOf(function)} is not a function");
        EnterCall();
        try { return f is JsNative ? Native(() => f.Call(this, self, arguments)) : f.Call(this, self, arguments); }
        finally { _depth--; }
    }

    public object? Construct(JsFunction function, object?[] arguments)
    {
        EnterCall();
        try { return function is JsNative ? Native(() => function.Construct(this, arguments)) : function.Construct(this, arguments); }
        finally { _depth--; }
    }

    private void EnterCall()
    {
        if (_depth >= MaxCallDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new JsLimitException("RangeError: Maximum call stack size exceeded");
        _depth++;
    }

    /// <summary>A failure inside a built-in becomes a script error, not a crash of the command line.</summary>
    private object? Native(Func<object?> call)
    {
        try { return call(); }
        catch (RegexMatchTimeoutException) { throw new JsLimitException("regular expression took too long"); }
        catch (Exception e) when (e is not (JsException or OutOfMemoryException)) { throw Error("Error", e.Message); }
    }

    /// <summary>Runs a script function: binds this, arguments, parameters and hoisted declarations.</summary>
    internal object? Invoke(JsClosure closure, object? self, object?[] arguments)
    {
        var code = closure.Code;
        var scope = new Scope(closure.Scope);
        if (!code.IsArrow)
        {
            scope.Declare(Scope.ThisName, self);
            scope.Declare("arguments", new JsArray([.. arguments]));
        }
        for (int i = 0; i < code.Parameters.Count; i++) scope.Declare(code.Parameters[i], i < arguments.Length ? arguments[i] : Undefined.Value);
        return RunBody(code, scope);
    }

    private object? RunBody(FunctionNode code, Scope scope)
    {
        foreach (var name in code.VarNames) scope.DeclareVar(name, Undefined.Value);
        foreach (var function in code.Functions) scope.Declare(function.Function.Name!, new JsClosure(function.Function, scope));
        if (ExecuteList(code.Body, scope) != Completion.Return) return Undefined.Value;
        var value = _returnValue;
        _returnValue = null;
        return value;
    }

    private void Step()
    {
        if (++_steps > StepLimit) throw new JsLimitException($"script stopped after {StepLimit} steps: endless loop?");
    }

    private Completion ExecuteList(IReadOnlyList<Stmt> statements, Scope scope)
    {
        foreach (var statement in statements)
        {
            var completion = Execute(statement, scope);
            if (completion != Completion.Normal) return completion;
        }
        return Completion.Normal;
    }

    private Completion Execute(Stmt statement, Scope scope, string? label = null)
    {
        Step();
        switch (statement)
        {
            case ExprStmt e: Evaluate(e.Expression, scope); return Completion.Normal;
            case VarStmt v: Declare(v, scope); return Completion.Normal;
            case ReturnStmt r:
                _returnValue = r.Value is null ? Undefined.Value : Evaluate(r.Value, scope);
                return Completion.Return;
            case IfStmt i:
                if (JsConvert.ToBoolean(Evaluate(i.Test, scope))) return Execute(i.Then, scope);
                return i.Else is null ? Completion.Normal : Execute(i.Else, scope);
            case BlockStmt b: return ExecuteList(b.Body, HasLexicalDeclarations(b.Body) ? new Scope(scope) : scope);
            case ForStmt f: return ExecuteFor(f, scope, label);
            case ForInStmt f: return ExecuteForIn(f, scope, label);
            case WhileStmt w:
                while (JsConvert.ToBoolean(Evaluate(w.Test, scope)))
                    if (LoopEnds(Execute(w.Body, scope), label, out var whileEnd)) return whileEnd;
                return Completion.Normal;
            case DoWhileStmt d:
                do if (LoopEnds(Execute(d.Body, scope), label, out var doEnd)) return doEnd;
                while (JsConvert.ToBoolean(Evaluate(d.Test, scope)));
                return Completion.Normal;
            case BreakStmt b: _jumpLabel = b.Label; return Completion.Break;
            case ContinueStmt c: _jumpLabel = c.Label; return Completion.Continue;
            case LabeledStmt l:
                var completion = Execute(l.Body, scope, l.Label);
                if (completion == Completion.Break && _jumpLabel == l.Label) { _jumpLabel = null; return Completion.Normal; }
                return completion;
            case SwitchStmt s: return ExecuteSwitch(s, scope, label);
            case ThrowStmt t: throw new JsThrow(Evaluate(t.Value, scope));
            case TryStmt t: return ExecuteTry(t, scope);
            case FunctionDeclaration f:
                // hoisted already; re-bound here so that one inside a block sees the block's let/const
                if (scope.Find(f.Function.Name!) is { } binding) binding.Value = new JsClosure(f.Function, scope);
                return Completion.Normal;
            default: return Completion.Normal;
        }
    }

    private static bool HasLexicalDeclarations(IReadOnlyList<Stmt> body)
    {
        foreach (var statement in body)
            if (statement is VarStmt { Kind: not "var" }) return true;
        return false;
    }

    private void Declare(VarStmt statement, Scope scope)
    {
        foreach (var (name, init) in statement.Declarations)
        {
            if (statement.Kind == "var")
            {
                // hoisted to the function's scope: only the initializer runs here
                if (init is not null) scope.Find(name)!.Value = Evaluate(init, scope);
            }
            else scope.Declare(name, init is null ? Undefined.Value : Evaluate(init, scope), statement.Kind == "const");
        }
    }

    /// <summary>Whether a loop stops after this turn of its body, and with which completion.</summary>
    private bool LoopEnds(Completion completion, string? label, out Completion result)
    {
        Step();
        result = completion;
        bool mine = _jumpLabel is null || _jumpLabel == label;
        switch (completion)
        {
            case Completion.Break when mine: _jumpLabel = null; result = Completion.Normal; return true;
            case Completion.Continue when mine: _jumpLabel = null; return false;
            case Completion.Normal: return false;
            default: return true;
        }
    }

    private Completion ExecuteFor(ForStmt loop, Scope scope, string? label)
    {
        var lexical = loop.Init is VarStmt { Kind: "let" } declaration ? declaration : null;
        var loopScope = loop.Init is VarStmt { Kind: not "var" } ? new Scope(scope) : scope;
        if (loop.Init is not null) Execute(loop.Init, loopScope);
        loopScope = NextTurn(loopScope, lexical, scope);
        while (loop.Test is null || JsConvert.ToBoolean(Evaluate(loop.Test, loopScope)))
        {
            if (LoopEnds(Execute(loop.Body, loopScope), label, out var result)) return result;
            loopScope = NextTurn(loopScope, lexical, scope);
            if (loop.Update is not null) Evaluate(loop.Update, loopScope);
        }
        return Completion.Normal;
    }

    /// <summary><c>for (let i …)</c> gives each turn its own copy of i, so closures made in the body keep their turn's value.</summary>
    private static Scope NextTurn(Scope current, VarStmt? lexical, Scope outer)
    {
        if (lexical is null) return current;
        var next = new Scope(outer);
        foreach (var declarator in lexical.Declarations) next.Declare(declarator.Name, current.Find(declarator.Name)!.Value);
        return next;
    }

    private Completion ExecuteForIn(ForInStmt loop, Scope scope, string? label)
    {
        var collection = Evaluate(loop.Collection, scope);
        List<object?> values = (loop.Of, collection) switch
        {
            (false, null or Undefined) => [],
            (false, JsObject o) => [.. o.Keys()],
            (false, string s) => [.. Enumerable.Range(0, s.Length).Select(static i => (object?)JsConvert.ToString((double)i))],
            (false, _) => [],
            (true, JsArray a) => [.. a.Items],
            (true, string s) => [.. s.Select(static c => (object?)c.ToString())],
            _ => throw TypeError($"{Describe(loop.Collection)} is not iterable"),
        };
        foreach (var value in values)
        {
            var turnScope = scope;
            if (loop.Declaration is { Kind: "var" } declaration) scope.Find(declaration.Declarations[0].Name)!.Value = value;
            else if (loop.Declaration is { } lexical)
            {
                turnScope = new Scope(scope); // a fresh binding per turn, as closures expect
                turnScope.Declare(lexical.Declarations[0].Name, value, lexical.Kind == "const");
            }
            else AssignTo(loop.Target!, value, scope);
            if (LoopEnds(Execute(loop.Body, turnScope), label, out var result)) return result;
        }
        return Completion.Normal;
    }

    private Completion ExecuteSwitch(SwitchStmt statement, Scope scope, string? label)
    {
        var value = Evaluate(statement.Discriminant, scope);
        var inner = new Scope(scope);
        int start = -1;
        for (int i = 0; i < statement.Cases.Count && start < 0; i++)
            if (statement.Cases[i].Test is { } test && JsConvert.StrictEquals(value, Evaluate(test, inner))) start = i;
        if (start < 0)
        {
            for (int i = 0; i < statement.Cases.Count && start < 0; i++)
                if (statement.Cases[i].Test is null) start = i;
            if (start < 0) return Completion.Normal;
        }
        for (int i = start; i < statement.Cases.Count; i++)
        {
            var completion = ExecuteList(statement.Cases[i].Body, inner);
            if (completion == Completion.Break && (_jumpLabel is null || _jumpLabel == label)) { _jumpLabel = null; return Completion.Normal; }
            if (completion != Completion.Normal) return completion;
        }
        return Completion.Normal;
    }

    private Completion ExecuteTry(TryStmt statement, Scope scope)
    {
        Completion completion;
        ExceptionDispatchInfo? pending = null;
        try { completion = Execute(statement.Block, scope); }
        catch (JsThrow thrown) when (statement.Handler is not null)
        {
            var catchScope = new Scope(scope);
            if (statement.CatchParameter is { } name) catchScope.Declare(name, thrown.Value);
            try { completion = Execute(statement.Handler, catchScope); }
            catch (JsThrow again) when (statement.Finalizer is not null) { pending = ExceptionDispatchInfo.Capture(again); completion = Completion.Normal; }
        }
        catch (JsThrow thrown) when (statement.Finalizer is not null) { pending = ExceptionDispatchInfo.Capture(thrown); completion = Completion.Normal; }
        if (statement.Finalizer is not null)
        {
            var (savedValue, savedLabel) = (_returnValue, _jumpLabel);
            var final = Execute(statement.Finalizer, scope);
            if (final != Completion.Normal) return final; // a jump out of finally wins, as in JavaScript
            (_returnValue, _jumpLabel) = (savedValue, savedLabel);
        }
        pending?.Throw();
        return completion;
    }

    public JsThrow Error(string name, string message) => JsThrow.Create(name, message);

    public JsThrow TypeError(string message) => Error("TypeError", message);

    public JsThrow ReferenceError(string message) => Error("ReferenceError", message);

    /// <summary>A compiled regex, shared by every evaluation of the same literal or constructor call.</summary>
    public Regex CompileRegex(string pattern, string flags)
    {
        if (!_regexCache.TryGetValue((pattern, flags), out var regex))
            _regexCache[(pattern, flags)] = regex = RegexTranslator.Compile(this, pattern, flags);
        return regex;
    }
}
