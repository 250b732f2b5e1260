namespace AsperaNative.Pac.Js;

/// <summary>Expressions, property access and assignment.</summary>
internal sealed partial class Interpreter
{
    private object? Evaluate(Expr expression, Scope scope)
    {
        switch (expression)
        {
            case LiteralExpr l: return l.Value;
            case IdentifierExpr id: return (scope.Find(id.Name) ?? throw ReferenceError($"{id.Name} is not defined")).Value;
            case MemberExpr m: return GetProperty(Evaluate(m.Target, scope), KeyOf(m, scope));
            case CallExpr c: return EvaluateCall(c, scope);
            case BinaryExpr b: return JsOperators.Binary(this, b.Operator, Evaluate(b.Left, scope), Evaluate(b.Right, scope));
            case LogicalExpr l:
                var left = Evaluate(l.Left, scope);
                return (l.Operator == "&&") == JsConvert.ToBoolean(left) ? Evaluate(l.Right, scope) : left;
            case ConditionalExpr c: return Evaluate(JsConvert.ToBoolean(Evaluate(c.Test, scope)) ? c.Then : c.Else, scope);
            case AssignExpr a: return Assign(a, scope);
            case UpdateExpr u: return Update(u, scope);
            case UnaryExpr u: return Unary(u, scope);
            case ThisExpr: return scope.Find(Scope.ThisName)!.Value;
            case ArrayExpr a:
                var items = new List<object?>(a.Elements.Count);
                foreach (var element in a.Elements) items.Add(element is null ? Undefined.Value : Evaluate(element, scope));
                return new JsArray(items);
            case ObjectExpr o:
                var result = new JsObject();
                foreach (var (key, value) in o.Properties) result.Set(key, Evaluate(value, scope));
                return result;
            case FunctionExpr { Function: { Name: { } name, IsArrow: false } function }:
                // a named function expression sees its own name, and only it does
                var own = new Scope(scope);
                var closure = new JsClosure(function, own);
                own.Declare(name, closure);
                return closure;
            case FunctionExpr anonymous: return new JsClosure(anonymous.Function, scope);
            case RegexExpr r: return new JsRegExp(CompileRegex(r.Pattern, r.Flags), r.Pattern, r.Flags);
            case NewExpr n:
                var constructor = Evaluate(n.Callee, scope);
                var arguments = EvaluateArguments(n.Arguments, scope);
                return constructor is JsFunction f ? Construct(f, arguments) : throw TypeError($"{Describe(n.Callee)} is not a constructor");
            case SequenceExpr s:
                object? last = Undefined.Value;
                foreach (var item in s.Expressions) last = Evaluate(item, scope);
                return last;
            default: throw Error("SyntaxError", "Unexpected expression");
        }
    }

    private string KeyOf(MemberExpr member, Scope scope)
        => member.Computed ? JsConvert.ToPropertyKey(Evaluate(member.Key, scope)) : (string)((LiteralExpr)member.Key).Value!;

    private object?[] EvaluateArguments(IReadOnlyList<Expr> arguments, Scope scope)
    {
        if (arguments.Count == 0) return [];
        var values = new object?[arguments.Count];
        for (int i = 0; i < values.Length; i++) values[i] = Evaluate(arguments[i], scope);
        return values;
    }

    private object? EvaluateCall(CallExpr call, Scope scope)
    {
        object? self = Undefined.Value, function;
        if (call.Callee is MemberExpr member)
        {
            self = Evaluate(member.Target, scope);
            function = GetProperty(self, KeyOf(member, scope));
        }
        else function = Evaluate(call.Callee, scope);
        var arguments = EvaluateArguments(call.Arguments, scope);
        return function is JsFunction ? Call(function, self, arguments) : throw TypeError($"{Describe(call.Callee)} is not a function");
    }

    /// <summary>Source-like text of an expression for error messages: <c>host.foo</c>.</summary>
    private static string Describe(Expr expression) => expression switch
    {
        IdentifierExpr id => id.Name,
        MemberExpr { Computed: false, Key: LiteralExpr { Value: string key } } m => $"{Describe(m.Target)}.{key}",
        MemberExpr m => $"{Describe(m.Target)}[…]",
        ThisExpr => "this",
        CallExpr c => $"{Describe(c.Callee)}(…)",
        LiteralExpr { Value: string s } => $"\"{s}\"",
        LiteralExpr l => JsConvert.ToString(l.Value),
        _ => "expression",
    };

