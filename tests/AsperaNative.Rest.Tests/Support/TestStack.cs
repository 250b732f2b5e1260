namespace AsperaNative.Rest.Tests.Support;

/// <summary>Factories over explicit settings, with diagnostics captured.</summary>
public static class TestStack
{
    public static (RestFactory Factory, StringWriter Diagnostics) Create(Func<RestSettings, RestSettings>? configure = null)
    {
        var diagnostics = new StringWriter();
        var settings = new RestSettings { Diagnostics = diagnostics, Http = HttpOptions.Default with { RetrySleep = TimeSpan.Zero } };
        if (configure is not null) settings = configure(settings);
        return (new RestFactory(() => settings), diagnostics);
    }
}
