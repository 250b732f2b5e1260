using System.Runtime.CompilerServices;

namespace AsperaNative.Pac.Js;

/// <summary>
/// Recursive-descent parser of the ES5 subset that PAC files use (plus <c>let</c>/<c>const</c>,
/// arrows and <c>for…of</c>). Statements are here, expressions in Parser.Expressions.cs.
/// Automatic semicolon insertion follows the spec's three rules: before <c>}</c>, at the end,
/// and after a line break (with the restricted <c>return</c>/<c>break</c>/<c>continue</c>/postfix forms).
/// </summary>
internal sealed partial class Parser
{
    private const int MaxNesting = 300; // deeper source is surely hostile: keep the C# stack safe

    private readonly Lexer _lexer;
    private Token _token;
    private Token? _peeked;
    private Token _previous;
    private int _nesting;

    // declarations hoisted to the function being parsed
    private List<string> _varNames = [];
    private List<FunctionDeclaration> _functions = [];

    private Parser(string source)
    {
        _lexer = new Lexer(source);
        _token = _lexer.Next();
    }

    public static Program Parse(string source)
    {
        var parser = new Parser(source);
        var body = new List<Stmt>();
        while (parser._token.Kind != TokenKind.Eof) body.Add(parser.ParseStatement());
        return new Program(new FunctionNode(1, null, [], body, parser._varNames, parser._functions));
    }

    private Token Advance()
    {
        _previous = _token;
        if (_peeked is { } next) { _token = next; _peeked = null; }
        else _token = _lexer.Next();
        return _previous;
    }

    private Token Peek() => _peeked ??= _lexer.Next();

    private bool Accept(string punctuatorOrKeyword)
    {
        if (!_token.Is(punctuatorOrKeyword)) return false;
        Advance();
        return true;
    }

    private Token Expect(string punctuatorOrKeyword)
        => _token.Is(punctuatorOrKeyword) ? Advance() : throw Unexpected($"expected '{punctuatorOrKeyword}'");

    private string ExpectIdentifier()
        => _token.Kind == TokenKind.Identifier ? Advance().Text : throw Unexpected("expected an identifier");

    private JsSyntaxException Unexpected(string? hint = null)
        => _lexer.Error($"Unexpected {_token.Describe()}" + (hint is null ? "" : $", {hint}"), _token.Start);

    /// <summary>A statement's end: an explicit <c>;</c> or one inserted by ASI.</summary>
    private void ConsumeSemicolon()
    {
        if (Accept(";")) return;
        if (_token.Is("}") || _token.Kind == TokenKind.Eof || _token.NewLineBefore) return;
        throw Unexpected();
    }

