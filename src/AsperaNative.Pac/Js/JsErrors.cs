namespace AsperaNative.Pac.Js;

/// <summary>Any failure of a script: its message is what the user sees after <c>PAC: </c>.</summary>
internal abstract class JsException(string message) : Exception(message);

/// <summary>The script does not parse.</summary>
internal sealed class JsSyntaxException(string description, int line, int column)
    : JsException($"SyntaxError: {description} (line {line}, column {column})")
{
    public int Line { get; } = line;
    public int Column { get; } = column;
}

/// <summary>A value thrown by the script (<c>throw</c>, or a TypeError/ReferenceError of the interpreter); <c>catch</c> can see it.</summary>
internal sealed class JsThrow(object? value) : JsException(Describe(value))
{
    public object? Value { get; } = value;

    /// <summary>A thrown error object, as <c>throw new TypeError(message)</c> makes.</summary>
    public static JsThrow Create(string name, string message) => new(MakeError(name, message));

    public static JsObject MakeError(string name, string message)
    {
        var error = new JsObject { ClassName = "Error" };
        error.Set("name", name);
        error.Set("message", message);
        return error;
    }

    private static string Describe(object? value)
        => value is JsObject error && error.Get("message") is string message
            ? (error.Get("name") is string name && name.Length > 0 ? $"{name}: {message}" : message)
            : JsConvert.ToString(value);
}

/// <summary>A resource guard tripped (steps, recursion, sizes): never catchable by the script, so a runaway loop always ends.</summary>
internal sealed class JsLimitException(string message) : JsException(message);
