namespace AsperaNative.Pac.Js;

/// <summary>Expressions, by precedence climbing over the binary operators.</summary>
internal sealed partial class Parser
{
    private static readonly Dictionary<string, int> BinaryPrecedence = new(StringComparer.Ordinal)
    {
        ["||"] = 1, ["&&"] = 2, ["|"] = 3, ["^"] = 4, ["&"] = 5,
        ["=="] = 6, ["!="] = 6, ["==="] = 6, ["!=="] = 6,
        ["<"] = 7, [">"] = 7, ["<="] = 7, [">="] = 7, ["instanceof"] = 7, ["in"] = 7,
        ["<<"] = 8, [">>"] = 8, [">>>"] = 8,
        ["+"] = 9, ["-"] = 9, ["*"] = 10, ["/"] = 10, ["%"] = 10, ["**"] = 11,
    };

    private static readonly HashSet<string> AssignmentOperators =
        ["=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=", "&=", "|=", "^="];

    private Expr ParseExpression(bool allowIn = true)
    {
        int line = _token.Line;
        var first = ParseAssignment(allowIn);
        if (!_token.Is(",")) return first;
        var list = new List<Expr> { first };
        while (Accept(",")) list.Add(ParseAssignment(allowIn));
        return new SequenceExpr(line, list);
    }

    private Expr ParseAssignment(bool allowIn)
    {
        Enter();
        try
        {
            int line = _token.Line;
            var target = ParseConditional(allowIn);
            if (_token.Is("=>")) return ArrowFrom(target);
            if (_token.Kind != TokenKind.Punctuator || !AssignmentOperators.Contains(_token.Text)) return target;
            if (target is not (IdentifierExpr or MemberExpr)) throw _lexer.Error("Invalid left-hand side in assignment", _token.Start);
            string op = Advance().Text;
            return new AssignExpr(line, op, target, ParseAssignment(allowIn));
        }
        finally { _nesting--; }
    }

    /// <summary>Turns the already parsed <c>x</c>, <c>(a, b)</c> or <c>()</c> before <c>=&gt;</c> into parameters.</summary>
    private FunctionExpr ArrowFrom(Expr head)
    {
        var parameters = head switch
        {
            IdentifierExpr id => [id.Name],
            SequenceExpr { Expressions: var items } when items.All(static e => e is IdentifierExpr) => items.Select(static e => ((IdentifierExpr)e).Name).ToList(),
            EmptyParameters => [],
            _ => throw _lexer.Error("Malformed arrow function parameter list", _token.Start),
        };
        if (_token.NewLineBefore) throw Unexpected();
        Advance();
        return new FunctionExpr(head.Line, ParseFunctionBody(head.Line, null, parameters, arrow: true));
    }

    /// <summary>The <c>()</c> of <c>() =&gt; …</c>: valid only right before an arrow.</summary>
    private sealed record EmptyParameters(int Line) : Expr(Line);

    private Expr ParseConditional(bool allowIn)
    {
        int line = _token.Line;
        var test = ParseBinary(1, allowIn);
        if (!Accept("?")) return test;
        var then = ParseAssignment(allowIn: true);
        Expect(":");
        return new ConditionalExpr(line, test, then, ParseAssignment(allowIn));
    }

    private Expr ParseBinary(int minPrecedence, bool allowIn)
    {
        var left = ParseUnary();
        while (_token.Kind is TokenKind.Punctuator or TokenKind.Keyword
            && BinaryPrecedence.TryGetValue(_token.Text, out int precedence) && precedence >= minPrecedence
            && (allowIn || _token.Text != "in"))
        {
            var op = Advance();
            // ** is right-associative, the others left-associative
            var right = ParseBinary(op.Text == "**" ? precedence : precedence + 1, allowIn);
            left = op.Text is "&&" or "||" ? new LogicalExpr(op.Line, op.Text, left, right) : new BinaryExpr(op.Line, op.Text, left, right);
        }
        return left;
    }

    private Expr ParseUnary()
    {
        int line = _token.Line;
        if (_token.Kind is TokenKind.Punctuator or TokenKind.Keyword)
        {
            switch (_token.Text)
            {
                case "!" or "-" or "+" or "~" or "typeof" or "void" or "delete":
                    string op = Advance().Text;
                    Enter();
                    try { return new UnaryExpr(line, op, ParseUnary()); }
                    finally { _nesting--; }
                case "++" or "--":
                    string update = Advance().Text;
                    var target = ParseUnary();
                    if (target is not (IdentifierExpr or MemberExpr)) throw _lexer.Error("Invalid left-hand side expression in prefix operation", _previous.Start);
                    return new UpdateExpr(line, update, true, target);
            }
        }
        var expression = ParseCallOrMember(ParsePrimaryOrNew());
        // restricted production: a line break before ++ ends the statement
        if ((_token.Is("++") || _token.Is("--")) && !_token.NewLineBefore)
        {
            if (expression is not (IdentifierExpr or MemberExpr)) throw _lexer.Error("Invalid left-hand side expression in postfix operation", _token.Start);
            return new UpdateExpr(line, Advance().Text, false, expression);
        }
        return expression;
    }

