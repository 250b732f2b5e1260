namespace AsperaNative.Pac.Js;

// Script values are plain CLR objects, so no wrapper is allocated for primitives:
// double (every number), string, bool, null, Undefined.Value, and JsObject for the rest.

/// <summary>JavaScript's <c>undefined</c> (distinct from <c>null</c>, which is the CLR null).</summary>
internal sealed class Undefined
{
    public static readonly Undefined Value = new();

    private Undefined() { }

    public override string ToString() => "undefined";
}

/// <summary>An object: own properties in insertion order (as <c>for…in</c> lists them) and an optional prototype.</summary>
internal class JsObject
{
    private OrderedDictionary<string, object?>? _properties;

    /// <summary>"Object", "Error", "Array"…: what <c>Object.prototype.toString</c> names.</summary>
    public string ClassName { get; init; } = "Object";

    public JsObject? Prototype { get; set; }

    /// <summary>Shared built-ins ignore writes, so one script cannot change what another sees.</summary>
    public bool Frozen { get; init; }

    public object? Get(string key)
    {
        for (var o = this; o is not null; o = o.Prototype)
            if (o.TryGetOwn(key, out var value)) return value;
        return Undefined.Value;
    }

    public virtual bool TryGetOwn(string key, out object? value)
    {
        if (_properties is not null && _properties.TryGetValue(key, out value)) return true;
        value = null;
        return false;
    }

    public virtual void Set(string key, object? value)
    {
        if (Frozen) return;
        (_properties ??= new(StringComparer.Ordinal))[key] = value;
    }

    public virtual bool Delete(string key) => !Frozen && (_properties?.Remove(key) ?? true);

    /// <summary>Own enumerable keys, in order.</summary>
    public virtual IEnumerable<string> Keys() => _properties?.Keys ?? (IEnumerable<string>)[];

    public bool Has(string key)
    {
        for (var o = this; o is not null; o = o.Prototype)
            if (o.TryGetOwn(key, out _)) return true;
        return false;
    }
}

/// <summary>An array: dense elements (holes read as undefined) plus ordinary properties such as a match's <c>index</c>.</summary>
internal sealed class JsArray : JsObject
{
    /// <summary>Growing past this is a script bug or an attack, not a proxy configuration.</summary>
    public const int MaxLength = 1 << 24;

    public JsArray(List<object?>? items = null)
    {
        Items = items ?? [];
        ClassName = "Array";
    }

    public List<object?> Items { get; }

    public override bool TryGetOwn(string key, out object? value)
    {
        if (key == "length") { value = (double)Items.Count; return true; }
        if (TryIndex(key, out int index)) { value = index < Items.Count ? Items[index] : Undefined.Value; return index < Items.Count; }
        return base.TryGetOwn(key, out value);
    }

    public override void Set(string key, object? value)
    {
        if (key == "length")
        {
            double length = JsConvert.ToNumber(value);
            if (length < 0 || length != Math.Floor(length) || length > MaxLength) throw new JsLimitException("RangeError: Invalid array length");
            SetLength((int)length);
        }
        else if (TryIndex(key, out int index))
        {
            if (index >= MaxLength) throw new JsLimitException("RangeError: Invalid array length");
            if (index >= Items.Count) SetLength(index + 1);
            Items[index] = value;
        }
        else base.Set(key, value);
    }

    public override bool Delete(string key)
    {
        if (!TryIndex(key, out int index)) return base.Delete(key);
        if (index < Items.Count) Items[index] = Undefined.Value;
        return true;
    }

    public override IEnumerable<string> Keys()
        => Enumerable.Range(0, Items.Count).Select(static i => JsConvert.ToString((double)i)).Concat(base.Keys());

    private void SetLength(int length)
    {
        if (length < Items.Count) Items.RemoveRange(length, Items.Count - length);
        while (Items.Count < length) Items.Add(Undefined.Value);
    }

    /// <summary>A canonical array index: "0", "12", not "01" nor "-1".</summary>
    private static bool TryIndex(string key, out int index)
    {
        index = 0;
        if (key.Length is 0 or > 9 || (key.Length > 1 && key[0] == '0')) return false;
        foreach (char c in key)
        {
            if (!char.IsAsciiDigit(c)) return false;
            index = index * 10 + (c - '0');
        }
        return true;
    }
}

/// <summary>The signature of every built-in function.</summary>
internal delegate object? NativeFunction(Interpreter interpreter, object? self, object?[] arguments);

/// <summary>Anything callable.</summary>
internal abstract class JsFunction : JsObject
{
    protected JsFunction() => ClassName = "Function";

    public abstract string Name { get; }

    public abstract object? Call(Interpreter interpreter, object? self, object?[] arguments);

    /// <summary><c>new F(…)</c>.</summary>
    public abstract object? Construct(Interpreter interpreter, object?[] arguments);

    /// <summary><c>x instanceof F</c>.</summary>
    public abstract bool HasInstance(object? value);
}

/// <summary>A built-in function, optionally also a constructor (<c>new RegExp(…)</c>, <c>new Date()</c>).</summary>
internal sealed class JsNative(string name, NativeFunction call, NativeFunction? construct = null, Func<object?, bool>? isInstance = null) : JsFunction
{
    public override string Name => name;

    public override object? Call(Interpreter interpreter, object? self, object?[] arguments) => call(interpreter, self, arguments);

    public override object? Construct(Interpreter interpreter, object?[] arguments)
        => construct is not null ? construct(interpreter, null, arguments) : throw interpreter.TypeError($"{name} is not a constructor");

    public override bool HasInstance(object? value) => isInstance?.Invoke(value) ?? false;
}

/// <summary>A function written in the script, with the scope it closes over.</summary>
internal sealed class JsClosure(FunctionNode code, Scope scope) : JsFunction
{
    public FunctionNode Code { get; } = code;

    public Scope Scope { get; } = scope;

    public override string Name => Code.Name ?? "";

    public override bool TryGetOwn(string key, out object? value)
    {
        // each function's prototype object is made on first use: most never need one
        if (key == "prototype" && !base.TryGetOwn(key, out _) && !Code.IsArrow) base.Set("prototype", new JsObject());
        if (key == "length") { value = (double)Code.Parameters.Count; return true; }
        if (key == "name") { value = Name; return true; }
        return base.TryGetOwn(key, out value);
    }

    public override object? Call(Interpreter interpreter, object? self, object?[] arguments) => interpreter.Invoke(this, self, arguments);

    public override object? Construct(Interpreter interpreter, object?[] arguments)
    {
        if (Code.IsArrow) throw interpreter.TypeError($"{Name} is not a constructor");
        var instance = new JsObject { Prototype = Get("prototype") as JsObject };
        return interpreter.Invoke(this, instance, arguments) is JsObject returned ? returned : instance;
    }

    public override bool HasInstance(object? value)
    {
        if (value is not JsObject o || Get("prototype") is not JsObject prototype) return false;
        for (var p = o.Prototype; p is not null; p = p.Prototype)
            if (ReferenceEquals(p, prototype)) return true;
        return false;
    }
}

/// <summary>A point in time, as <c>new Date()</c> gives; only the getters PAC scripts use.</summary>
internal sealed class JsDate : JsObject
{
    public JsDate(DateTimeOffset utc, TimeZoneInfo zone)
    {
        Utc = utc;
        Local = TimeZoneInfo.ConvertTime(utc, zone);
        ClassName = "Date";
    }

    public DateTimeOffset Utc { get; }

    public DateTimeOffset Local { get; }
}
