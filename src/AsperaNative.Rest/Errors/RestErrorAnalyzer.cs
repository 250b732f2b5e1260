using System.Text.Json.Nodes;

namespace AsperaNative.Rest;

/// <summary>What an error shape looks at, and where it adds the lines it finds.</summary>
public sealed class RestErrorContext(int status, string reason, string host, JsonNode? data)
{
    public int Status { get; } = status;
    public string Reason { get; } = reason;
    /// <summary>The request's Host header: <c>host</c>, or <c>host:port</c> for a non-default port.</summary>
    public string Host { get; } = host;
    public JsonNode? Data { get; } = data;
    public bool IsSuccess => Status is >= 200 and < 300;
    public List<string> Messages { get; } = [];

    public void Add(string message) => Messages.Add(message);
}

/// <summary>One recognised error body: it adds zero or more messages to the context.</summary>
public sealed record ErrorShape(string Name, Action<RestErrorContext> Analyze);

/// <summary>
/// Turns a response into ascli's error lines: every registered shape looks at the response, the
/// most recently added first (ascli pushes new handlers in front), the generic status line last.
/// Any message makes the call fail, even with a 2XX status (Faspex 4 reports errors with 200).
/// Each plugin adds its own product's shapes with <see cref="Add"/>.
/// </summary>
public sealed class RestErrorAnalyzer
{
    private readonly List<ErrorShape> _shapes = [];
    private readonly Lock _lock = new();

    /// <summary>An analyser with the generic status line and the JSON shapes common to Aspera products.</summary>
    public static RestErrorAnalyzer CreateDefault()
    {
        var analyzer = new RestErrorAnalyzer();
        analyzer.Add(ErrorShapes.GenericStatus);
        foreach (var shape in ErrorShapes.Aspera) analyzer.Add(shape);
        return analyzer;
    }

    /// <summary>Adds a shape; it is tried before those already present.</summary>
    public void Add(ErrorShape shape)
    {
        lock (_lock)
        {
            if (_shapes.Any(s => s.Name == shape.Name)) return;
            _shapes.Insert(0, shape);
        }
    }

    /// <summary>The names of the shapes, in the order they are tried.</summary>
    internal IReadOnlyList<string> ShapeNames
    {
        get { lock (_lock) return [.. _shapes.Select(static s => s.Name)]; }
    }

    /// <summary>The lines found for this response; empty when it is not an error.</summary>
    public IReadOnlyList<string> Analyze(RestErrorContext context)
    {
        ErrorShape[] shapes;
        lock (_lock) shapes = [.. _shapes];
        foreach (var shape in shapes)
        {
            // a shape that chokes on an unexpected body must not hide the others
            try { shape.Analyze(context); }
            catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException) { }
        }
        return context.Messages;
    }

    /// <summary>Throws <see cref="RestCallException"/> when any shape found an error.</summary>
    public void ThrowOnError(int status, string reason, string host, JsonNode? data)
    {
        var context = new RestErrorContext(status, reason, host, data);
        var messages = Analyze(context);
        if (messages.Count > 0) throw new RestCallException(messages, status, reason, data, host);
    }
}
