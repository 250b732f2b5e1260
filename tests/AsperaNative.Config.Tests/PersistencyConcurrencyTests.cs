using System.Diagnostics;
using System.Text.Json.Nodes;

namespace AsperaNative.Config.Tests;

/// <summary>
/// The persistency folder under cron: two runs updating the same once-only list at once lose nothing, a writer that
/// fails or dies mid-way leaves the previous value whole, and a dead process's lock does not block the next run.
/// </summary>
public sealed class PersistencyConcurrencyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Directory.CreateTempSubdirectory("persist-lock").FullName, "persist_store");

    public void Dispose()
    {
        try { Directory.Delete(Path.GetDirectoryName(_folder)!, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Two_runs_saving_the_same_once_only_list_at_once_keep_every_item()
    {
        const int PerWriter = 150;
        using var start = new Barrier(2);
        // each "run" loads the list, processes one new item, saves its list: the other run's items were not in what it loaded
        Task Writer(string name) => Task.Run(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < PerWriter; i++)
            {
                var state = new OnceOnlyState(new PersistencyFolder(_folder), "aoc_recv_x", enabled: true);
                var list = state.Load() as JsonArray ?? [];
                list.Add((JsonNode)$"{name}{i}");
                state.Merge(list);
            }
        });
        await Task.WhenAll(Writer("a"), Writer("b"));
        var saved = (JsonArray)new OnceOnlyState(new PersistencyFolder(_folder), "aoc_recv_x", enabled: true).Load()!;
        var items = saved.Select(static n => n!.GetValue<string>()).ToHashSet();
        Assert.Equal(2 * PerWriter, saved.Count);
        for (int i = 0; i < PerWriter; i++) Assert.True(items.Contains($"a{i}") && items.Contains($"b{i}"), $"lost item {i}");
        // no temporary file left behind, the lock files are out of the way
        Assert.Equal(["aoc_recv_x.txt"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_update_waits_for_the_one_in_progress_and_sees_its_result()
    {
        var store = new PersistencyFolder(_folder);
        store.Put("k", "0");
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var first = Task.Run(() => store.Update("k", v =>
        {
            inside.Set();
            release.Wait();
            return (int.Parse(v!) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }));
        inside.Wait();
        string? seen = null;
        var second = Task.Run(() => new PersistencyFolder(_folder).Update("k", v => { seen = v; return v + "+"; }));
        // held: the second cannot have read the value yet (a broken lock would let it read "0")
        await Task.WhenAny(second, Task.Delay(300));
        Assert.False(second.IsCompleted);
        release.Set();
        await Task.WhenAll(first, second);
        Assert.Equal("1", seen);
        Assert.Equal("1+", store.Get("k"));
    }

    [Fact]
    public void A_writer_that_fails_mid_way_leaves_the_old_value()
    {
        var store = new PersistencyFolder(_folder);
        store.Put("state", "[\"p1\",\"p2\"]");
        Assert.Throws<InvalidOperationException>(() => store.Update("state", _ => throw new InvalidOperationException("killed")));
        Assert.Equal("[\"p1\",\"p2\"]", store.Get("state"));
        // the lock was released with the failure
        store.Put("state", "[]");
        Assert.Equal("[]", store.Get("state"));
    }

    [Fact]
    public void A_half_written_temporary_file_of_a_killed_writer_is_not_a_value()
    {
        var store = new PersistencyFolder(_folder);
        store.Put("state", "[\"p1\"]");
        // what a writer killed before its rename leaves: a hidden temporary file beside the value
        File.WriteAllText(Path.Combine(_folder, ".state.txt.4242.0123456789abcdef.tmp"), "[\"p1\",\"p");
        Assert.Equal("[\"p1\"]", store.Get("state"));
        Assert.Equal(["p1"], ((JsonArray)new OnceOnlyState(store, "state", true).Load()!).Select(static n => n!.GetValue<string>()));
        Assert.Equal(["state"], store.Flush());
    }

    [Fact]
    public async Task The_lock_of_a_killed_process_is_released_by_the_system()
    {
        var store = new PersistencyFolder(_folder);
        store.Put("state", "old");
        // another process holds the lock of this id (flock, as our own lock), then is killed
        using var holder = Process.Start(new ProcessStartInfo("flock", [Path.Combine(_folder, PersistencyFolder.LockFolderName, "state.txt.lock"), "-c", "echo held; exec sleep 600"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        Assert.Equal("held", holder.StandardOutput.ReadLine());
        var update = Task.Run(() => store.Update("state", v => v + "+new"));
        await Task.WhenAny(update, Task.Delay(300));
        Assert.False(update.IsCompleted);
        holder.Kill(entireProcessTree: true);
        await update.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("old+new", store.Get("state"));
    }

    [Fact]
    public void A_merged_list_keeps_both_runs_items_an_empty_one_deletes_the_file_and_save_replaces()
    {
        var store = new PersistencyFolder(_folder);
        var list = new OnceOnlyState(store, "list", enabled: true);
        list.Merge(new JsonArray("a"));
        Assert.Equal("[\"b\",\"a\"]", list.Merge(new JsonArray("b")).ToJsonString());
        Assert.Equal("[\"b\",\"a\"]", store.Get("list"));
        list.Save(new JsonArray());
        Assert.Equal("[]", store.Get("list"));
        list.Merge(new JsonArray());
        Assert.Null(store.Get("list"));
        // a position (ascli keeps a one-item list) is replaced, never accumulated
        var position = new OnceOnlyState(store, "pos", enabled: true);
        position.Save(new JsonArray("event1"));
        position.Save(new JsonArray("event2"));
        Assert.Equal("[\"event2\"]", store.Get("pos"));
        // file names as ascli's ids: only characters a file name cannot have are replaced
        store.Put("faspex_recv_host_Bob@example_com_inbox", "[]");
        Assert.True(File.Exists(Path.Combine(_folder, "faspex_recv_host_bob@example_com_inbox.txt")));
        store.Put("a/b:c", "x");
        Assert.True(File.Exists(Path.Combine(_folder, "a_b_c.txt")));
        // disabled: nothing written
        new OnceOnlyState(store, "off", enabled: false).Merge(new JsonArray("x"));
        Assert.Null(store.Get("off"));
    }
}