    /// <summary><c>value[key]</c>: own and inherited properties, then the built-in methods of the value's type.</summary>
    public object? GetProperty(object? target, string key)
    {
        switch (target)
        {
            case JsObject o:
                for (var p = o; p is not null; p = p.Prototype)
                    if (p.TryGetOwn(key, out var value)) return value;
                return Builtins.Method(target, key) ?? (object)Undefined.Value;
            case string s:
                if (key == "length") return (double)s.Length;
                if (key.Length > 0 && char.IsAsciiDigit(key[0]) && int.TryParse(key, out int index) && index < s.Length && JsConvert.ToString((double)index) == key)
                    return s[index].ToString();
                return Builtins.Method(target, key) ?? (object)Undefined.Value;
            case null or Undefined:
                throw TypeError($"Cannot read properties of {JsConvert.ToString(target)} (reading '{key}')");
            default:
                return Builtins.Method(target, key) ?? (object)Undefined.Value;
        }
    }

    public void SetProperty(object? target, string key, object? value)
    {
        switch (target)
        {
            case JsObject o: o.Set(key, value); break;
            case null or Undefined: throw TypeError($"Cannot set properties of {JsConvert.ToString(target)} (setting '{key}')");
            default: break; // primitives drop writes, as in sloppy mode
        }
    }

    private object? Assign(AssignExpr assign, Scope scope)
    {
        switch (assign.Target)
        {
            case IdentifierExpr id:
                var binding = scope.Find(id.Name);
                object? value = assign.Value is var rhs && assign.Operator == "="
                    ? Evaluate(rhs, scope)
                    : JsOperators.Binary(this, assign.Operator[..^1], (binding ?? throw ReferenceError($"{id.Name} is not defined")).Value, Evaluate(rhs, scope));
                Write(binding, id.Name, value);
                return value;
            case MemberExpr member:
                var target = Evaluate(member.Target, scope);
                string key = KeyOf(member, scope);
                var result = assign.Operator == "="
                    ? Evaluate(assign.Value, scope)
                    : JsOperators.Binary(this, assign.Operator[..^1], GetProperty(target, key), Evaluate(assign.Value, scope));
                SetProperty(target, key, result);
                return result;
            default: throw ReferenceError("Invalid left-hand side in assignment");
        }
    }

    /// <summary>Assignment to a name; an undeclared one becomes a global, as in sloppy mode.</summary>
    private void Write(Binding? binding, string name, object? value)
    {
        if (binding is null) Global.Declare(name, value);
        else if (binding.Constant) throw TypeError("Assignment to constant variable.");
        else binding.Value = value;
    }

    private void AssignTo(Expr target, object? value, Scope scope)
    {
        switch (target)
        {
            case IdentifierExpr id: Write(scope.Find(id.Name), id.Name, value); break;
            case MemberExpr member: SetProperty(Evaluate(member.Target, scope), KeyOf(member, scope), value); break;
            default: throw ReferenceError("Invalid left-hand side in assignment");
        }
    }

    private double Update(UpdateExpr update, Scope scope)
    {
        double delta = update.Operator == "++" ? 1 : -1;
        double old;
        switch (update.Target)
        {
            case IdentifierExpr id:
                var binding = scope.Find(id.Name) ?? throw ReferenceError($"{id.Name} is not defined");
                old = JsConvert.ToNumber(binding.Value);
                Write(binding, id.Name, old + delta);
                break;
            case MemberExpr member:
                var target = Evaluate(member.Target, scope);
                string key = KeyOf(member, scope);
                old = JsConvert.ToNumber(GetProperty(target, key));
                SetProperty(target, key, old + delta);
                break;
            default: throw ReferenceError("Invalid left-hand side expression in update operation");
        }
        return update.Prefix ? old + delta : old;
    }

    private object? Unary(UnaryExpr unary, Scope scope)
    {
        switch (unary.Operator)
        {
            case "typeof":
                // typeof of an undeclared name is "undefined", not an error
                if (unary.Operand is IdentifierExpr id && scope.Find(id.Name) is null) return "undefined";
                return JsConvert.TypeOf(Evaluate(unary.Operand, scope));
            case "delete":
                if (unary.Operand is not MemberExpr member) return true;
                return Evaluate(member.Target, scope) is not JsObject o || o.Delete(KeyOf(member, scope));
        }
        var value = Evaluate(unary.Operand, scope);
        return unary.Operator switch
        {
            "!" => !JsConvert.ToBoolean(value),
            "-" => -JsConvert.ToNumber(value),
            "+" => JsConvert.ToNumber(value),
            "~" => (double)~JsConvert.ToInt32(value),
            _ => Undefined.Value, // void
        };
    }
}
