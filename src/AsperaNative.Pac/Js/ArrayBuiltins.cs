namespace AsperaNative.Pac.Js;

/// <summary>Array.prototype: lists of domains, networks and proxies in PAC scripts.</summary>
internal static class ArrayBuiltins
{
    public static readonly Dictionary<string, JsNative> Methods = Builtins.Table(
        ("push", static (_, self, a) => { var l = Items(self); Grow(l, a.Length); l.AddRange(a); return (double)l.Count; }),
        ("pop", static (_, self, _) => Items(self) is { Count: > 0 } l ? Take(l, l.Count - 1) : Undefined.Value),
        ("shift", static (_, self, _) => Items(self) is { Count: > 0 } l ? Take(l, 0) : Undefined.Value),
        ("unshift", static (_, self, a) => { var l = Items(self); Grow(l, a.Length); l.InsertRange(0, a); return (double)l.Count; }),
        ("join", static (_, self, a) => JsConvert.Join(Array(self), a.At(0) is Undefined ? "," : JsConvert.ToString(a.At(0)))),
        ("toString", static (_, self, _) => JsConvert.Join(Array(self), ",")),
        ("indexOf", static (_, self, a) => (double)IndexOf(Items(self), a.At(0), a.At(1))),
        ("lastIndexOf", static (_, self, a) => (double)Items(self).FindLastIndex(x => JsConvert.StrictEquals(x, a.At(0)))),
        ("includes", static (_, self, a) => Items(self).Exists(x => JsConvert.StrictEquals(x, a.At(0)) || (x is double d && double.IsNaN(d) && a.At(0) is double e && double.IsNaN(e)))),
        ("slice", static (_, self, a) => Slice(Items(self), a)),
        ("splice", static (_, self, a) => Splice(Items(self), a)),
        ("concat", static (_, self, a) => Concat(Items(self), a)),
        ("reverse", static (_, self, _) => { Items(self).Reverse(); return self; }),
        ("sort", static (i, self, a) => Sort(i, Array(self), a.At(0))),
        ("forEach", static (i, self, a) => { Each(i, self, a, static (_, _, _) => { }); return Undefined.Value; }),
        ("map", static (i, self, a) => { var r = new List<object?>(); Each(i, self, a, (_, _, v) => r.Add(v)); return new JsArray(r); }),
        ("filter", static (i, self, a) => { var r = new List<object?>(); Each(i, self, a, (x, _, v) => { if (JsConvert.ToBoolean(v)) r.Add(x); }); return new JsArray(r); }),
        ("some", static (i, self, a) => First(i, self, a) >= 0),
        ("every", static (i, self, a) => First(i, self, a, negate: true) < 0),
        ("find", static (i, self, a) => First(i, self, a) is int at and >= 0 ? Items(self)[at] : Undefined.Value),
        ("findIndex", static (i, self, a) => (double)First(i, self, a)),
        ("reduce", static (i, self, a) => Reduce(i, Items(self), a)));

    private static JsArray Array(object? self) => self as JsArray ?? throw JsThrow.Create("TypeError", "Array method called on a value that is not an array");

    private static List<object?> Items(object? self) => Array(self).Items;

    private static void Grow(List<object?> items, int more)
    {
        if (items.Count + more > JsArray.MaxLength) throw new JsLimitException("RangeError: Invalid array length");
    }

    private static object? Take(List<object?> items, int index)
    {
        var value = items[index];
        items.RemoveAt(index);
        return value;
    }

    private static int IndexOf(List<object?> items, object? value, object? from)
    {
        double start = JsConvert.ToInteger(from);
        if (start < 0) start = Math.Max(items.Count + start, 0);
        for (int i = (int)Math.Min(start, items.Count); i < items.Count; i++)
            if (JsConvert.StrictEquals(items[i], value)) return i;
        return -1;
    }

    private static (int Start, int End) Range(int count, object? start, object? end)
    {
        static int At(object? value, int count, int fallback)
        {
            if (value is Undefined) return fallback;
            double d = JsConvert.ToInteger(value);
            return (int)(d < 0 ? Math.Max(count + d, 0) : Math.Min(d, count));
        }
        return (At(start, count, 0), At(end, count, count));
    }