    private Expr ParsePrimaryOrNew()
    {
        if (!_token.Is("new")) return ParsePrimary();
        int line = Advance().Line;
        // the callee of new is a member expression: new a.b.C(…) but not new f()(…)
        var callee = ParseCallOrMember(ParsePrimaryOrNew(), allowCalls: false);
        return new NewExpr(line, callee, _token.Is("(") ? ParseArguments() : []);
    }

    private Expr ParseCallOrMember(Expr expression, bool allowCalls = true)
    {
        while (true)
        {
            int line = _token.Line;
            if (Accept("."))
            {
                // any name, keywords included: a.default, x.in
                if (_token.Kind is not (TokenKind.Identifier or TokenKind.Keyword)) throw Unexpected("expected a property name");
                expression = new MemberExpr(line, expression, new LiteralExpr(line, Advance().Text), false);
            }
            else if (Accept("["))
            {
                var key = ParseExpression();
                Expect("]");
                expression = new MemberExpr(line, expression, key, true);
            }
            else if (allowCalls && _token.Is("(")) expression = new CallExpr(line, expression, ParseArguments());
            else return expression;
        }
    }

    private List<Expr> ParseArguments()
    {
        Expect("(");
        var arguments = new List<Expr>();
        while (!Accept(")"))
        {
            if (arguments.Count > 0) Expect(",");
            if (_token.Is(")")) { Advance(); break; } // trailing comma
            arguments.Add(ParseAssignment(allowIn: true));
        }
        return arguments;
    }

    private Expr ParsePrimary()
    {
        int line = _token.Line;
        switch (_token.Kind)
        {
            case TokenKind.Number: return new LiteralExpr(line, Advance().Number);
            case TokenKind.String: return new LiteralExpr(line, Advance().Text);
            case TokenKind.Identifier: return new IdentifierExpr(line, Advance().Text);
            case TokenKind.Keyword:
                switch (Advance().Text)
                {
                    case "true": return new LiteralExpr(line, true);
                    case "false": return new LiteralExpr(line, false);
                    case "null": return new LiteralExpr(line, null);
                    case "this": return new ThisExpr(line);
                    case "function":
                        string? name = _token.Kind == TokenKind.Identifier ? Advance().Text : null;
                        return new FunctionExpr(line, ParseFunctionRest(name, arrow: false));
                }
                throw _lexer.Error($"Unexpected token '{_previous.Text}'", _previous.Start);
            case TokenKind.Punctuator:
                switch (_token.Text)
                {
                    case "(":
                        Advance();
                        if (Accept(")"))
                            return _token.Is("=>") ? new EmptyParameters(line) : throw Unexpected("expected '=>'");
                        var inner = ParseExpression();
                        Expect(")");
                        return inner;
                    case "[": return ParseArrayLiteral();
                    case "{": return ParseObjectLiteral();
                    case "/" or "/=":
                        if (_peeked is not null) throw Unexpected();
                        var regex = _lexer.RescanRegex(_token);
                        _token = _lexer.Next();
                        _previous = regex;
                        return new RegexExpr(line, regex.Text, regex.Flags);
                }
                break;
        }
        throw Unexpected();
    }

    private ArrayExpr ParseArrayLiteral()
    {
        int line = Expect("[").Line;
        var elements = new List<Expr?>();
        while (!Accept("]"))
        {
            if (Accept(",")) { elements.Add(null); continue; } // a hole
            elements.Add(ParseAssignment(allowIn: true));
            if (!_token.Is("]")) Expect(",");
        }
        return new ArrayExpr(line, elements);
    }

    private ObjectExpr ParseObjectLiteral()
    {
        int line = Expect("{").Line;
        var properties = new List<PropertyInit>();
        while (!Accept("}"))
        {
            var keyToken = _token;
            string key = keyToken.Kind switch
            {
                TokenKind.Identifier or TokenKind.Keyword or TokenKind.String => Advance().Text,
                TokenKind.Number => JsConvert.ToString(Advance().Number),
                _ => throw Unexpected("expected a property name"),
            };
            if (Accept(":")) properties.Add(new PropertyInit(key, ParseAssignment(allowIn: true)));
            else if (_token.Is("(")) properties.Add(new PropertyInit(key, new FunctionExpr(keyToken.Line, ParseFunctionRest(key, arrow: false))));
            else if (keyToken.Kind == TokenKind.Identifier) properties.Add(new PropertyInit(key, new IdentifierExpr(keyToken.Line, key)));
            else throw Unexpected("expected ':'");
            if (!_token.Is("}")) Expect(",");
        }
        return new ObjectExpr(line, properties);
    }
}
