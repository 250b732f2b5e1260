namespace AsperaNative.Pac.Js;

// The syntax tree: plain records, built once by the Parser and walked by the Interpreter.
// Operators stay as their source text: a switch on a constant string is cheap and reads well.

internal abstract record Node(int Line);

internal abstract record Expr(int Line) : Node(Line);

internal sealed record LiteralExpr(int Line, object? Value) : Expr(Line);

internal sealed record RegexExpr(int Line, string Pattern, string Flags) : Expr(Line);

internal sealed record IdentifierExpr(int Line, string Name) : Expr(Line);

internal sealed record ThisExpr(int Line) : Expr(Line);

/// <summary>A null element is a hole, as in <c>[1,,2]</c>.</summary>
internal sealed record ArrayExpr(int Line, IReadOnlyList<Expr?> Elements) : Expr(Line);

internal sealed record PropertyInit(string Key, Expr Value);

internal sealed record ObjectExpr(int Line, IReadOnlyList<PropertyInit> Properties) : Expr(Line);

internal sealed record FunctionExpr(int Line, FunctionNode Function) : Expr(Line);

/// <summary><c>a.b</c> (Key is a constant string literal) or <c>a[b]</c>.</summary>
internal sealed record MemberExpr(int Line, Expr Target, Expr Key, bool Computed) : Expr(Line);

internal sealed record CallExpr(int Line, Expr Callee, IReadOnlyList<Expr> Arguments) : Expr(Line);

internal sealed record NewExpr(int Line, Expr Callee, IReadOnlyList<Expr> Arguments) : Expr(Line);

/// <summary><c>! - + ~ typeof void delete</c>.</summary>
internal sealed record UnaryExpr(int Line, string Operator, Expr Operand) : Expr(Line);

/// <summary><c>++</c> or <c>--</c>, before or after its target.</summary>
internal sealed record UpdateExpr(int Line, string Operator, bool Prefix, Expr Target) : Expr(Line);

internal sealed record BinaryExpr(int Line, string Operator, Expr Left, Expr Right) : Expr(Line);

/// <summary><c>&amp;&amp;</c> and <c>||</c>: they short-circuit.</summary>
internal sealed record LogicalExpr(int Line, string Operator, Expr Left, Expr Right) : Expr(Line);

internal sealed record ConditionalExpr(int Line, Expr Test, Expr Then, Expr Else) : Expr(Line);

/// <summary><c>=</c> or a compound assignment such as <c>+=</c>; Target is an identifier or a member.</summary>
internal sealed record AssignExpr(int Line, string Operator, Expr Target, Expr Value) : Expr(Line);

internal sealed record SequenceExpr(int Line, IReadOnlyList<Expr> Expressions) : Expr(Line);

/// <summary>
/// A function's code. <see cref="VarNames"/> and <see cref="Functions"/> are its hoisted
/// declarations, collected by the parser so each call binds them before running the body.
/// </summary>
internal sealed record FunctionNode(
    int Line, string? Name, IReadOnlyList<string> Parameters, IReadOnlyList<Stmt> Body,
    IReadOnlyList<string> VarNames, IReadOnlyList<FunctionDeclaration> Functions, bool IsArrow = false);

internal abstract record Stmt(int Line) : Node(Line);

internal sealed record VariableDeclarator(string Name, Expr? Init);

/// <summary><c>var</c>, <c>let</c> or <c>const</c>.</summary>
internal sealed record VarStmt(int Line, string Kind, IReadOnlyList<VariableDeclarator> Declarations) : Stmt(Line);

internal sealed record FunctionDeclaration(int Line, FunctionNode Function) : Stmt(Line);

internal sealed record ExprStmt(int Line, Expr Expression) : Stmt(Line);

internal sealed record BlockStmt(int Line, IReadOnlyList<Stmt> Body) : Stmt(Line);

internal sealed record EmptyStmt(int Line) : Stmt(Line);

internal sealed record IfStmt(int Line, Expr Test, Stmt Then, Stmt? Else) : Stmt(Line);

internal sealed record ForStmt(int Line, Stmt? Init, Expr? Test, Expr? Update, Stmt Body) : Stmt(Line);

/// <summary><c>for (x in o)</c> (keys) or <c>for (x of a)</c> (values); Declaration is set for <c>for (var x …)</c>.</summary>
internal sealed record ForInStmt(int Line, VarStmt? Declaration, Expr? Target, Expr Collection, Stmt Body, bool Of) : Stmt(Line);

internal sealed record WhileStmt(int Line, Expr Test, Stmt Body) : Stmt(Line);

internal sealed record DoWhileStmt(int Line, Stmt Body, Expr Test) : Stmt(Line);

internal sealed record ReturnStmt(int Line, Expr? Value) : Stmt(Line);

internal sealed record BreakStmt(int Line, string? Label) : Stmt(Line);

internal sealed record ContinueStmt(int Line, string? Label) : Stmt(Line);

internal sealed record LabeledStmt(int Line, string Label, Stmt Body) : Stmt(Line);

/// <summary>Test is null for <c>default:</c>.</summary>
internal sealed record SwitchCase(Expr? Test, IReadOnlyList<Stmt> Body);

internal sealed record SwitchStmt(int Line, Expr Discriminant, IReadOnlyList<SwitchCase> Cases) : Stmt(Line);

internal sealed record ThrowStmt(int Line, Expr Value) : Stmt(Line);

internal sealed record TryStmt(int Line, BlockStmt Block, string? CatchParameter, BlockStmt? Handler, BlockStmt? Finalizer) : Stmt(Line);

/// <summary>A whole script: its top-level statements and hoisted declarations.</summary>
internal sealed record Program(FunctionNode Code);
