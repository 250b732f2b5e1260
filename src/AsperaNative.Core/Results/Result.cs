using System.Text.Json.Nodes;
using AsperaNative.Core.Values;

namespace AsperaNative.Core.Results;

/// <summary>The kinds of command results of the manual's "Types of output data".</summary>
public enum ResultKind
{
    /// <summary>A hash shown one field per line.</summary>
    SingleObject,
    /// <summary>An array of hashes shown one object per line.</summary>
    ObjectList,
    /// <summary>An array of scalars shown in one column.</summary>
    ValueList,
    /// <summary>Nothing to show (prints the "empty" placeholder in tables).</summary>
    Empty,
    /// <summary>No result at all (ascli's <c>nil</c>).</summary>
    Nothing,
    /// <summary>A one-line message.</summary>
    Status,
    /// <summary>A plain string value.</summary>
    Text,
    /// <summary>Any other structure.</summary>
    OtherStruct,
}

/// <summary>
/// What a command returns: the formatter alone turns it into output. Data is a JSON tree
/// (<see cref="JsonNode"/>, null for nil), as ascli treats payloads as hashes, or, for a list that
/// flows, <see cref="Items"/> (see docs/STREAMING.md): a listing should stream, a pager gives the stream.
/// A tree result is immutable once built (the formatter may read it several times); a stream is read once.
/// </summary>
public sealed record Result(ResultKind Kind, JsonNode? Data, IReadOnlyList<string>? Fields = null, string? Name = null)
{
    /// <summary>Items count shown as "Items: n/total" before a partial list, when known.</summary>
    public long? Total { get; init; }

    /// <summary>The items of a list that flows (<see cref="ResultKind.ObjectList"/> or <see cref="ResultKind.ValueList"/>); <see cref="Data"/> is null then.</summary>
    public ItemStream? Items { get; init; }

    /// <summary>When the <c>Items: n/total</c> line comes before a list that flows (its total is the stream's).</summary>
    public TotalLine TotalLine { get; init; }

    public static Result SingleObject(JsonObject data, IReadOnlyList<string>? fields = null) => new(ResultKind.SingleObject, data, fields);
    public static Result ObjectList(JsonArray data, IReadOnlyList<string>? fields = null, long? total = null) => new(ResultKind.ObjectList, data, fields) { Total = total };
    /// <summary>A list of scalars; <paramref name="name"/> is the column title.</summary>
    public static Result ValueList(JsonArray data, string name = "id") => new(ResultKind.ValueList, data, null, name);

    /// <summary>A list of hashes that flows: shown as its items arrive, never held whole (json, csv…) or held as cell texts only (table).</summary>
    public static Result ObjectList(ItemStream items, IReadOnlyList<string>? fields = null, TotalLine totalLine = TotalLine.Hidden)
        => new(ResultKind.ObjectList, null, fields) { Items = items, TotalLine = totalLine };

    /// <summary>A list of hashes from any asynchronous sequence (no total).</summary>
    public static Result ObjectList(IAsyncEnumerable<JsonNode?> items, IReadOnlyList<string>? fields = null)
        => ObjectList(ItemStream.From(items), fields);

    /// <summary>A list of scalars that flows; <paramref name="name"/> is the column title.</summary>
    public static Result ValueList(ItemStream items, string name = "id", TotalLine totalLine = TotalLine.Hidden)
        => new(ResultKind.ValueList, null, null, name) { Items = items, TotalLine = totalLine };

    /// <summary>True for a list that flows (read once).</summary>
    public bool IsStream => Items is not null;
    public static Result Status(string message) => new(ResultKind.Status, JsonScalar.Text(message));
    public static Result Text(string text) => new(ResultKind.Text, JsonScalar.Text(text));
    public static readonly Result Empty = new(ResultKind.Empty, null);
    public static readonly Result Nothing = new(ResultKind.Nothing, null);

    /// <summary>
    /// The kind ascli picks from the value's shape (its <c>auto_type</c>): a hash is a single object, an
    /// array of hashes (an empty array too) an object list, anything else, strings and arrays of scalars
    /// included, another structure (so <c>config echo hello</c> shows <c>"hello"</c> in a table).
    /// </summary>
    public static Result Auto(JsonNode? data) => data switch
    {
        JsonObject o => SingleObject(o),
        JsonArray a when a.All(static i => i is JsonObject) => ObjectList(a),
        _ => new(ResultKind.OtherStruct, data),
    };
}