    private void Enter()
    {
        if (++_nesting > MaxNesting || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw _lexer.Error("Code nested too deeply", _token.Start);
    }

    private Stmt ParseStatement()
    {
        Enter();
        try { return ParseStatementCore(); }
        finally { _nesting--; }
    }

    private Stmt ParseStatementCore()
    {
        int line = _token.Line;
        if (_token.Kind == TokenKind.Keyword)
        {
            switch (_token.Text)
            {
                case "var" or "let" or "const":
                    var declaration = ParseVarDeclaration(allowIn: true);
                    ConsumeSemicolon();
                    return declaration;
                case "function":
                    Advance();
                    var function = new FunctionDeclaration(line, ParseFunctionRest(ExpectIdentifier(), arrow: false));
                    _functions.Add(function);
                    return function;
                case "if":
                    Advance();
                    var test = ParseParenthesized();
                    var then = ParseStatement();
                    return new IfStmt(line, test, then, Accept("else") ? ParseStatement() : null);
                case "for": return ParseFor();
                case "while":
                    Advance();
                    return new WhileStmt(line, ParseParenthesized(), ParseStatement());
                case "do":
                    Advance();
                    var body = ParseStatement();
                    Expect("while");
                    var condition = ParseParenthesized();
                    Accept(";"); // a do-while ends itself, even without a line break
                    return new DoWhileStmt(line, body, condition);
                case "return":
                    Advance();
                    Expr? value = EndsStatement() ? null : ParseExpression();
                    ConsumeSemicolon();
                    return new ReturnStmt(line, value);
                case "break" or "continue":
                    bool isBreak = Advance().Text == "break";
                    string? label = _token.Kind == TokenKind.Identifier && !_token.NewLineBefore ? Advance().Text : null;
                    ConsumeSemicolon();
                    return isBreak ? new BreakStmt(line, label) : new ContinueStmt(line, label);
                case "switch": return ParseSwitch();
                case "throw":
                    Advance();
                    if (_token.NewLineBefore) throw Unexpected("no line break is allowed after 'throw'");
                    var thrown = ParseExpression();
                    ConsumeSemicolon();
                    return new ThrowStmt(line, thrown);
                case "try": return ParseTry();
            }
        }
        if (_token.Is("{")) return ParseBlock();
        if (Accept(";")) return new EmptyStmt(line);
        if (_token.Kind == TokenKind.Identifier && Peek().Is(":"))
        {
            string label = Advance().Text;
            Advance();
            return new LabeledStmt(line, label, ParseStatement());
        }
        var expression = ParseExpression();
        ConsumeSemicolon();
        return new ExprStmt(line, expression);
    }

    private bool EndsStatement() => _token.Is(";") || _token.Is("}") || _token.Kind == TokenKind.Eof || _token.NewLineBefore;

    private Expr ParseParenthesized()
    {
        Expect("(");
        var expression = ParseExpression();
        Expect(")");
        return expression;
    }

    private BlockStmt ParseBlock()
    {
        int line = Expect("{").Line;
        var body = new List<Stmt>();
        while (!_token.Is("}"))
        {
            if (_token.Kind == TokenKind.Eof) throw Unexpected("expected '}'");
            body.Add(ParseStatement());
        }
        Advance();
        return new BlockStmt(line, body);
    }

    private VarStmt ParseVarDeclaration(bool allowIn)
    {
        var keyword = Advance();
        var declarations = new List<VariableDeclarator>();
        do
        {
            string name = ExpectIdentifier();
            if (keyword.Text == "var") _varNames.Add(name);
            declarations.Add(new VariableDeclarator(name, Accept("=") ? ParseAssignment(allowIn) : null));
        }
        while (Accept(","));
        return new VarStmt(keyword.Line, keyword.Text, declarations);
    }

    private Stmt ParseFor()
    {
        int line = Advance().Line;
        Expect("(");
        Stmt? init = null;
        if (_token.Is("var") || _token.Is("let") || _token.Is("const"))
        {
            var declaration = ParseVarDeclaration(allowIn: false);
            if (declaration.Declarations is [{ Init: null }] && IsForInOrOf(out bool of))
                return ParseForInRest(line, declaration, null, of);
            init = declaration;
        }
        else if (!_token.Is(";"))
        {
            var expression = ParseExpression(allowIn: false);
            if (expression is IdentifierExpr or MemberExpr && IsForInOrOf(out bool of))
                return ParseForInRest(line, null, expression, of);
            init = new ExprStmt(line, expression);
        }
        Expect(";");
        var test = _token.Is(";") ? null : ParseExpression();
        Expect(";");
        var update = _token.Is(")") ? null : ParseExpression();
        Expect(")");
        return new ForStmt(line, init, test, update, ParseStatement());
    }

    private bool IsForInOrOf(out bool of)
    {
        of = _token.Kind == TokenKind.Identifier && _token.Text == "of";
        if (!of && !_token.Is("in")) return false;
        Advance();
        return true;
    }

    private ForInStmt ParseForInRest(int line, VarStmt? declaration, Expr? target, bool of)
    {
        var collection = ParseExpression();
        Expect(")");
        return new ForInStmt(line, declaration, target, collection, ParseStatement(), of);
    }

    private SwitchStmt ParseSwitch()
    {
        int line = Advance().Line;
        var discriminant = ParseParenthesized();
        Expect("{");
        var cases = new List<SwitchCase>();
        bool hasDefault = false;
        while (!Accept("}"))
        {
            Expr? test;
            if (_token.Is("default"))
            {
                if (hasDefault) throw Unexpected("more than one default clause");
                Advance();
                hasDefault = true;
                test = null;
            }
            else
            {
                Expect("case");
                test = ParseExpression();
            }
            Expect(":");
            var body = new List<Stmt>();
            while (!_token.Is("case") && !_token.Is("default") && !_token.Is("}"))
            {
                if (_token.Kind == TokenKind.Eof) throw Unexpected("expected '}'");
                body.Add(ParseStatement());
            }
            cases.Add(new SwitchCase(test, body));
        }
        return new SwitchStmt(line, discriminant, cases);
    }

    private TryStmt ParseTry()
    {
        int line = Advance().Line;
        var block = ParseBlock();
        string? parameter = null;
        BlockStmt? handler = null, finalizer = null;
        if (Accept("catch"))
        {
            if (Accept("(")) { parameter = ExpectIdentifier(); Expect(")"); }
            handler = ParseBlock();
        }
        if (Accept("finally")) finalizer = ParseBlock();
        if (handler is null && finalizer is null) throw Unexpected("expected 'catch' or 'finally'");
        return new TryStmt(line, block, parameter, handler, finalizer);
    }

    /// <summary>Parameters and body, after the name; a function's hoisted declarations are its own.</summary>
    private FunctionNode ParseFunctionRest(string? name, bool arrow)
    {
        int line = _token.Line;
        Expect("(");
        var parameters = new List<string>();
        while (!Accept(")"))
        {
            if (parameters.Count > 0) Expect(",");
            parameters.Add(ExpectIdentifier());
        }
        return ParseFunctionBody(line, name, parameters, arrow);
    }

    private FunctionNode ParseFunctionBody(int line, string? name, List<string> parameters, bool arrow)
    {
        var (outerVars, outerFunctions) = (_varNames, _functions);
        (_varNames, _functions) = ([], []);
        try
        {
            IReadOnlyList<Stmt> body;
            if (arrow && !_token.Is("{")) body = [new ReturnStmt(_token.Line, ParseAssignment(allowIn: true))];
            else body = ParseBlock().Body;
            return new FunctionNode(line, name, parameters, body, _varNames, _functions, arrow);
        }
        finally { (_varNames, _functions) = (outerVars, outerFunctions); }
    }
}
