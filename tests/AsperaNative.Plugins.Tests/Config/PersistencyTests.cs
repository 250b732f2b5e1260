using System.Text.Json.Nodes;
using AsperaNative.Config;

namespace AsperaNative.Plugins.Tests.Config;

public sealed class PersistencyTests : IDisposable
{
    private readonly CliHome _home = new();

    public void Dispose() => _home.Dispose();

    private ConfigPaths Paths => new(_home.ConfigFolder, _home.ConfigFile);

    [Fact]
    public void OnceOnlyStateIsKeptOnlyWhenEnabled()
    {
        using var on = new RunFolders(Paths, null, cleanTemp: true, onceOnly: true);
        var state = on.OnceOnlyState("aoc", "https://x.example.com", "packages");
        Assert.Equal("aoc_https_x.example.com_packages", state.Id);
        Assert.Null(state.Load());
        state.Save(new JsonArray(1, 2));
        Assert.Equal("[1,2]", on.OnceOnlyState("aoc", "https://x.example.com", "packages").Load()!.ToJsonString());
        using var off = new RunFolders(Paths, null, cleanTemp: true, onceOnly: false);
        Assert.Null(off.OnceOnlyState("aoc", "https://x.example.com", "packages").Load());
        off.OnceOnlyState("z").Save(JsonValue.Create(1));
        Assert.Null(on.OnceOnlyState("z").Load());
        Assert.True(File.Exists(Path.Combine(_home.ConfigFolder, "persist_store", "aoc_https_x.example.com_packages.txt")));
    }

    [Fact]
    public void TempFolderIsCleanedUnlessAskedToKeep()
    {
        string root = _home.PathOf("tmp");
        Directory.CreateDirectory(root);
        string cleaned, kept;
        using (var folders = new RunFolders(Paths, root, cleanTemp: true, onceOnly: false)) cleaned = folders.Temp.Folder;
        using (var folders = new RunFolders(Paths, root, cleanTemp: false, onceOnly: false)) kept = folders.Temp.Folder;
        Assert.False(Directory.Exists(cleaned));
        Assert.True(Directory.Exists(kept));
        Assert.StartsWith(root, kept);
    }

    [Fact]
    public void VersionCheckPeriod()
    {
        var folder = new PersistencyFolder(Path.Combine(_home.ConfigFolder, "persist_store"));
        var today = new DateOnly(2025, 3, 10);
        Assert.False(VersionCheck.IsDue(folder, 0, today));
        Assert.True(VersionCheck.IsDue(folder, 7, today));
        VersionCheck.MarkChecked(folder, today);
        Assert.Equal("[\"2025/03/10\"]", folder.Get(VersionCheck.PersistencyId));
        Assert.False(VersionCheck.IsDue(folder, 7, today.AddDays(6)));
        Assert.True(VersionCheck.IsDue(folder, 7, today.AddDays(7)));
        folder.Put(VersionCheck.PersistencyId, "garbage");
        Assert.True(VersionCheck.IsDue(folder, 7, today));
    }
}