    private static JsArray Slice(List<object?> items, object?[] a)
    {
        var (start, end) = Range(items.Count, a.At(0), a.At(1));
        return new JsArray(start < end ? items.GetRange(start, end - start) : []);
    }

    private static JsArray Splice(List<object?> items, object?[] a)
    {
        var (start, _) = Range(items.Count, a.At(0), Undefined.Value);
        int count = a.Length < 2 ? items.Count - start : (int)Math.Clamp(JsConvert.ToInteger(a[1]), 0, items.Count - start);
        var removed = items.GetRange(start, count);
        items.RemoveRange(start, count);
        if (a.Length > 2)
        {
            Grow(items, a.Length - 2);
            items.InsertRange(start, a[2..]);
        }
        return new JsArray(removed);
    }

    private static JsArray Concat(List<object?> items, object?[] a)
    {
        var result = new List<object?>(items);
        foreach (var value in a)
        {
            if (value is JsArray other) result.AddRange(other.Items);
            else result.Add(value);
            Grow(result, 0);
        }
        return new JsArray(result);
    }

    /// <summary>Calls <c>callback(value, index, array)</c> for each element present when the loop started.</summary>
    private static void Each(Interpreter interpreter, object? self, object?[] a, Action<object?, int, object?> onResult)
    {
        var items = Items(self);
        var callback = a.At(0) as JsFunction ?? throw interpreter.TypeError($"{JsConvert.ToString(a.At(0))} is not a function");
        int count = items.Count;
        for (int i = 0; i < count && i < items.Count; i++)
            onResult(items[i], i, interpreter.Call(callback, a.At(1), [items[i], (double)i, self]));
    }

    /// <summary>The index of the first element for which the callback is truthy (falsy with negate), else -1.</summary>
    private static int First(Interpreter interpreter, object? self, object?[] a, bool negate = false)
    {
        var items = Items(self);
        var callback = a.At(0) as JsFunction ?? throw interpreter.TypeError($"{JsConvert.ToString(a.At(0))} is not a function");
        for (int i = 0; i < items.Count; i++)
            if (JsConvert.ToBoolean(interpreter.Call(callback, a.At(1), [items[i], (double)i, self])) != negate) return i;
        return -1;
    }

    private static object? Reduce(Interpreter interpreter, List<object?> items, object?[] a)
    {
        var callback = a.At(0) as JsFunction ?? throw interpreter.TypeError($"{JsConvert.ToString(a.At(0))} is not a function");
        int i = 0;
        object? accumulator;
        if (a.Length > 1) accumulator = a[1];
        else if (items.Count > 0) accumulator = items[i++];
        else throw interpreter.TypeError("Reduce of empty array with no initial value");
        for (; i < items.Count; i++) accumulator = interpreter.Call(callback, Undefined.Value, [accumulator, items[i], (double)i]);
        return accumulator;
    }

    /// <summary>A stable merge sort: a script comparator may throw, which List.Sort would wrap.</summary>
    private static JsArray Sort(Interpreter interpreter, JsArray array, object? comparator)
    {
        var compare = comparator as JsFunction;
        int Compare(object? x, object? y)
        {
            if (x is Undefined) return y is Undefined ? 0 : 1; // undefined sorts last
            if (y is Undefined) return -1;
            if (compare is null) return string.CompareOrdinal(JsConvert.ToString(x), JsConvert.ToString(y));
            double d = JsConvert.ToNumber(interpreter.Call(compare, Undefined.Value, [x, y]));
            return d < 0 ? -1 : d > 0 ? 1 : 0;
        }
        var items = array.Items.ToArray();
        var buffer = new object?[items.Length];
        for (int width = 1; width < items.Length; width *= 2)
        {
            for (int lo = 0; lo < items.Length; lo += 2 * width)
            {
                int mid = Math.Min(lo + width, items.Length), hi = Math.Min(lo + 2 * width, items.Length), l = lo, r = mid, k = lo;
                while (l < mid && r < hi) buffer[k++] = Compare(items[r], items[l]) < 0 ? items[r++] : items[l++];
                while (l < mid) buffer[k++] = items[l++];
                while (r < hi) buffer[k++] = items[r++];
            }
            (items, buffer) = (buffer, items);
        }
        array.Items.Clear();
        array.Items.AddRange(items);
        return array;
    }
}
