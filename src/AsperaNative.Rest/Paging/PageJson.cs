using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AsperaNative.Rest.Paging;

/// <summary>
/// Parses one page of a listing from its UTF-8 bytes into the same tree <see cref="RestJson.Parse"/> gives,
/// but without a page-sized block: the page is parsed once in pooled buffers, released when the page is done,
/// and its tree is made of plain values that refer to nothing of the page. So a page leaves no text copy and no
/// document on the large object heap behind, and an item lives exactly as long as the formatter needs it.
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
        // the tree is built whole while the pooled document is alive: nothing of it outlives the page
        using (document) return Tree(document.RootElement, new KeySlot());
    }

    /// <summary>
    /// The element as a tree of its own, built now while the page's document is alive: strings, booleans and integers that
    /// fit a long become plain values (a node over a cloned document would copy the item's bytes and its metadata, then
    /// build the same tree when first read, which every format does). Other numbers keep their text in a copy of their
    /// own element, so integers of any size and floats print as they came. A repeated key keeps its first place and its
    /// last value, as Ruby's JSON.parse.
    /// </summary>
    private static JsonNode? Tree(JsonElement element, KeySlot slot)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object: return Object(element, slot);
            case JsonValueKind.Array:
                var list = new JsonArray();
                var items = slot.Items;
                foreach (var item in element.EnumerateArray()) list.Add(Tree(item, items));
                return list;
            case JsonValueKind.String: return JsonValue.Create(element.GetString()!);
            case JsonValueKind.True: return JsonValue.Create(true);
            case JsonValueKind.False: return JsonValue.Create(false);
            // TryGetInt64 refuses a fraction or an exponent; "-0" becomes 0 as in Ruby
            case JsonValueKind.Number when element.TryGetInt64(out long integer): return JsonValue.Create(integer);
            case JsonValueKind.Null: return null;
            default: return JsonValue.Create(element.Clone());
        }
    }

    private static JsonObject Object(JsonElement element, KeySlot slot)
    {
        // set one by one: a repeated key keeps its first place and takes the last value, as Ruby's JSON.parse
        // (an object made from a gathered list of members measured slower, and allocates more)
        var obj = new JsonObject();
        int index = 0;
        foreach (var property in element.EnumerateObject())
        {
            var child = slot.Child(index++);
            obj[child.NameOf(property)] = Tree(property.Value, child);
        }
        return obj;
    }

    /// <summary>
    /// The key names met at one place of the page's items (the n-th key of the objects at that place, and the places
    /// under it). The items of a listing share their shape, so a key's name is made once per page and reused while
    /// the bytes of the next item's key at the same place are the same: most keys of a page cost a byte comparison.
    /// </summary>
    private sealed class KeySlot
    {
        private string? _name;
        private byte[] _utf8 = [];
        private List<KeySlot>? _children;
        private KeySlot? _items;

        /// <summary>The place of the items of an array here.</summary>
        public KeySlot Items => _items ??= new KeySlot();

        /// <summary>The place of the n-th key of an object here.</summary>
        public KeySlot Child(int index)
        {
            _children ??= [];
            while (_children.Count <= index) _children.Add(new KeySlot());
            return _children[index];
        }

        public string NameOf(JsonProperty property)
        {
            if (_name is not null && property.NameEquals(_utf8)) return _name;
            _name = property.Name;
            _utf8 = Encoding.UTF8.GetBytes(_name);
            return _name;
        }
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
