namespace AsperaNative.Plugins.Tests.Shares;

/// <summary>A launcher script for the stand-in ascp copied beside the tests, for <c>--ascp-path</c> of in-process runs.</summary>
internal static class StandInAscpLauncher
{
    public static string Create(string folder)
    {
        string dir = AppContext.BaseDirectory;
        string dll = Path.Combine(dir, "ascp.dll");
        Assert.True(File.Exists(dll), "stand-in ascp not beside the tests");
        string command = File.Exists(Path.Combine(dir, "ascp")) ? $"exec \"{Path.Combine(dir, "ascp")}\" \"$@\""
            : File.Exists(Path.Combine(dir, "ascp.runtimeconfig.json")) ? $"exec dotnet \"{dll}\" \"$@\""
            : $"exec dotnet exec --runtimeconfig \"{Path.Combine(dir, "AsperaNative.Plugins.Tests.runtimeconfig.json")}\" \"{dll}\" \"$@\"";
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "ascp");
        File.WriteAllText(path, "#!/bin/sh\n" + command + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // the token bypass key an SDK carries beside ascp (the CLI copies it into its SDK folder)
        File.WriteAllText(Path.Combine(folder, "aspera_bypass_rsa.pem"), "-----BEGIN RSA PRIVATE KEY-----\nstand-in\n-----END RSA PRIVATE KEY-----\n");
        return path;
    }
}
