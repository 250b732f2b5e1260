namespace AsperaNative.Cli.Application;

/// <summary>The version reported by <c>-v</c> and <c>config gem version</c>: the ascli release we are a drop-in for.</summary>
internal static class VersionInfo
{
    public const string Version = "4.21.1";
}
