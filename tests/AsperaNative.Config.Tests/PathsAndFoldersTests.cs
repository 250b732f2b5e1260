namespace AsperaNative.Config.Tests;

public sealed class PathsAndFoldersTests
{
    [Fact]
    public void HomeOptionBeatsEnvironmentWhichBeatsDefault()
    {
        Assert.Equal("myhome/config.yaml", ConfigPaths.Resolve("myhome", null, "/u", _ => "/env").ConfigFile);
        Assert.Equal("/env/config.yaml", ConfigPaths.Resolve(null, null, "/u", _ => "/env").ConfigFile);
        Assert.Equal("/u/.aspera/ascli/config.yaml", ConfigPaths.Resolve(null, null, "/u", _ => null).ConfigFile);
        Assert.Equal("/x/c.yml", ConfigPaths.Resolve(null, "/x/c.yml", "/u", _ => null).ConfigFile);
        Assert.Equal("/u/.aspera/ascli/persist_store", ConfigPaths.Resolve(null, null, "/u", _ => null).PersistencyFolder);
    }

    [Fact]
    public void PersistencyFolderStoresAndFlushes()
    {
        string folder = Path.Combine(Directory.CreateTempSubdirectory("persist").FullName, "persist_store");
        var store = new PersistencyFolder(folder);
        Assert.Null(store.Get("oauth:https://x/a"));
        store.Put("oauth:https://x/a", "token1");
        store.Put("other", "v");
        Assert.Equal("token1", store.Get("oauth:https://x/a"));
        Assert.Single(store.Flush("oauth"));
        Assert.Null(store.Get("oauth:https://x/a"));
        Assert.Equal("v", store.Get("other"));
    }

    [Fact]
    public void TempFolderIsCleanedUnlessAskedNot()
    {
        string root = Directory.CreateTempSubdirectory("tmproot").FullName;
        string used;
        using (var temp = new TempFolder(root, cleanTemp: true)) { used = temp.Folder; File.WriteAllText(temp.NewFilePath(), "x"); }
        Assert.False(Directory.Exists(used));
        using (var temp = new TempFolder(root, cleanTemp: false)) used = temp.Folder;
        Assert.True(Directory.Exists(used));
    }
}
