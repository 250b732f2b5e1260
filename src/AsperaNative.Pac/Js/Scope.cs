namespace AsperaNative.Pac.Js;

/// <summary>A variable: <c>const</c> ones refuse assignment.</summary>
internal sealed class Binding(object? value, bool constant)
{
    public object? Value { get; set; } = value;

    public bool Constant { get; } = constant;
}

/// <summary>
/// One level of variables: the global scope, a function call (which also binds <c>this</c> and
/// <c>arguments</c>, names no script can declare), or a block holding <c>let</c>/<c>const</c>.
/// </summary>
internal sealed class Scope(Scope? parent)
{
    public const string ThisName = "this";

    private readonly Dictionary<string, Binding> _bindings = new(StringComparer.Ordinal);

    public Scope? Parent => parent;

    /// <summary><c>var</c> and function parameters: declaring again keeps the value.</summary>
    public void DeclareVar(string name, object? value)
    {
        if (!_bindings.ContainsKey(name)) _bindings[name] = new Binding(value, false);
    }

    /// <summary><c>let</c>, <c>const</c>, functions and built-ins: a fresh binding.</summary>
    public void Declare(string name, object? value, bool constant = false) => _bindings[name] = new Binding(value, constant);

    public Binding? Find(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
            if (scope._bindings.TryGetValue(name, out var binding)) return binding;
        return null;
    }
}
