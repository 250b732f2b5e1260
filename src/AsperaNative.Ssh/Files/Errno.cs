namespace AsperaNative.Ssh.Files;

/// <summary>The POSIX error numbers ascmd reports, with the C library's texts.</summary>
public static class Errno
{
    public const int NoEntry = 2;
    public const int Io = 5;
    public const int Access = 13;
    public const int Exists = 17;
    public const int NotDirectory = 20;
    public const int IsDirectory = 21;
    public const int NotEmpty = 39;

    public static string Text(int errno) => errno switch
    {
        NoEntry => "No such file or directory",
        Io => "Input/output error",
        Access => "Permission denied",
        Exists => "File exists",
        NotDirectory => "Not a directory",
        IsDirectory => "Is a directory",
        NotEmpty => "Directory not empty",
        _ => $"Unknown error {errno}",
    };
}
