using System.Diagnostics;
using AsperaNative.Benchmarks.Output;
using BenchmarkDotNet.Running;

// Renders a 100 000-row object list through the formatter, as `ascli ... list` would print it.
// `--quick` times each format once with a stopwatch instead of a BenchmarkDotNet run.
if (args is ["--quick", ..])
{
    var bench = new RenderBenchmarks { Rows = 100_000 };
    bench.Setup();
    foreach (var (name, run) in new (string, Action)[] { ("table", bench.Table), ("csv", bench.Csv), ("json", bench.Json), ("table", bench.Table), ("csv", bench.Csv), ("json", bench.Json) })
    {
        var watch = Stopwatch.StartNew();
        run();
        Console.WriteLine($"{name}: {watch.ElapsedMilliseconds} ms");
    }
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(args);
