using System.Diagnostics;
using AsperaNative.Benchmarks.Output;
using BenchmarkDotNet.Running;

// Renders a 100 000-row object list through the formatter, as `ascli ... list` would print it.
// `--quick [rows]` times each format once per path (whole list with its parsing, then flowing on parsed items) with a stopwatch instead of a BenchmarkDotNet run.
if (args is ["--quick", ..])
{
    int rows = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
    var formats = args.Length > 2 ? args[2].Split(',') : StreamingRenderBenchmarks.AllFormats;
    foreach (var format in formats)
    {
        foreach (bool flowing in new[] { false, true })
        {
            var bench = new StreamingRenderBenchmarks { Rows = rows, Format = format };
            bench.Setup();
            if (flowing) bench.ParseItems();
            var watch = Stopwatch.StartNew();
            if (flowing) bench.Flowing(); else bench.Whole();
            Console.WriteLine($"{format,-7} {(flowing ? "flowing" : "whole  ")}: {watch.ElapsedMilliseconds,6} ms");
        }
    }
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(args);
