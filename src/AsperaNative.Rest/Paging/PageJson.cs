using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AsperaNative.Rest.Paging;

/// <summary>
/// Parses one page of a listing from its UTF-8 bytes into the same tree <see cref="RestJson.Parse"/> gives,
/// but with each item its own small document: the page is parsed once in pooled buffers, released when the
/// page is done, and each item (an element of a top-level list, or of a list under a top-level key such as
/// <c>items</c>) is copied out alone. So a page leaves no large block behind (no text copy, no page-sized
/// document on the large object heap), and an item lives exactly as long as the formatter needs it.
/// </summary>
public static class PageJson
{
    /// <summary>The page's tree; a body that is not valid UTF-8 JSON takes the text path (same value or error as text).</summary>
    public static JsonNode? Parse(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) utf8 = utf8[3..];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException)
        {
            return RestJson.Parse(Encoding.UTF8.GetString(utf8.Span));
        }
        using (document)
        {
            var root = document.RootElement;
            switch (root.ValueKind)
            {
                case JsonValueKind.Array: return Items(root);
                case JsonValueKind.Object:
                    var page = new JsonObject();
                    foreach (var property in root.EnumerateObject())
                        page[property.Name] = property.Value.ValueKind == JsonValueKind.Array ? Items(property.Value) : Alone(property.Value);
                    return page;
                default: return Alone(root);
            }
        }
    }

    private static JsonArray Items(JsonElement list)
    {
        var items = new JsonArray();
        foreach (var item in list.EnumerateArray()) items.Add(Alone(item));
        return items;
    }

    /// <summary>A node over its own copy of the element (the page's document is released after the page).</summary>
    private static JsonNode? Alone(JsonElement element)
    {
        var copy = element.Clone();
        return copy.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Object => JsonObject.Create(copy),
            JsonValueKind.Array => JsonArray.Create(copy),
            _ => JsonValue.Create(copy),
        };
    }

    /// <summary>Reads a body into a pooled buffer (return it with <see cref="ArrayPool{T}.Shared"/>); the length read is returned with it.</summary>
    public static async Task<(byte[] Buffer, int Length)> ReadPooledAsync(Stream body, long? contentLength, CancellationToken cancel)
    {
        var pool = ArrayPool<byte>.Shared;
        byte[] buffer = pool.Rent(contentLength is > 0 and < int.MaxValue ? (int)contentLength.Value + 1 : 64 * 1024);
        int length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = pool.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    pool.Return(buffer);
                    buffer = larger;
                }
                int read = await body.ReadAsync(buffer.AsMemory(length), cancel);
                if (read == 0) return (buffer, length);
                length += read;
            }
        }
        catch
        {
            pool.Return(buffer);
            throw;
        }
    }
}
