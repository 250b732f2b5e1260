using System.Globalization;

namespace AsperaNative.Pac.Js;

/// <summary>Object, Function, Number, Boolean, String, Array and the Error constructors, with their methods.</summary>
internal static class ObjectBuiltins
{
    public static readonly Dictionary<string, JsNative> ObjectMethods = Builtins.Table(
        ("hasOwnProperty", static (_, self, a) => self is JsObject o && o.TryGetOwn(JsConvert.ToPropertyKey(a.At(0)), out object? _)),
        ("toString", static (_, self, _) => self is JsObject { ClassName: "Object" } ? "[object Object]" : JsConvert.ToString(self)),
        ("valueOf", static (_, self, _) => self));

    public static readonly Dictionary<string, JsNative> FunctionMethods = Builtins.Table(
        ("call", static (i, self, a) => i.Call(self, a.At(0), a.Length > 1 ? a[1..] : [])),
        ("apply", static (i, self, a) => i.Call(self, a.At(0), a.At(1) is JsArray list ? [.. list.Items] : [])),
        ("toString", static (_, self, _) => JsConvert.ToString(self)));

    public static readonly Dictionary<string, JsNative> NumberMethods = Builtins.Table(
        ("toString", static (_, self, a) => NumberToString(JsConvert.ToNumber(self), a.At(0) is Undefined ? 10 : (int)JsConvert.ToInteger(a.At(0)))),
        ("toFixed", static (_, self, a) => ToFixed(JsConvert.ToNumber(self), JsConvert.ToInteger(a.At(0)))),
        ("valueOf", static (_, self, _) => JsConvert.ToNumber(self)));

    public static readonly Dictionary<string, JsNative> BooleanMethods = Builtins.Table(
        ("toString", static (_, self, _) => JsConvert.ToString(self)),
        ("valueOf", static (_, self, _) => self));

    public static void Install(Interpreter interpreter)
    {
        var global = interpreter.Global;
        var objectFunctions = Builtins.Table(
            ("keys", static (_, _, a) => new JsArray(a.At(0) is JsObject o ? [.. o.Keys()] : [])),
            ("assign", static (i, _, a) => Assign(i, a)),
            ("create", static (_, _, a) => new JsObject { Prototype = a.At(0) as JsObject }));
        global.Declare("Object", WithStatics(new JsNative("Object", NewObject, NewObject, static v => v is JsObject), objectFunctions));

        var arrayFunctions = Builtins.Table(("isArray", static (_, _, a) => a.At(0) is JsArray));
        global.Declare("Array", WithStatics(new JsNative("Array", NewArray, NewArray, static v => v is JsArray), arrayFunctions));

        NativeFunction toString = static (_, _, a) => a.Length == 0 ? "" : JsConvert.ToString(a[0]);
        global.Declare("String", new JsNative("String", toString, toString, static v => v is string));
        NativeFunction toNumber = static (_, _, a) => a.Length == 0 ? 0.0 : JsConvert.ToNumber(a[0]);
        global.Declare("Number", new JsNative("Number", toNumber, toNumber, static v => v is double));
        NativeFunction toBoolean = static (_, _, a) => JsConvert.ToBoolean(a.At(0));
        global.Declare("Boolean", new JsNative("Boolean", toBoolean, toBoolean, static v => v is bool));

        foreach (string name in (string[])["Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError"])
        {
            NativeFunction make = (_, _, a) => JsThrow.MakeError(name, a.At(0) is Undefined ? "" : JsConvert.ToString(a.At(0)));
            global.Declare(name, new JsNative(name, make, make,
                v => v is JsObject { ClassName: "Error" } e && (name == "Error" || JsConvert.ToString(e.Get("name")) == name)));
        }
    }

    private static JsNative WithStatics(JsNative constructor, Dictionary<string, JsNative> functions)
    {
        foreach (var (name, function) in functions) constructor.Set(name, function);
        return constructor;
    }

    private static object? NewObject(Interpreter interpreter, object? self, object?[] a) => a.At(0) is JsObject o ? o : new JsObject();

    /// <summary><c>Array(3)</c> is three holes, <c>Array(1, 2)</c> the two elements.</summary>
    private static object? NewArray(Interpreter interpreter, object? self, object?[] a)
    {
        if (a is not [double length]) return new JsArray([.. a]);
        var array = new JsArray();
        array.Set("length", length);
        return array;
    }

    private static object? Assign(Interpreter interpreter, object?[] a)
    {
        if (a.At(0) is not JsObject target) throw interpreter.TypeError("Cannot convert undefined or null to object");
        foreach (var source in a.Skip(1).OfType<JsObject>())
            foreach (string key in source.Keys().ToList())
                target.Set(key, interpreter.GetProperty(source, key));
        return target;
    }

    private static string NumberToString(double value, int radix)
    {
        if (radix is < 2 or > 36) throw JsThrow.Create("RangeError", "toString() radix must be between 2 and 36");
        if (radix == 10 || double.IsNaN(value) || double.IsInfinity(value) || value != Math.Floor(value) || Math.Abs(value) > 9007199254740991)
            return JsConvert.ToString(value);
        if (value == 0) return "0";
        var digits = new List<char>();
        for (double v = Math.Abs(value); v > 0; v = Math.Floor(v / radix)) digits.Add("0123456789abcdefghijklmnopqrstuvwxyz"[(int)(v % radix)]);
        if (value < 0) digits.Add('-');
        digits.Reverse();
        return new string([.. digits]);
    }

    private static string ToFixed(double value, double digits)
    {
        if (digits is < 0 or > 100) throw JsThrow.Create("RangeError", "toFixed() digits argument must be between 0 and 100");
        if (double.IsNaN(value) || Math.Abs(value) >= 1e21) return JsConvert.ToString(value);
        return value.ToString("F" + ((int)digits).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
