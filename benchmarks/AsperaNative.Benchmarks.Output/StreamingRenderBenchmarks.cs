using System.Text.Json.Nodes;
using AsperaNative.Core.Results;
using BenchmarkDotNet.Attributes;

namespace AsperaNative.Benchmarks.Output;

/// <summary>
/// Each format on a 100 000-entry browse listing (the entries of benchmarks/Streaming), through the flowing
/// path (<see cref="ItemStream"/>, as a pager gives it) and the whole-list path it replaces.
/// </summary>
[MemoryDiagnoser]
public class StreamingRenderBenchmarks
{
    public static readonly string[] AllFormats = ["table", "csv", "json", "jsonpp", "yaml", "ruby", "text"];

    private JsonNode?[] _items = [];
    private string _json = "";

    [Params(100_000)]
    public int Rows { get; set; }

    [ParamsSource(nameof(FormatValues))]
    public string Format { get; set; } = "json";

    public static IEnumerable<string> FormatValues() => AllFormats;

    [GlobalSetup]
    public void Setup()
    {
        var text = new System.Text.StringBuilder("[");
        for (int i = 0; i < Rows; i++)
        {
            if (i > 0) text.Append(',');
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $$"""{"path":"/big/file_{{i:D7}}.dat","basename":"file_{{i:D7}}.dat","type":"file","size":{{i * 37L}},"mtime":"2024-05-02T10:11:12Z","permissions":[{"name":"view"},{"name":"edit"}]}""");
        }
        _json = text.Append(']').ToString();
    }

    /// <summary>Items parsed anew for each run, as each page is parsed once.</summary>
    [IterationSetup]
    public void ParseItems()
    {
        var array = JsonNode.Parse(_json)!.AsArray();
        _items = [.. array];
        array.Clear();
    }

    [Benchmark]
    public void Flowing()
    {
        if (_items.Length == 0) ParseItems();
        Render(Result.ObjectList(ItemStream.From(_items)));
        _items = [];
    }

    [Benchmark(Baseline = true)]
    public void Whole() => Render(Result.ObjectList(JsonNode.Parse(_json)!.AsArray()));

    private void Render(Result result)
    {
        using var output = new StreamWriter(Stream.Null, new System.Text.UTF8Encoding(false), 16384);
        new AsperaNative.Output.ResultFormatter(new AsperaNative.Output.OutputSettings { Format = Format }, output).DisplayResultAsync(result).GetAwaiter().GetResult();
    }
}
