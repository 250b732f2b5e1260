namespace AsperaNative.Plugins.Tests.Config.Wizard;

/// <summary>
/// <c>config detect</c> and <c>config wizard</c> against the emulator of a product with HTTP Basic authentication
/// (Shares, Console, Orchestrator, Faspex 4): detection (with and without the product's standard path), the preset
/// <c>url username password</c> written as <c>&lt;product&gt;_127_0_0_1_&lt;user&gt;</c> and made the plugin's default.
/// </summary>
public abstract class BasicAuthWizardTests : IAsyncLifetime
{
    protected readonly CliHome Home = new();

    protected abstract string Product { get; }
    protected abstract string ApplicationName { get; }
    /// <summary>The URL the product answers at (what detection reports).</summary>
    protected abstract string Url { get; }
    /// <summary>An address that detection completes to <see cref="Url"/> (null when the emulator has no standard path).</summary>
    protected abstract string? ShortAddress { get; }
    protected abstract string Version { get; }
    protected abstract string TestArguments { get; }
    protected abstract (string User, string Password) Account { get; }
    /// <summary>Whether the command ascli suggests exists in 4.21 (Console's <c>transfer list</c> does not).</summary>
    protected virtual bool TestCommandWorks => true;

    public abstract Task InitializeAsync();
    protected abstract Task StopAsync();

    public async Task DisposeAsync()
    {
        await StopAsync();
        Home.Dispose();
    }

    [Fact]
    public void DetectNamesTheProduct()
    {
        string expected = $"{Product} | {ApplicationName} | {Url} | {Version}";
        Assert.Equal(expected, WizardRun.Single(Home.Run("config", "detect", Url, "--insecure=yes", "--format=json")));
        if (ShortAddress is not null)
            Assert.Equal(expected, WizardRun.Single(Home.Run("config", "detect", ShortAddress, Product, "--insecure=yes", "--format=json")));
    }

    [Fact]
    public void WizardCreatesTheDefaultPreset()
    {
        var (user, password) = Account;
        string preset = $"{Product}_127_0_0_1_{user.Replace('.', '_')}";
        var run = Home.Run("config", "wizard", Url, "--insecure=yes", $"--username={user}", $"--password={password}");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal($"Using: {ApplicationName} at {Url}\nPreparing preset: {preset}\nSetting config preset as default for {Product}\n"
            + $"You can test with:\nascli {Product} {TestArguments}\nSaving config file.\n", run.Out);
        Assert.Equal($$"""{"url":"{{Url}}","username":"{{user}}","password":"{{password}}"}""", WizardRun.Preset(Home, preset));
        Assert.Equal(preset, WizardRun.DefaultOf(Home, Product));
        // the suggested test command works with the new default preset
        if (!TestCommandWorks) return;
        var test = Home.Run([Product, .. TestArguments.Split(' '), "--insecure=yes"]);
        Assert.True(test.Exit == 0, test.Err);
    }
}
