namespace AsperaNative.Plugins.Tests.Config;

public sealed class LocalCommandTests : IDisposable
{
    private readonly CliHome _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public void InitDemoCreatesPresetAndServerDefault()
    {
        var run = _home.Run("config", "initdemo");
        Assert.Equal(0, run.Exit);
        Assert.StartsWith("Done\n", run.Out);
        Assert.Equal("{\"url\":\"ssh://demo.asperasoft.com:33001\",\"username\":\"aspera\",\"password\":\"demoaspera\"}\n",
            _home.Run("config", "preset", "show", "demoserver", "--format=json", "--show-secrets=yes").Out);
        Assert.Equal("demoserver\n", _home.Run("config", "preset", "get", "default", "server").Out);
    }

    [Fact]
    public void InitDemoKeepsAnExistingServerDefault()
    {
        _home.Run("config", "preset", "set", "default", "server", "mine");
        _home.Run("config", "preset", "set", "mine", "url", "ssh://x");
        Assert.Equal(0, _home.Run("config", "initdemo").Exit);
        Assert.Equal("mine\n", _home.Run("config", "preset", "get", "default", "server").Out);
        Assert.Contains("demoserver", _home.Run("config", "preset", "list").Out);
    }

    [Fact]
    public void DocumentationInTextModeShowsTheUrl()
    {
        Assert.Equal("USER ACTION: please enter this URL in a browser:\nhttps://www.rubydoc.info/gems/aspera-cli\n", _home.Run("config", "documentation", "--ui=text").Out);
        Assert.Equal("USER ACTION: please enter this URL in a browser:\nhttps://www.rubydoc.info/gems/aspera-cli#vault\n", _home.Run("config", "documentation", "vault", "--ui=text").Out);
    }

    [Fact]
    public void OpenInTextModeWithoutEditorShowsThePath()
    {
        if (Environment.GetEnvironmentVariable("EDITOR") is { Length: > 0 }) return;
        Assert.Equal($"USER ACTION: open this:\n{_home.ConfigFile}\n", _home.Run("config", "open", "--ui=text").Out);
    }

    [Fact]
    public void TestThrowRaisesTheNamedClass()
    {
        Assert.Equal("ERROR: Other(RuntimeError): boom", _home.Run("config", "test", "throw", "RuntimeError", "boom").Error);
        Assert.Equal("ERROR: Argument: bad", _home.Run("config", "test", "throw", "Aspera::Cli::BadArgument", "bad").Error);
        Assert.Equal("ERROR: Tool: err", _home.Run("config", "test", "throw", "Aspera::Cli::Error", "err").Error);
        Assert.Equal("ERROR: Other(NameError): uninitialized constant Nope", _home.Run("config", "test", "throw", "Nope", "x").Error);
        Assert.Equal("ERROR: Other(Aspera::AssertError): assertion failed: String is not an exception: Class", _home.Run("config", "test", "throw", "String", "x").Error);
        Assert.Equal("ERROR: Argument: missing argument: exception text (String)", _home.Run("config", "test", "throw", "RuntimeError").Error);
    }

    [Fact]
    public void TestWebDoesNothing()
    {
        var run = _home.Run("config", "test", "web");
        Assert.Equal(0, run.Exit);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void PluginsCreateExplainsPluginsAreCompiledIn()
    {
        var run = _home.Run("config", "plugins", "create", "Foo", "/tmp");
        Assert.Equal(1, run.Exit);
        Assert.StartsWith("ERROR: Tool: cannot create plugin foo: plugins are compiled into this executable", run.Error);
    }

    [Fact]
    public void ImageOfPngFileIsDrawnWithHalfBlocks()
    {
        string file = _home.PathOf("red.png");
        File.WriteAllBytes(file, TestPng.Solid(4, 4, 255, 0, 0));
        var run = _home.Run("config", "image", file);
        Assert.Equal(0, run.Exit);
        Assert.Equal(string.Concat(Enumerable.Repeat("\e[38;2;255;0;0m\e[48;2;255;0;0m\u2580", 4)) + "\e[0m", run.Out.Split('\n')[0]);
        Assert.Equal(2, run.Out.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public void ImageOfJpegIsUnsupported()
    {
        string file = _home.PathOf("x.jpg");
        File.WriteAllBytes(file, [0xFF, 0xD8, 0xFF, 0xE0, 0, 0]);
        Assert.Equal("ERROR: Tool: image: JPEG format cannot be displayed: only PNG images are supported", _home.Run("config", "image", file).Error);
        Assert.Equal("ERROR: Tool: image: this format cannot be displayed: only PNG images are supported", _home.Run("config", "image", "just text").Error);
    }

    [Fact]
    public void CheckUpdateNeverFailsOnNetworkErrors()
    {
        // offline, rubygems.org is unreachable: as ascli, a warning and latest version 0
        var run = _home.Run("config", "check_update", "--format=json", "--http-options=@json:{\"open_timeout\":5}");
        Assert.Equal(0, run.Exit);
        Assert.StartsWith("{\"name\":\"aspera-cli\",\"current\":\"4.21.1\",\"latest\":", run.Out);
        if (run.Out.Contains("\"latest\":\"0\"", StringComparison.Ordinal))
        {
            Assert.Contains("\"need_update\":false", run.Out);
            Assert.Contains("Could not retrieve latest gem version on rubygems.", run.Err);
        }
    }

    [Fact]
    public void UnknownWordsOfConfigAreListed()
    {
        var run = _home.Run("config");
        Assert.Equal(1, run.Exit);
        foreach (var word in new[] { "check_update", "coffee", "documentation", "genkey", "image", "initdemo", "open", "pubkey", "test", "vault" })
            Assert.Contains("- " + word + "\n", run.Err);
    }
}
