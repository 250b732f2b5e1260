namespace AsperaNative.Pac.Js;

/// <summary>
/// Installs the global built-ins and finds the built-in methods of a value's type.
/// Method tables are shared by all interpreters (read-only, frozen functions): JavaScript's
/// prototype objects are not exposed, which PAC scripts never need.
/// </summary>
internal static class Builtins
{
    /// <summary>The argument at <paramref name="index"/>, undefined when missing.</summary>
    public static object? At(this object?[] arguments, int index) => index < arguments.Length ? arguments[index] : Undefined.Value;

    /// <summary>A read-only table of methods.</summary>
    public static Dictionary<string, JsNative> Table(params (string Name, NativeFunction Function)[] methods)
    {
        var table = new Dictionary<string, JsNative>(StringComparer.Ordinal);
        foreach (var (name, function) in methods) table[name] = new JsNative(name, function) { Frozen = true };
        return table;
    }

    /// <summary>An object holding functions and constants, such as <c>Math</c> (one per interpreter).</summary>
    public static JsObject Namespace(Dictionary<string, JsNative> functions, params (string Name, object? Value)[] constants)
    {
        var o = new JsObject();
        foreach (var (name, function) in functions) o.Set(name, function);
        foreach (var (name, value) in constants) o.Set(name, value);
        return o;
    }

    public static JsNative? Method(object? target, string key)
    {
        var table = target switch
        {
            string => StringBuiltins.Methods,
            JsArray => ArrayBuiltins.Methods,
            JsRegExp => RegExpBuiltins.Methods,
            JsDate => DateBuiltins.Methods,
            JsFunction => ObjectBuiltins.FunctionMethods,
            double => ObjectBuiltins.NumberMethods,
            bool => ObjectBuiltins.BooleanMethods,
            _ => null,
        };
        if (table is not null && table.TryGetValue(key, out var method)) return method;
        return target is JsObject && ObjectBuiltins.ObjectMethods.TryGetValue(key, out method) ? method : null;
    }

    public static void Install(Interpreter interpreter)
    {
        var global = interpreter.Global;
        global.Declare("undefined", Undefined.Value, constant: true);
        global.Declare("NaN", double.NaN, constant: true);
        global.Declare("Infinity", double.PositiveInfinity, constant: true);
        GlobalFunctions.Install(interpreter);
        ObjectBuiltins.Install(interpreter);
        RegExpBuiltins.Install(interpreter);
        DateBuiltins.Install(interpreter);
    }
}
