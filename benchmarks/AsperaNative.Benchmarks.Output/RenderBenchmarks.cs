using System.Text.Json.Nodes;
using AsperaNative.Core.Results;
using BenchmarkDotNet.Attributes;

namespace AsperaNative.Benchmarks.Output;

/// <summary>Table, csv and json output of a large object list (nested hash, secret and unicode included).</summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private Result _result = null!;

    [Params(100_000)]
    public int Rows { get; set; }

    /// <summary>The list is parsed from JSON text, as a REST response would be.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var text = new System.Text.StringBuilder("[");
        for (int i = 0; i < Rows; i++)
        {
            if (i > 0) text.Append(',');
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"{{\"id\":{i},\"name\":\"file_{i}.bin\",\"size\":{i * 1024L},\"type\":\"{(i % 3 == 0 ? "folder" : "file")}\",\"owner\":{{\"id\":{i % 7},\"name\":\"用户{i % 7}\"}},\"password\":\"secret{i}\"}}");
        }
        _result = Result.ObjectList(JsonNode.Parse(text.Append(']').ToString())!.AsArray());
    }

    [Benchmark]
    public void Table() => Render("table");

    [Benchmark]
    public void Csv() => Render("csv");

    [Benchmark]
    public void Json() => Render("json");

    private void Render(string format)
    {
        // UTF-8 encoding is part of the cost, as on a real stdout
        using var output = new StreamWriter(Stream.Null, new System.Text.UTF8Encoding(false), 16384);
        new AsperaNative.Output.ResultFormatter(new AsperaNative.Output.OutputSettings { Format = format, ShowSecrets = Environment.GetEnvironmentVariable("BENCH_SHOW") == "1" }, output).DisplayResult(_result);
    }
}
